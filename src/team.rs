//! The team model: manifest + catalog → who is on the team, who holds what, who covers whom, the
//! RACI matrix, the deliverables owed and the meetings kept. Nothing below this reads flags.

use jiff::civil::Date;

use crate::catalog::{Catalog, Meeting};
use crate::diag::Invalid;
use crate::manifest::{Manifest, Member, Seg, Source};
use crate::raci::Matrix;
use crate::rrule::{Duration, Rule, TimeOfDay};
use crate::text::Lang;

#[derive(Debug, Clone)]
pub struct Project {
    pub name: String,
    pub description: String,
    pub lang: Lang,
    pub start: Date,
    pub timezone: String,
}

/// A meeting the team keeps, with the project's overrides applied.
#[derive(Debug, Clone)]
pub struct Schedule {
    pub id: String,
    pub rule: Rule,
    pub time: TimeOfDay,
    pub duration: Duration,
    /// The present role that chairs it (the catalog's chair, or whoever covers for it).
    pub chair: String,
    pub first: Date,
}

#[derive(Debug, Clone)]
pub struct Team {
    pub catalog: Catalog,
    pub project: Project,
    /// Roles present, in catalog order.
    pub roles: Vec<String>,
    pub members: Vec<Member>,
    pub matrix: Matrix,
    pub meetings: Vec<Schedule>,
    /// Deliverables owned by a role present, in catalog order.
    pub deliverables: Vec<String>,
    pub max_accountable: u32,
}

impl Team {
    /// Checks the manifest against the catalog (with its custom entries) and builds the team;
    /// every problem is reported at once, each at its line.
    pub fn from_manifest(manifest: &Manifest, source: &Source) -> Result<Team, Invalid> {
        let catalog = Catalog::builtin()
            .map_err(|e| {
                Invalid(vec![crate::diag::Diagnostic::new(
                    "templates/catalog",
                    format!("{e:#}"),
                )])
            })?
            .with_custom(&manifest.custom);
        let problems = manifest.check(source, &catalog);
        if !problems.is_empty() {
            return Err(Invalid(problems));
        }
        let start = manifest.start_date().expect("checked");
        let roles: Vec<String> = catalog
            .roles
            .iter()
            .filter(|r| manifest.team.roles.contains(&r.id))
            .map(|r| r.id.clone())
            .collect();
        let matrix = Matrix::build(&catalog, &roles, &manifest.overrides());
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
            .unwrap_or_else(|| default_meetings(&catalog, &roles));
        let meetings = catalog
            .meetings
            .iter()
            .filter(|m| kept.contains(&m.id))
            .map(|m| schedule(m, manifest, &matrix, start))
            .collect();
        let deliverables = catalog
            .deliverables
            .iter()
            .filter(|d| roles.contains(&d.owner))
            .map(|d| d.id.clone())
            .collect();
        Ok(Team {
            project: Project {
                name: manifest.project.name.trim().to_string(),
                description: manifest.project.description.trim().to_string(),
                lang: manifest.project.lang,
                start,
                timezone: manifest.project.timezone.clone(),
            },
            roles,
            members: manifest.members.clone(),
            matrix,
            meetings,
            deliverables,
            max_accountable: manifest.raci.max_accountable,
            catalog,
        })
    }

    /// The present role that does `role`'s work: itself, or whoever covers for it.
    pub fn acting<'a>(&'a self, role: &'a str) -> &'a str {
        self.matrix
            .covers
            .iter()
            .find(|c| c.absent == role)
            .map_or(role, |c| c.by.as_str())
    }

    pub fn holders(&self, role: &str) -> impl Iterator<Item = &Member> {
        self.members
            .iter()
            .filter(move |m| m.roles.iter().any(|r| r == role))
    }
}

/// The meetings worth pre-selecting for these roles: the catalog's defaults, and those whose
/// `when_any` roles are present.
pub fn default_meetings(catalog: &Catalog, roles: &[String]) -> Vec<String> {
    catalog
        .meetings
        .iter()
        .filter(|m| m.default || m.when_any.iter().any(|r| roles.contains(r)))
        .map(|m| m.id.clone())
        .collect()
}

fn schedule(meeting: &Meeting, manifest: &Manifest, matrix: &Matrix, start: Date) -> Schedule {
    let changes = manifest
        .meetings
        .overrides
        .get(&meeting.id)
        .cloned()
        .unwrap_or_default();
    // All of these were validated by `Manifest::check` or by the catalog's own tests.
    let mut rule = Rule::parse(&meeting.rrule).expect("checked rrule");
    if let Some(day) = &changes.day {
        rule = rule.with_day(day).expect("checked day");
    }
    let time =
        TimeOfDay::parse(changes.time.as_deref().unwrap_or(&meeting.time)).expect("checked time");
    let duration = Duration::parse(changes.duration.as_deref().unwrap_or(&meeting.duration))
        .expect("checked duration");
    let chair = matrix
        .covers
        .iter()
        .find(|c| c.absent == meeting.chair)
        .map_or(&meeting.chair, |c| &c.by)
        .clone();
    Schedule {
        id: meeting.id.clone(),
        first: rule.first_on_or_after(start),
        rule,
        time,
        duration,
        chair,
    }
}
