//! What goes wrong, said at a position: diagnostics, the failures that pick the exit code, and
//! how an error is said in the run's language at the edge ([`say_error`]).

use std::fmt;
use std::path::{Path, PathBuf};

use crate::msg;
use crate::words::{Msg, Words};

/// One problem, located in a file when we know where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: Msg,
    /// The source line the position points into, shown under the message.
    pub source_line: Option<String>,
    pub help: Option<Msg>,
    /// Advice, not a problem: shown as a warning.
    pub warning: bool,
}

impl Diagnostic {
    pub fn new(file: impl Into<String>, message: Msg) -> Diagnostic {
        Diagnostic {
            file: file.into(),
            line: None,
            column: None,
            message,
            source_line: None,
            help: None,
            warning: false,
        }
    }

    /// Marks this as advice rather than a problem.
    pub fn warning(mut self) -> Diagnostic {
        self.warning = true;
        self
    }

    /// Points at a byte offset of `text`, the whole content of the file.
    pub fn at_offset(mut self, text: &str, offset: usize) -> Diagnostic {
        let (line, column) = line_column(text, offset);
        self.line = Some(line);
        self.column = Some(column);
        self.source_line = text.lines().nth(line - 1).map(str::to_owned);
        self
    }

    pub fn at_line(mut self, line: usize) -> Diagnostic {
        self.line = Some(line);
        self
    }

    pub fn help(mut self, help: Msg) -> Diagnostic {
        self.help = Some(help);
        self
    }

    /// `FILE:LINE:COLUMN: message`, the source line with a caret under the column, and the help,
    /// in the words of `ui`. The position keeps the ASCII form editors jump to in any language.
    pub fn say(&self, ui: &Words) -> String {
        let mut out = self.file.clone();
        if let Some(line) = self.line {
            out += &format!(":{line}");
            if let Some(column) = self.column {
                out += &format!(":{column}");
            }
        }
        let label = if self.warning {
            ui.get("diag.warning")
        } else {
            ""
        };
        out += &format!(": {label}{}", ui.say(&self.message));
        if let (Some(line), Some(source)) = (self.line, &self.source_line) {
            let gutter = line.to_string().len();
            out += &format!("\n{:gutter$} |\n{line} | {source}", "");
            if let Some(column) = self.column {
                out += &format!("\n{:gutter$} | {:>column$}", "", "^");
            }
        }
        if let Some(help) = &self.help {
            out += &help_line(ui, help);
        }
        out
    }
}

/// `\n  help: …` under a message.
pub fn help_line(ui: &Words, help: &Msg) -> String {
    format!("\n  {}{}", ui.get("diag.help"), ui.say(help))
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(&Words::new(crate::model::text::Lang::En)))
    }
}

/// `a/./b/.` → `a/b`; `.` stays `.`. Only the spelling changes, never what the path names.
pub fn tidy_path(path: &Path) -> PathBuf {
    let cleaned: PathBuf = path
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect();
    if cleaned.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        cleaned
    }
}

