//! The catalog: project kinds, roles, phases, activities with their default RACI letters,
//! deliverables and meetings. Built in from `templates/catalog/*.toml`; a project adds entries,
//! or changes built-in ones key by key, under `[custom]` of its manifest.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use anyhow::Result;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, de::value::MapAccessDeserializer};
use serde_json::Value;

use crate::model::ids;
use crate::model::matrix::Letter;
use crate::model::recurrence::{Duration, Rule, TimeOfDay};
use crate::model::shape;
use crate::model::text::Text;
use crate::msg;
use crate::words::Msg;

/// A kind of project: which activities, deliverables and meetings it has, and how long its
/// phases last by default.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kind {
    pub id: String,
    pub name: Text,
    #[serde(default)]
    pub summary: Text,
    /// Phase id → default length (`3w`, `10d`); the phases of this kind's plan.
    #[serde(default)]
    pub schedule: BTreeMap<String, String>,
}

/// Whether an entry with this `kinds` list belongs to a project of `kind` (no list: every kind).
pub fn of_kind(kinds: &[String], kind: &str) -> bool {
    kinds.is_empty() || kinds.iter().any(|k| k == kind)
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub name: Text,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: String,
    /// A short code for matrix columns; derived from the id when not given.
    #[serde(default)]
    pub code: String,
    pub group: String,
    /// The project kinds whose default team has this role (pre-selected by `init`).
    #[serde(default)]
    pub core: Vec<String>,
    pub name: Text,
    #[serde(default)]
    pub summary: Text,
    #[serde(default)]
    pub responsibilities: Vec<Text>,
    /// Who takes this role's duties over when it is not on the team, in order of preference.
    #[serde(default)]
    pub covers: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub id: String,
    pub name: Text,
    #[serde(default)]
    pub summary: Text,
    /// The milestone that closes the phase (a go/no-go review), if it has one.
    #[serde(default)]
    pub gate: Option<Text>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    pub id: String,
    pub phase: String,
    pub name: Text,
    /// The project kinds this activity belongs to; empty: all.
    #[serde(default)]
    pub kinds: Vec<String>,
    /// Default letters by role id.
    pub raci: BTreeMap<String, Letter>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deliverable {
    pub id: String,
    pub title: Text,
    pub owner: String,
    #[serde(default)]
    pub contributors: Vec<String>,
    pub phase: String,
    /// The activity whose work this document records.
    #[serde(default)]
    pub activity: Option<String>,
    /// The project kinds that call for this document; empty: all.
    #[serde(default)]
    pub kinds: Vec<String>,
    /// Worth writing only when its owner role is on the team itself, not covered by another.
    #[serde(default)]
    pub specialist: bool,
    #[serde(default)]
    pub summary: Text,
    #[serde(default, rename = "sections", alias = "section")]
    pub sections: Vec<Section>,
}

/// A heading of a deliverable, with a hint of what goes under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub title: Text,
    pub hint: Text,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub id: String,
    pub name: Text,
    #[serde(default)]
    pub purpose: Text,
    pub rrule: String,
    #[serde(default = "default_time")]
    pub time: String,
    pub duration: String,
    pub chair: String,
    #[serde(default)]
    pub attendees: Vec<String>,
    #[serde(default)]
    pub optional: Vec<String>,
    /// Pre-selected whatever the team.
    #[serde(default)]
    pub default: bool,
    /// Pre-selected when any of these roles is on the team.
    #[serde(default)]
    pub when_any: Vec<String>,
    /// The project kinds that keep this meeting; empty: all.
    #[serde(default)]
    pub kinds: Vec<String>,
    #[serde(default)]
    pub agenda: Vec<Text>,
}

fn default_time() -> String {
    "10:00".into()
}

#[derive(Debug, Clone)]
pub struct Catalog {
    pub kinds: Vec<Kind>,
    pub groups: Vec<Group>,
    pub roles: Vec<Role>,
    pub phases: Vec<Phase>,
    pub activities: Vec<Activity>,
    pub deliverables: Vec<Deliverable>,
    pub meetings: Vec<Meeting>,
}

/// Entries a project adds to the catalog or changes in it (`[custom]` of `mlteam.toml`), as
/// written: an entry with a built-in id changes only the keys it sets, so they are kept as tables
/// and merged onto the built-in entry before they are read.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Custom {
    #[serde(default)]
    pub role: Vec<toml::Table>,
    #[serde(default)]
    pub activity: Vec<toml::Table>,
    #[serde(default)]
    pub deliverable: Vec<toml::Table>,
    #[serde(default)]
    pub meeting: Vec<toml::Table>,
}

