//! `mlteam raci`: regenerate the matrix in place, export it (`--format`), or read a hand-edited
//! matrix back into `mlteam.toml` (`raci import`).

use std::path::Path;

use anyhow::Result;

use super::{emit, in_export_language, project_root, shown, tidy_path};
use crate::cli::{ExportFormat, Global, WriteArgs};
use crate::diag::{Diagnostic, Invalid};
use crate::input::edit::Editor;
use crate::input::file as input_file;
use crate::input::import::{self, Cell};
use crate::msg;
use crate::pipeline::{self, Scope, Sync};
use crate::render::Renderer;
use crate::render::export;
use crate::render::pages::{self, Kind};
use crate::words::Words;
use crate::write::plan::Plan;
use crate::write::read;
use crate::write::root::Root;

pub fn run(global: &Global, ui: &Words, args: &WriteArgs) -> Result<()> {
    let root = Root::writer(project_root(global));
    let (_, team) = pipeline::load_team(&root)?;
    pipeline::sync_team(
        &root,
        &team,
        Plan::default(),
        Scope::Matrix,
        global,
        ui,
        args,
    )
}

/// `raci --format F [-o FILE]`: the matrix in another format, to a file or standard output.
pub fn export(
    global: &Global,
    ui: &Words,
    format: ExportFormat,
    output: Option<&str>,
    raw_csv: bool,
) -> Result<()> {
    let root = Root::new(project_root(global));
    let (_, mut team) = pipeline::load_team(&root)?;
    in_export_language(&mut team, global);
    let text = match format {
        ExportFormat::Json => export::json(&team)?,
        ExportFormat::Csv => export::csv(&team, raw_csv)?,
        ExportFormat::Md => {
            let renderer = Renderer::new(Some(root.path()), Some(team.project.lang))?;
            pages::render_kind(&team, &renderer, &Kind::Raci, crate::today(), |p| {
                root.read(p)
            })?
        }
        ExportFormat::Html => {
            let renderer = Renderer::new(Some(root.path()), Some(team.project.lang))?;
            let progress = pipeline::progress(&team, &root, ui);
            crate::render::html::matrix(&team, &renderer, &progress)?
        }
    };
    emit(&root, output, &text)
}

/// `raci import [FILE]`: the letters of a hand-edited matrix that differ from the catalog's
/// defaults go into `[raci.overrides]`, then everything is synced.
pub fn import(global: &Global, ui: &Words, file: Option<&Path>, args: &WriteArgs) -> Result<()> {
    let root = Root::writer(project_root(global));
    let (source, team) = pipeline::load_team(&root)?;
    // The project's own matrix, or a file given from anywhere (a pipe, /dev/stdin included).
    let (relative, text) = match file {
        None => (
            crate::view::paths::RACI.to_string(),
            root.read(crate::view::paths::RACI)?,
        ),
        Some(file) => {
            let path = tidy_path(&root.path().join(file));
            let relative = path
                .strip_prefix(tidy_path(root.path()))
                .map_or_else(|_| path.display().to_string(), |p| p.display().to_string());
            let base = input_file::Base::Project(root.path());
            let (limit, what) = (read::FILE_LIMIT, read::What::Matrix);
            let text = input_file::read("raci import", &path, base, limit, what)?;
            (relative, Some(text))
        }
    };
    let shown_file = shown(&root.path().join(&relative));
    let Some(text) = text else {
        return Err(Invalid(vec![
            Diagnostic::new(&shown_file, msg!("file.not_found")).help(msg!("import.give_file")),
        ])
        .into());
    };
    // A CSV by its name, or (from a pipe, which has none) by the export's header row.
    let csv = relative.ends_with(".csv")
        || (!relative.ends_with(".md")
            && text.trim_start_matches('\u{feff}').starts_with("activity,"));
    let from_page = !csv && relative == crate::view::paths::RACI;
    let rows = if csv {
        import::from_csv(&shown_file, &text, &team).map_err(Invalid)?
    } else {
        let tables = import::from_markdown(&shown_file, &text, &team).map_err(Invalid)?;
        if from_page {
            refuse_unread(&root, &team, &shown_file, &text, &tables)?;
        }
        tables.rows
    };
    let edits = import::differences(&shown_file, &rows, &team).map_err(Invalid)?;

    let mut editor = Editor::parse(&source.text)?;
    let mut changed = 0;
    for (activity, cells) in &edits {
        // In the order of the matrix's columns, so the manifest reads like the table.
        let in_order = team
            .matrix
            .roles
            .iter()
            .filter_map(|r| cells.get_key_value(r));
        for (role, cell) in in_order {
            match cell {
                Cell::Default => editor.set_override(activity, role, None),
                Cell::Set(letter) => {
                    changed += 1;
                    editor.set_override(activity, role, Some(letter.map_or("-", |l| l.as_str())));
                }
            }
        }
    }
    let epilogue = format!(
        "{}\n",
        ui.count("raci.imported", changed, &[("file", &shown_file)])
    );
    let sync = Sync {
        scope: Scope::All,
        matrix_imported: from_page,
        epilogue: &epilogue,
    };
    pipeline::with_manifest(
        &root,
        &source.text,
        editor.finish(),
        global,
        ui,
        args,
        &sync,
    )
}

/// The matrix page is regenerated after an import: text a person typed inside its region that is
/// not part of a table would be lost, so the import refuses, naming each such line.
fn refuse_unread(
    root: &Root,
    team: &crate::model::team::Team,
    file: &str,
    text: &str,
    tables: &import::Tables,
) -> Result<()> {
    let renderer = Renderer::new(Some(root.path()), Some(team.project.lang))?;
    let fresh = pages::render_kind(team, &renderer, &Kind::Raci, crate::today(), |p| {
        root.read(p)
    })?;
    let unread = import::unread(text, tables, &fresh);
    if unread.is_empty() {
        return Ok(());
    }
    Err(Invalid(
        unread
            .into_iter()
            .map(|line| {
                Diagnostic::new(file, msg!("import.unread", region = import::REGION))
                    .at_line(line)
                    .help(msg!("import.unread_help", region = import::REGION))
            })
            .collect(),
    )
    .into())
}
