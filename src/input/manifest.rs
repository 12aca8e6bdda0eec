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
use crate::model::shape;
use crate::model::team::{self, Member, Team};
use crate::msg;
use crate::words::Lang;
use crate::words::Msg;

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

/// The language of the manifest at `path`, read as far as it can be: the manifest's own when it
/// parses (English when it names none), else the `lang` its `[project]` table has line by line,
/// so that a manifest with a mistake elsewhere is still said to in its language. `None` when
/// there is no manifest to read (nothing but a regular file within the size limit is read).
pub fn peek_lang(path: &std::path::Path) -> Option<Lang> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() > crate::write::read::MANIFEST_LIMIT {
        return None;
    }
    lang_of(&std::fs::read_to_string(path).ok()?)
}

fn lang_of(text: &str) -> Option<Lang> {
    let known = |code: &str| Lang::ALL.into_iter().find(|l| l.code() == code.trim());
    if let Ok(table) = text.parse::<toml::Table>() {
        let project = table.get("project")?;
        return match project.get("lang") {
            None => Some(Lang::default()),
            Some(lang) => known(lang.as_str()?),
        };
    }
    let mut in_project = false;
    let mut found_project = false;
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or_default().trim();
        if line.starts_with('[') {
            let name = line.trim_matches(|c| c == '[' || c == ']').trim();
            in_project = name == "project" || name == "\"project\"";
            found_project |= in_project;
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let key = key.trim().trim_matches(|c| c == '"' || c == '\'');
        if in_project && key == "lang" {
            return known(value.trim().trim_matches(|c| c == '"' || c == '\''));
        }
    }
    found_project.then(Lang::default)
}