/// A custom entry that cannot be used as written: which section, which entry, what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomProblem {
    pub section: &'static str,
    pub index: usize,
    /// A key of the entry that should not be there.
    pub key: Option<String>,
    pub message: Msg,
    pub help: Option<Msg>,
}

impl Catalog {
    /// The built-in catalog, parsed once per process.
    pub fn builtin() -> Result<Catalog> {
        static BUILTIN: OnceLock<Result<Catalog, Msg>> = OnceLock::new();
        BUILTIN
            .get_or_init(Catalog::parse_builtin)
            .clone()
            .map_err(crate::diag::failed)
    }

    fn parse_builtin() -> Result<Catalog, Msg> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Kinds {
            kind: Vec<Kind>,
        }
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Roles {
            group: Vec<Group>,
            role: Vec<Role>,
        }
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Activities {
            phase: Vec<Phase>,
            activity: Vec<Activity>,
        }
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Deliverables {
            deliverable: Vec<Deliverable>,
        }
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Meetings {
            meeting: Vec<Meeting>,
        }

        let kinds: Kinds = load("kinds", raw_json("kinds"))?;
        let roles: Roles = load("roles", raw_json("roles"))?;
        let activities: Activities = load("activities", raw_json("activities"))?;
        let deliverables: Deliverables = load("deliverables", raw_json("deliverables"))?;
        let meetings: Meetings = load("meetings", raw_json("meetings"))?;
        let mut catalog = Catalog {
            kinds: kinds.kind,
            groups: roles.group,
            roles: roles.role,
            phases: activities.phase,
            activities: activities.activity,
            deliverables: deliverables.deliverable,
            meetings: meetings.meeting,
        };
        catalog.fill_codes();
        Ok(catalog)
    }

    /// This catalog with a project's custom entries: an entry with a new id is added; one with
    /// the id of a built-in entry changes only the keys it sets (a text's `en` and `zh` each on
    /// their own). Entries that cannot be read are left out and reported.
    pub fn with_custom(mut self, custom: &Custom) -> (Catalog, Vec<CustomProblem>) {
        let mut problems = Vec::new();
        let raw = builtin_raw();
        merge(
            &mut self.roles,
            &raw.roles,
            &custom.role,
            "role",
            &mut problems,
            |r| &r.id,
        );
        merge(
            &mut self.activities,
            &raw.activities,
            &custom.activity,
            "activity",
            &mut problems,
            |a| &a.id,
        );
        merge(
            &mut self.deliverables,
            &raw.deliverables,
            &custom.deliverable,
            "deliverable",
            &mut problems,
            |d| &d.id,
        );
        merge(
            &mut self.meetings,
            &raw.meetings,
            &custom.meeting,
            "meeting",
            &mut problems,
            |m| &m.id,
        );
        self.fill_codes();
        (self, problems)
    }

    pub fn kind(&self, id: &str) -> Option<&Kind> {
        self.kinds.iter().find(|k| k.id == id)
    }

    pub fn kind_ids(&self) -> impl Iterator<Item = &str> {
        self.kinds.iter().map(|k| k.id.as_str())
    }

    /// "unknown project kind `x`; did you mean `y`?" when `id` is not a kind of this catalog.
    pub fn unknown_kind(&self, id: &str) -> Option<Msg> {
        self.kind(id).is_none().then(|| {
            let hint = ids::suggestion(id, self.kind_ids());
            msg!("unknown.kind", id = id, hint = hint)
        })
    }

    fn unknown_kinds(&self, kinds: &[String]) -> Vec<Msg> {
        kinds.iter().filter_map(|k| self.unknown_kind(k)).collect()
    }

    fn fill_codes(&mut self) {
        for role in &mut self.roles {
            if role.code.is_empty() {
                role.code = role
                    .id
                    .split('-')
                    .filter_map(|w| w.chars().next())
                    .collect::<String>()
                    .to_uppercase();
            }
        }
    }

    pub fn role(&self, id: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.id == id)
    }

    pub fn role_index(&self, id: &str) -> Option<usize> {
        self.roles.iter().position(|r| r.id == id)
    }

    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    pub fn phase(&self, id: &str) -> Option<&Phase> {
        self.phases.iter().find(|p| p.id == id)
    }

    pub fn activity(&self, id: &str) -> Option<&Activity> {
        self.activities.iter().find(|a| a.id == id)
    }

    pub fn deliverable(&self, id: &str) -> Option<&Deliverable> {
        self.deliverables.iter().find(|d| d.id == id)
    }

    pub fn meeting(&self, id: &str) -> Option<&Meeting> {
        self.meetings.iter().find(|m| m.id == id)
    }

    pub fn role_ids(&self) -> impl Iterator<Item = &str> {
        self.roles.iter().map(|r| r.id.as_str())
    }

    pub fn phase_ids(&self) -> impl Iterator<Item = &str> {
        self.phases.iter().map(|p| p.id.as_str())
    }

    pub fn activity_ids(&self) -> impl Iterator<Item = &str> {
        self.activities.iter().map(|a| a.id.as_str())
    }

    pub fn deliverable_ids(&self) -> impl Iterator<Item = &str> {
        self.deliverables.iter().map(|d| d.id.as_str())
    }

    pub fn meeting_ids(&self) -> impl Iterator<Item = &str> {
        self.meetings.iter().map(|m| m.id.as_str())
    }

    /// "unknown role `x`; did you mean `y`?" when `id` is not a role of this catalog.
    pub fn unknown_role(&self, id: &str) -> Option<Msg> {
        self.role(id).is_none().then(|| {
            let hint = ids::suggestion(id, self.role_ids());
            msg!("unknown.role", id = id, hint = hint)
        })
    }

    /// "unknown phase `x`; did you mean `y`?" when `id` is not a phase of this catalog.
    pub fn unknown_phase(&self, id: &str) -> Option<Msg> {
        self.phase(id).is_none().then(|| {
            let hint = ids::suggestion(id, self.phase_ids());
            msg!("unknown.phase", id = id, hint = hint)
        })
    }

    /// "unknown meeting `x`; did you mean `y`?" when `id` is not a meeting of this catalog.
    pub fn unknown_meeting(&self, id: &str) -> Option<Msg> {
        self.meeting(id).is_none().then(|| {
            let hint = ids::suggestion(id, self.meeting_ids());
            msg!("unknown.meeting", id = id, hint = hint)
        })
    }

    /// "unknown activity `x`; did you mean `y`?" when `id` is not an activity of this catalog.
    pub fn unknown_activity(&self, id: &str) -> Option<Msg> {
        self.activity(id).is_none().then(|| {
            let hint = ids::suggestion(id, self.activity_ids());
            msg!("unknown.activity", id = id, hint = hint)
        })
    }

    /// What is wrong with an entry of each kind, checked against the whole (merged) catalog,
    /// each problem with the key it is about. A custom entry of `mlteam.toml` goes through the
    /// same checks as the built-in ones.
    pub fn role_problems(&self, role: &Role) -> Vec<(&'static str, Msg)> {
        let mut out = id_problem(&role.id);
        if self.group(&role.group).is_none() {
            let groups = self.groups.iter().map(|g| g.id.as_str());
            let hint = ids::suggestion(&role.group, groups);
            out.push((
                "group",
                msg!("unknown.group", id = &role.group, hint = hint),
            ));
        }
        out.extend(about(
            "covers",
            role.covers.iter().filter_map(|c| self.unknown_role(c)),
        ));
        out.extend(about("core", self.unknown_kinds(&role.core)));
        out
    }

    pub fn activity_problems(&self, activity: &Activity) -> Vec<(&'static str, Msg)> {
        let mut out = id_problem(&activity.id);
        out.extend(about("phase", self.unknown_phase(&activity.phase)));
        out.extend(about("kinds", self.unknown_kinds(&activity.kinds)));
        let roles = activity.raci.keys().filter_map(|r| self.unknown_role(r));
        out.extend(about("raci", roles));
        let letters: Vec<Letter> = activity.raci.values().copied().collect();
        out.extend(about(
            "raci",
            crate::model::matrix::row_rule_problem(&letters),
        ));
        out
    }

    pub fn deliverable_problems(&self, deliverable: &Deliverable) -> Vec<(&'static str, Msg)> {
        let mut out = id_problem(&deliverable.id);
        out.extend(about("owner", self.unknown_role(&deliverable.owner)));
        let contributors = deliverable.contributors.iter();
        out.extend(about(
            "contributors",
            contributors.filter_map(|r| self.unknown_role(r)),
        ));
        out.extend(about("phase", self.unknown_phase(&deliverable.phase)));
        out.extend(about("kinds", self.unknown_kinds(&deliverable.kinds)));
        if let Some(activity) = &deliverable.activity {
            out.extend(about("activity", self.unknown_activity(activity)));
        }
        out
    }

    pub fn meeting_problems(&self, meeting: &Meeting) -> Vec<(&'static str, Msg)> {
        let mut out = id_problem(&meeting.id);
        out.extend(about("kinds", self.unknown_kinds(&meeting.kinds)));
        out.extend(about("chair", self.unknown_role(&meeting.chair)));
        let lists = [
            ("attendees", &meeting.attendees),
            ("optional", &meeting.optional),
            ("when_any", &meeting.when_any),
        ];
        for (key, roles) in lists {
            out.extend(about(
                key,
                roles.iter().filter_map(|r| self.unknown_role(r)),
            ));
        }
        out.extend(about("rrule", Rule::parse(&meeting.rrule).err()));
        out.extend(about("time", TimeOfDay::parse(&meeting.time).err()));
        out.extend(about("duration", Duration::parse(&meeting.duration).err()));
        out
    }
}

