//! `mlteam templates list | export | context`: see the built-in templates, copy them out to
//! customise (SPEC §9), and print the exact data a template receives.

use std::io::Write as _;
use std::path::Path;

use anyhow::Result;

use super::{project_root, shown};
use crate::assets;
use crate::cli::{Global, WriteArgs};
use crate::diag::{Diagnostic, Invalid, closed_pipe};
use crate::model::ids;
use crate::msg;
use crate::pipeline;
use crate::render::pages;
use crate::render::{OVERRIDE_DIR, Renderer, SHARED};
use crate::words::Words;
use crate::write::plan::{Action, Plan};
use crate::write::root::Root;

/// Every page of `--lang` (or of every language) with the template that renders it, as the
/// resolution order of SPEC §9 picks it; then the project's templates that render no page.
pub fn list(global: &Global, ui: &Words) -> Result<()> {
    let renderer = Renderer::new(Some(&project_root(global)), global.lang)?;
    renderer.check_all()?;
    let mut out = anstream::stdout();
    let pages = renderer.pages();
    let unused = renderer.unused();
    let label = ui.get("templates.unused");
    let columns = dialoguer::console::measure_text_width;
    let width = pages
        .iter()
        .map(|(name, _)| columns(name))
        .chain(unused.iter().map(|_| columns(label)))
        .max()
        .unwrap_or(0);
    for (name, origin) in &pages {
        writeln!(out, "{name:width$}  {origin}").or_else(closed_pipe)?;
    }
    for origin in unused {
        let pad = " ".repeat(width - columns(label));
        writeln!(out, "{label}{pad}  {origin}").or_else(closed_pipe)?;
    }
    Ok(())
}

/// Copies the built-in templates (the shared ones under `pages/` and those of `--lang`, or all)
/// under `dir`, keeping their paths, through the writer: nothing existing is replaced unless
/// `--force`.
pub fn export(global: &Global, ui: &Words, dir: Option<&Path>, args: &WriteArgs) -> Result<()> {
    let root = Root::writer(project_root(global));
    let target = match dir {
        None => OVERRIDE_DIR.to_string(),
        // Relative to the project (`-C DIR`), or absolute; inside the project either way.
        Some(dir) => {
            let given = if dir.is_absolute() {
                dir.to_path_buf()
            } else {
                root.path().join(dir)
            };
            match root.inside(&given) {
                Some(relative) => relative,
                None => {
                    let message = msg!("templates.outside", project = shown(root.path()));
                    let help = msg!("templates.outside_help", default = OVERRIDE_DIR);
                    return Err(
                        Invalid(vec![Diagnostic::new(shown(dir), message).help(help)]).into(),
                    );
                }
            }
        }
    };
    let target = if target.is_empty() { "." } else { &target };
    let mut plan = Plan::default();
    for (path, text) in assets::files() {
        let wanted = path.starts_with(&format!("{SHARED}/"))
            || global
                .lang
                .is_none_or(|lang| path.starts_with(&format!("{lang}/")));
        if !path.ends_with(".hbs") || !wanted {
            continue;
        }
        let relative = if target == "." {
            path.to_string()
        } else {
            format!("{}/{path}", target.trim_end_matches('/'))
        };
        let old = match root.read(&relative) {
            Ok(old) => old,
            Err(e) if crate::write::read::unreadable_page(&e) => {
                let reason = pipeline::skip_reason(&e, ui);
                plan.push(relative, Action::Skip { reason }, None, None);
                continue;
            }
            Err(e) => return Err(e),
        };
        match old {
            None => plan.push(relative, Action::Create, None, Some(text.to_string())),
            Some(old) if old == text => plan.push(relative, Action::Unchanged, Some(old), None),
            Some(old) if args.force => {
                plan.push(relative, Action::Replace, Some(old), Some(text.to_string()))
            }
            Some(old) => plan.push(
                relative,
                Action::Skip {
                    reason: ui.get("plan.exists").into(),
                },
                Some(old),
                None,
            ),
        }
    }
    pipeline::carry_out(&root, &plan, Vec::new(), ui, global, args.dry_run, "")?;
    Ok(())
}

pub fn context(global: &Global, ui: &Words, page: Option<&str>) -> Result<()> {
    let root = Root::new(project_root(global));
    let (_, team) = pipeline::load_team(&root)?;
    let progress = pipeline::progress(&team, &root, ui);
    let data = pages::data(&team, &progress, crate::today());
    let data = match page {
        None => data,
        Some(path) => {
            let all = pages::all(&team);
            let path = path.trim_start_matches("./");
            let Some(found) = all.iter().find(|p| p.path == path) else {
                let hint = ids::suggestion(path, all.iter().map(|p| p.path.as_str()));
                let message = msg!("templates.no_page", path = path, hint = hint);
                return Err(Invalid(vec![
                    Diagnostic::new(shown(root.path()), message)
                        .help(msg!("templates.no_page_help")),
                ])
                .into());
            };
            pages::page_data(&data, found)
        }
    };
    crate::write::sink::to_stdout(&(serde_json::to_string_pretty(&data)? + "\n"))
}
