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
use crate::model::team::Team;
use crate::model::text::Lang;
use crate::words::{self, Words};
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

/// The words for messages: `--lang`, else the locale.
pub fn ui_for(global: &Global) -> Words {
    words::chosen(global.lang)
}

pub fn lang_or_guess(global: &Global) -> Lang {
    global.lang.unwrap_or_else(words::guess_lang)
}