/// A key path into the manifest, to point a diagnostic at the right line.
#[derive(Debug, Clone, Copy)]
pub enum Seg<'a> {
    Key(&'a str),
    /// The key itself, not its value: for a key that should not be there.
    KeyName(&'a str),
    Index(usize),
}

use Seg::{Index, Key, KeyName};

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
    pub fn diagnostic(&self, path: &[Seg], message: Msg) -> Diagnostic {
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

/// The keys of a custom entry that name roles: a problem there comes with where to find them.
const NAMES_ROLES: [&str; 8] = [
    "covers",
    "raci",
    "owner",
    "contributors",
    "chair",
    "attendees",
    "optional",
    "when_any",
];

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
        (KeyName(k), Node::Table(table)) => table.get_key_value(k)?.0.span(),
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
            .map_err(|e| {
                Invalid(vec![Diagnostic::new(
                    "templates/catalog",
                    crate::diag::msg_of(&e),
                )])
            })?
            .with_custom(&manifest.custom);
        let mut problems: Vec<Diagnostic> = custom_problems
            .into_iter()
            .map(|p| {
                let entry = [Key("custom"), Key(p.section), Index(p.index)];
                let d = match &p.key {
                    Some(key) => source.diagnostic(
                        &[entry[0], entry[1], entry[2], KeyName(key)],
                        custom(p.section, p.message),
                    ),
                    None => source.diagnostic(&entry, custom(p.section, p.message)),
                };
                match p.help {
                    Some(help) => d.help(help),
                    None => d,
                }
            })
            .collect();
        problems.extend(manifest.check(source, &catalog));
        if !problems.is_empty() {
            // Top to bottom, as a person reads the file to fix it.
            problems.sort_by_key(|d| (d.line, d.column));
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
                    .diagnostic(
                        &[Seg::Key("raci"), Seg::Key("overrides"), Seg::Key(activity)],
                        msg!(
                            "manifest.activity_rule",
                            activity = activity,
                            problem = problem
                        ),
                    )
                    .help(msg!("manifest.activity_rule_help"))
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
                    let message = msg!("manifest.never", start = start, id = &m.id);
                    never.push(
                        source
                            .diagnostic(&[Key("project"), Key("start")], message)
                            .help(msg!("manifest.never_help")),
                    );
                }
                schedule
            })
            .collect();
        if !never.is_empty() {
            return Err(Invalid(never));
        }
        let deliverables = team::deliverables(&catalog, &kind, &roles);
        let phases =
            schedule::lay_out(start, &manifest.phase_spans(&catalog)).map_err(|problems| {
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
                                .diagnostic(&at, schedule_about(&p.phase, p.message))
                                .help(msg!("manifest.layout_help"))
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
            // "Ada " is Ada: a name is the same person whatever spaces surround it.
            members: manifest
                .members
                .iter()
                .map(|m| Member {
                    name: m.name.trim().to_string(),
                    ..m.clone()
                })
                .collect(),
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
        let mut say = |path: &[Seg], message: Msg, help: Option<Msg>| {
            let d = source.diagnostic(path, message);
            out.push(match help {
                Some(h) => d.help(h),
                None => d,
            });
        };

        if self.project.name.trim().is_empty() {
            say(
                &[Key("project"), Key("name")],
                msg!("manifest.empty_name"),
                None,
            );
        }
        match self.start_date() {
            None => say(
                &[Key("project"), Key("start")],
                msg!(
                    "manifest.start_not_date",
                    start = self.project.start.to_string()
                ),
                Some(msg!("manifest.start_not_date_help")),
            ),
            Some(date) if !START_RANGE.contains(&date.year()) => say(
                &[Key("project"), Key("start")],
                msg!(
                    "manifest.start_range",
                    date = date,
                    from = *START_RANGE.start(),
                    to = *START_RANGE.end(),
                ),
                Some(msg!("manifest.start_range_help")),
            ),
            Some(_) => {}
        }
        if let Err(message) = check_timezone(&self.project.timezone) {
            say(
                &[Key("project"), Key("timezone")],
                message,
                Some(msg!("manifest.timezone_help")),
            );
        }

        if let Some(message) = catalog.unknown_kind(&self.project.kind) {
            let kinds = ids::coded(catalog.kind_ids());
            say(
                &[Key("project"), Key("kind")],
                message,
                Some(msg!("shape.one_of", ids = kinds)),
            );
        }

        let kind = catalog.kind(&self.project.kind);
        let phases_of_kind = kind.map(|kind| {
            let phases = catalog
                .phase_ids()
                .filter(|p| kind.schedule.contains_key(*p));
            msg!(
                "manifest.no_such_phase_help",
                kind = &kind.id,
                phases = ids::coded(phases)
            )
        });
        for (phase, value) in &self.schedule {
            let at = [Key("schedule"), Key(phase.as_str())];
            let key = [Key("schedule"), KeyName(phase.as_str())];
            if let Some(message) = catalog.unknown_phase(phase) {
                say(&key, message, phases_of_kind.clone());
            } else if let Some(kind) = kind.filter(|k| !k.schedule.contains_key(phase)) {
                say(
                    &key,
                    msg!("manifest.no_such_phase", kind = &kind.id, phase = phase),
                    phases_of_kind.clone(),
                );
            } else if let Err(message) = phase_span(value) {
                say(
                    &at,
                    schedule_about(phase, message),
                    Some(msg!("manifest.schedule_help")),
                );
            }
        }

        let team_roles = &self.team.roles;
        if team_roles.is_empty() {
            say(
                &[Key("team"), Key("roles")],
                msg!("manifest.no_roles"),
                Some(msg!("manifest.no_roles_help")),
            );
        }
        let mut seen = HashSet::new();
        for (i, role) in team_roles.iter().enumerate() {
            if let Some(message) = catalog.unknown_role(role) {
                say(
                    &[Key("team"), Key("roles"), Index(i)],
                    message,
                    Some(msg!("roles.list_help")),
                );
            } else if !seen.insert(role) {
                say(
                    &[Key("team"), Key("roles"), Index(i)],
                    msg!("manifest.role_twice", role = role),
                    None,
                );
            }
        }

        for (i, member) in self.members.iter().enumerate() {
            let at = |key| [Key("member"), Index(i), Key(key)];
            if member.name.trim().is_empty() {
                say(&at("name"), msg!("manifest.empty_member_name"), None);
            }
            if let Some(email) = &member.email {
                if !looks_like_email(email) {
                    say(
                        &at("email"),
                        msg!("manifest.email", value = super::values::shown(email)),
                        None,
                    );
                }
            }
            if let Some(handle) = &member.github {
                if !looks_like_github_handle(handle) {
                    say(
                        &at("github"),
                        msg!("manifest.github", value = super::values::shown(handle)),
                        Some(msg!("manifest.github_help")),
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
                        msg!("manifest.role_off_team", name = &member.name, role = role),
                        Some(msg!("manifest.role_off_team_help", role = role)),
                    );
                }
            }
        }

        for (i, id) in self.meetings.keep.iter().flatten().enumerate() {
            if let Some(message) = catalog.unknown_meeting(id) {
                say(&[Key("meetings"), Key("keep"), Index(i)], message, None);
            }
        }
        for (id, changes) in &self.meetings.overrides {
            let at = |key| [Key("meetings"), Key("overrides"), Key(id), Key(key)];
            let Some(meeting) = catalog.meeting(id) else {
                let message = catalog.unknown_meeting(id).unwrap_or_else(Msg::none);
                say(&[Key("meetings"), Key("overrides"), Key(id)], message, None);
                continue;
            };
            if let Some(day) = &changes.day {
                if let Err(message) =
                    Rule::parse(&meeting.rrule).and_then(|rule| rule.with_day(day))
                {
                    say(&at("day"), about("day", message), None);
                }
            }
            if let Some(Err(message)) = changes.time.as_deref().map(TimeOfDay::parse) {
                say(&at("time"), about("time", message), None);
            }
            if let Some(Err(message)) = changes.duration.as_deref().map(Duration::parse) {
                say(&at("duration"), about("duration", message), None);
            }
        }

        if self.raci.max_accountable == Some(0) {
            say(
                &[Key("raci"), Key("max_accountable")],
                msg!("manifest.max_accountable"),
                None,
            );
        }
        if !(self.raci.max_share.is_finite() && self.raci.max_share >= 1.0) {
            say(
                &[Key("raci"), Key("max_share")],
                msg!(
                    "manifest.max_share",
                    value = self.raci.max_share.to_string()
                ),
                Some(msg!("manifest.max_share_help")),
            );
        }
        for (activity, cells) in &self.raci.overrides {
            let at_activity = [Key("raci"), Key("overrides"), Key(activity)];
            if let Some(message) = catalog.unknown_activity(activity) {
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
                        msg!(
                            "manifest.override",
                            activity = activity,
                            role = role,
                            message = message
                        ),
                        Some(msg!("manifest.override_help")),
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
        let problems_of = |section: &str, id: &str| -> Vec<(&'static str, Msg)> {
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
                for (key, problem) in problems_of(section, &id) {
                    // At the key when the entry sets it, else (a built-in value it kept) at
                    // the entry: `locate` stops at the deepest part that is there.
                    let at = [Key("custom"), Key(section), Index(i), Key(key)];
                    let help = NAMES_ROLES.contains(&key).then(|| msg!("roles.list_help"));
                    let message = about(&format!("[[custom.{section}]] {key}"), problem);
                    say(&at, message, help);
                }
            }
        }
        out.extend(super::values::check(self, source));
        out
    }
}

/// "[[custom.role]]: …"
fn custom(section: &str, message: Msg) -> Msg {
    about(&format!("[[custom.{section}]]"), message)
}

/// "[schedule] data: …"
fn schedule_about(phase: &str, message: Msg) -> Msg {
    about(&format!("[schedule] {phase}"), message)
}

/// "time: …"
fn about(what: &str, message: Msg) -> Msg {
    msg!("diag.about", what = what, message = message)
}

/// A phase's span as `[schedule]` writes it: a length string, or a table of two plain dates.
fn phase_span(value: &toml::Value) -> Result<Span, Msg> {
    let date = |v: Option<&toml::Value>, key: &str| -> Result<Date, Msg> {
        match v.and_then(toml::Value::as_datetime) {
            Some(dt) => match (dt.date, dt.time, dt.offset) {
                (Some(d), None, None) => Date::new(d.year as i16, d.month as i8, d.day as i8)
                    .map_err(|_| msg!("manifest.phase_not_date", key = key)),
                _ => Err(msg!("manifest.phase_date_time", key = key)),
            },
            None => Err(msg!("manifest.phase_date_missing", key = key)),
        }
    };
    match value {
        toml::Value::String(text) => Span::parse_length(text),
        toml::Value::Table(table) => {
            if let Some(key) = table.keys().find(|k| *k != "start" && *k != "end") {
                return Err(msg!("manifest.phase_date_key", key = key));
            }
            Ok(Span::Dates {
                start: date(table.get("start"), "start")?,
                end: date(table.get("end"), "end")?,
            })
        }
        _ => Err(msg!("manifest.phase_span")),
    }
}

/// `R`, `A`, `C`, `I`, `A/R`; `-` or an empty string clears the cell.
pub fn parse_override(text: &str) -> Result<Option<Letter>, Msg> {
    match text.trim() {
        "" | "-" => Ok(None),
        letter => Letter::parse(letter).map(Some),
    }
}

pub fn check_timezone(name: &str) -> Result<(), Msg> {
    if jiff::tz::TimeZone::get(name).is_ok() {
        return Ok(());
    }
    let names: Vec<String> = jiff::tz::db()
        .available()
        .map(|n| n.as_str().to_string())
        .collect();
    let hint = ids::suggestion(name, names.iter().map(String::as_str));
    Err(msg!("unknown.timezone", id = name, hint = hint))
}

fn looks_like_email(text: &str) -> bool {
    super::values::is_plain_email(text)
}

fn looks_like_github_handle(text: &str) -> bool {
    super::values::is_github_handle(text)
}

/// A TOML or shape error (unknown key, wrong type, missing key) as a diagnostic in our words,
/// with a "did you mean" drawn from the keys serde says it expected; a syntax error in the
/// parser's words, said as one.
fn shape_diagnostic(source: &Source, error: &toml::de::Error) -> Diagnostic {
    let said = shape::say(error.message());
    let message = if said.shape {
        said.message
    } else {
        let message = toml_syntax(error.message()).unwrap_or(said.message);
        msg!("manifest.syntax", message = message)
    };
    let mut d = Diagnostic::new(&source.name, message);
    if let Some(span) = error.span() {
        d = d.at_offset(&source.text, span.start);
    }
    d.help = said.help;
    d
}

/// The TOML parser's most common complaints, in our words: the ones a person editing by hand
/// meets (a missing quote, comma or bracket, a key twice). Others stay as the parser says them.
fn toml_syntax(message: &str) -> Option<Msg> {
    let what = message.split(", expected").next().unwrap_or(message).trim();
    let key = match what {
        "string values must be quoted" => "toml.quote",
        "invalid basic string" | "invalid literal string" => "toml.unclosed_string",
        "missing comma between array elements" => "toml.array",
        "missing key for inline table element" => "toml.inline_table",
        "unclosed table" => "toml.header",
        "duplicate key" => "toml.duplicate_key",
        "key with no value" => "toml.no_value",
        _ => return None,
    };
    Some(Msg::new(key, Vec::new()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_parsers_common_complaints_are_said_in_our_words() {
        let said = |text: &str| {
            let source = Source::new("m.toml", text);
            let error = Manifest::parse(&source).unwrap_err();
            error.0[0].say(&crate::words::Words::new(Lang::En))
        };
        assert_eq!(
            said("[raci]\nmax_share = eight\n"),
            "m.toml:2:13: text must be in quotes\n  |\n2 | max_share = eight\n  |             ^"
        );
        assert_eq!(
            said("[raci]\nmax_share = 1\nmax_share = 2\n"),
            "m.toml:3:1: this key is given twice in its table\n  |\n3 | max_share = 2\n  | ^"
        );
    }

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
    fn the_language_is_read_as_far_as_it_can_be() {
        assert_eq!(lang_of(GOOD), Some(Lang::En));
        let zh = GOOD.replace("[project]\n", "[project]\nlang = \"zh\" # 中文\n");
        assert_eq!(lang_of(&zh), Some(Lang::Zh));
        let broken = zh.replace("timezone = \"Europe/Berlin\"", "timezone = Europe/Berlin");
        assert!(broken.parse::<toml::Table>().is_err());
        assert_eq!(lang_of(&broken), Some(Lang::Zh));
        assert_eq!(lang_of(&zh.replace("\"zh\"", "\"fr\"")), None);
        assert_eq!(lang_of("not = [toml"), None);
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
        // Each at the key it is about, top to bottom.
        assert_eq!(
            check(&text),
            [
                "mlteam.toml:19:6: [[custom.role]] id: id `Prompt_Engineer` is not lower-case \
                 kebab-case (like `ml-engineer`)\n   |\n19 | id = \"Prompt_Engineer\"\n   |      ^",
                "mlteam.toml:21:9: [[custom.role]] group: unknown group `research`; did you mean \
                 `research-engineering`?\n   |\n21 | group = \"research\"\n   |         ^",
            ]
        );
    }
}
