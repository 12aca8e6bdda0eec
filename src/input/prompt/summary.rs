//! The summary before the confirmation: every answer, and what follows from them.

use std::path::Path;

use anyhow::Result;
use dialoguer::console::{Alignment, measure_text_width, pad_str};

use super::Files;
use super::screen::Screen;
use super::wrap::{GLUE, wrap_items};
use crate::input::answers::Answers;
use crate::model::catalog::Catalog;
use crate::model::matrix::{Matrix, Overrides};

/// Every answer on one screen, with what follows from them: the roles that take over the work
/// of those not on the team, and the files init would write.
pub(super) fn print(
    catalog: &Catalog,
    screen: &Screen,
    a: &Answers,
    dir: &Path,
    files: Files,
) -> Result<()> {
    let ui = &screen.words;
    let lang = a.lang;
    let separator = ui.get("list.separator");
    let role_name = |id: &String| {
        catalog
            .role(id)
            .map_or(id.clone(), |r| r.name.get(lang).to_string())
    };
    let project = if a.description.is_empty() {
        a.name.clone()
    } else {
        format!("{} — {}", a.name, a.description)
    };
    let aside =
        |text: &str, aside: &str| ui.fill("summary.aside", &[("aside", aside), ("text", text)]);
    let mut roles: Vec<String> = a.roles.iter().map(role_name).collect();
    if let Some(last) = roles.last_mut() {
        *last = aside(last, &a.roles.len().to_string());
    }
    let people: Vec<String> = a
        .members
        .iter()
        .map(|m| {
            let held: Vec<String> = m.roles.iter().map(role_name).collect();
            aside(&m.name, &held.join(separator))
        })
        .collect();
    let meetings: Vec<String> = a
        .meetings
        .iter()
        .map(|id| {
            catalog
                .meeting(id)
                .map_or(id.clone(), |m| m.name.get(lang).to_string())
        })
        .collect();
    // A role's name is not broken across lines.
    let glued = |id: &String| role_name(id).replace(' ', &GLUE.to_string());
    let matrix = Matrix::build(catalog, &a.kind, &a.roles, &Overrides::new());
    let covers: Vec<Vec<String>> = matrix
        .roles
        .iter()
        .filter_map(|by| {
            let absent: Vec<String> = matrix
                .covers
                .iter()
                .filter(|c| &c.by == by)
                .map(|c| glued(&c.absent))
                .collect();
            (!absent.is_empty()).then(|| {
                vec![ui.fill(
                    "summary.cover",
                    &[("by", &glued(by)), ("absent", &absent.join(separator))],
                )]
            })
        })
        .collect();
    let files = if files.keep == 0 {
        ui.fill(
            "summary.files_count",
            &[("count", &files.write.to_string())],
        )
    } else {
        ui.fill(
            "summary.files_kept",
            &[
                ("count", &files.write.to_string()),
                ("kept", &files.keep.to_string()),
            ],
        )
    };

    // Each row: its label and its values, each value a list of items to keep whole on a line.
    let mut rows: Vec<(&str, Vec<Vec<String>>)> = vec![
        (ui.get("summary.project"), vec![vec![project]]),
        (
            ui.get("summary.lang"),
            vec![vec![lang.native_name().to_string()]],
        ),
        (
            ui.get("summary.kind"),
            vec![vec![
                catalog
                    .kind(&a.kind)
                    .map_or(a.kind.clone(), |k| k.name.get(lang).to_string()),
            ]],
        ),
        (ui.get("summary.roles"), vec![roles]),
    ];
    if !covers.is_empty() {
        rows.push((ui.get("summary.covers"), covers));
    }
    rows.extend([
        (ui.get("summary.people"), vec![people]),
        (ui.get("summary.meetings"), vec![meetings]),
        (
            ui.get("summary.start"),
            vec![vec![aside(&a.start.to_string(), &a.timezone)]],
        ),
        (ui.get("summary.dir"), vec![vec![dir.display().to_string()]]),
        (ui.get("summary.files"), vec![vec![files]]),
    ]);
    let label_width = rows
        .iter()
        .map(|(label, _)| measure_text_width(label))
        .max()
        .unwrap_or(0);
    let indent = 2 + label_width + 2;
    let room = screen.width().saturating_sub(indent);
    screen.line("")?;
    for (label, values) in rows {
        let mut label = Some(label);
        for value in values {
            let items: Vec<&str> = value.iter().map(String::as_str).collect();
            let items = if items.is_empty() {
                vec![ui.get("summary.nothing")]
            } else {
                items
            };
            for line in wrap_items(&items, separator, room, room) {
                let head = pad_str(
                    label.take().unwrap_or(""),
                    label_width,
                    Alignment::Left,
                    None,
                );
                screen.line(&format!("  {head}  {line}"))?;
            }
        }
    }
    screen.line("")?;
    Ok(())
}
