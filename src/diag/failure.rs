//! The failures a command ends with: each picks the exit code (`diag::exit_code`) and says
//! itself in the words it is given; `Display` says it in English, for tests and logs.

use std::fmt;

use super::{Diagnostic, english, help_line, say_error};
use crate::msg;
use crate::words::{Msg, Words};

pub(super) fn list(diagnostics: &[Diagnostic], ui: &Words) -> String {
    diagnostics
        .iter()
        .map(|d| d.say(ui))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Bad input: flags, manifest, templates, files. Exit code 2.
#[derive(Debug, thiserror::Error)]
#[error("{}", list(.0, &english()))]
pub struct Invalid(pub Vec<Diagnostic>);

/// A check found problems (already printed, one per line). Exit code 1.
#[derive(Debug, thiserror::Error)]
#[error("{}", english().say(&self.said()))]
pub struct ProblemsFound(pub usize);

impl ProblemsFound {
    pub fn said(&self) -> Msg {
        msg!("diag.problems_found", count = self.0)
    }
}

/// `checklist --check`: deliverables are still open (already listed). Exit code 1.
#[derive(Debug, thiserror::Error)]
#[error("{}", english().say(&self.said()))]
pub struct NotDone {
    pub open: usize,
    pub total: usize,
}

impl NotDone {
    pub fn said(&self) -> Msg {
        msg!("diag.not_done", count = self.open, total = self.total)
    }
}

/// Writing would lose text a person wrote (a region edited by hand). Exit code 1.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.say(&english()))]
pub struct Refused(pub Vec<Diagnostic>);

impl Refused {
    pub fn say(&self, ui: &Words) -> String {
        format!("{}\n{}", list(&self.0, ui), ui.get("diag.nothing_written"))
    }
}

/// The user stopped us (Ctrl-C, or "no" at the confirmation). Exit code 130.
#[derive(Debug, Clone, Copy, thiserror::Error)]
#[error("{}", english().get(self.key()))]
pub enum Interrupted {
    /// A signal: Ctrl-C, SIGTERM, SIGHUP.
    Signal,
    /// "No" at the confirmation.
    Cancelled,
}

impl Interrupted {
    pub fn key(self) -> &'static str {
        match self {
            Interrupted::Signal => "diag.interrupted",
            Interrupted::Cancelled => "diag.cancelled",
        }
    }
}

/// A failure said in our words, with the failure under it (the system's, when it is one).
#[derive(Debug)]
pub struct Failed {
    pub msg: Msg,
    pub help: Option<Msg>,
    pub cause: Option<anyhow::Error>,
}

impl Failed {
    pub fn say(&self, ui: &Words) -> String {
        let mut out = ui.say(&self.msg);
        if let Some(help) = &self.help {
            out += &help_line(ui, help);
        }
        out
    }
}

impl fmt::Display for Failed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(&english()))
    }
}

impl std::error::Error for Failed {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.cause
            .as_ref()
            .map(|e| -> &(dyn std::error::Error + 'static) { e.as_ref() })
    }
}

/// What an error says, as a [`Msg`] to put in a diagnostic: our words when it is one of our
/// failures, else the error as it said itself.
pub fn msg_of(error: &anyhow::Error) -> Msg {
    match error.downcast_ref::<Failed>() {
        Some(failed) if failed.cause.is_none() && failed.help.is_none() => failed.msg.clone(),
        _ => Msg::verbatim(format!("{error:#}")),
    }
}

/// A failure said in our words alone.
pub fn failed(msg: Msg) -> anyhow::Error {
    Failed {
        msg,
        help: None,
        cause: None,
    }
    .into()
}

/// A failure said in our words, with what to do about it.
pub fn failed_with_help(msg: Msg, help: Msg) -> anyhow::Error {
    Failed {
        msg,
        help: Some(help),
        cause: None,
    }
    .into()
}

/// `context` for our words: the error said as `msg`, its own words after it.
pub trait Said<T> {
    fn said(self, msg: impl FnOnce() -> Msg) -> anyhow::Result<T>;
}

impl<T, E: Into<anyhow::Error>> Said<T> for Result<T, E> {
    fn said(self, msg: impl FnOnce() -> Msg) -> anyhow::Result<T> {
        self.map_err(|e| {
            Failed {
                msg: msg(),
                help: None,
                cause: Some(e.into()),
            }
            .into()
        })
    }
}

/// A write that failed, undone except where a person changed a file meanwhile: those files are
/// left as they are, and named. The exit code is the cause's.
#[derive(Debug)]
pub struct PartlyUndone {
    pub cause: anyhow::Error,
    pub kept: Vec<String>,
}

impl PartlyUndone {
    pub fn say(&self, ui: &Words) -> String {
        let count = self.kept.len();
        let files = self.kept.clone();
        format!(
            "{}\n  {}{}",
            say_error(&self.cause, ui),
            ui.say(&msg!("diag.partly_undone", count = count, files = files)),
            help_line(ui, &msg!("diag.partly_undone_help", count = count)),
        )
    }
}

impl fmt::Display for PartlyUndone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(&english()))
    }
}

impl std::error::Error for PartlyUndone {}

/// Another command holds the project's lock and did not let go in time. Exit code 2.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.say(&english()))]
pub struct Busy {
    pub project: String,
    /// Who holds the lock (its command, process and since when), when it has said.
    pub who: Option<Msg>,
    pub pid: Option<u32>,
    pub waited: u64,
}

impl Busy {
    pub fn say(&self, ui: &Words) -> String {
        let who = self
            .who
            .clone()
            .unwrap_or_else(|| msg!("lock.unknown_holder"));
        let message = msg!(
            "lock.busy",
            project = &self.project,
            who = who,
            waited = self.waited
        );
        let kill = self
            .pid
            .map_or_else(Msg::none, |pid| msg!("lock.kill", pid = pid));
        ui.say(&message) + &help_line(ui, &msg!("lock.busy_help", kill = kill))
    }
}
