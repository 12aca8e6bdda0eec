//! What goes wrong, said at a position: diagnostics, and the failures that pick the exit code.

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem, located in a file when we know where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    /// The source line the position points into, shown under the message.
    pub source_line: Option<String>,
    pub help: Option<String>,
    /// Advice, not a problem: shown as a warning.
    pub warning: bool,
}

impl Diagnostic {
    pub fn new(file: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            file: file.into(),
            line: None,
            column: None,
            message: message.into(),
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

    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        let label = if self.warning { "warning: " } else { "" };
        write!(f, ": {label}{}", self.message)?;
        if let (Some(line), Some(source)) = (self.line, &self.source_line) {
            let gutter = line.to_string().len();
            write!(f, "\n{:gutter$} |\n{line} | {source}", "")?;
            if let Some(column) = self.column {
                write!(f, "\n{:gutter$} | {:>column$}", "", "^")?;
            }
        }
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
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

fn list(diagnostics: &[Diagnostic]) -> String {
    diagnostics
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Bad input: flags, manifest, templates, files. Exit code 2.
#[derive(Debug, thiserror::Error)]
#[error("{}", list(.0))]
pub struct Invalid(pub Vec<Diagnostic>);

/// A check found problems (already printed, one per line). Exit code 1.
#[derive(Debug, thiserror::Error)]
#[error("{0} {noun} found", noun = if *.0 == 1 { "problem" } else { "problems" })]
pub struct ProblemsFound(pub usize);

/// `checklist --check`: deliverables are still open (already listed). Exit code 1.
#[derive(Debug, thiserror::Error)]
#[error("{open} of {total} deliverables are not done")]
pub struct NotDone {
    pub open: usize,
    pub total: usize,
}

/// Writing would lose text a person wrote (a region edited by hand). Exit code 1.
#[derive(Debug, thiserror::Error)]
#[error("{}\nnothing was written", list(.0))]
pub struct Refused(pub Vec<Diagnostic>);

/// The user stopped us (Ctrl-C, or "no" at the confirmation). Exit code 130.
#[derive(Debug, thiserror::Error)]
#[error("{0}; nothing was written")]
pub struct Interrupted(pub &'static str);

/// A write that failed, undone except where a person changed a file meanwhile: those files are
/// left as they are, and named. The exit code is the cause's.
#[derive(Debug)]
pub struct PartlyUndone {
    pub cause: anyhow::Error,
    pub kept: Vec<String>,
}

impl fmt::Display for PartlyUndone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let one = self.kept.len() == 1;
        write!(
            f,
            "{:#}\n  but {} changed while mlteam was writing, so {} left as {} (mlteam's \
             change and the edit on top of it)\n  help: look at {}, then run `mlteam check`",
            self.cause,
            self.kept.join(", "),
            if one { "it is" } else { "they are" },
            if one { "it is" } else { "they are" },
            if one { "it" } else { "them" },
        )
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
    if error.kind() == std::io::ErrorKind::BrokenPipe
        || error.to_string().contains("standard output")
    {
        return error;
    }
    std::io::Error::new(
        error.kind(),
        format!("cannot write to standard output: {error}"),
    )
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
        let d = Diagnostic::new("mlteam.toml", "unknown key `nmae`")
            .at_offset(text, 10)
            .help("did you mean `name`?");
        assert_eq!(
            d.to_string(),
            "mlteam.toml:2:1: unknown key `nmae`\n  |\n2 | nmae = \"x\"\n  | ^\n  help: did you mean `name`?"
        );
    }
}
