//! `mlteam.toml`, the team manifest: read with errors at a position, checked against the catalog,
//! and turned into the team.

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

use jiff::civil::Date;
use serde::Deserialize;

use crate::diag::{Diagnostic, Invalid};
use crate::model::catalog::{Catalog, Custom};
use crate::model::ids;
use crate::model::matrix::{Letter, Matrix, Overrides};
use crate::model::recurrence::{Duration, Rule, TimeOfDay};
use crate::model::schedule::{self, Span};
use crate::model::team::{self, Member, Team};
use crate::model::text::Lang;

pub use crate::view::paths::MANIFEST as FILE;
pub const DEFAULT_MAX_SHARE: f64 = 1.5;
/// The years a project may start in: the calendar and the plan reach years past the start, and
/// dates end at 9999.
pub const START_RANGE: std::ops::RangeInclusive<i16> = 1970..=9000;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub project: Project,
    pub team: TeamRoles,
    #[serde(default, rename = "member")]
    pub members: Vec<Member>,
    /// Phase id → its length (`"3w"`) or dates (`{ start = …, end = … }`).
    #[serde(default)]
    pub schedule: BTreeMap<String, toml::Value>,
    #[serde(default)]
    pub meetings: Meetings,
    #[serde(default)]
    pub raci: RaciSettings,
    #[serde(default)]
    pub custom: Custom,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub lang: Lang,
    /// `product`, `delivery` or `research` (the catalog's kinds).
    #[serde(default = "product")]
    pub kind: String,
    pub start: toml::value::Datetime,
    #[serde(default = "utc")]
    pub timezone: String,
}

fn product() -> String {
    "product".into()
}

