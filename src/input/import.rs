//! A hand-edited RACI matrix read back: the table of `docs/team/raci.md` (or a CSV in the export
//! format), each row checked against the RACI rules, and turned into the letters that differ
//! from the catalog's defaults for this team.

use crate::diag::Diagnostic;
use crate::input::manifest::parse_override;
use crate::model::matrix::{Letter, Matrix, Overrides, row_rule_problem};
use crate::model::team::Team;
use crate::model::text::Lang;
use crate::write::region;

/// One row of the edited table: the activity, and a letter (or none) per role column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub activity: String,
    pub cells: Vec<(String, Option<Letter>)>,
}

/// The rows of the matrix table in a Markdown file: inside the `raci-matrix` region when the
/// file has one, else the first table whose columns after the second are the team's roles.
pub fn from_markdown(file: &str, text: &str, team: &Team) -> Result<Vec<Row>, Vec<Diagnostic>> {
    let (start_line, body) = match region::parse(text)
        .ok()
        .and_then(|r| r.into_iter().find(|r| r.name == "raci-matrix"))
    {
        Some(r) => (r.line + 1, &text[r.body.clone()]),
        None => (1, text),
    };
    let lines: Vec<(usize, &str)> = body
        .lines()
        .enumerate()
        .map(|(i, l)| (start_line + i, l.trim()))
        .collect();
    let mut problems = Vec::new();
    for (index, (_, header)) in lines.iter().enumerate() {
        if !header.starts_with('|') {
            continue;
        }
        let columns = cells(header);
        if columns.len() < 3 {
            continue;
        }
        let roles: Vec<Option<String>> = columns[2..].iter().map(|c| role_of(team, c)).collect();
        if roles.iter().any(Option::is_none) {
            continue;
        }
        let roles: Vec<String> = roles.into_iter().flatten().collect();
        let mut rows = Vec::new();
        for (line, text) in lines
            .iter()
            .skip(index + 2)
            .take_while(|(_, l)| l.starts_with('|'))
        {
            match parse_row(file, *line, &cells(text), 1, &roles, team) {
                Ok(row) => rows.push(row),
                Err(d) => problems.push(*d),
            }
        }
        return if problems.is_empty() {
            Ok(rows)
        } else {
            Err(problems)
        };
    }
    Err(vec![Diagnostic::new(file, "no RACI table found: none has the team's role codes as columns").help(
        "keep the header row of the matrix (`| Phase | Activity | PM | ... |`) as mlteam wrote it",
    )])
}

/// The rows of a CSV in the export format: `activity,phase,<role names...>`.
pub fn from_csv(file: &str, text: &str, team: &Team) -> Result<Vec<Row>, Vec<Diagnostic>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| {
            vec![Diagnostic::new(
                file,
                format!("cannot read the CSV header: {e}"),
            )]
        })?
        .clone();
    let mut roles = Vec::new();
    let mut problems = Vec::new();
    for column in header.iter().skip(2) {
        match role_of(team, column) {
            Some(role) => roles.push(role),
            None => problems.push(
                Diagnostic::new(file, format!("column `{column}` is not a role on the team"))
                    .at_line(1),
            ),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                problems.push(
                    Diagnostic::new(file, format!("cannot read this CSV row: {e}")).at_line(line),
                );
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        let fields: Vec<String> = record.iter().map(String::from).collect();
        match parse_row(file, line, &fields, 0, &roles, team) {
            Ok(row) => rows.push(row),
            Err(d) => problems.push(*d),
        }
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(problems)
    }
}

/// A row's activity is in column `activity` (1 in the Markdown table, after the phase; 0 in the
/// CSV); the letters start at column 2 in both.
fn parse_row(
    file: &str,
    line: usize,
    fields: &[String],
    activity: usize,
    roles: &[String],
    team: &Team,
) -> Result<Row, Box<Diagnostic>> {
    let name = fields.get(activity).map(String::as_str).unwrap_or_default();
    let activity = activity_of(team, name).ok_or_else(|| {
        let names = team
            .catalog
            .activities
            .iter()
            .map(|a| a.name.get(team.project.lang));
        let hint = crate::model::ids::suggestion(name, names);
        Box::new(
            Diagnostic::new(
                file,
                format!("`{name}` is not an activity of the catalog{hint}"),
            )
            .at_line(line),
        )
    })?;
    let mut cells = Vec::new();
    for (role, field) in roles.iter().zip(fields.iter().skip(2)) {
        let letter = letter_of(field).map_err(|e| {
            Box::new(
                Diagnostic::new(file, format!("row `{name}`, column {role}: {e}")).at_line(line),
            )
        })?;
        cells.push((role.clone(), letter));
    }
    Ok(Row {
        line,
        activity,
        cells,
    })
}

