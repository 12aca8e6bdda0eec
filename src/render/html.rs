//! The RACI matrix as one self-contained HTML5 page (SPEC §10): no external resources,
//! colour-coded cells, a legend, readable on screen and in print, in the project's language.

use anyhow::Result;

use crate::model::team::Team;
use crate::render::pages;
use crate::render::{Data, Renderer};

pub fn matrix(
    team: &Team,
    renderer: &Renderer,
    progress: &crate::view::context::Progress,
) -> Result<String> {
    let data = Data::from(pages::data(team, progress, crate::today()));
    let text = renderer.render(&format!("{}/raci.html", team.project.lang), &data)?;
    Ok(tidy(&text))
}

/// An HTML page without the blank lines and trailing spaces its template's blocks leave.
pub fn tidy(text: &str) -> String {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}