fn utc() -> String {
    "UTC".into()
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamRoles {
    pub roles: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meetings {
    /// `None`: the meetings the catalog pre-selects for the team.
    #[serde(default)]
    pub keep: Option<Vec<String>>,
    #[serde(default)]
    pub overrides: BTreeMap<String, MeetingOverride>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingOverride {
    /// BYDAY of RFC 5545: `TH`, `MO,WE`, `1MO`.
    pub day: Option<String>,
    pub time: Option<String>,
    pub duration: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RaciSettings {
    /// A person accountable for more than this many times an even share of the activities is
    /// overloaded.
    #[serde(default = "default_max_share")]
    pub max_share: f64,
    /// A fixed cap on the activities one person is accountable for, when a team wants one.
    #[serde(default)]
    pub max_accountable: Option<u32>,
    #[serde(default)]
    pub overrides: BTreeMap<String, BTreeMap<String, String>>,
}

impl Default for RaciSettings {
    fn default() -> Self {
        RaciSettings {
            max_share: DEFAULT_MAX_SHARE,
            max_accountable: None,
            overrides: BTreeMap::new(),
        }
    }
}

fn default_max_share() -> f64 {
    DEFAULT_MAX_SHARE
}

/// A key path into the manifest, to point a diagnostic at the right line.
#[derive(Debug, Clone, Copy)]
pub enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

use Seg::{Index, Key};

/// The manifest's text and the name to show for it.
#[derive(Debug, Clone)]
pub struct Source {
    pub name: String,
    pub text: String,
}

impl Source {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Source {
        Source {
            name: name.into(),
            text: text.into(),
        }
    }

    /// A diagnostic pointing at the key (or array element) `path` names, or at the nearest
    /// enclosing one that exists.
    pub fn diagnostic(&self, path: &[Seg], message: impl Into<String>) -> Diagnostic {
        let d = Diagnostic::new(&self.name, message);
        match self.locate(path) {
            Some(span) => d.at_offset(&self.text, span.start),
            None => d,
        }
    }

    fn locate(&self, path: &[Seg]) -> Option<Range<usize>> {
        let doc = toml_edit::Document::parse(self.text.as_str()).ok()?;
        locate(node_of_item(doc.as_item()), path)
    }
}

/// What a key path can step through in a parsed document.
enum Node<'a> {
    Table(&'a dyn toml_edit::TableLike),
    Tables(&'a toml_edit::ArrayOfTables),
    Array(&'a toml_edit::Array),
    Leaf,
}

fn node_of_item(item: &toml_edit::Item) -> Node<'_> {
    match item {
        toml_edit::Item::Table(t) => Node::Table(t),
        toml_edit::Item::ArrayOfTables(a) => Node::Tables(a),
        toml_edit::Item::Value(v) => node_of_value(v),
        toml_edit::Item::None => Node::Leaf,
    }
}

fn node_of_value(value: &toml_edit::Value) -> Node<'_> {
    match value {
        toml_edit::Value::InlineTable(t) => Node::Table(t),
        toml_edit::Value::Array(a) => Node::Array(a),
        _ => Node::Leaf,
    }
}

/// The span of the deepest part of `path` that exists.
fn locate(node: Node, path: &[Seg]) -> Option<Range<usize>> {
    let (seg, rest) = path.split_first()?;
    match (*seg, node) {
        (Key(k), Node::Table(table)) => {
            let (key, item) = table.get_key_value(k)?;
            // A message about a value points at the value; one about a table, at its key.
            let value_span = if item.is_value() { item.span() } else { None };
            locate(node_of_item(item), rest)
                .or(value_span)
                .or_else(|| key.span())
                .or_else(|| item.span())
        }
        (Index(i), Node::Tables(tables)) => {
            let table = tables.get(i)?;
            locate(Node::Table(table), rest).or_else(|| table.span())
        }
        (Index(i), Node::Array(array)) => {
            let value = array.get(i)?;
            locate(node_of_value(value), rest).or_else(|| value.span())
        }
        _ => None,
    }
}

impl Manifest {
    /// Reads the manifest's shape: TOML syntax, known keys, value types.
    pub fn parse(source: &Source) -> Result<Manifest, Invalid> {
        toml::from_str(&source.text).map_err(|e| Invalid(vec![shape_diagnostic(source, &e)]))
    }

    pub fn start_date(&self) -> Option<Date> {
        let dt = &self.project.start;
        match (dt.date, dt.time, dt.offset) {
            (Some(d), None, None) => Date::new(d.year as i16, d.month as i8, d.day as i8).ok(),
            _ => None,
        }
    }

    /// Checks the manifest against the catalog (with its custom entries) and builds the team;
    /// every problem is reported at once, each at its line.
    pub fn team(&self, source: &Source) -> Result<Team, Invalid> {
        let manifest = self;
        let (catalog, custom_problems) = Catalog::builtin()
            .map_err(|e| Invalid(vec![Diagnostic::new("templates/catalog", format!("{e:#}"))]))?
            .with_custom(&manifest.custom);
        let mut problems: Vec<Diagnostic> = custom_problems
            .into_iter()
            .map(|p| {
                source.diagnostic(
                    &[Key("custom"), Key(p.section), Index(p.index)],
                    format!("[[custom.{}]]: {}", p.section, p.message),
                )
            })
            .collect();
        problems.extend(manifest.check(source, &catalog));
        if !problems.is_empty() {
            return Err(Invalid(problems));
        }
        let kind = manifest.project.kind.clone();
        let start = manifest.start_date().expect("checked");
        let roles: Vec<String> = catalog
            .roles
            .iter()
            .filter(|r| manifest.team.roles.contains(&r.id))
            .map(|r| r.id.clone())
            .collect();
        let matrix = Matrix::build(&catalog, &kind, &roles, &manifest.overrides());
        let broken: Vec<_> = matrix
            .rule_problems()
            .into_iter()
            .map(|(activity, problem)| {
                source
                    .diagnostic(&[Seg::Key("raci"), Seg::Key("overrides"), Seg::Key(activity)], format!("activity `{activity}` {problem}"))
                    .help("every activity needs exactly one A and at least one R among the roles present")
            })
            .collect();
        if !broken.is_empty() {
            return Err(Invalid(broken));
        }

        let kept = manifest
            .meetings
            .keep
            .clone()
            .unwrap_or_else(|| team::default_meetings(&catalog, &kind, &roles));
        let mut never = Vec::new();
        let meetings = catalog
            .meetings
            .iter()
            .filter(|m| kept.contains(&m.id))
            .filter_map(|m| {
                let changes = manifest.meetings.overrides.get(&m.id);
                let change = |f: fn(&MeetingOverride) -> &Option<String>| {
                    changes.and_then(|c| f(c).as_deref())
                };
                let schedule = team::schedule(
                    m,
                    change(|c| &c.day),
                    change(|c| &c.time),
                    change(|c| &c.duration),
                    &matrix,
                    start,
                );
                if schedule.is_none() {
                    never.push(source.diagnostic(
                        &[Key("project"), Key("start")],
                        format!("no day on or after {start} fits the cadence of the meeting `{}`", m.id),
                    ).help("choose an earlier start, or another day for the meeting under [meetings.overrides]"));
                }
                schedule
            })
            .collect();
        if !never.is_empty() {
            return Err(Invalid(never));
        }
        let deliverables = team::deliverables(&catalog, &kind, &roles);
        let phases = schedule::lay_out(start, &manifest.phase_spans(&catalog)).map_err(|problems| {
            Invalid(
                problems
                    .into_iter()
                    .map(|p| {
                        let at = if manifest.schedule.contains_key(&p.phase) {
                            vec![Key("schedule"), Key(p.phase.as_str())]
                        } else {
                            vec![Key("project"), Key("start")]
                        };
                        source
                            .diagnostic(&at, format!("[schedule] {}: {}", p.phase, p.message))
                            .help("give each phase a length like \"3w\", or dates that follow the phase before it")
                    })
                    .collect(),
            )
        })?;
        Ok(Team {
            project: team::Project {
                name: manifest.project.name.trim().to_string(),
                description: manifest.project.description.trim().to_string(),
                lang: manifest.project.lang,
                kind,
                start,
                timezone: manifest.project.timezone.clone(),
            },
            roles,
            members: manifest.members.clone(),
            matrix,
            meetings,
            phases,
            deliverables,
            load: team::Load {
                max_share: manifest.raci.max_share,
                max_accountable: manifest.raci.max_accountable,
            },
            catalog,
        })
    }

    /// The span of every phase of the project's kind, in catalog order: the `[schedule]` entry,
    /// else the kind's default; only meaningful once `check` passed.
    pub fn phase_spans(&self, catalog: &Catalog) -> Vec<(String, Span)> {
        let Some(kind) = catalog.kind(&self.project.kind) else {
            return Vec::new();
        };
        catalog
            .phases
            .iter()
            .filter_map(|p| {
                let given = self.schedule.get(&p.id).and_then(|v| phase_span(v).ok());
                let default = kind
                    .schedule
                    .get(&p.id)
                    .and_then(|l| Span::parse_length(l).ok());
                given.or(default).map(|span| (p.id.clone(), span))
            })
            .collect()
    }

    /// RACI overrides as letters; only meaningful once `check` passed.
    pub fn overrides(&self) -> Overrides {
        self.raci
            .overrides
            .iter()
            .map(|(activity, cells)| {
                let cells = cells
                    .iter()
                    .map(|(role, text)| (role.clone(), parse_override(text).ok().flatten()))
                    .collect();
                (activity.clone(), cells)
            })
            .collect()
    }

    /// Everything wrong with the manifest's content, given the catalog merged with its custom
    /// entries. Empty when the manifest can be used.
    pub fn check(&self, source: &Source, catalog: &Catalog) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let mut say = |path: &[Seg], message: String, help: Option<String>| {
            let d = source.diagnostic(path, message);
            out.push(match help {
                Some(h) => d.help(h),
                None => d,
            });
        };

        if self.project.name.trim().is_empty() {
            say(
                &[Key("project"), Key("name")],
                "the project name is empty".into(),
                None,
            );
        }
        match self.start_date() {
            None => say(
                &[Key("project"), Key("start")],
                format!("start `{}` is not a date", self.project.start),
                Some("write the date without quotes or time, like `start = 2026-11-27`".into()),
            ),
            Some(date) if !START_RANGE.contains(&date.year()) => say(
                &[Key("project"), Key("start")],
                format!(
                    "start {date} is outside the years {} to {}",
                    START_RANGE.start(),
                    START_RANGE.end()
                ),
                Some("a project's plan and calendar need a start in this range".into()),
            ),
            Some(_) => {}
        }
        if let Err(message) = check_timezone(&self.project.timezone) {
            say(
                &[Key("project"), Key("timezone")],
                message,
                Some(
                    "use an IANA name such as \"Europe/Berlin\", \"Asia/Shanghai\" or \"UTC\""
                        .into(),
                ),
            );
        }

        if let Some(message) = catalog.unknown_kind(&self.project.kind) {
            let kinds = catalog.kind_ids().collect::<Vec<_>>().join(", ");
            say(
                &[Key("project"), Key("kind")],
                message,
                Some(format!("use one of: {kinds}")),
            );
        }

        let kind = catalog.kind(&self.project.kind);
        for (phase, value) in &self.schedule {
            let at = [Key("schedule"), Key(phase.as_str())];
            if catalog.phase(phase).is_none() {
                let message = format!(
                    "unknown phase `{phase}`{}",
                    ids::suggestion(phase, catalog.phase_ids())
                );
                say(&at, message, None);
            } else if let Some(kind) = kind.filter(|k| !k.schedule.contains_key(phase)) {
                let phases: Vec<&str> = catalog
                    .phase_ids()
                    .filter(|p| kind.schedule.contains_key(*p))
                    .collect();
                say(
                    &at,
                    format!("a project of kind `{}` has no phase `{phase}`", kind.id),
                    Some(format!("its phases are {}", phases.join(", "))),
                );
            } else if let Err(message) = phase_span(value) {
                say(
                    &at,
                    format!("[schedule] {phase}: {message}"),
                    Some("write a length like `discovery = \"3w\"`, or dates like `data = { start = 2027-01-04, end = 2027-02-12 }`".into()),
                );
            }
        }

        let team_roles = &self.team.roles;
        if team_roles.is_empty() {
            say(
                &[Key("team"), Key("roles")],
                "the team has no roles".into(),
                Some("list at least one role id; `mlteam roles list` shows them".into()),
            );
        }
        let mut seen = HashSet::new();
        for (i, role) in team_roles.iter().enumerate() {
            if let Some(message) = catalog.unknown_role(role) {
                say(
                    &[Key("team"), Key("roles"), Index(i)],
                    message,
                    Some("`mlteam roles list` shows the role ids".into()),
                );
            } else if !seen.insert(role) {
                say(
                    &[Key("team"), Key("roles"), Index(i)],
                    format!("role `{role}` is listed twice"),
                    None,
                );
            }
        }

        for (i, member) in self.members.iter().enumerate() {
            let at = |key| [Key("member"), Index(i), Key(key)];
            if member.name.trim().is_empty() {
                say(&at("name"), "a member has an empty name".into(), None);
            }
            if let Some(email) = &member.email {
                if !looks_like_email(email) {
                    say(
                        &at("email"),
                        format!(
                            "{} does not look like an email address",
                            super::values::shown(email)
                        ),
                        None,
                    );
                }
            }
            if let Some(handle) = &member.github {
                if !looks_like_github_handle(handle) {
                    say(
                        &at("github"),
                        format!("{} is not a GitHub user name", super::values::shown(handle)),
                        Some("write the handle without @, like `ada-l`".into()),
                    );
                }
            }
            for (j, role) in member.roles.iter().enumerate() {
                let path = [Key("member"), Index(i), Key("roles"), Index(j)];
                if let Some(message) = catalog.unknown_role(role) {
                    say(&path, message, None);
                } else if !team_roles.contains(role) {
                    say(
                        &path,
                        format!("{} holds `{role}`, which is not on the team", member.name),
                        Some(format!(
                            "add \"{role}\" to [team] roles, or remove it from this member"
                        )),
                    );
                }
            }
        }

        for (i, id) in self.meetings.keep.iter().flatten().enumerate() {
            if catalog.meeting(id).is_none() {
                let message = format!(
                    "unknown meeting `{id}`{}",
                    ids::suggestion(id, catalog.meeting_ids())
                );
                say(&[Key("meetings"), Key("keep"), Index(i)], message, None);
            }
        }
        for (id, changes) in &self.meetings.overrides {
            let at = |key| [Key("meetings"), Key("overrides"), Key(id), Key(key)];
            let Some(meeting) = catalog.meeting(id) else {
                let message = format!(
                    "unknown meeting `{id}`{}",
                    ids::suggestion(id, catalog.meeting_ids())
                );
                say(&[Key("meetings"), Key("overrides"), Key(id)], message, None);
                continue;
            };
            if let Some(day) = &changes.day {
                if let Err(message) =
                    Rule::parse(&meeting.rrule).and_then(|rule| rule.with_day(day))
                {
                    say(&at("day"), format!("day: {message}"), None);
                }
            }
            if let Some(Err(message)) = changes.time.as_deref().map(TimeOfDay::parse) {
                say(&at("time"), format!("time: {message}"), None);
            }
            if let Some(Err(message)) = changes.duration.as_deref().map(Duration::parse) {
                say(&at("duration"), format!("duration: {message}"), None);
            }
        }

        if self.raci.max_accountable == Some(0) {
            say(
                &[Key("raci"), Key("max_accountable")],
                "max_accountable must be at least 1".into(),
                None,
            );
        }
        if !(self.raci.max_share.is_finite() && self.raci.max_share >= 1.0) {
            say(
                &[Key("raci"), Key("max_share")],
                format!(
                    "max_share is {}; it must be a number of at least 1.0",
                    self.raci.max_share
                ),
                Some("1.5 lets a person be accountable for half again an even share".into()),
            );
        }
        for (activity, cells) in &self.raci.overrides {
            let at_activity = [Key("raci"), Key("overrides"), Key(activity)];
            if catalog.activity(activity).is_none() {
                let message = format!(
                    "unknown activity `{activity}`{}",
                    ids::suggestion(activity, catalog.activity_ids())
                );
                say(&at_activity, message, None);
                continue;
            }
            for (role, text) in cells {
                let path = [Key("raci"), Key("overrides"), Key(activity), Key(role)];
                if let Some(message) = catalog.unknown_role(role) {
                    say(&path, message, None);
                } else if let Err(message) = parse_override(text) {
                    say(
                        &path,
                        format!("{activity} / {role}: {message}"),
                        Some("use R, A, C, I, A/R, or \"-\" to clear the cell".into()),
                    );
                }
            }
        }

        // Custom entries are checked as merged onto the catalog, each at its own table.
        let custom_id = |table: &toml::Table| {
            table
                .get("id")
                .and_then(toml::Value::as_str)
                .map(String::from)
        };
        let problems_of = |section: &str, id: &str| -> Vec<String> {
            match section {
                "role" => catalog.role(id).map(|r| catalog.role_problems(r)),
                "activity" => catalog.activity(id).map(|a| catalog.activity_problems(a)),
                "deliverable" => catalog
                    .deliverable(id)
                    .map(|d| catalog.deliverable_problems(d)),
                _ => catalog.meeting(id).map(|m| catalog.meeting_problems(m)),
            }
            .unwrap_or_default()
        };
        let sections = [
            ("role", &self.custom.role),
            ("activity", &self.custom.activity),
            ("deliverable", &self.custom.deliverable),
            ("meeting", &self.custom.meeting),
        ];
        for (section, tables) in sections {
            for (i, table) in tables.iter().enumerate() {
                let Some(id) = custom_id(table) else { continue };
                for problem in problems_of(section, &id) {
                    say(
                        &[Key("custom"), Key(section), Index(i)],
                        format!("[[custom.{section}]]: {problem}"),
                        None,
                    );
                }
            }
        }
        out.extend(super::values::check(self, source));
        out
    }
}

/// A phase's span as `[schedule]` writes it: a length string, or a table of two plain dates.
fn phase_span(value: &toml::Value) -> Result<Span, String> {
    let date = |v: Option<&toml::Value>, key: &str| -> Result<Date, String> {
        match v.and_then(toml::Value::as_datetime) {
            Some(dt) => match (dt.date, dt.time, dt.offset) {
                (Some(d), None, None) => Date::new(d.year as i16, d.month as i8, d.day as i8)
                    .map_err(|_| format!("`{key}` is not a date")),
                _ => Err(format!(
                    "`{key}` must be a date without time, like 2027-01-04"
                )),
            },
            None => Err(format!(
                "`{key}` is missing or not a date (write it without quotes)"
            )),
        }
    };
    match value {
        toml::Value::String(text) => Span::parse_length(text),
        toml::Value::Table(table) => {
            if let Some(key) = table.keys().find(|k| *k != "start" && *k != "end") {
                return Err(format!(
                    "unknown key `{key}`; a phase's dates are `start` and `end`"
                ));
            }
            Ok(Span::Dates {
                start: date(table.get("start"), "start")?,
                end: date(table.get("end"), "end")?,
            })
        }
        _ => Err("not a length or a pair of dates".into()),
    }
}

/// `R`, `A`, `C`, `I`, `A/R`; `-` or an empty string clears the cell.
pub fn parse_override(text: &str) -> Result<Option<Letter>, String> {
    match text.trim() {
        "" | "-" => Ok(None),
        letter => Letter::parse(letter).map(Some),
    }
}

pub fn check_timezone(name: &str) -> Result<(), String> {
    if jiff::tz::TimeZone::get(name).is_ok() {
        return Ok(());
    }
    let names: Vec<String> = jiff::tz::db()
        .available()
        .map(|n| n.as_str().to_string())
        .collect();
    let hint = ids::suggestion(name, names.iter().map(String::as_str));
    Err(format!("unknown timezone `{name}`{hint}"))
}

fn looks_like_email(text: &str) -> bool {
    super::values::is_plain_email(text)
}

fn looks_like_github_handle(text: &str) -> bool {
    super::values::is_github_handle(text)
}

/// A TOML or shape error (unknown key, wrong type, missing key) as a diagnostic, with a "did you
/// mean" drawn from the keys serde says it expected.
fn shape_diagnostic(source: &Source, error: &toml::de::Error) -> Diagnostic {
    let message = error.message().trim().to_string();
    let mut d = Diagnostic::new(&source.name, message.clone());
    if let Some(span) = error.span() {
        d = d.at_offset(&source.text, span.start);
    }
    for kind in ["field", "variant"] {
        let Some(rest) = message.strip_prefix(&format!("unknown {kind} `")) else {
            continue;
        };
        let Some((given, expected)) = rest.split_once('`') else {
            continue;
        };
        let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let noun = if kind == "field" { "key" } else { "value" };
        d.message = format!("unknown {noun} `{given}`");
        d.help = Some(match ids::closest(given, known.iter().copied()) {
            Some(best) => format!("did you mean `{best}`?"),
            None if known.is_empty() => "remove it".into(),
            None => format!("expected one of: {}", known.join(", ")),
        });
    }
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|r| r.strip_suffix('`'))
    {
        d.message = format!("missing key `{field}`");
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[project]
name = "demo"
start = 2026-11-27
timezone = "Europe/Berlin"

[team]
roles = ["ml-engineer", "data-scientist"]

[[member]]
name = "Ada"
email = "ada@example.com"
roles = ["ml-engineer"]

[raci.overrides]
prd = { ml-engineer = "A/R" }
"#;

    fn check(text: &str) -> Vec<String> {
        let source = Source::new("mlteam.toml", text);
        let manifest = Manifest::parse(&source).map_err(|e| e.to_string()).unwrap();
        let (catalog, _) = Catalog::builtin().unwrap().with_custom(&manifest.custom);
        manifest
            .check(&source, &catalog)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn a_good_manifest_has_no_problems() {
        assert_eq!(check(GOOD), Vec::<String>::new());
    }

    #[test]
    fn unknown_keys_get_a_position_and_a_suggestion() {
        let source = Source::new("mlteam.toml", GOOD.replace("timezone =", "timezon ="));
        let error = Manifest::parse(&source).unwrap_err().to_string();
        assert!(
            error.starts_with("mlteam.toml:5:1: unknown key `timezon`"),
            "{error}"
        );
        assert!(error.ends_with("help: did you mean `timezone`?"), "{error}");
    }

    #[test]
    fn unknown_ids_point_at_their_line() {
        let problems = check(&GOOD.replace("\"data-scientist\"]", "\"data-scientst\"]"));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with(
                "mlteam.toml:8:25: unknown role `data-scientst`; did you mean `data-scientist`?"
            ),
            "{}",
            problems[0]
        );
    }

    #[test]
    fn bad_values_are_each_reported() {
        let text = GOOD
            .replace("Europe/Berlin", "Europe/Berln")
            .replace("\"A/R\"", "\"X\"")
            .replace("ada@example.com", "ada")
            .replace(
                "roles = [\"ml-engineer\"]\n",
                "roles = [\"devops-engineer\"]\n",
            );
        let problems = check(&text);
        let joined = problems.join("\n");
        assert!(
            joined
                .contains(":5:12: unknown timezone `Europe/Berln`; did you mean `Europe/Berlin`?"),
            "{joined}"
        );
        assert!(
            joined.contains(":12:9: `ada` does not look like an email address"),
            "{joined}"
        );
        assert!(
            joined.contains(":13:10: Ada holds `devops-engineer`, which is not on the team"),
            "{joined}"
        );
        assert!(
            joined.contains(":16:23: prd / ml-engineer: `X` is not a RACI letter"),
            "{joined}"
        );
        assert_eq!(problems.len(), 4);
    }

    #[test]
    fn start_must_be_a_plain_date() {
        let problems = check(&GOOD.replace("2026-11-27", "2026-11-27T10:00:00"));
        assert!(
            problems[0].contains("start `2026-11-27T10:00:00` is not a date"),
            "{problems:?}"
        );
    }

    #[test]
    fn custom_entries_are_checked_where_they_stand() {
        let text = format!(
            "{GOOD}\n[[custom.role]]\nid = \"Prompt_Engineer\"\nname = \"Prompt engineer\"\ngroup = \"research\"\n"
        );
        let problems = check(&text);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("mlteam.toml:18:1: [[custom.role]]: id `Prompt_Engineer` is not lower-case kebab-case"), "{problems:?}");
        assert!(
            problems[1].contains("unknown group `research`; did you mean `research-engineering`?"),
            "{problems:?}"
        );
    }
}
