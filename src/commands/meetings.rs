//! `mlteam meetings [--ics FILE]`: the team's meeting cadence, or the same as an RFC 5545
//! calendar to import.

use std::io::Write as _;

use anyhow::Result;
use dialoguer::console::measure_text_width;

use super::{load_team, project_root};
use crate::cli::Global;
use crate::context;
use crate::pages::{self, Kind};
use crate::render::Renderer;
use crate::write::{self, Root};

pub fn run(global: &Global, ics: Option<&str>) -> Result<()> {
    let root = Root::new(project_root(global));
    let (_, mut team) = load_team(&root)?;
    if let Some(lang) = global.lang {
        team.project.lang = lang;
    }
    let progress = pages::progress(&team, &root);
    if let Some(file) = ics {
        let renderer = Renderer::new(Some(root.path()), Some(team.project.lang))?;
        let calendar: Vec<_> = pages::all(&team)
            .into_iter()
            .filter(|p| p.kind == Kind::Calendar)
            .collect();
        let text: String = pages::render(&team, &renderer, &calendar, crate::today(), |_| None)?
            .into_iter()
            .map(|r| r.text)
            .collect();
        return match file {
            "-" => std::io::stdout()
                .write_all(text.as_bytes())
                .or_else(super::closed_pipe)
                .map_err(Into::into),
            file => write::export(&root.path().join(file), &text),
        };
    }
    let meetings = context::build(&team, &progress, crate::today()).meetings;
    let rows: Vec<[String; 4]> = meetings
        .iter()
        .map(|m| {
            let chair = if m.chair.holders.is_empty() {
                m.chair.name.clone()
            } else {
                format!("{} ({})", m.chair.name, m.chair.holders)
            };
            [
                m.name.clone(),
                m.cadence.clone(),
                format!("{}–{}", m.time, m.end),
                chair,
            ]
        })
        .collect();
    let widths: Vec<usize> = (0..3)
        .map(|c| {
            rows.iter()
                .map(|r| measure_text_width(&r[c]))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = anstream::stdout();
    for row in &rows {
        let mut line = String::new();
        for (cell, width) in row.iter().zip(&widths) {
            line.push_str(cell);
            line.push_str(&" ".repeat(width - measure_text_width(cell) + 2));
        }
        line.push_str(&row[3]);
        writeln!(out, "{line}").or_else(super::closed_pipe)?;
    }
    Ok(())
}