/// How a path is shown in messages.
pub fn shown(path: &Path) -> String {
    tidy_path(path).display().to_string()
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn list(diagnostics: &[Diagnostic], ui: &Words) -> String {
    diagnostics
        .iter()
        .map(|d| d.say(ui))
        .collect::<Vec<_>>()
        .join("\n")
}

fn english() -> Words {
    Words::new(crate::model::text::Lang::En)
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
        msg!("diag.not_done", open = self.open, total = self.total)
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

/// A reader that stopped reading (`| head`) is no reason to fail, least of all after writing;
/// any other failure to print (a full disk) is one, said as such.
pub fn closed_pipe(error: std::io::Error) -> std::io::Result<()> {
    if error.kind() == std::io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(stdout_error(error))
    }
}

/// A failure to write to standard output, said as one (the bare OS error names nothing).
pub fn stdout_error(error: std::io::Error) -> std::io::Error {
    if error.kind() == std::io::ErrorKind::BrokenPipe || is_stdout_error(&error) {
        return error;
    }
    std::io::Error::new(error.kind(), StdoutFailed(error))
}

/// What [`stdout_error`] wraps: the failure to print.
#[derive(Debug, thiserror::Error)]
#[error("cannot write to standard output: {0}")]
pub struct StdoutFailed(pub std::io::Error);

fn is_stdout_error(error: &std::io::Error) -> bool {
    error
        .get_ref()
        .is_some_and(|inner| inner.is::<StdoutFailed>())
}

pub fn is_closed_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// An error as the edge says it, in the words of `ui`: each cause of its chain, joined by ": " as
/// `{:#}` joins them; our own failures in our words, the system's in ours where we have them,
/// other programs' as they wrote them.
pub fn say_error(error: &anyhow::Error, ui: &Words) -> String {
    if let Some(partly) = error.downcast_ref::<PartlyUndone>() {
        return partly.say(ui);
    }
    error
        .chain()
        .map(|cause| say_cause(cause, ui))
        .collect::<Vec<_>>()
        .join(": ")
}

fn say_cause(cause: &(dyn std::error::Error + 'static), ui: &Words) -> String {
    use crate::write::{lock, read};
    if let Some(Invalid(problems)) = cause.downcast_ref() {
        list(problems, ui)
    } else if let Some(refused) = cause.downcast_ref::<Refused>() {
        refused.say(ui)
    } else if let Some(found) = cause.downcast_ref::<ProblemsFound>() {
        ui.say(&found.said())
    } else if let Some(open) = cause.downcast_ref::<NotDone>() {
        ui.say(&open.said())
    } else if let Some(stop) = cause.downcast_ref::<Interrupted>() {
        ui.get(stop.key()).to_string()
    } else if let Some(failed) = cause.downcast_ref::<Failed>() {
        failed.say(ui)
    } else if let Some(partly) = cause.downcast_ref::<PartlyUndone>() {
        partly.say(ui)
    } else if let Some(busy) = cause.downcast_ref::<lock::Busy>() {
        busy.say(ui)
    } else if let Some(large) = cause.downcast_ref::<read::TooLarge>() {
        large.say(ui)
    } else if let Some(not) = cause.downcast_ref::<read::NotAFile>() {
        not.say(ui)
    } else if let Some(not) = cause.downcast_ref::<read::NotText>() {
        not.say(ui)
    } else if let Some(io) = cause.downcast_ref::<std::io::Error>() {
        say_io(io, ui)
    } else {
        cause.to_string()
    }
}

/// A system error in the words of `ui`, the system's code kept: the common ones a person can
/// act on (no such file, permission, a full disk); any other as the system says it.
pub fn say_io(error: &std::io::Error, ui: &Words) -> String {
    use std::io::ErrorKind;
    if let Some(StdoutFailed(inner)) = error.get_ref().and_then(|e| e.downcast_ref()) {
        return format!("{}: {}", ui.get("io.stdout"), say_io(inner, ui));
    }
    let Some(code) = error.raw_os_error() else {
        // A system error another library wrapped (`… at path …`): the system's part.
        let inner = error
            .get_ref()
            .and_then(|e| e.source())
            .and_then(|e| e.downcast_ref::<std::io::Error>());
        return match inner {
            Some(inner) => say_io(inner, ui),
            None => error.to_string(),
        };
    };
    let key = match error.kind() {
        // EPERM, which the system says otherwise than EACCES.
        ErrorKind::PermissionDenied if cfg!(unix) && code == 1 => "io.not_permitted",
        ErrorKind::PermissionDenied => "io.permission_denied",
        ErrorKind::NotFound => "io.not_found",
        ErrorKind::AlreadyExists => "io.already_exists",
        ErrorKind::NotADirectory => "io.not_a_directory",
        ErrorKind::IsADirectory => "io.is_a_directory",
        ErrorKind::DirectoryNotEmpty => "io.directory_not_empty",
        ErrorKind::ReadOnlyFilesystem => "io.read_only",
        ErrorKind::StorageFull => "io.storage_full",
        _ => return error.to_string(),
    };
    ui.say(&Msg::new(key, vec![("code", code.into())]))
}

pub fn exit_code(error: &anyhow::Error) -> u8 {
    if let Some(partly) = error.downcast_ref::<PartlyUndone>() {
        return exit_code(&partly.cause);
    }
    if error.chain().any(|cause| cause.is::<Interrupted>()) {
        130
    } else if error
        .chain()
        .any(|cause| cause.is::<ProblemsFound>() || cause.is::<Refused>() || cause.is::<NotDone>())
    {
        1
    } else {
        2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "a = 1\nnäme = 2\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        assert_eq!(line_column(text, text.find('=').unwrap()), (1, 3));
        assert_eq!(line_column(text, text.rfind('=').unwrap()), (2, 6));
    }

    #[test]
    fn shows_the_line_and_a_caret() {
        let text = "[project]\nnmae = \"x\"\n";
        let d = Diagnostic::new("mlteam.toml", msg!("shape.unknown_key", key = "nmae"))
            .at_offset(text, 10)
            .help(msg!("ids.did_you_mean_help", id = "name"));
        assert_eq!(
            d.to_string(),
            "mlteam.toml:2:1: unknown key `nmae`\n  |\n2 | nmae = \"x\"\n  | ^\n  help: did you mean `name`?"
        );
    }
}
