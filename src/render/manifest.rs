//! The `mlteam.toml` that `init` writes: the answers rendered through the manifest template of
//! their language, comments and all.

use anyhow::Result;
use serde_json::json;

use super::Renderer;
use crate::input::answers::Answers;
use crate::input::manifest;
use crate::model::catalog::Catalog;

/// The manifest these answers make, from the `mlteam.toml` template of their language.
pub fn text(answers: &Answers, catalog: &Catalog, renderer: &Renderer) -> Result<String> {
    let a = answers;
    let lang = a.lang;
    let named = |id: &str, name: Option<&crate::model::text::Text>| json!({ "id": id, "name": name.map_or(id, |n| n.get(lang)) });
    let data = json!({
        "lang": lang,
        "mlteam": { "version": env!("CARGO_PKG_VERSION") },
        "project": {
            "name": a.name,
            "description": a.description,
            "lang": lang,
            "kind": a.kind,
            "start": a.start.to_string(),
            "timezone": a.timezone,
        },
        "roles": a.roles.iter().map(|r| named(r, catalog.role(r).map(|r| &r.name))).collect::<Vec<_>>(),
        "members": a.members.iter().map(|m| json!({
            "name": m.name, "email": m.email, "github": m.github, "roles": m.roles,
        })).collect::<Vec<_>>(),
        "meetings": a.meetings.iter().map(|m| named(m, catalog.meeting(m).map(|m| &m.name))).collect::<Vec<_>>(),
        "max_share": manifest::DEFAULT_MAX_SHARE,
        "kind_name": catalog.kind(&a.kind).map_or(a.kind.as_str(), |k| k.name.get(lang)),
        "schedule": catalog.kind(&a.kind).map(|k| {
            catalog
                .phases
                .iter()
                .filter_map(|p| k.schedule.get(&p.id).map(|length| json!({
                    "id": p.id, "length": length, "name": p.name.get(lang),
                })))
                .collect::<Vec<_>>()
        }),
    });
    let raw = renderer.render(&format!("{lang}/mlteam.toml"), &data.into())?;
    super::pages::finish(manifest::FILE, &raw).map_err(crate::diag::failed)
}