/// Each of `problems`, about `key`.
fn about(key: &'static str, problems: impl IntoIterator<Item = Msg>) -> Vec<(&'static str, Msg)> {
    problems.into_iter().map(|p| (key, p)).collect()
}

fn id_problem(id: &str) -> Vec<(&'static str, Msg)> {
    if ids::is_kebab(id) {
        Vec::new()
    } else {
        vec![("id", msg!("catalog.not_kebab", id = id))]
    }
}

/// Adds or merges the custom entries of one section onto the catalog's entries of that kind.
fn merge<T: for<'de> Deserialize<'de>>(
    base: &mut Vec<T>,
    raw: &[Value],
    custom: &[toml::Table],
    section: &'static str,
    problems: &mut Vec<CustomProblem>,
    id: impl Fn(&T) -> &String,
) {
    for (index, table) in custom.iter().enumerate() {
        let mut problem = |said: shape::Said| {
            problems.push(CustomProblem {
                section,
                index,
                key: said.key,
                message: said.message,
                help: said.help,
            });
        };
        let shape = |e: &dyn std::fmt::Display| shape::say(&e.to_string());
        let entry = match serde_json::to_value(table) {
            Ok(entry) => entry,
            Err(e) => {
                problem(shape(&e));
                continue;
            }
        };
        let Some(entry_id) = entry.get("id").and_then(Value::as_str) else {
            problem(shape(&"missing field `id`"));
            continue;
        };
        let at = base.iter().position(|b| id(b) == entry_id);
        let merged = match at.and_then(|i| raw.iter().find(|r| r["id"] == entry_id).map(|r| (i, r)))
        {
            Some((_, built_in)) => overlay(built_in.clone(), entry),
            None => entry,
        };
        match T::deserialize(&merged) {
            Ok(value) => match at {
                Some(i) => base[i] = value,
                None => base.push(value),
            },
            Err(e) => problem(shape(&e)),
        }
    }
}

