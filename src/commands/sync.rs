//! `mlteam sync` and the refresh every regenerating command shares: render the team's pages,
//! splice their generated parts into the files, create what is new, report what is orphaned.

use anyhow::Result;

use super::{carry_out, load_team, project_root, shown, ui_for};
use crate::cli::{Global, WriteArgs};
use crate::manifest::{self, Manifest, Source};
use crate::pages::{self, Kind, Page};
use crate::plan::{Action, Existing, Plan};
use crate::progress;
use crate::render::Renderer;
use crate::team::Team;
use crate::ui::Ui;
use crate::write::{NotText, Root};

pub fn run(global: &Global, args: &WriteArgs) -> Result<()> {
    let root = Root::new(project_root(global));
    let (_, team) = load_team(&root)?;
    sync_team(
        &root,
        &team,
        Plan::default(),
        Scope::All,
        global,
        args,
        false,
    )
}

/// Writes an edited manifest and everything it changes in the docs as one plan: all of it, or
/// (on a problem, or for `--dry-run`) none of it. With `matrix_imported`, the matrix region may
/// differ from its digest: `raci import` has just taken its edits into the manifest.
pub fn with_manifest(
    root: &Root,
    old: &str,
    new: String,
    global: &Global,
    args: &WriteArgs,
    matrix_imported: bool,
) -> Result<()> {
    let source = Source::new(shown(&root.path().join(manifest::FILE)), new);
    let manifest = Manifest::parse(&source)?;
    let team = Team::from_manifest(&manifest, &source)?;
    let mut plan = Plan::default();
    if source.text != old {
        let edit = Action::Update {
            regions: Vec::new(),
        };
        plan.push(
            manifest::FILE,
            edit,
            Some(old.to_string()),
            Some(source.text),
        );
    }
    sync_team(root, &team, plan, Scope::All, global, args, matrix_imported)
}

/// Which pages a regenerating command brings up to date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every page, and the orphans reported (`sync`).
    All,
    /// The RACI matrix (`raci`).
    Matrix,
    /// The pages that show progress: checklist, role cards, team overview (`checklist`).
    Progress,
}

impl Scope {
    fn covers(self, kind: &Kind) -> bool {
        match self {
            Scope::All => true,
            Scope::Matrix => *kind == Kind::Raci,
            Scope::Progress => matches!(kind, Kind::Checklist | Kind::Role(_) | Kind::TeamReadme),
        }
    }
}

/// The pages of `scope` refreshed (orphans reported for `All`), then the plan carried out.
pub fn sync_team(
    root: &Root,
    team: &Team,
    mut plan: Plan,
    scope: Scope,
    global: &Global,
    args: &WriteArgs,
    matrix_imported: bool,
) -> Result<()> {
    let ui = ui_for(global);
    let renderer = Renderer::new(Some(root.path()), Some(team.project.lang))?;
    let pages: Vec<Page> = pages::all(team)
        .into_iter()
        .filter(|p| scope.covers(&p.kind))
        .collect();
    let (matrix, rest): (Vec<Page>, Vec<Page>) = pages
        .iter()
        .cloned()
        .partition(|p| matrix_imported && p.kind == Kind::Raci);
    let mut conflicts = refresh(root, team, &renderer, &rest, args.force, &ui, &mut plan)?;
    conflicts.extend(refresh(
        root, team, &renderer, &matrix, true, &ui, &mut plan,
    )?);
    if scope == Scope::All {
        add_orphans(root, team, &pages, &ui, &mut plan)?;
    }
    carry_out(root, &plan, conflicts, &ui, global.quiet, args.dry_run)?;
    Ok(())
}

/// Renders `pages` and adds to `plan` what each would do to its file; returns the regions edited
/// by hand that would be overwritten (none with `force`).
pub fn refresh(
    root: &Root,
    team: &Team,
    renderer: &Renderer,
    pages: &[Page],
    force: bool,
    ui: &Ui,
    plan: &mut Plan,
) -> Result<Vec<crate::diag::Diagnostic>> {
    let rendered = pages::render(team, renderer, pages, crate::today(), |p| {
        root.read(p).ok().flatten()
    })?;
    let mut conflicts = Vec::new();
    for page in rendered {
        let old = match root.read(&page.path) {
            Ok(old) => old,
            // Not text: nothing to splice into, and nothing mlteam may replace.
            Err(e) if e.is::<NotText>() => {
                let reason = ui.get("plan.not_text").to_string();
                plan.push(&page.path, Action::Skip { reason }, None, None);
                continue;
            }
            Err(e) => return Err(e),
        };
        for mut conflict in
            plan.add_page(&page.path, old, page.text, Existing::Refresh { force }, ui)
        {
            conflict.file = shown(&root.path().join(&conflict.file));
            conflicts.push(conflict);
        }
    }
    Ok(conflicts)
}

/// Stubs, meeting pages and role cards the team no longer calls for: kept, and said so.
fn add_orphans(root: &Root, team: &Team, pages: &[Page], ui: &Ui, plan: &mut Plan) -> Result<()> {
    let known = |path: &str| pages.iter().any(|p| p.path == path);
    for path in root.list("docs/deliverables")? {
        if !path.ends_with(".md") || known(&path) {
            continue;
        }
        let owner = root
            .read(&path)?
            .and_then(|text| progress::read(&text).ok())
            .and_then(|fm| fm.owner);
        let reason = match owner.as_deref().and_then(|o| team.catalog.role(o)) {
            Some(role) => ui.fill(
                "plan.orphan_stub",
                &[("role", role.name.get(team.project.lang))],
            ),
            None => ui.get("plan.orphan_unknown").to_string(),
        };
        plan.push(path, Action::Orphaned { reason }, None, None);
    }
    for (folder, reason) in [
        ("docs/meetings", "plan.orphan_meeting"),
        ("docs/team/roles", "plan.orphan_role"),
    ] {
        for path in root.list(folder)? {
            if path.ends_with(".md") && !known(&path) {
                plan.push(
                    path,
                    Action::Orphaned {
                        reason: ui.get(reason).into(),
                    },
                    None,
                    None,
                );
            }
        }
    }
    Ok(())
}
