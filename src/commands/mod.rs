//! One module per subcommand; each gathers its inputs and walks the pipeline.

pub mod check;
pub mod checklist;
pub mod init;
pub mod meetings;
pub mod meta;
pub mod raci;
pub mod roles;
pub mod sync;
pub mod templates;

use std::path::PathBuf;

use std::io::Write as _;

use anyhow::{Context, Result, bail};

use crate::diag::{Diagnostic, Refused};
use crate::plan::Plan;

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

/// The last step of every command that writes: refuse if parts edited by hand would be lost
/// (exit 1, nothing written), print what happens to each file, and write, or for `--dry-run`
/// print the diffs instead. Returns whether anything was written.
pub fn carry_out(
    root: &Root,
    plan: &Plan,
    conflicts: Vec<Diagnostic>,
    ui: &Ui,
    quiet: bool,
    dry_run: bool,
) -> Result<bool> {
    let mut out = anstream::stdout();
    if dry_run {
        plan.print_summary(&mut out, ui, true)
            .or_else(closed_pipe)?;
        writeln!(out).or_else(closed_pipe)?;
        plan.print_diffs(&mut out).or_else(closed_pipe)?;
        writeln!(out, "{}", ui.get("init.dry_run")).or_else(closed_pipe)?;
    }
    if !conflicts.is_empty() {
        return Err(Refused(conflicts).into());
    }
    if dry_run {
        return Ok(false);
    }
    root.apply(plan)?;
    if !quiet {
        plan.print_summary(&mut out, ui, false)
            .or_else(closed_pipe)?;
    }
    Ok(true)
}

/// An export goes to `-o FILE`, or to standard output when there is none or it is `-`.
pub fn emit(root: &Root, output: Option<&str>, text: &str) -> Result<()> {
    match output {
        None | Some("-") => std::io::stdout()
            .write_all(text.as_bytes())
            .or_else(closed_pipe)?,
        Some(file) => crate::write::export(&root.path().join(file), text)?,
    }
    Ok(())
}

/// An export is a document of its own: `--lang` may ask for it in the other language.
pub fn in_export_language(team: &mut Team, global: &Global) {
    if let Some(lang) = global.lang {
        team.project.lang = lang;
    }
}

/// A reader that stopped reading (`| head`) is no reason to fail, least of all after writing.
pub fn closed_pipe(error: std::io::Error) -> std::io::Result<()> {
    if error.kind() == std::io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(error)
    }
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