/// `custom`'s keys over `base`'s; a text given as a table changes its languages one by one.
fn overlay(mut base: Value, custom: Value) -> Value {
    let (Some(base_map), Value::Object(custom_map)) = (base.as_object_mut(), custom) else {
        return base;
    };
    for (key, value) in custom_map {
        let is_text = |v: &Value| {
            v.as_object()
                .is_some_and(|m| m.keys().all(|k| k == "en" || k == "zh"))
        };
        match base_map.get_mut(&key) {
            Some(old) if is_text(old) && is_text(&value) => {
                if let (Some(old), Value::Object(new)) = (old.as_object_mut(), value) {
                    old.extend(new);
                }
            }
            _ => {
                base_map.insert(key, value);
            }
        }
    }
    base
}

/// The built-in catalog as build.rs turned it from TOML into JSON.
fn raw_json(name: &str) -> &'static str {
    match name {
        "kinds" => include_str!(concat!(env!("OUT_DIR"), "/kinds.json")),
        "roles" => include_str!(concat!(env!("OUT_DIR"), "/roles.json")),
        "activities" => include_str!(concat!(env!("OUT_DIR"), "/activities.json")),
        "deliverables" => include_str!(concat!(env!("OUT_DIR"), "/deliverables.json")),
        _ => include_str!(concat!(env!("OUT_DIR"), "/meetings.json")),
    }
}

