//! `mlteam roles list | add | remove`: the catalog of roles, and the team's share of it.

use std::io::Write as _;

use anyhow::Result;
use dialoguer::console::measure_text_width;

use super::project_root;
use crate::cli::{Global, WriteArgs};
use crate::diag::{Diagnostic, Invalid, closed_pipe};
use crate::input::edit::Editor;
use crate::model::catalog::Catalog;
use crate::model::ids;
use crate::model::team::Team;
use crate::msg;
use crate::pipeline::{self, Scope, Sync};
use crate::words::Words;
use crate::write::root::Root;

/// The catalog's roles in `--lang`, else in the run's language.
pub fn list(global: &Global, ui: &Words) -> Result<()> {
    let lang = global.lang.unwrap_or(ui.lang());
    let catalog = Catalog::builtin()?;
    let mut out = anstream::stdout();
    let id_width = catalog.roles.iter().map(|r| r.id.len()).max().unwrap_or(0);
    let name_width = catalog
        .roles
        .iter()
        .map(|r| measure_text_width(r.name.get(lang)))
        .max()
        .unwrap_or(0);
    let bold = anstyle::Style::new().bold();
    for group in &catalog.groups {
        writeln!(out, "{bold}{}{bold:#}", group.name.get(lang)).or_else(closed_pipe)?;
        for role in catalog.roles.iter().filter(|r| r.group == group.id) {
            let name = role.name.get(lang);
            let pad = name_width - measure_text_width(name);
            writeln!(
                out,
                "  {:id_width$}  {name}{:pad$}  {}",
                role.id,
                "",
                role.summary.get(lang)
            )
            .or_else(closed_pipe)?;
        }
    }
    Ok(())
}

/// `roles add ID... [--holder NAME]`: puts roles on the team (and in a person's hands), editing
/// `mlteam.toml` in place, then syncs.
pub fn add(
    global: &Global,
    ui: &Words,
    ids: &[String],
    holder: Option<&str>,
    args: &WriteArgs,
) -> Result<()> {
    let root = Root::writer(project_root(global));
    let (source, team) = pipeline::load_team(&root)?;
    let ids = known_ids(&team, ids, "roles add")?;
    let mut editor = Editor::parse(&source.text)?;
    let lang = team.project.lang;
    for id in &ids {
        let name = team
            .catalog
            .role(id)
            .map_or(id.as_str(), |r| r.name.get(lang));
        editor.push_to_list("team", "roles", id, name);
    }
    if let Some(holder) = holder.map(str::trim).filter(|h| !h.is_empty()) {
        editor.add_member_roles(holder, &ids);
    }
    pipeline::with_manifest(
        &root,
        &source.text,
        editor.finish(),
        global,
        ui,
        args,
        &SYNC,
    )
}

/// `roles remove ID...`: takes roles off the team and out of every person's hands, then syncs.
/// Their stubs stay, reported as orphaned.
pub fn remove(global: &Global, ui: &Words, ids: &[String], args: &WriteArgs) -> Result<()> {
    let root = Root::writer(project_root(global));
    let (source, team) = pipeline::load_team(&root)?;
    let ids = known_ids(&team, ids, "roles remove")?;
    let absent: Vec<Diagnostic> = ids
        .iter()
        .filter(|id| !team.roles.contains(id))
        .map(|id| {
            let hint = ids::suggestion(id, team.roles.iter().map(String::as_str));
            Diagnostic::new(
                "roles remove",
                msg!("roles.not_on_team", id = id, hint = hint),
            )
        })
        .collect();
    if !absent.is_empty() {
        return Err(Invalid(absent).into());
    }
    if team.roles.iter().all(|r| ids.contains(r)) {
        return Err(Invalid(vec![
            Diagnostic::new("roles remove", msg!("roles.none_left"))
                .help(msg!("roles.none_left_help")),
        ])
        .into());
    }
    let mut editor = Editor::parse(&source.text)?;
    for id in &ids {
        editor.remove_from_list("team", "roles", id);
        editor.remove_member_role(id);
    }
    // People who held only these roles hold nothing now: say so, since `check` will.
    let left: Vec<&str> = team
        .members
        .iter()
        .filter(|m| !m.roles.is_empty() && m.roles.iter().all(|r| ids.contains(r)))
        .map(|m| m.name.as_str())
        .collect();
    pipeline::with_manifest(
        &root,
        &source.text,
        editor.finish(),
        global,
        ui,
        args,
        &SYNC,
    )?;
    let mut err = anstream::stderr();
    for name in left {
        // Written already: a standard error that is gone is no reason to fail now.
        let _ = writeln!(
            err,
            "{}{}",
            ui.get("diag.warning"),
            ui.fill("roles.left_without", &[("name", name)])
        );
    }
    Ok(())
}

/// Roles change the team: every page follows.
const SYNC: Sync<'static> = Sync {
    scope: Scope::All,
    matrix_imported: false,
    epilogue: "",
};

/// Role ids given on the command line (spaces or commas), each one known to the catalog.
fn known_ids(team: &Team, given: &[String], command: &str) -> Result<Vec<String>> {
    let ids: Vec<String> = given
        .iter()
        .flat_map(|g| g.split(','))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect();
    let unknown: Vec<Diagnostic> = ids
        .iter()
        .filter_map(|id| team.catalog.unknown_role(id))
        .map(|message| Diagnostic::new(command, message).help(msg!("roles.list_help")))
        .collect();
    if !unknown.is_empty() {
        return Err(Invalid(unknown).into());
    }
    if ids.is_empty() {
        return Err(Invalid(vec![Diagnostic::new(command, msg!("roles.no_ids"))]).into());
    }
    Ok(ids)
}
