//! `mlteam status [--person NAME] [--format text|json] [--html FILE]`: where the project stands,
//! read from the manifest and the stubs, written nowhere but where asked.

use std::io::{IsTerminal, Write as _};

use anyhow::Result;

use super::{emit_to, project_root, ui_for};
use crate::cli::{Global, StatusArgs, StatusFormat};
use crate::diag::{Diagnostic, Invalid, closed_pipe};
use crate::model::ids;
use crate::model::review;
use crate::pipeline;
use crate::render::status::{self, Look};
use crate::view::status as view;
use crate::write::root::Root;

pub fn run(global: &Global, args: &StatusArgs) -> Result<()> {
    let root = Root::new(project_root(global));
    let (_, team) = pipeline::load_team(&root)?;
    let today = crate::today();
    let progress = pipeline::progress(&team, &root);
    let status = view::build(&team, &progress, today);
    let ui = crate::words::Words::new(team.project.lang);
    let _ = ui_for;

    let person = match &args.person {
        None => None,
        Some(name) => match status
            .people
            .iter()
            .find(|p| p.name.trim().eq_ignore_ascii_case(name.trim()))
        {
            Some(p) => Some(p),
            None => {
                let hint = ids::suggestion(name, status.people.iter().map(|p| p.name.as_str()));
                return Err(Invalid(vec![
                    Diagnostic::new(
                        "--person",
                        ui.fill("overview.no_person", &[("name", name), ("hint", &hint)]),
                    )
                    .help(ui.get("overview.no_person_help")),
                ])
                .into());
            }
        },
    };
    if let Some(file) = &args.html {
        let text = crate::render::status_page::html(&team, &status, &progress, &root)?;
        emit_to("--html", &root, Some(file), &text)?;
    }
    let text = match args.format.unwrap_or(StatusFormat::Text) {
        StatusFormat::Json => match person {
            Some(p) => serde_json::to_string_pretty(p)? + "\n",
            None => serde_json::to_string_pretty(&status)? + "\n",
        },
        StatusFormat::Text => {
            if args.html.is_some() && args.format.is_none() {
                return Ok(());
            }
            let look = Look {
                terminal: std::io::stdout().is_terminal(),
            };
            let people = status.people.len();
            let overload = review::overload_limit(&team, people);
            match person {
                Some(p) => status::week(&status, p, &ui, look, today),
                None => status::overview(&status, &ui, look, overload),
            }
        }
    };
    let mut out = anstream::stdout();
    out.write_all(text.as_bytes()).or_else(closed_pipe)?;
    Ok(())
}