/// The built-in entries as plain values, for merging a project's custom entries onto them.
struct Raw {
    roles: Vec<Value>,
    activities: Vec<Value>,
    deliverables: Vec<Value>,
    meetings: Vec<Value>,
}

fn builtin_raw() -> &'static Raw {
    static RAW: OnceLock<Raw> = OnceLock::new();
    RAW.get_or_init(|| {
        let list = |file: &str, key: &str| -> Vec<Value> {
            serde_json::from_str::<Value>(raw_json(file))
                .ok()
                .and_then(|mut v| v.get_mut(key).map(Value::take))
                .and_then(|v| match v {
                    Value::Array(items) => Some(items),
                    _ => None,
                })
                .unwrap_or_default()
        };
        Raw {
            roles: list("roles", "role"),
            activities: list("activities", "activity"),
            deliverables: list("deliverables", "deliverable"),
            meetings: list("meetings", "meeting"),
        }
    })
}

/// One catalog file, as build.rs turned it from TOML into JSON.
fn load<T: for<'de> Deserialize<'de>>(name: &str, json: &str) -> Result<T, Msg> {
    serde_json::from_str(json).map_err(|e| {
        let detail = Msg::verbatim(e.to_string());
        msg!("catalog.broken", name = name, detail = detail)
    })
}

