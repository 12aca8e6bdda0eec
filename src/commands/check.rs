//! `mlteam check`: everything that makes the docs untrue or the team unsound, each problem at its
//! file and line; exit 1 when there is any. It walks the same pipeline as `sync`, writing nothing.

use std::io::Write as _;

use anyhow::Result;

use super::{project_root, shown, ui_for};
use crate::cli::Global;
use crate::diag::{Diagnostic, Invalid, ProblemsFound};
use crate::input::manifest::{Manifest, Seg, Source};
use crate::model::team::Team;
use crate::pipeline;
use crate::render::Renderer;
use crate::render::pages::{self, Kind};
use crate::write::plan::{Action, Plan};
use crate::write::root::Root;

pub fn run(global: &Global) -> Result<()> {
    let root = Root::new(project_root(global));
    let problems = match pipeline::load_team(&root) {
        Ok((source, team)) => {
            let mut problems = team_problems(&team, &source);
            problems.extend(doc_problems(&root, &team, global)?);
            problems
        }
        Err(error) => match error.downcast::<Invalid>() {
            Ok(Invalid(problems)) => problems,
            Err(error) => return Err(error),
        },
    };
    let mut out = anstream::stdout();
    if problems.is_empty() {
        if !global.quiet {
            writeln!(out, "{}", ui_for(global).get("check.clean"))
                .or_else(crate::diag::closed_pipe)?;
        }
        return Ok(());
    }
    for problem in &problems {
        writeln!(out, "{problem}").or_else(crate::diag::closed_pipe)?;
    }
    Err(ProblemsFound(problems.len()).into())
}

/// Gaps, idle roles, people accountable for too much, overrides that change nothing.
fn team_problems(team: &Team, source: &Source) -> Vec<Diagnostic> {
    use Seg::{Index, Key};
    let lang = team.project.lang;
    let name = |id: &str| {
        team.catalog
            .role(id)
            .map_or(id.to_string(), |r| r.name.get(lang).to_string())
    };
    // The manifest was read once already to build the team; its own order points at the lines.
    let Ok(manifest) = Manifest::parse(source) else {
        return Vec::new();
    };
    let at_role = |role: &str, message: String| {
        let path = match manifest.team.roles.iter().position(|r| r == role) {
            Some(i) => vec![Key("team"), Key("roles"), Index(i)],
            None => vec![Key("team"), Key("roles")],
        };
        source.diagnostic(&path, message)
    };

    let mut out = Vec::new();
    // One problem per role nobody covers, naming the activities its letters fell on.
    for cover in team.matrix.covers.iter().filter(|c| c.fallback) {
        let activities: Vec<String> = team
            .matrix
            .rows
            .iter()
            .filter(|row| row.gaps.contains(&cover.absent))
            .map(|row| {
                team.catalog
                    .activity(&row.activity)
                    .map_or(row.activity.clone(), |a| a.name.get(lang).to_string())
            })
            .collect();
        if activities.is_empty() {
            continue;
        }
        out.push(
            source
                .diagnostic(
                    &[Key("team"), Key("roles")],
                    format!(
                        "gap: no role on the team covers for {}; {} has its letters by default in {} activities ({}{})",
                        name(&cover.absent),
                        name(&cover.by),
                        activities.len(),
                        activities.iter().take(3).cloned().collect::<Vec<_>>().join("; "),
                        if activities.len() > 3 { "; …" } else { "" }
                    ),
                )
                .help("add a role that can do this work, or set its letters under [raci.overrides]"),
        );
    }
    for role in &team.roles {
        if !team
            .matrix
            .duties(role)
            .any(|(_, c)| c.letter.is_accountable() || c.letter.is_responsible())
        {
            out.push(
                at_role(role, format!("{} is on the team but neither responsible nor accountable for any activity", name(role)))
                    .help("give it an R or A under [raci.overrides], or take it off the team"),
            );
        }
    }
    for (i, member) in team.members.iter().enumerate() {
        let accountable = team
            .matrix
            .rows
            .iter()
            .filter(|row| {
                team.matrix
                    .roles
                    .iter()
                    .zip(&row.cells)
                    .any(|(role, cell)| {
                        member.roles.contains(role)
                            && cell.as_ref().is_some_and(|c| c.letter.is_accountable())
                    })
            })
            .count();
        if accountable > team.max_accountable as usize {
            out.push(
                source
                    .diagnostic(
                        &[Key("member"), Index(i), Key("name")],
                        format!("{} is accountable for {accountable} activities, more than max_accountable = {}", member.name, team.max_accountable),
                    )
                    .help("share the roles out among more people, or raise [raci] max_accountable"),
            );
        }
    }
    for (activity, cells) in &manifest.raci.overrides {
        for role in cells.keys().filter(|r| !team.roles.contains(r)) {
            out.push(
                source
                    .diagnostic(
                        &[Key("raci"), Key("overrides"), Key(activity), Key(role)],
                        format!("the override for {} in `{activity}` changes nothing: the role is not on the team", name(role)),
                    )
                    .help("remove it, or put the role on the team"),
            );
        }
    }
    out
}

/// What `sync` would change, said as problems: missing files, stale or hand-edited regions,
/// removed markers, and stubs whose front matter cannot be read.
fn doc_problems(root: &Root, team: &Team, global: &Global) -> Result<Vec<Diagnostic>> {
    let ui = ui_for(global);
    let renderer = Renderer::new(Some(root.path()), Some(team.project.lang))?;
    let pages = pages::all(team);
    let mut plan = Plan::default();
    let mut out = match pipeline::refresh(root, team, &renderer, &pages, false, &ui, &mut plan) {
        Ok(conflicts) => conflicts,
        // A file that cannot be read (not UTF-8, no permission) is one more problem to list.
        Err(error) => vec![Diagnostic::new(shown(root.path()), format!("{error:#}"))],
    };
    for (id, entry) in pipeline::progress(team, root) {
        let file = shown(&root.path().join(crate::view::paths::stub(&id)));
        out.extend(
            entry
                .problems
                .iter()
                .map(|p| Diagnostic::new(&file, p.message.clone()).at_line(p.line)),
        );
    }
    for change in &plan.changes {
        let page = pages.iter().find(|p| p.path == change.path);
        let stub = page.is_some_and(|p| matches!(p.kind, Kind::Deliverable(_)));
        let message = match &change.action {
            Action::Create if stub => Some(
                "missing: the stub of a deliverable the team owes; run `mlteam sync` to create it"
                    .to_string(),
            ),
            Action::Create => Some("missing; run `mlteam sync` to write it".to_string()),
            Action::Update { regions } => Some(format!(
                "out of date (region {}); run `mlteam sync`",
                regions.join(", ")
            )),
            Action::Replace => Some("out of date; run `mlteam sync`".to_string()),
            Action::Skip { reason }
                if !out.iter().any(|d| d.file.ends_with(change.path.as_str())) =>
            {
                Some(reason.clone())
            }
            _ => None,
        };
        let file = shown(&root.path().join(&change.path));
        if let Some(message) = message {
            out.push(Diagnostic::new(&file, message));
        }
    }
    Ok(out)
}
