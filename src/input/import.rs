//! A hand-edited RACI matrix read back: the tables of `docs/team/raci.md` (or a CSV in the export
//! format), each row checked against the RACI rules, and turned into the letters that differ
//! from the catalog's defaults for this team. Nothing is guessed: a cell holds a letter and the
//! marks mlteam writes beside it, or it is refused; text the import would not keep is refused by
//! line.

use std::collections::BTreeMap;

use crate::diag::Diagnostic;
use crate::escape::csv_cell_back;
use crate::input::manifest::parse_override;
use crate::model::matrix::{Letter, Matrix, Overrides, row_rule_problem};
use crate::model::team::Team;
use crate::msg;
use crate::words::Lang;
use crate::words::Msg;
use crate::write::region;

/// The region of the matrix page that holds the tables.
pub const REGION: &str = "raci-matrix";

/// One row of the edited table: the activity, and a letter (or none) per role column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub activity: String,
    pub cells: Vec<(String, Option<Letter>)>,
}

/// What the tables of a Markdown file hold, and the lines they took.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tables {
    pub rows: Vec<Row>,
    /// 1-based lines of the file that belong to a matrix table (headers, rules and rows).
    pub lines: Vec<usize>,
    /// Where the region's body starts and ends (1-based, inclusive), when the file has one.
    pub region: Option<(usize, usize)>,
}

/// The rows of every matrix table in a Markdown file: inside the `raci-matrix` region when the
/// file has one, else anywhere. A matrix table is one whose last columns are the team's roles
/// (by code, id or name) and whose column before them names the activity.
pub fn from_markdown(file: &str, text: &str, team: &Team) -> Result<Tables, Vec<Diagnostic>> {
    let region = region::parse(text)
        .ok()
        .and_then(|r| r.into_iter().find(|r| r.name == REGION));
    let (start_line, body) = match &region {
        Some(r) => (r.line + 1, &text[r.body.clone()]),
        None => (1, text),
    };
    let lines: Vec<(usize, &str)> = body
        .lines()
        .enumerate()
        .map(|(i, l)| (start_line + i, l.trim()))
        .collect();
    let mut out = Tables {
        region: region.map(|_| (start_line, start_line + lines.len().saturating_sub(1))),
        ..Tables::default()
    };
    let mut problems = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        let (header_line, header) = lines[index];
        let columns = header.starts_with('|').then(|| cells(header));
        let Some((activity_column, roles)) = columns.and_then(|c| matrix_columns(team, &c)) else {
            index += 1;
            continue;
        };
        out.lines.push(header_line);
        index += 1;
        if let Some(&(line, rule)) = lines.get(index) {
            if rule.starts_with('|') && rule.contains("--") {
                out.lines.push(line);
                index += 1;
            }
        }
        while let Some(&(line, row)) = lines.get(index) {
            if !row.starts_with('|') {
                break;
            }
            out.lines.push(line);
            match parse_row(
                file,
                line,
                &cells(row),
                activity_column,
                activity_column + 1,
                &roles,
                team,
            ) {
                Ok(row) => out.rows.push(row),
                Err(d) => problems.push(*d),
            }
            index += 1;
        }
    }
    if out.rows.is_empty() && problems.is_empty() {
        problems.push(
            Diagnostic::new(file, msg!("import.no_table")).help(msg!("import.no_table_help")),
        );
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// Lines inside the matrix region that are neither part of a table nor what mlteam would write
/// there again: the import would drop them when the region is regenerated.
pub fn unread(text: &str, tables: &Tables, regenerated: &str) -> Vec<usize> {
    let Some((first, last)) = tables.region else {
        return Vec::new();
    };
    let generated: Vec<&str> = regenerated.lines().map(str::trim).collect();
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(n, l)| {
            (first..=last).contains(n)
                && !l.is_empty()
                && !tables.lines.contains(n)
                && !generated.contains(l)
        })
        .map(|(n, _)| n)
        .collect()
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
            let detail = csv_error(&e);
            vec![Diagnostic::new(file, msg!("import.csv_header", detail = detail)).at_line(1)]
        })?
        .clone();
    let mut problems = Vec::new();
    let fixed: Vec<&str> = header.iter().take(2).map(str::trim).collect();
    if fixed != ["activity", "phase"] {
        return Err(vec![
            Diagnostic::new(file, msg!("import.csv_start", found = fixed.join(",")))
                .at_line(1)
                .help(msg!("import.csv_start_help")),
        ]);
    }
    let mut roles = Vec::new();
    for column in header.iter().skip(2).map(csv_cell_back) {
        match role_of(team, column) {
            Some(role) => roles.push(role),
            None => problems
                .push(Diagnostic::new(file, msg!("import.csv_column", column = column)).at_line(1)),
        }
    }
    if roles.is_empty() && problems.is_empty() {
        problems.push(Diagnostic::new(file, msg!("import.csv_no_roles")).at_line(1));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                // The reader counts the lines it has finished: the record is on the next one.
                let line = e.position().map_or(1, |p| p.line() as usize + 1);
                let detail = csv_error(&e);
                problems.push(
                    Diagnostic::new(file, msg!("import.csv_row", detail = detail)).at_line(line),
                );
                continue;
            }
        };
        let line = record.position().map_or(1, |p| p.line() as usize + 1);
        // Cells the export kept from running as formulas read back as they were.
        let fields: Vec<String> = record.iter().map(csv_cell_back).map(String::from).collect();
        match parse_row(file, line, &fields, 0, 2, &roles, team) {
            Ok(row) => rows.push(row),
            Err(d) => problems.push(*d),
        }
    }
    if rows.is_empty() && problems.is_empty() {
        problems.push(Diagnostic::new(file, msg!("import.csv_empty")).at_line(1));
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(problems)
    }
}

