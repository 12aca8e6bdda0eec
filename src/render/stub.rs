//! A deliverable's stub as mlteam first writes it: the front matter, written here so that no
//! template override can break what `checklist` reads, then the page its template renders, whose
//! `header` region records the owner and contributors mlteam assigned (so that a later run can
//! tell them from values a person set).

use serde_json::Value;

use crate::input::front_matter::{self, HEADER};
use crate::model::team::Team;
use crate::write::region;

/// The YAML front matter of a new stub, from the data its template sees.
pub fn front_matter(deliverable: &Value) -> String {
    let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
    let title = serde_json::to_string(&text(&deliverable["title"])).expect("a string serialises");
    let contributors: Vec<String> = deliverable["contributors"]
        .as_array()
        .map(|list| list.iter().map(|r| text(&r["id"])).collect())
        .unwrap_or_default();
    format!(
        "---\ndeliverable: {id}\ntitle: {title}\nowner: {owner}\ncontributors: {contributors}\n\
         phase: {phase}\nstatus: todo\ndue:\napproved_by:\napproved_on:\n---\n",
        id = text(&deliverable["id"]),
        owner = text(&deliverable["owner"]["id"]),
        contributors = front_matter::list(&contributors),
        phase = text(&deliverable["phase"]["id"]),
    )
}

/// The whole stub: front matter, a blank line, then the rendered body with the owner and
/// contributors this team's roles give the document recorded on the header's begin marker.
pub fn compose(team: &Team, id: &str, deliverable: &Value, body: &str) -> String {
    let owner = team.owner_of(id);
    let contributors = team.contributors_of(id, owner);
    let contributors = contributors.join(",");
    let body = region::record(
        body,
        HEADER,
        &[("owner", owner), ("contributors", &contributors)],
    );
    format!(
        "{}\n{}",
        front_matter(deliverable),
        body.trim_start_matches('\n')
    )
}
