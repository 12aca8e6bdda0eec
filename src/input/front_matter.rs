//! A stub's YAML front matter (SPEC §8) read from its text: what the checklist needs, each value
//! at its line, and what cannot be read reported, never guessed.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::Deserialize;

use crate::model::progress::{FrontMatter, Status, Stub, Unreadable};

/// What a stub's text (`None`: no file) says about where its deliverable stands.
pub fn stub(text: Option<&str>) -> Stub {
    match text {
        None => Stub::Missing,
        Some(text) => match read(text) {
            Ok(fm) => Stub::Read(fm),
            Err(problem) => Stub::Unreadable(problem),
        },
    }
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
    // Top-level keys and their lines in the file (the `---` line is line 1).
    let lines: BTreeMap<String, usize> = yaml
        .lines()
        .enumerate()
        .filter_map(|(i, l)| {
            let key = l.split_once(':')?.0;
            let plain = !key.is_empty() && !key.starts_with([' ', '\t', '#', '-']);
            plain.then(|| (key.trim().to_string(), file_line(i + 1)))
        })
        .collect();
    let line_with = |key: &str| lines.get(key).copied().unwrap_or(1);
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
        lines,
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