/// The column of the activity and the roles of the columns after it, when a header row is one
/// of a matrix table: every column after the activity's is a role of the team.
fn matrix_columns(team: &Team, columns: &[String]) -> Option<(usize, Vec<String>)> {
    (1..columns.len()).find_map(|first_role| {
        let roles: Option<Vec<String>> = columns[first_role..]
            .iter()
            .map(|c| role_of(team, c))
            .collect();
        let activity = &columns[first_role - 1];
        roles
            .filter(|_| role_of(team, activity).is_none())
            .map(|r| (first_role - 1, r))
    })
}

/// A row's activity is in column `activity`; its letters start at column `letters`, one per
/// role.
fn parse_row(
    file: &str,
    line: usize,
    fields: &[String],
    activity: usize,
    letters: usize,
    roles: &[String],
    team: &Team,
) -> Result<Row, Box<Diagnostic>> {
    let name = fields.get(activity).map(String::as_str).unwrap_or_default();
    let at = |message: Msg| Box::new(Diagnostic::new(file, message).at_line(line));
    let activity_id = activity_of(team, name).ok_or_else(|| {
        let names = team
            .matrix
            .rows
            .iter()
            .filter_map(|r| team.catalog.activity(&r.activity))
            .map(|a| a.name.get(team.project.lang));
        let hint = crate::model::ids::suggestion(name, names);
        at(msg!("import.not_activity", name = name, hint = hint))
    })?;
    let letters = &fields[letters.min(fields.len())..];
    if letters.len() != roles.len() {
        return Err(at(msg!(
            "import.cell_count",
            name = name,
            count = letters.len(),
            roles = roles.len()
        )));
    }
    let mut cells = Vec::new();
    for (role, field) in roles.iter().zip(letters) {
        let letter = letter_of(team, field)
            .map_err(|e| at(msg!("import.cell", name = name, role = role, message = e)))?;
        cells.push((role.clone(), letter));
    }
    Ok(Row {
        line,
        activity: activity_id,
        cells,
    })
}

