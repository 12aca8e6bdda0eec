//! Where each deliverable stands, as its stub's front matter says (SPEC §8): the files are the
//! source of truth; what cannot be read is reported, never guessed.

use std::collections::BTreeMap;
use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::team::Team;
use crate::msg;
use crate::words::Msg;

#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
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

/// What a stub's front matter says, each key with its 1-based line in the file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub deliverable: Option<String>,
    pub owner: Option<String>,
    pub contributors: Option<Vec<String>>,
    pub phase: Option<String>,
    pub status: Status,
    pub due: Option<Date>,
    pub approved_by: Option<String>,
    pub approved_on: Option<Date>,
    /// What mlteam recorded when it last wrote the stub's header: the `owner` and
    /// `contributors` it assigned. A front-matter value that differs was set by hand.
    pub assigned: BTreeMap<String, String>,
    /// Key → line, for the keys present.
    pub lines: BTreeMap<String, usize>,
}

impl FrontMatter {
    /// The line of `key`, or 1 when the front matter does not have it.
    pub fn line(&self, key: &str) -> usize {
        self.lines.get(key).copied().unwrap_or(1)
    }

    /// The owner a person set by hand: a value that is not the one mlteam assigned.
    pub fn owner_by_hand(&self) -> Option<&str> {
        let owner = self
            .owner
            .as_deref()
            .map(str::trim)
            .filter(|o| !o.is_empty())?;
        (self.assigned.get("owner").map(String::as_str) != Some(owner)).then_some(owner)
    }

    /// The contributors a person set by hand: a list that is not the one mlteam assigned.
    pub fn contributors_by_hand(&self) -> Option<&[String]> {
        let list = self.contributors.as_deref()?;
        let assigned = self.assigned.get("contributors").map(|c| {
            c.split(',')
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect::<Vec<_>>()
        });
        (assigned.as_deref() != Some(list)).then_some(list)
    }
}

/// A problem in a stub's front matter, at a 1-based line of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub line: usize,
    pub message: Msg,
}

/// What a deliverable's stub says, as read from the project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stub {
    /// There is no file.
    Missing,
    /// The file or its front matter cannot be read.
    Unreadable(Unreadable),
    Read(FrontMatter),
}

/// Where one of the team's deliverables stands: its stub's word where a person wrote one, the
/// team's where not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub status: Status,
    /// The date the stub sets; `None`: the end of its phase (the schedule decides).
    pub due: Option<Date>,
    /// The owner role: one a person set in the stub, else the role that holds the work on this
    /// team (the catalog's owner, or whoever covers for it).
    pub owner: String,
    /// The contributing roles, by the same rule.
    pub contributors: Vec<String>,
    /// The phase: the stub's `phase` when it names one, else the catalog's.
    pub phase: String,
    pub approved_by: Option<String>,
    pub approved_on: Option<Date>,
    /// What could not be read or used, at a line of the stub.
    pub problems: Vec<Unreadable>,
    /// The line of each front-matter key in the stub.
    pub lines: BTreeMap<String, usize>,
}

impl Entry {
    /// The line of `key` in the stub's front matter (1 when it has none).
    pub fn line(&self, key: &str) -> usize {
        self.lines.get(key).copied().unwrap_or(1)
    }
}

/// Deliverable id → where it stands.
pub type Progress = BTreeMap<String, Entry>;

/// Where every deliverable the team owes stands; `stub` says what a deliverable's stub holds.
pub fn of_team(team: &Team, stub: impl Fn(&str) -> Stub) -> Progress {
    team.deliverables
        .iter()
        .filter_map(|id| team.catalog.deliverable(id))
        .map(|d| {
            let owner = team.owner_of(&d.id).to_string();
            let mut entry = Entry {
                status: Status::Missing,
                due: None,
                contributors: team.contributors_of(&d.id, &owner),
                owner,
                phase: d.phase.clone(),
                approved_by: None,
                approved_on: None,
                problems: Vec::new(),
                lines: BTreeMap::new(),
            };
            match stub(&d.id) {
                Stub::Missing => {}
                Stub::Unreadable(problem) => {
                    entry.status = Status::Unreadable;
                    entry.problems.push(problem);
                }
                Stub::Read(fm) => read_into(team, &d.id, &fm, &mut entry),
            }
            (d.id.clone(), entry)
        })
        .collect()
}

