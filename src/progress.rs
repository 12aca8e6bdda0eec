//! Where each deliverable stands, read from its stub's YAML front matter (SPEC §8): the files are
//! the source of truth; what cannot be read is reported, never guessed.

use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Todo,
    Draft,
    Review,
    Done,
    /// The stub's file is not there.
    Missing,
    /// The front matter could not be read.
    Unreadable,
}

impl Status {
    pub const WRITTEN: [Status; 4] = [Status::Todo, Status::Draft, Status::Review, Status::Done];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Todo => "todo",
            Status::Draft => "draft",
            Status::Review => "review",
            Status::Done => "done",
            Status::Missing => "missing",
            Status::Unreadable => "unreadable",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a stub's front matter says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatter {
    pub deliverable: Option<String>,
    pub owner: Option<String>,
    pub phase: Option<String>,
    pub status: Status,
    pub due: Option<Date>,
}

/// A problem in a stub's front matter, at a 1-based line of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub line: usize,
    pub message: String,
}

/// Where one of the team's deliverables stands: its stub's word, or the catalog's where the
/// stub says nothing usable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub status: Status,
    pub due: Option<Date>,
    /// The owner role: the stub's `owner` when it names a role, else the catalog's.
    pub owner: String,
    /// The phase: the stub's `phase` when it names one, else the catalog's.
    pub phase: String,
    /// What could not be read or used, at a line of the stub.
    pub problems: Vec<Unreadable>,
}

/// Deliverable id → where it stands.
pub type Progress = std::collections::BTreeMap<String, Entry>;

/// Reads the stub of every deliverable the team owes; `stub` gives a project file's text (`None`
/// when there is no file, an error when it cannot be read).
pub fn of_team(
    team: &crate::team::Team,
    stub: impl Fn(&str) -> anyhow::Result<Option<String>>,
) -> Progress {
    team.deliverables
        .iter()
        .filter_map(|id| team.catalog.deliverable(id))
        .map(|d| {
            let mut entry = Entry {
                status: Status::Missing,
                due: None,
                owner: d.owner.clone(),
                phase: d.phase.clone(),
                problems: Vec::new(),
            };
            let text = match stub(&crate::pages::stub_path(&d.id)) {
                Ok(text) => text,
                Err(e) => {
                    entry.status = Status::Unreadable;
                    let message = match e.downcast_ref::<crate::write::NotText>() {
                        Some(_) => "the file is not UTF-8 text".to_string(),
                        None => format!("{e:#}"),
                    };
                    entry.problems.push(Unreadable { line: 1, message });
                    None
                }
            };
            if let Some(text) = text {
                match read(&text) {
                    Err(problem) => {
                        entry.status = Status::Unreadable;
                        entry.problems.push(problem);
                    }
                    Ok(fm) => {
                        entry.status = fm.status;
                        entry.due = fm.due;
                        let blank = |v: &Option<String>| {
                            v.as_deref()
                                .map(str::trim)
                                .filter(|v| !v.is_empty())
                                .map(String::from)
                        };
                        if let Some(owner) = blank(&fm.owner) {
                            match team.catalog.unknown_role(&owner) {
                                None => entry.owner = owner,
                                Some(message) => entry.problems.push(Unreadable {
                                    line: line_of(&text, "owner"),
                                    message: format!("owner: {message}"),
                                }),
                            }
                        }
                        if let Some(phase) = blank(&fm.phase) {
                            if team.catalog.phase(&phase).is_some() {
                                entry.phase = phase;
                            } else {
                                let hint = crate::ids::suggestion(&phase, team.catalog.phase_ids());
                                entry.problems.push(Unreadable {
                                    line: line_of(&text, "phase"),
                                    message: format!("phase: unknown phase `{phase}`{hint}"),
                                });
                            }
                        }
                    }
                }
            }
            (d.id.clone(), entry)
        })
        .collect()
}

/// The 1-based line of `key:` in a file's front matter (1 when it is not there).
pub fn line_of(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| l.starts_with(&format!("{key}:")))
        .map_or(1, |i| i + 1)
}

#[derive(Deserialize)]
struct Raw {
    deliverable: Option<String>,
    owner: Option<String>,
    phase: Option<String>,
    status: Option<serde_yaml_ng::Value>,
    due: Option<serde_yaml_ng::Value>,
}