impl<'de> Deserialize<'de> for Section {
    /// A section is a title alone (`"Scope"`) or a table with `title` and `hint`.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Section, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Full {
            title: Text,
            #[serde(default)]
            hint: Text,
        }

        struct SectionVisitor;

        impl<'de> Visitor<'de> for SectionVisitor {
            type Value = Section;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a section title, or a table with `title` and `hint`")
            }

            fn visit_str<E: de::Error>(self, s: &str) -> Result<Section, E> {
                Ok(Section {
                    title: Text::same(s),
                    hint: Text::default(),
                })
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Section, A::Error> {
                let full = Full::deserialize(MapAccessDeserializer::new(map))?;
                Ok(Section {
                    title: full.title,
                    hint: full.hint,
                })
            }
        }

        deserializer.deserialize_any(SectionVisitor)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::words::Lang;

    fn builtin() -> Catalog {
        Catalog::builtin().expect("built-in catalog loads")
    }

    #[test]
    fn builtin_entries_pass_the_checks_custom_entries_get() {
        let c = builtin();
        let mut problems = Vec::new();
        for r in &c.roles {
            problems.extend(
                c.role_problems(r)
                    .into_iter()
                    .map(|(key, p)| format!("role {} {key}: {p}", r.id)),
            );
        }
        for a in &c.activities {
            problems.extend(
                c.activity_problems(a)
                    .into_iter()
                    .map(|(key, p)| format!("activity {} {key}: {p}", a.id)),
            );
        }
        for d in &c.deliverables {
            problems.extend(
                c.deliverable_problems(d)
                    .into_iter()
                    .map(|(key, p)| format!("deliverable {} {key}: {p}", d.id)),
            );
        }
        for m in &c.meetings {
            problems.extend(
                c.meeting_problems(m)
                    .into_iter()
                    .map(|(key, p)| format!("meeting {} {key}: {p}", m.id)),
            );
        }
        assert_eq!(problems, Vec::<String>::new());
    }

    #[test]
    fn builtin_catalog_has_what_the_spec_promises() {
        let c = builtin();
        let roles: Vec<&str> = c.role_ids().collect();
        assert_eq!(
            roles,
            [
                "product-manager",
                "project-manager",
                "ai-product-manager",
                "data-scientist",
                "ml-researcher",
                "ml-engineer",
                "ml-applied-scientist",
                "data-engineer",
                "data-analyst",
                "big-data-engineer",
                "software-engineer",
                "devops-engineer",
                "delivery-engineer",
                "business-consultant",
            ]
        );
        let phases: Vec<&str> = c.phase_ids().collect();
        assert_eq!(
            phases,
            [
                "discovery",
                "data",
                "modeling",
                "deployment",
                "delivery",
                "operations"
            ]
        );
        assert!(c.activities.len() >= 25);
        assert!(c.deliverables.len() >= 20);
        assert!(c.meetings.len() >= 7);
        for id in ["prd", "data-analysis-report", "deployment-plan"] {
            assert!(c.deliverable(id).is_some(), "{id}");
        }
        for id in ["standup", "weekly-sync", "project-review"] {
            assert!(c.meeting(id).is_some(), "{id}");
        }
        for phase in &c.phases {
            assert!(
                c.activities.iter().any(|a| a.phase == phase.id),
                "no activity in {}",
                phase.id
            );
        }
    }

    /// The deliverables every project of a kind needs, whoever is on the team (SPEC §11; the
    /// issue on documents that fit the team).
    pub(crate) const REQUIRED: [(&str, &[&str]); 3] = [
        (
            "product",
            &[
                "prd",
                "project-charter",
                "data-analysis-report",
                "datasheet",
                "model-card",
                "evaluation-report",
                "deployment-plan",
                "risk-register",
                "decision-log",
                "responsible-ai-review",
            ],
        ),
        (
            "delivery",
            &[
                "prd",
                "product-whitepaper",
                "solution-proposal",
                "project-charter",
                "delivery-plan",
                "data-analysis-report",
                "datasheet",
                "model-card",
                "evaluation-report",
                "deployment-plan",
                "requirements-research-report",
                "project-plan",
                "implementation-plan",
                "risk-register",
                "decision-log",
                "responsible-ai-review",
            ],
        ),
        (
            "research",
            &[
                "data-analysis-report",
                "datasheet",
                "model-card",
                "evaluation-report",
                "research-paper",
                "decision-log",
            ],
        ),
    ];

    #[test]
    fn kinds_carry_what_each_kind_of_project_needs() {
        let c = builtin();
        assert_eq!(
            c.kind_ids().collect::<Vec<_>>(),
            ["product", "delivery", "research"]
        );
        for (kind, required) in REQUIRED {
            for id in required {
                let d = c.deliverable(id).unwrap_or_else(|| panic!("no {id}"));
                assert!(of_kind(&d.kinds, kind), "{id} is not part of {kind}");
                assert!(!d.specialist, "{id} must not wait for its specialist");
            }
        }
        // An in-house product has no customer to sell to, install at, hand over to or train.
        for id in [
            "presales-solution",
            "onsite-implementation",
            "acceptance-handover",
            "customer-training-support",
        ] {
            let a = c.activity(id).unwrap();
            assert!(!of_kind(&a.kinds, "product"), "{id} in product");
            assert!(of_kind(&a.kinds, "delivery"), "{id} not in delivery");
        }
        for id in ["product-whitepaper", "solution-proposal"] {
            assert!(
                !of_kind(&c.deliverable(id).unwrap().kinds, "product"),
                "{id}"
            );
        }
        let review = c.activity("responsible-ai-review").expect("activity");
        assert!(of_kind(&review.kinds, "product") && of_kind(&review.kinds, "delivery"));
    }

    #[test]
    fn deliverables_follow_their_activity_and_kinds_plan_their_phases() {
        let c = builtin();
        for kind in &c.kinds {
            for d in c
                .deliverables
                .iter()
                .filter(|d| of_kind(&d.kinds, &kind.id))
            {
                if let Some(activity) = d.activity.as_deref().and_then(|a| c.activity(a)) {
                    assert!(
                        of_kind(&activity.kinds, &kind.id),
                        "{} is part of {} but its activity {} is not",
                        d.id,
                        kind.id,
                        activity.id
                    );
                }
            }
            // The phases a kind has activities in are the phases of its default schedule.
            let used: Vec<&str> = c
                .phases
                .iter()
                .filter(|p| {
                    c.activities
                        .iter()
                        .any(|a| a.phase == p.id && of_kind(&a.kinds, &kind.id))
                })
                .map(|p| p.id.as_str())
                .collect();
            let planned: Vec<&str> = c
                .phases
                .iter()
                .filter(|p| kind.schedule.contains_key(&p.id))
                .map(|p| p.id.as_str())
                .collect();
            assert_eq!(planned, used, "{}", kind.id);
            assert_eq!(
                kind.schedule.len(),
                planned.len(),
                "{}: unknown phase",
                kind.id
            );
        }
        for phase in ["data", "modeling", "delivery"] {
            assert!(
                c.phase(phase).unwrap().gate.is_some(),
                "{phase} has no gate"
            );
        }
    }

    #[test]
    fn every_role_owns_a_deliverable_and_has_a_cover_chain() {
        let c = builtin();
        for role in &c.roles {
            assert!(
                c.deliverables.iter().any(|d| d.owner == role.id),
                "{} owns nothing",
                role.id
            );
            assert!(!role.covers.is_empty(), "{} has no cover chain", role.id);
            assert!(!role.covers.contains(&role.id), "{} covers itself", role.id);
        }
    }

    #[test]
    fn every_text_exists_in_both_languages() {
        let c = builtin();
        let mut texts: Vec<(&str, &Text)> = Vec::new();
        for g in &c.groups {
            texts.push((&g.id, &g.name));
        }
        for r in &c.roles {
            texts.extend([(r.id.as_str(), &r.name), (&r.id, &r.summary)]);
            texts.extend(r.responsibilities.iter().map(|t| (r.id.as_str(), t)));
        }
        for p in &c.phases {
            texts.extend([(p.id.as_str(), &p.name), (&p.id, &p.summary)]);
        }
        for a in &c.activities {
            texts.push((&a.id, &a.name));
        }
        for d in &c.deliverables {
            texts.extend([(d.id.as_str(), &d.title), (&d.id, &d.summary)]);
            texts.extend(
                d.sections
                    .iter()
                    .flat_map(|s| [(d.id.as_str(), &s.title), (&d.id, &s.hint)]),
            );
        }
        for m in &c.meetings {
            texts.extend([(m.id.as_str(), &m.name), (&m.id, &m.purpose)]);
            texts.extend(m.agenda.iter().map(|t| (m.id.as_str(), t)));
        }
        for (owner, text) in texts {
            for lang in Lang::ALL {
                assert!(
                    !text.get(lang).trim().is_empty(),
                    "{owner}: empty {lang} text in {text:?}"
                );
            }
            assert_ne!(text.en, text.zh, "{owner}: not translated: {text:?}");
        }
    }

    #[test]
    fn ids_and_section_titles_are_unique() {
        let c = builtin();
        let unique = |ids: Vec<&str>| ids.len() == ids.iter().collect::<HashSet<_>>().len();
        assert!(unique(c.role_ids().collect()));
        assert!(unique(c.activity_ids().collect()));
        assert!(unique(c.deliverable_ids().collect()));
        assert!(unique(c.meeting_ids().collect()));
        assert!(unique(c.roles.iter().map(|r| r.code.as_str()).collect()));
        for d in &c.deliverables {
            for lang in Lang::ALL {
                assert!(
                    unique(d.sections.iter().map(|s| s.title.get(lang)).collect()),
                    "{}",
                    d.id
                );
            }
        }
    }

    #[test]
    fn custom_entries_replace_by_id_and_append_new_ones() {
        let custom: Custom = toml::from_str(
            r#"
            [[role]]
            id = "ml-engineer"
            name = "MLOps engineer"
            group = "research-engineering"
            [[role]]
            id = "prompt-engineer"
            name = { en = "Prompt engineer", zh = "提示词工程师" }
            group = "research-engineering"
            covers = ["ml-engineer"]
            [[deliverable]]
            id = "prompt-library"
            title = "Prompt library"
            owner = "prompt-engineer"
            phase = "modeling"
            sections = ["Prompts", { title = "Evaluation", hint = "How each prompt is scored." }]
            "#,
        )
        .unwrap();
        let (c, problems) = builtin().with_custom(&custom);
        assert_eq!(problems, []);
        assert_eq!(c.roles.len(), 15);
        let mle = c.role("ml-engineer").unwrap();
        assert_eq!(mle.name.zh, "MLOps engineer");
        // Keys the custom entry does not set are the built-in entry's.
        let builtin_mle = builtin().role("ml-engineer").unwrap().clone();
        assert_eq!(mle.covers, builtin_mle.covers);
        assert_eq!(mle.responsibilities, builtin_mle.responsibilities);
        let prompt = c.role("prompt-engineer").unwrap();
        assert_eq!(
            (prompt.code.as_str(), prompt.name.get(Lang::Zh)),
            ("PE", "提示词工程师")
        );
        let library = c.deliverable("prompt-library").unwrap();
        assert_eq!(library.sections[1].hint.en, "How each prompt is scored.");
        assert!(c.deliverable_problems(library).is_empty());
    }
}
