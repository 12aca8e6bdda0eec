//! `mlteam status [--person NAME] [--format text|json] [--html FILE]`: where the project stands,
//! read from the manifest and the stubs, written nowhere but where asked.

use std::io::{IsTerminal, Write as _};

use anyhow::Result;

use super::{emit_to, project_root};
use crate::cli::{Global, StatusArgs, StatusFormat};
use crate::diag::closed_pipe;
use crate::model::review;
use crate::pipeline;
use crate::render::status::{self, Look};
use crate::view::status as view;
use crate::words::Words;
use crate::write::root::Root;

pub fn run(global: &Global, ui: &Words, args: &StatusArgs) -> Result<()> {
    let root = Root::new(project_root(global));
    let (_, team) = pipeline::load_team(&root)?;
    let today = crate::today();
    let progress = pipeline::progress(&team, &root, ui);
    let status = view::build(&team, &progress, today);
    let person = match &args.person {
        None => None,
        Some(name) => {
            let names: Vec<&str> = status.people.iter().map(|p| p.name.as_str()).collect();
            let found = super::person(&names, name)?;
            status.people.iter().find(|p| p.name == found)
        }
    };
    // The overview is the project's own page, in its language.
    let page = Words::new(team.project.lang);
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
                Some(p) => status::week(&status, p, &page, look, today),
                None => status::overview(&status, &page, look, overload),
            }
        }
    };
    let mut out = anstream::stdout();
    out.write_all(text.as_bytes()).or_else(closed_pipe)?;
    Ok(())
}
