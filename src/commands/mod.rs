//! One module per subcommand; each gathers its inputs and walks the pipeline.

pub mod init;
pub mod meta;
pub mod roles;
pub mod templates;

use std::path::PathBuf;

use anyhow::{Context, Result, bail};

use crate::cli::Global;
use crate::manifest::{self, Manifest, Source};
use crate::team::Team;
use crate::text::Lang;
use crate::ui::{self, Ui};
use crate::write::Root;

/// The folder the command works in: `-C DIR`, or the current one.
pub fn project_root(global: &Global) -> PathBuf {
    global.chdir.clone().unwrap_or_else(|| PathBuf::from("."))
}

pub use crate::diag::{shown, tidy_path};

/// Reads and checks the project's `mlteam.toml` and builds its team.
pub fn load_team(root: &Root) -> Result<(Source, Team)> {
    let Some(text) = root.read(manifest::FILE)? else {
        bail!(
            "no {} in {}; run `mlteam init` to start a project there, or `-C DIR` to point at one",
            manifest::FILE,
            shown(root.path())
        );
    };
    let source = Source::new(shown(&root.path().join(manifest::FILE)), text);
    let manifest = Manifest::parse(&source)?;
    let team = Team::from_manifest(&manifest, &source)?;
    Ok((source, team))
}

/// The words for messages: `--lang`, else the locale.
pub fn ui_for(global: &Global) -> Ui {
    Ui::new(global.lang.unwrap_or_else(ui::guess_lang))
}

pub fn lang_or_guess(global: &Global) -> Lang {
    global.lang.unwrap_or_else(ui::guess_lang)
}

pub fn print(out: &mut dyn std::io::Write, text: &str) -> Result<()> {
    out.write_all(text.as_bytes())
        .context("cannot write to standard output")
}
