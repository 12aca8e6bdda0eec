//! `mlteam status --html FILE`: the project's state as one self-contained HTML5 page (no
//! external resource, no script): progress by phase, the timeline as inline SVG, the workload
//! heatmap, the roles held by one person, what is late. In the project's language.

use anyhow::Result;
use serde_json::json;

use super::{Data, Renderer};
use crate::model::progress::Progress;
use crate::model::team::Team;
use crate::view::context;
use crate::view::status::{self, Status};
use crate::write::root::Root;

pub fn html(team: &Team, status: &Status, progress: &Progress, root: &Root) -> Result<String> {
    let lang = team.project.lang;
    let renderer = Renderer::new(Some(root.path()), Some(lang))?;
    let today = status.today.parse().unwrap_or_else(|_| crate::today());
    let context = context::build(team, progress, today);
    // Months as ISO year-month, like every date of the documents in either language.
    let timeline = status::timeline(&context, |d| format!("{:04}-{:02}", d.year(), d.month()));
    let data = json!({
        "lang": lang,
        "mlteam": { "version": env!("CARGO_PKG_VERSION") },
        "project": { "name": team.project.name, "description": team.project.description },
        "status": status,
        "timeline": timeline,
        "heat": status::heat(status),
    });
    let text = renderer.render(&format!("{lang}/status.html"), &Data::from(data))?;
    Ok(super::html::tidy(&text))
}