/// The letter of a cell as mlteam writes it: `A/R`, `R (for MLR)`, `C*`; empty for none.
fn letter_of(cell: &str) -> Result<Option<Letter>, String> {
    let letter = cell
        .split(" (")
        .next()
        .unwrap_or("")
        .split('（')
        .next()
        .unwrap_or("");
    parse_override(letter.replace("\\*", "").replace('*', "").trim())
}

fn cells(line: &str) -> Vec<String> {
    let inner = line.trim().trim_start_matches('|').trim_end_matches('|');
    let mut out = Vec::new();
    let mut current = String::new();
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                current.push('|');
                chars.next();
            }
            '|' => out.push(std::mem::take(&mut current).trim().to_string()),
            c => current.push(c),
        }
    }
    out.push(current.trim().to_string());
    out
}

fn role_of(team: &Team, text: &str) -> Option<String> {
    let text = text.trim();
    team.roles
        .iter()
        .filter_map(|id| team.catalog.role(id))
        .find(|r| {
            r.code.eq_ignore_ascii_case(text)
                || r.id == text
                || Lang::ALL
                    .iter()
                    .any(|l| r.name.get(*l).eq_ignore_ascii_case(text))
        })
        .map(|r| r.id.clone())
}

fn activity_of(team: &Team, text: &str) -> Option<String> {
    let text = text.trim();
    team.catalog
        .activities
        .iter()
        .find(|a| {
            a.id == text
                || Lang::ALL
                    .iter()
                    .any(|l| a.name.get(*l).eq_ignore_ascii_case(text))
        })
        .map(|a| a.id.clone())
}

/// What the manifest should say about one cell after an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    /// The table agrees with the catalog's default: no override.
    Default,
    /// An override: this letter, or `None` for an empty cell.
    Set(Option<Letter>),
}

/// Activity id → role id → what the manifest should say.
pub type Edits = std::collections::BTreeMap<String, std::collections::BTreeMap<String, Cell>>;

/// Checks every row against the RACI rules (with the team's current letters for any role the
/// table leaves out) and returns, per activity and role, whether the cell differs from the
/// catalog's default for this team.
pub fn differences(file: &str, rows: &[Row], team: &Team) -> Result<Edits, Vec<Diagnostic>> {
    let defaults = Matrix::build(
        &team.catalog,
        &team.project.kind,
        &team.roles,
        &Overrides::new(),
    );
    let column = |role: &str| team.matrix.roles.iter().position(|r| r == role);
    let mut problems = Vec::new();
    let mut out = Edits::new();
    for row in rows {
        let Some(index) = team
            .matrix
            .rows
            .iter()
            .position(|r| r.activity == row.activity)
        else {
            continue;
        };
        let mut letters: Vec<Option<Letter>> = team.matrix.rows[index]
            .cells
            .iter()
            .map(|c| c.as_ref().map(|c| c.letter))
            .collect();
        for (role, letter) in &row.cells {
            if let Some(i) = column(role) {
                letters[i] = *letter;
            }
        }
        let present: Vec<Letter> = letters.iter().flatten().copied().collect();
        if let Some(problem) = row_rule_problem(&present) {
            let name = team
                .catalog
                .activity(&row.activity)
                .map_or(row.activity.as_str(), |a| a.name.get(team.project.lang));
            problems
                .push(Diagnostic::new(file, format!("row `{name}` {problem}")).at_line(row.line));
            continue;
        }
        let entry = out.entry(row.activity.clone()).or_default();
        for (role, letter) in &row.cells {
            let default =
                column(role).and_then(|i| defaults.rows[index].cells[i].as_ref().map(|c| c.letter));
            entry.insert(
                role.clone(),
                if *letter == default {
                    Cell::Default
                } else {
                    Cell::Set(*letter)
                },
            );
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}
