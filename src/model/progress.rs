//! Where each deliverable stands, as its stub's front matter says (SPEC §8): the files are the
//! source of truth; what cannot be read is reported, never guessed.

use std::collections::BTreeMap;
use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::ids;
use super::team::Team;

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

/// What a stub's front matter says, each key with its 1-based line in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatter {
    pub deliverable: Option<String>,
    pub owner: Option<String>,
    pub phase: Option<String>,
    pub status: Status,
    pub due: Option<Date>,
    /// Key → line, for the keys present.
    pub lines: BTreeMap<String, usize>,
}

impl FrontMatter {
    /// The line of `key`, or 1 when the front matter does not have it.
    pub fn line(&self, key: &str) -> usize {
        self.lines.get(key).copied().unwrap_or(1)
    }
}

/// A problem in a stub's front matter, at a 1-based line of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub line: usize,
    pub message: String,
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
pub type Progress = BTreeMap<String, Entry>;

/// Where every deliverable the team owes stands; `stub` says what a deliverable's stub holds.
pub fn of_team(team: &Team, stub: impl Fn(&str) -> Stub) -> Progress {
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
            match stub(&d.id) {
                Stub::Missing => {}
                Stub::Unreadable(problem) => {
                    entry.status = Status::Unreadable;
                    entry.problems.push(problem);
                }
                Stub::Read(fm) => {
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
                                line: fm.line("owner"),
                                message: format!("owner: {message}"),
                            }),
                        }
                    }
                    if let Some(phase) = blank(&fm.phase) {
                        if team.catalog.phase(&phase).is_some() {
                            entry.phase = phase;
                        } else {
                            let hint = ids::suggestion(&phase, team.catalog.phase_ids());
                            entry.problems.push(Unreadable {
                                line: fm.line("phase"),
                                message: format!("phase: unknown phase `{phase}`{hint}"),
                            });
                        }
                    }
                }
            }
            (d.id.clone(), entry)
        })
        .collect()
}
