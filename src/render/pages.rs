//! The pages of a team's documentation and their rendering: which files exist for this team,
//! which template makes each, and the data each one sees.

use std::collections::BTreeSet;

use anyhow::Result;
use jiff::civil::Date;
use serde_json::{Value, json};

use super::{Data, Renderer, ics, markdown, stub};
use crate::diag::{Diagnostic, Invalid};
use crate::input::front_matter;
use crate::model::progress::{self, Progress, Status};
use crate::model::team::Team;
use crate::view::context;
use crate::view::paths;
use crate::write::{region, seal};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    TeamReadme,
    Raci,
    Role(String),
    Deliverable(String),
    Meeting(String),
    Calendar,
    Checklist,
    /// `docs/plan.md`: the phases with dates, a timeline, what is late or due soon.
    Plan,
    /// `.github/CODEOWNERS`, when people have GitHub handles.
    Codeowners,
}

impl Kind {
    /// Template name, without language.
    pub fn template(&self) -> &'static str {
        match self {
            Kind::TeamReadme => "team.md",
            Kind::Raci => "raci.md",
            Kind::Role(_) => "role.md",
            Kind::Deliverable(_) => "deliverable.md",
            Kind::Meeting(_) => "meeting.md",
            Kind::Calendar => "calendar.ics",
            Kind::Checklist => "checklist.md",
            Kind::Plan => "plan.md",
            Kind::Codeowners => "codeowners",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Relative to the project root, with `/`.
    pub path: String,
    pub kind: Kind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub path: String,
    pub kind: Kind,
    pub text: String,
}

/// Every page of the team, in a stable order.
pub fn all(team: &Team) -> Vec<Page> {
    let page = |path: String, kind| Page { path, kind };
    let mut out = vec![
        page(paths::TEAM_README.into(), Kind::TeamReadme),
        page(paths::RACI.into(), Kind::Raci),
    ];
    out.extend(
        team.roles
            .iter()
            .map(|r| page(paths::role_card(r), Kind::Role(r.clone()))),
    );
    out.extend(
        team.deliverables
            .iter()
            .map(|d| page(paths::stub(d), Kind::Deliverable(d.clone()))),
    );
    out.extend(
        team.meetings
            .iter()
            .map(|m| page(paths::meeting(&m.id), Kind::Meeting(m.id.clone()))),
    );
    out.push(page(paths::CALENDAR.into(), Kind::Calendar));
    out.push(page(paths::CHECKLIST.into(), Kind::Checklist));
    out.push(page(paths::PLAN.into(), Kind::Plan));
    if team.members.iter().any(|m| m.github.is_some()) {
        out.push(page(paths::CODEOWNERS.into(), Kind::Codeowners));
    }
    out
}

/// Renders `pages`. `existing` gives the current text of a project file (`None` when absent, an
/// error when it is there but cannot be read). The pages that show progress see the new stubs
/// among `pages` as they will be once written.
pub fn render(
    team: &Team,
    renderer: &Renderer,
    pages: &[Page],
    today: Date,
    existing: impl Fn(&str) -> Result<Option<String>>,
) -> Result<Vec<Rendered>> {
    let lang = team.project.lang;
    let names: BTreeSet<String> = pages
        .iter()
        .map(|p| format!("{lang}/{}", p.kind.template()))
        .collect();
    renderer.prepare(names.iter().map(String::as_str))?;
    // A new stub starts as `todo` with the team's owner, as the front matter `stub::compose`
    // writes into it says (pinned by `a_new_stub_reads_back_as_it_was_assumed`): the pages that
    // show progress are rendered in the same pass, with the new stubs as they will be.
    let mut progress = progress::of_team(team, |id| stub(existing(&paths::stub(id))));
    for page in pages {
        if let Kind::Deliverable(id) = &page.kind {
            if let Some(entry) = progress.get_mut(id).filter(|e| e.status == Status::Missing) {
                entry.status = Status::Todo;
            }
        }
    }
    let mut data = Data::from(data(team, &progress, today));
    pages
        .iter()
        .map(|page| render_page(team, renderer, &mut data, page, &existing))
        .collect()
}

/// Where a stub stands for the pages that show progress: what cannot be read is `unreadable`
/// there too (why is for `check` to say).
fn stub(text: Result<Option<String>>) -> progress::Stub {
    match text {
        Ok(text) => front_matter::stub(text.as_deref()),
        Err(error) => progress::Stub::Unreadable(progress::Unreadable {
            line: 1,
            message: crate::words::Msg::verbatim(error.to_string()),
        }),
    }
}

/// The team's page of `kind`, rendered alone: for printing and exports.
pub fn render_kind(
    team: &Team,
    renderer: &Renderer,
    kind: &Kind,
    today: Date,
    existing: impl Fn(&str) -> Result<Option<String>>,
) -> Result<String> {
    let page: Vec<Page> = all(team).into_iter().filter(|p| p.kind == *kind).collect();
    Ok(render(team, renderer, &page, today, existing)?
        .into_iter()
        .map(|r| r.text)
        .collect())
}

/// The data every template sees, as JSON.
pub fn data(team: &Team, progress: &Progress, today: Date) -> Value {
    serde_json::to_value(context::build(team, progress, today)).expect("the context serialises")
}

/// The data of one page: the team's data, plus `page` and the page's own subject under `role`,
/// `deliverable` or `meeting`.
pub fn page_data(data: &Value, page: &Page) -> Value {
    let mut data = data.clone();
    add_page(&mut data, page);
    data
}

fn add_page(data: &mut Value, page: &Page) {
    let subject = |list: &str, id: &str| {
        data[list]
            .as_array()
            .and_then(|items| items.iter().find(|i| i["id"] == id))
            .cloned()
            .unwrap_or(Value::Null)
    };
    let (key, value) = match &page.kind {
        Kind::Role(id) => ("role", subject("roles", id)),
        Kind::Deliverable(id) => ("deliverable", subject("deliverables", id)),
        Kind::Meeting(id) => ("meeting", subject("meetings", id)),
        _ => ("", Value::Null),
    };
    let map = data.as_object_mut().expect("the context is an object");
    map.insert("page".into(), json!({ "path": page.path }));
    if !key.is_empty() {
        map.insert(key.into(), value);
    }
}

fn render_page(
    team: &Team,
    renderer: &Renderer,
    data: &mut Data,
    page: &Page,
    existing: &dyn Fn(&str) -> Result<Option<String>>,
) -> Result<Rendered> {
    add_page(data.data_mut(), page);
    let name = format!("{}/{}", team.project.lang, page.kind.template());
    let mut raw = renderer.render(&name, data)?;
    match &page.kind {
        Kind::Deliverable(id) => raw = stub::compose(team, id, &data.data()["deliverable"], &raw),
        Kind::Calendar => {
            raw = ics::carry_over(&raw, existing(&page.path).ok().flatten().as_deref())
        }
        Kind::Plan => {
            let today = data.data()["today"]
                .as_str()
                .unwrap_or_default()
                .to_string();
            raw = region::record(&raw, "plan", &[(region::AS_OF, &today)]);
        }
        _ => {}
    }
    // Values are escaped so that none can write a marker: broken markers come from the template.
    let text = finish(&page.path, &raw).map_err(|message| {
        let template = renderer.origin(&name).unwrap_or(&name);
        Invalid(vec![
            Diagnostic::new(
                template,
                crate::msg!(
                    "template.broken_markers",
                    path = &page.path,
                    message = message
                ),
            )
            .help(crate::msg!("template.broken_markers_help")),
        ])
    })?;
    Ok(Rendered {
        path: page.path.clone(),
        kind: page.kind.clone(),
        text,
    })
}

/// The last pass a rendered file gets, by type: Markdown is tidied and its regions sealed with
/// their digests; a calendar gets CRLF and folded lines.
pub fn finish(path: &str, raw: &str) -> Result<String, crate::words::Msg> {
    let at_line =
        |e: region::MarkerError| crate::msg!("region.at_line", line = e.line, message = e.message);
    if path.ends_with(".md") {
        region::seal(&markdown::tidy(raw)).map_err(at_line)
    } else if path.ends_with("CODEOWNERS") {
        region::seal(raw).map_err(at_line)
    } else if path.ends_with(".ics") {
        Ok(seal::seal(&ics::finish(raw)))
    } else {
        Ok(format!("{}\n", raw.trim_end()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::catalog::Catalog;
    use crate::model::progress::Stub;
    use crate::model::team::tests::team;

    /// What `render` assumes of a new stub is what its front matter says once written, for
    /// every deliverable of every kind, with all roles and with roles covering for others: so
    /// the pages that show progress need no second pass after the stubs.
    #[test]
    fn a_new_stub_reads_back_as_it_was_assumed() {
        let catalog = Catalog::builtin().unwrap();
        let renderer = Renderer::new(None, Some(crate::words::Lang::En)).unwrap();
        let all_roles: Vec<String> = catalog.roles.iter().map(|r| r.id.clone()).collect();
        let three = ["product-manager", "data-scientist", "ml-engineer"].map(String::from);
        for kind in ["product", "delivery", "research"] {
            for roles in [all_roles.clone(), three.to_vec()] {
                let team = team(&catalog, kind, roles);
                let today = jiff::civil::date(2026, 11, 27);
                let out = render(&team, &renderer, &all(&team), today, |_| Ok(None)).unwrap();
                let written = |id: &str| {
                    out.iter()
                        .find(|r| r.path == paths::stub(id))
                        .map(|r| r.text.clone())
                };
                let read =
                    progress::of_team(&team, |id| front_matter::stub(written(id).as_deref()));
                let mut assumed = progress::of_team(&team, |_| Stub::Missing);
                assert!(!read.is_empty());
                for (id, entry) in &read {
                    let assumed = assumed.get_mut(id).unwrap();
                    assumed.status = Status::Todo;
                    assumed.lines = entry.lines.clone();
                    assert_eq!(entry, assumed, "{kind}: {id}");
                }
            }
        }
    }
}