/// The letter of a cell as mlteam writes it: `A/R`, `R (for MLR, MLAS)`, `R（代MLR、MLAS）`,
/// `C\*`; empty or `-` for none. Anything else in the cell is refused: it would be lost.
fn letter_of(team: &Team, cell: &str) -> Result<Option<Letter>, Msg> {
    let mut rest = cell.trim();
    rest = rest
        .strip_suffix("\\*")
        .or_else(|| rest.strip_suffix('*'))
        .unwrap_or(rest)
        .trim_end();
    let codes = rest
        .strip_suffix(')')
        .and_then(|r| r.rsplit_once(" (for ").map(|(l, c)| (l, c, ',')))
        .or_else(|| {
            rest.strip_suffix('）')
                .and_then(|r| r.rsplit_once("（代").map(|(l, c)| (l, c, '、')))
        });
    if let Some((letter, codes, separator)) = codes {
        let known = codes
            .split(separator)
            .map(str::trim)
            .all(|c| team.catalog.roles.iter().any(|r| r.code == c));
        if known {
            rest = letter.trim_end();
        }
    }
    parse_override(rest).map_err(|_| msg!("import.not_letter", cell = cell.trim()))
}

/// The cells of a table row as a reader sees them: split at each `|` that is not escaped, then
/// each cell trimmed and its backslash escapes undone (mlteam escapes the values it writes).
pub(crate) fn cells(line: &str) -> Vec<String> {
    let line = line.trim();
    let inner = line.strip_prefix('|').unwrap_or(line);
    let mut out = Vec::new();
    let mut current = String::new();
    let mut closed = false;
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        closed = false;
        match c {
            '\\' => {
                current.push(c);
                current.extend(chars.next());
            }
            '|' => {
                out.push(cell(&std::mem::take(&mut current)));
                closed = true;
            }
            c => current.push(c),
        }
    }
    if !closed || out.is_empty() {
        out.push(cell(&current));
    }
    out
}

/// What the CSV reader says: the common problems in our words, the rest in its own.
fn csv_error(error: &csv::Error) -> Msg {
    match error.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            msg!("import.csv_lengths", count = *len, expected = *expected_len)
        }
        csv::ErrorKind::Utf8 { .. } => msg!("import.csv_utf8"),
        _ => Msg::verbatim(error.to_string()),
    }
}

fn cell(raw: &str) -> String {
    crate::escape::markdown_unescape(raw.trim())
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

/// An activity of the team's matrix, by id or by name in either language.
fn activity_of(team: &Team, text: &str) -> Option<String> {
    let text = text.trim();
    team.matrix
        .rows
        .iter()
        .filter_map(|r| team.catalog.activity(&r.activity))
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
pub type Edits = BTreeMap<String, BTreeMap<String, Cell>>;

/// Checks every row against the RACI rules (with the team's current letters for any role the
/// table leaves out) and returns, per activity and role, whether the cell differs from the
/// catalog's default for this team. A row given twice is refused, naming both lines.
pub fn differences(file: &str, rows: &[Row], team: &Team) -> Result<Edits, Vec<Diagnostic>> {
    let defaults = Matrix::build(
        &team.catalog,
        &team.project.kind,
        &team.roles,
        &Overrides::new(),
    );
    let column = |role: &str| team.matrix.roles.iter().position(|r| r == role);
    let name = |id: &str| {
        team.catalog.activity(id).map_or(id.to_string(), |a| {
            a.name.get(team.project.lang).to_string()
        })
    };
    let mut problems = Vec::new();
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let mut out = Edits::new();
    for row in rows {
        if let Some(first) = seen.insert(&row.activity, row.line) {
            let message = msg!(
                "import.twice",
                name = name(&row.activity),
                first = first,
                second = row.line
            );
            problems.push(
                Diagnostic::new(file, message)
                    .at_line(row.line)
                    .help(msg!("import.twice_help")),
            );
            continue;
        }
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
            let message = msg!("import.rule", name = name(&row.activity), problem = problem);
            problems.push(Diagnostic::new(file, message).at_line(row.line));
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