pub fn read(text: &str) -> Result<FrontMatter, Unreadable> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let body = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
        .ok_or_else(|| Unreadable {
            line: 1,
            message: "no front matter: the file must begin with a line `---`".into(),
        })?;
    let end = body
        .match_indices("\n---")
        .map(|(i, _)| i + 1)
        .find(|&i| {
            body[i + 3..].starts_with('\n')
                || body[i + 3..].starts_with("\r\n")
                || body.len() == i + 3
        })
        .or_else(|| body.starts_with("---").then_some(0))
        .ok_or_else(|| Unreadable {
            line: 1,
            message: "the front matter has no closing `---` line".into(),
        })?;
    let yaml = &body[..end];
    let file_line = |yaml_line: usize| yaml_line + 1;
    let raw: Raw = if yaml.trim().is_empty() {
        Raw {
            deliverable: None,
            owner: None,
            phase: None,
            status: None,
            due: None,
        }
    } else {
        serde_yaml_ng::from_str(yaml).map_err(|e| Unreadable {
            line: e.location().map_or(1, |l| file_line(l.line())),
            message: format!(
                "the front matter is not valid YAML: {}",
                first_sentence(&e.to_string())
            ),
        })?
    };
    let line_with = |key: &str| {
        yaml.lines()
            .position(|l| l.starts_with(&format!("{key}:")))
            .map_or(1, |i| file_line(i + 1))
    };
    let status = match raw.status {
        None | Some(serde_yaml_ng::Value::Null) => {
            return Err(Unreadable {
                line: 1,
                message: "the front matter has no `status`".into(),
            });
        }
        Some(serde_yaml_ng::Value::String(s)) => Status::WRITTEN
            .into_iter()
            .find(|st| st.as_str() == s.trim()),
        Some(_) => None,
    }
    .ok_or_else(|| Unreadable {
        line: line_with("status"),
        message: "`status` must be one of todo, draft, review, done".into(),
    })?;
    let due = match raw.due {
        None | Some(serde_yaml_ng::Value::Null) => None,
        Some(serde_yaml_ng::Value::String(s)) if s.trim().is_empty() => None,
        Some(serde_yaml_ng::Value::String(s)) => {
            Some(s.trim().parse::<Date>().map_err(|_| Unreadable {
                line: line_with("due"),
                message: format!("`due` is `{s}`, not a date like 2026-12-31"),
            })?)
        }
        Some(_) => {
            return Err(Unreadable {
                line: line_with("due"),
                message: "`due` must be a date like 2026-12-31".into(),
            });
        }
    };
    Ok(FrontMatter {
        deliverable: raw.deliverable,
        owner: raw.owner,
        phase: raw.phase,
        status,
        due,
    })
}

fn first_sentence(message: &str) -> &str {
    message.split(" at line ").next().unwrap_or(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_status_and_due() {
        let fm =
            read("---\ndeliverable: prd\nstatus: review\ndue: 2026-12-31\n---\n# PRD\n").unwrap();
        assert_eq!(fm.status, Status::Review);
        assert_eq!(fm.due, Some(jiff::civil::date(2026, 12, 31)));
        assert_eq!(fm.deliverable.as_deref(), Some("prd"));
        let fm = read("---\nstatus: \"done\"\ndue:\n---\n").unwrap();
        assert_eq!((fm.status, fm.due), (Status::Done, None));
    }

    #[test]
    fn reports_what_it_cannot_read_with_a_line() {
        let bad = |text: &str| read(text).unwrap_err();
        assert_eq!(bad("# no front matter\n").line, 1);
        assert!(bad("---\nstatus: todo\n").message.contains("closing"));
        let e = bad("---\ntitle: x\nstatus: finished\n---\n");
        assert_eq!(
            (e.line, e.message.as_str()),
            (3, "`status` must be one of todo, draft, review, done")
        );
        let e = bad("---\nstatus: todo\ndue: soon\n---\n");
        assert_eq!(e.line, 3);
        let e = bad("---\nstatus: todo\n  owner: [x\n---\n");
        assert!(
            e.message.starts_with("the front matter is not valid YAML"),
            "{e:?}"
        );
        assert!(bad("---\ntitle: x\n---\n").message.contains("no `status`"));
    }
}
