//! What goes wrong, said at a position: diagnostics, the failures that pick the exit code
//! ([`failure`]), and how an error is said in the run's language at the edge ([`said`]).

mod failure;
mod file;
mod said;

use std::fmt;
use std::path::{Path, PathBuf};

pub use failure::{
    Busy, Failed, Interrupted, Invalid, NotDone, PartlyUndone, ProblemsFound, Refused, Said,
    failed, failed_with_help, msg_of,
};
pub use file::{FileKind, NotAFile, NotText, TooLarge, What, size};
pub use said::{say_error, say_io};

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
        // A message that names its own file has none here.
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
        if !out.is_empty() {
            out += ": ";
        }
        out += &format!("{label}{}", ui.say(&self.message));
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

/// The words of `Display`: what a failure says when no language was chosen for it (logs,
/// tests, a library's caller).
fn english() -> Words {
    Words::new(crate::words::Lang::En)
}

/// `\n  help: …` under a message.
pub fn help_line(ui: &Words, help: &Msg) -> String {
    format!("\n  {}{}", ui.get("diag.help"), ui.say(help))
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(&Words::new(crate::words::Lang::En)))
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
    use crate::msg;

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
