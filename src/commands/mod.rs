//! One module per subcommand; each gathers its inputs and walks the pipeline.

pub mod check;
pub mod checklist;
pub mod init;
pub mod meetings;
pub mod meta;
pub mod raci;
pub mod roles;
pub mod status;
pub mod sync;
pub mod templates;

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::cli::Global;
use crate::diag::{Diagnostic, Invalid};
use crate::model::ids;
use crate::model::team::Team;
use crate::msg;
use crate::write::root::Root;
use crate::write::sink;

/// The folder the command works in: `-C DIR`, or the current one.
pub fn project_root(global: &Global) -> PathBuf {
    global.chdir.clone().unwrap_or_else(|| PathBuf::from("."))
}

pub use crate::diag::{shown, tidy_path};

/// An export goes to `-o FILE`, or to standard output when there is none or it is `-`.
pub fn emit(root: &Root, output: Option<&str>, text: &str) -> Result<()> {
    emit_to("-o", root, output, text)
}

/// An export to the file given with `flag` (relative to `-C DIR`), or standard output.
pub fn emit_to(flag: &str, root: &Root, output: Option<&str>, text: &str) -> Result<()> {
    match output {
        None | Some("-") => sink::to_stdout(text),
        Some("") => sink::to_path(flag, Path::new(""), text),
        Some(file) => sink::to_path(flag, &tidy_path(&root.path().join(file)), text),
    }
}

/// An export is a document of its own: `--lang` may ask for it in the other language.
pub fn in_export_language(team: &mut Team, global: &Global) {
    if let Some(lang) = global.lang {
        team.project.lang = lang;
    }
}

/// Which of `people` (the team's, by name) `--person NAME` names, case and surrounding spaces
/// aside; or the error saying nobody is called so: with a "did you mean" when a name is close,
/// else with the people by name.
pub fn person<'p>(people: &[&'p str], name: &str) -> Result<&'p str, Invalid> {
    let wanted = name.trim();
    if let Some(found) = people
        .iter()
        .find(|p| p.trim().eq_ignore_ascii_case(wanted))
    {
        return Ok(found);
    }
    let hint = ids::suggestion(wanted, people.iter().copied());
    let help = if !hint.is_none() {
        msg!("person.help")
    } else if people.is_empty() {
        msg!("person.help_nobody")
    } else {
        msg!("person.help_names", names = people.to_vec())
    };
    let message = msg!("person.unknown", name = name, hint = hint);
    Err(Invalid(vec![
        Diagnostic::new("--person", message).help(help),
    ]))
}
