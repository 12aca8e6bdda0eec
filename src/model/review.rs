//! What `check` says about a team (SPEC §6), as typed findings: errors (a rule is broken, the
//! docs cannot be right) and advice about the team's shape (printed as warnings). Where each
//! finding points and how it is worded is the caller's business.

use super::progress::{Progress, Status};
use super::team::Team;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The team's shape: worth knowing, not wrong (exit 0 unless `--strict`).
    Advice,
    /// A rule is broken (exit 1).
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// No cover chain reaches the team for the `absent` roles; `by`, the most senior role
    /// present, took their letters in `activities`.
    Gap {
        absent: Vec<String>,
        by: String,
        activities: Vec<String>,
    },
    /// A role on the team with no R or A anywhere.
    Idle { role: String },
    /// The member at `member` is accountable for `accountable` activities, more than `limit`.
    Overloaded {
        member: usize,
        accountable: usize,
        limit: usize,
    },
    /// Only the member at `member` holds `role`, and nobody else holds a role that could stand
    /// in for it.
    SoleHolder { role: String, member: usize },
    /// The members at `first` and `second` have the same name.
    ListedTwice { first: usize, second: usize },
    /// The member at `member` holds no role.
    HoldsNothing { member: usize },
    /// `deliverable` is done, and nobody signed it off.
    NotSignedOff { deliverable: String, signer: String },
    /// `deliverable` is signed off by `name`, who is not on the team.
    SignedByStranger { deliverable: String, name: String },
    /// `deliverable` is signed off by `name`, who does not hold `signer`, the role that signs it.
    SignedByOther {
        deliverable: String,
        name: String,
        signer: String,
    },
    /// `deliverable` names who signed it off but not when.
    SignOffUndated { deliverable: String },
}

impl Finding {
    pub fn severity(&self) -> Severity {
        match self {
            Finding::Gap { .. }
            | Finding::Idle { .. }
            | Finding::Overloaded { .. }
            | Finding::SoleHolder { .. } => Severity::Advice,
            _ => Severity::Error,
        }
    }
}

/// Every finding about the team itself: its roles, covers, people and their load.
pub fn team(team: &Team) -> Vec<Finding> {
    let mut out = Vec::new();
    let fallbacks: Vec<_> = team.matrix.covers.iter().filter(|c| c.fallback).collect();
    if let Some(first) = fallbacks.first() {
        let absent: Vec<String> = fallbacks
            .iter()
            .filter(|c| team.matrix.rows.iter().any(|r| r.gaps.contains(&c.absent)))
            .map(|c| c.absent.clone())
            .collect();
        let activities: Vec<String> = team
            .matrix
            .rows
            .iter()
            .filter(|row| !row.gaps.is_empty())
            .map(|row| row.activity.clone())
            .collect();
        if !absent.is_empty() {
            out.push(Finding::Gap {
                absent,
                by: first.by.clone(),
                activities,
            });
        }
    }
    for role in &team.roles {
        let works = team
            .matrix
            .duties(role)
            .any(|(_, c)| c.letter.is_accountable() || c.letter.is_responsible());
        if !works {
            out.push(Finding::Idle { role: role.clone() });
        }
    }
    people(team, &mut out);
    out
}

fn people(team: &Team, out: &mut Vec<Finding>) {
    let key = |name: &str| name.trim().to_lowercase();
    for (i, member) in team.members.iter().enumerate() {
        if let Some(first) = team.members[..i]
            .iter()
            .position(|m| key(&m.name) == key(&member.name))
        {
            out.push(Finding::ListedTwice { first, second: i });
        }
        if member.roles.is_empty() {
            out.push(Finding::HoldsNothing { member: i });
        }
    }
    let working: Vec<usize> = (0..team.members.len())
        .filter(|&i| !team.members[i].roles.is_empty())
        .collect();
    if working.is_empty() {
        return;
    }
    let limit = overload_limit(team, working.len());
    for &i in &working {
        let accountable = accountable_count(team, i);
        if accountable > limit {
            out.push(Finding::Overloaded {
                member: i,
                accountable,
                limit,
            });
        }
    }
    for role in &team.roles {
        let holders: Vec<usize> = working
            .iter()
            .copied()
            .filter(|&i| team.members[i].roles.contains(role))
            .collect();
        if let [only] = holders[..] {
            if team.stand_in(role, &team.members[only].name).is_none() && working.len() > 1 {
                out.push(Finding::SoleHolder {
                    role: role.clone(),
                    member: only,
                });
            }
        }
    }
}

/// The most activities one of `people` people may be accountable for: `max_share` times an
/// even share, and the fixed cap when the team sets one.
pub fn overload_limit(team: &Team, people: usize) -> usize {
    let rows = team.matrix.rows.len() as f64;
    let share = (rows / people.max(1) as f64 * team.load.max_share).floor() as usize;
    team.load
        .max_accountable
        .map_or(share, |cap| share.min(cap as usize))
}

/// The activities the member at `member` is accountable for, through any of their roles.
pub fn accountable_count(team: &Team, member: usize) -> usize {
    let roles = &team.members[member].roles;
    team.matrix
        .rows_with(roles, |letter| letter.is_accountable())
}

/// Sign-offs (SPEC §8): a deliverable `done` needs `approved_by`, a person holding the role
/// that signs it off, and `approved_on`. When the team names nobody, any name will do.
pub fn sign_offs(team: &Team, progress: &Progress) -> Vec<Finding> {
    let mut out = Vec::new();
    for (id, entry) in progress {
        let signer = team.signs_off(id, &entry.owner);
        match entry.approved_by.as_deref() {
            None if entry.status == Status::Done => out.push(Finding::NotSignedOff {
                deliverable: id.clone(),
                signer,
            }),
            None => {}
            Some(name) => {
                if !team.members.is_empty() {
                    match team.member(name) {
                        None => out.push(Finding::SignedByStranger {
                            deliverable: id.clone(),
                            name: name.to_string(),
                        }),
                        Some(m) if !m.roles.contains(&signer) => {
                            out.push(Finding::SignedByOther {
                                deliverable: id.clone(),
                                name: m.name.clone(),
                                signer,
                            });
                        }
                        Some(_) => {}
                    }
                }
                if entry.approved_on.is_none() {
                    out.push(Finding::SignOffUndated {
                        deliverable: id.clone(),
                    });
                }
            }
        }
    }
    out
}