/// What a readable front matter adds: its status and dates, and the values a person set.
fn read_into(team: &Team, id: &str, fm: &FrontMatter, entry: &mut Entry) {
    entry.status = fm.status;
    entry.due = fm.due;
    entry.lines = fm.lines.clone();
    entry.approved_on = fm.approved_on;
    entry.approved_by = fm
        .approved_by
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(String::from);
    if let Some(owner) = fm.owner_by_hand() {
        match team.catalog.unknown_role(owner) {
            None => {
                entry.owner = owner.to_string();
                entry.contributors = team.contributors_of(id, owner);
            }
            Some(message) => entry.problems.push(Unreadable {
                line: fm.line("owner"),
                message: msg!("diag.about", what = "owner", message = message),
            }),
        }
    }
    if let Some(list) = fm.contributors_by_hand() {
        let unknown: Vec<Msg> = list
            .iter()
            .filter_map(|r| team.catalog.unknown_role(r))
            .collect();
        if unknown.is_empty() {
            entry.contributors = list.to_vec();
        } else {
            for message in unknown {
                entry.problems.push(Unreadable {
                    line: fm.line("contributors"),
                    message: msg!("diag.about", what = "contributors", message = message),
                });
            }
        }
    }
    if let Some(phase) = fm.phase.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        match team.catalog.unknown_phase(phase) {
            None => entry.phase = phase.to_string(),
            Some(message) => entry.problems.push(Unreadable {
                line: fm.line("phase"),
                message: msg!("diag.about", what = "phase", message = message),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::catalog::Catalog;
    use crate::model::team::tests::team;

    /// A product team of a product manager, a data scientist and an ML engineer.
    fn three() -> Team {
        let roles = ["product-manager", "data-scientist", "ml-engineer"];
        let catalog = Catalog::builtin().unwrap();
        team(&catalog, "product", roles.map(String::from).to_vec())
    }

    /// A front matter as a stub written by mlteam has it, the owner and contributors it
    /// assigned recorded; keys on lines 2 to 10 in the order `init` writes them.
    fn written(team: &Team, id: &str) -> FrontMatter {
        let owner = team.owner_of(id).to_string();
        let contributors = team.contributors_of(id, &owner);
        let keys = [
            "deliverable",
            "title",
            "owner",
            "contributors",
            "phase",
            "status",
            "due",
            "approved_by",
            "approved_on",
        ];
        FrontMatter {
            deliverable: Some(id.into()),
            owner: Some(owner.clone()),
            contributors: Some(contributors.clone()),
            assigned: BTreeMap::from([
                ("owner".into(), owner),
                ("contributors".into(), contributors.join(",")),
            ]),
            lines: keys
                .iter()
                .zip(2..)
                .map(|(k, l)| (k.to_string(), l))
                .collect(),
            ..FrontMatter::default()
        }
    }

    fn entry(team: &Team, id: &str, fm: FrontMatter) -> Entry {
        let mut progress = of_team(team, |d| {
            if d == id {
                Stub::Read(fm.clone())
            } else {
                Stub::Missing
            }
        });
        progress.remove(id).unwrap()
    }

    #[test]
    fn every_deliverable_of_the_team_is_listed_missing_until_read() {
        let team = three();
        let progress = of_team(&team, |_| Stub::Missing);
        assert_eq!(progress.keys().cloned().collect::<Vec<_>>(), {
            let mut ids = team.deliverables.clone();
            ids.sort();
            ids
        });
        let prd = &progress["prd"];
        assert_eq!(
            (
                prd.status,
                prd.owner.as_str(),
                prd.phase.as_str(),
                prd.line("status")
            ),
            (Status::Missing, "product-manager", "discovery", 1)
        );
        let unreadable = of_team(&team, |_| {
            Stub::Unreadable(Unreadable {
                line: 3,
                message: Msg::verbatim("bad"),
            })
        });
        assert_eq!(unreadable["prd"].status, Status::Unreadable);
        assert_eq!(unreadable["prd"].problems.len(), 1);
    }

    #[test]
    fn a_read_stub_gives_its_status_dates_sign_off_and_lines() {
        let team = three();
        let fm = FrontMatter {
            status: Status::Review,
            due: Some(jiff::civil::date(2027, 1, 8)),
            approved_by: Some("  Bo Li ".into()),
            approved_on: Some(jiff::civil::date(2027, 1, 9)),
            ..written(&team, "prd")
        };
        let e = entry(&team, "prd", fm.clone());
        assert_eq!(
            (e.status, e.due, e.approved_by.as_deref(), e.approved_on),
            (
                Status::Review,
                fm.due,
                Some("Bo Li"),
                Some(jiff::civil::date(2027, 1, 9))
            )
        );
        assert_eq!(
            (e.line("status"), e.line("due"), e.line("nothing")),
            (7, 8, 1)
        );
        assert_eq!((fm.line("owner"), fm.line("nothing")), (4, 1));
        assert!(e.problems.is_empty());
        let blank = entry(
            &team,
            "prd",
            FrontMatter {
                approved_by: Some("  ".into()),
                phase: Some(" ".into()),
                ..written(&team, "prd")
            },
        );
        assert_eq!(blank.approved_by, None, "a blank sign-off is none");
        assert_eq!(
            (blank.phase.as_str(), blank.problems.len()),
            ("discovery", 0),
            "a blank phase is the catalog's"
        );
    }

    #[test]
    fn values_set_by_hand_win_and_unknown_ones_are_problems_at_their_line() {
        let team = three();
        let by_hand = entry(
            &team,
            "prd",
            FrontMatter {
                owner: Some("ml-engineer".into()),
                contributors: Some(vec!["data-scientist".into()]),
                phase: Some("data".into()),
                ..written(&team, "prd")
            },
        );
        assert_eq!(
            (
                by_hand.owner.as_str(),
                by_hand.contributors.clone(),
                by_hand.phase.as_str()
            ),
            ("ml-engineer", vec!["data-scientist".to_string()], "data")
        );
        assert!(by_hand.problems.is_empty());

        let unknown = entry(
            &team,
            "prd",
            FrontMatter {
                owner: Some("ml-enginer".into()),
                contributors: Some(vec!["nobody".into()]),
                phase: Some("dta".into()),
                ..written(&team, "prd")
            },
        );
        assert_eq!(
            (unknown.owner.as_str(), unknown.phase.as_str()),
            ("product-manager", "discovery"),
            "the team's values stay"
        );
        assert_eq!(
            unknown.contributors,
            team.contributors_of("prd", "product-manager")
        );
        let lines: Vec<usize> = unknown.problems.iter().map(|p| p.line).collect();
        assert_eq!(
            lines,
            [4, 5, 6],
            "owner, contributors and phase at their lines"
        );
    }
}
