//! `mlteam meetings [--ics FILE]`: the team's meeting cadence, or the same as an RFC 5545
//! calendar to import.

use std::io::Write as _;

use anyhow::Result;
use dialoguer::console::measure_text_width;

use super::{emit_to, in_export_language, project_root};
use crate::cli::Global;
use crate::pipeline;
use crate::render::Renderer;
use crate::render::pages::{self, Kind};
use crate::view::context;
use crate::words::Words;
use crate::write::root::Root;

pub fn run(global: &Global, ui: &Words, ics: Option<&str>) -> Result<()> {
    let root = Root::new(project_root(global));
    let (_, mut team) = pipeline::load_team(&root)?;
    in_export_language(&mut team, global);
    if ics.is_some() {
        let renderer = Renderer::new(Some(root.path()), Some(team.project.lang))?;
        // The project's own calendar decides which events changed since it was written.
        let text = pages::render_kind(&team, &renderer, &Kind::Calendar, crate::today(), |p| {
            root.read(p)
        })?;
        return emit_to("--ics", &root, ics, &text);
    }
    let progress = pipeline::progress(&team, &root, ui);
    let meetings = context::build(&team, &progress, crate::today()).meetings;
    // The listing is in the language of its names (`--lang` may ask for the other one).
    let words = Words::new(team.project.lang);
    let rows: Vec<[String; 4]> = meetings
        .iter()
        .map(|m| {
            let chair = if m.chair.holders.is_empty() {
                m.chair.name.clone()
            } else {
                let aside = [("text", m.chair.name.as_str()), ("aside", &m.chair.holders)];
                words.fill("summary.aside", &aside)
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
        writeln!(out, "{line}").or_else(crate::diag::closed_pipe)?;
    }
    Ok(())
}
