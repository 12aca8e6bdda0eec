//! The RACI matrix in other formats (SPEC §10): CSV (RFC 4180) and JSON, whose shape is the
//! stable schema documented in the README; Markdown is the matrix page itself.

use anyhow::Result;
use serde::Serialize;

use crate::model::team::Team;

pub const JSON_SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Serialize)]
pub struct MatrixJson<'t> {
    pub schema: u32,
    pub project: &'t str,
    pub lang: crate::words::Lang,
    pub roles: Vec<RoleJson<'t>>,
    pub activities: Vec<ActivityJson<'t>>,
    pub covers: Vec<CoverJson<'t>>,
}

#[derive(Debug, Serialize)]
pub struct RoleJson<'t> {
    pub id: &'t str,
    pub code: &'t str,
    pub name: &'t str,
    pub holders: Vec<&'t str>,
}

#[derive(Debug, Serialize)]
pub struct ActivityJson<'t> {
    pub id: &'t str,
    pub name: &'t str,
    pub phase: &'t str,
    pub cells: Vec<CellJson<'t>>,
    /// Absent roles with letters here that no cover chain reaches.
    pub gaps: Vec<&'t str>,
}

#[derive(Debug, Serialize)]
pub struct CellJson<'t> {
    pub role: &'t str,
    pub letter: &'static str,
    pub covers: Vec<&'t str>,
    pub overridden: bool,
}

#[derive(Debug, Serialize)]
pub struct CoverJson<'t> {
    pub role: &'t str,
    pub by: &'t str,
    pub fallback: bool,
}

pub fn json(team: &Team) -> Result<String> {
    let lang = team.project.lang;
    let catalog = &team.catalog;
    let matrix = &team.matrix;
    let doc = MatrixJson {
        schema: JSON_SCHEMA_VERSION,
        project: &team.project.name,
        lang,
        roles: matrix
            .roles
            .iter()
            .filter_map(|id| catalog.role(id))
            .map(|r| RoleJson {
                id: &r.id,
                code: &r.code,
                name: r.name.get(lang),
                holders: team.holders(&r.id).map(|m| m.name.as_str()).collect(),
            })
            .collect(),
        activities: matrix
            .rows
            .iter()
            .filter_map(|row| catalog.activity(&row.activity).map(|a| (row, a)))
            .map(|(row, a)| ActivityJson {
                id: &a.id,
                name: a.name.get(lang),
                phase: &a.phase,
                cells: matrix
                    .roles
                    .iter()
                    .zip(&row.cells)
                    .filter_map(|(role, cell)| {
                        cell.as_ref().map(|c| CellJson {
                            role,
                            letter: c.letter.as_str(),
                            covers: c.covers.iter().map(String::as_str).collect(),
                            overridden: c.overridden,
                        })
                    })
                    .collect(),
                gaps: row.gaps.iter().map(String::as_str).collect(),
            })
            .collect(),
        covers: matrix
            .covers
            .iter()
            .map(|c| CoverJson {
                role: &c.absent,
                by: &c.by,
                fallback: c.fallback,
            })
            .collect(),
    };
    Ok(serde_json::to_string_pretty(&doc)? + "\n")
}

/// `activity,phase,<role names...>`, one row per activity, CRLF line ends (RFC 4180). A cell a
/// spreadsheet would run as a formula gets a leading `'` (SPEC §10) unless `raw`.
pub fn csv(team: &Team, raw: bool) -> Result<String> {
    let cell = |text: String| {
        if raw {
            text
        } else {
            crate::escape::csv_cell(&text)
        }
    };
    let lang = team.project.lang;
    let catalog = &team.catalog;
    let mut out = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut header = vec!["activity".to_string(), "phase".to_string()];
    header.extend(team.matrix.roles.iter().map(|r| {
        catalog
            .role(r)
            .map_or(r.clone(), |r| r.name.get(lang).to_string())
    }));
    out.write_record(header.into_iter().map(cell))?;
    for row in &team.matrix.rows {
        let Some(activity) = catalog.activity(&row.activity) else {
            continue;
        };
        let phase = catalog
            .phase(&activity.phase)
            .map_or(activity.phase.as_str(), |p| p.name.get(lang));
        let mut record = vec![activity.name.get(lang).to_string(), phase.to_string()];
        record.extend(row.cells.iter().map(|c| {
            c.as_ref()
                .map_or(String::new(), |c| c.letter.as_str().to_string())
        }));
        out.write_record(record.into_iter().map(cell))?;
    }
    Ok(String::from_utf8(out.into_inner()?)?)
}
