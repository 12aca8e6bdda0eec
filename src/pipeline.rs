//! The walk every command takes (STYLE.md): load the team from `mlteam.toml`, select the pages a
//! command covers, render them in memory, plan what each does to its file, and carry the plan
//! out (or, for `--dry-run`, show it). `init` asks first, `sync` renders all, `raci` only the
//! matrix, `checklist` only the pages that show progress, `check` plans without writing.

use std::io::Write as _;

use anyhow::Result;
use jiff::civil::Date;

use crate::cli::{Global, WriteArgs};
use crate::diag::{Diagnostic, Refused, closed_pipe, failed_with_help, say_error, shown};
use crate::input::front_matter;
use crate::input::manifest::{self, Manifest, Source};
use crate::model::catalog::of_kind;
use crate::model::progress::{self, Progress, Stub};
use crate::model::team::Team;
use crate::msg;
use crate::render::Renderer;
use crate::render::pages::{self, Kind, Page};
use crate::view::paths;
use crate::words::{Msg, Words};
use crate::write::eol;
use crate::write::plan::{Action, Existing, Plan};
use crate::write::read::{self, NotAFile, NotText, TooLarge};
use crate::write::root::Root;

/// Reads and checks the project's `mlteam.toml` and builds its team.
pub fn load_team(root: &Root) -> Result<(Source, Team)> {
    let Some(text) = root.read(manifest::FILE)? else {
        let message = msg!(
            "pipeline.not_a_project",
            file = manifest::FILE,
            dir = shown(root.path())
        );
        return Err(failed_with_help(
            message,
            msg!("pipeline.not_a_project_help"),
        ));
    };
    let source = Source::new(shown(&root.path().join(manifest::FILE)), text);
    let manifest = Manifest::parse(&source)?;
    let team = manifest.team(&source)?;
    Ok((source, team))
}

/// The last step of every command that writes: refuse if parts edited by hand would be lost
/// (exit 1, nothing written), print what happens to each file, and write, or for `--dry-run`
/// print the diffs instead. `epilogue` is printed after the summary (unless `quiet`). Saying what
/// was written is part of writing it: when that cannot be said (standard output on a full disk)
/// or a signal comes first, every change is undone. Returns whether anything was written.
pub fn carry_out(
    root: &Root,
    plan: &Plan,
    conflicts: Vec<Diagnostic>,
    ui: &Words,
    global: &Global,
    dry_run: bool,
    epilogue: &str,
) -> Result<bool> {
    let mut out = anstream::stdout();
    if dry_run {
        plan.print_summary(&mut out, ui, true, global.verbose)
            .or_else(closed_pipe)?;
        writeln!(out).or_else(closed_pipe)?;
        plan.print_diffs(&mut out).or_else(closed_pipe)?;
        writeln!(out, "{}", ui.get("init.dry_run")).or_else(closed_pipe)?;
        out.flush().or_else(closed_pipe)?;
    }
    if !conflicts.is_empty() {
        return Err(Refused(conflicts).into());
    }
    if dry_run {
        return Ok(false);
    }
    let written = root.write(plan)?;
    if !global.quiet {
        let said = plan
            .print_summary(&mut out, ui, false, global.verbose)
            .and_then(|()| write!(out, "{epilogue}"))
            .and_then(|()| out.flush())
            .or_else(closed_pipe);
        if let Err(error) = said {
            return Err(written.undo(error.into()));
        }
    }
    written.commit()?;
    Ok(true)
}

/// Where each of the team's deliverables stands, read from the stubs in the project; a stub
/// that cannot be read is said so in the words of `ui`.
pub fn progress(team: &Team, root: &Root, ui: &Words) -> Progress {
    progress::of_team(team, |id| match root.read(&paths::stub(id)) {
        Ok(text) => front_matter::stub(text.as_deref()),
        Err(e) => Stub::Unreadable(progress::Unreadable {
            line: 1,
            message: if let Some(not) = e.downcast_ref::<NotAFile>() {
                msg!("pipeline.stub_not_a_file", kind = not.kind.said())
            } else if let Some(large) = e.downcast_ref::<TooLarge>() {
                msg!("pipeline.stub_too_large", limit = read::size(large.limit))
            } else if e.is::<NotText>() {
                msg!("pipeline.stub_not_text")
            } else {
                Msg::verbatim(say_error(&e, ui))
            },
        }),
    })
}

/// Writes an edited manifest and everything it changes in the docs as one plan: all of it, or
/// (on a problem, or for `--dry-run`) none of it. With `matrix_imported`, the matrix region may
/// differ from its digest: `raci import` has just taken its edits into the manifest.
pub fn with_manifest(
    root: &Root,
    old: &str,
    new: String,
    global: &Global,
    ui: &Words,
    args: &WriteArgs,
    sync: &Sync<'_>,
) -> Result<()> {
    // An edit keeps the file's line endings (toml_edit writes new lines with LF).
    let new = eol::like(old, new);
    let source = Source::new(shown(&root.path().join(manifest::FILE)), new);
    let manifest = Manifest::parse(&source)?;
    let team = manifest.team(&source)?;
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
    sync_team_then(root, &team, plan, sync, global, ui, args)
}

/// Which pages a regenerating command brings up to date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every page, and the orphans reported (`sync`).
    All,
    /// The RACI matrix and the pages that show its letters: role cards, the headers of the
    /// stubs there are (`raci`).
    Matrix,
    /// The pages that show progress: checklist, role cards, team overview (`checklist`).
    Progress,
}

impl Scope {
    fn covers(self, kind: &Kind) -> bool {
        match self {
            Scope::All => true,
            Scope::Matrix => matches!(kind, Kind::Raci | Kind::Role(_) | Kind::Deliverable(_)),
            Scope::Progress => matches!(
                kind,
                Kind::Checklist | Kind::Plan | Kind::Role(_) | Kind::TeamReadme
            ),
        }
    }
}

/// The pages of `scope` refreshed (orphans reported for `All`), then the plan carried out.
pub fn sync_team(
    root: &Root,
    team: &Team,
    plan: Plan,
    scope: Scope,
    global: &Global,
    ui: &Words,
    args: &WriteArgs,
) -> Result<()> {
    let sync = Sync {
        scope,
        matrix_imported: false,
        epilogue: "",
    };
    sync_team_then(root, team, plan, &sync, global, ui, args)
}

/// What a regenerating command asks of [`sync_team_then`].
pub struct Sync<'a> {
    pub scope: Scope,
    /// `raci import` has just taken the matrix's edits into the manifest.
    pub matrix_imported: bool,
    /// Printed after the summary, as part of the write.
    pub epilogue: &'a str,
}

/// [`sync_team`], with an epilogue.
pub fn sync_team_then(
    root: &Root,
    team: &Team,
    mut plan: Plan,
    sync: &Sync<'_>,
    global: &Global,
    ui: &Words,
    args: &WriteArgs,
) -> Result<()> {
    let Sync {
        scope,
        matrix_imported,
        epilogue,
    } = *sync;
    let renderer = Renderer::new(Some(root.path()), Some(team.project.lang))?;
    let pages: Vec<Page> = pages::all(team)
        .into_iter()
        .filter(|p| scope.covers(&p.kind))
        // A stub is written by `init` and `sync`; `raci` only brings the headers up to date.
        .filter(|p| {
            scope != Scope::Matrix
                || !matches!(p.kind, Kind::Deliverable(_))
                || matches!(root.read(&p.path), Ok(Some(_)))
        })
        .collect();
    let (matrix, rest): (Vec<Page>, Vec<Page>) = pages
        .iter()
        .cloned()
        .partition(|p| matrix_imported && p.kind == Kind::Raci);
    let how = Refresh::today(args.force);
    let mut conflicts = refresh(root, team, &renderer, &rest, how, ui, &mut plan)?;
    let imported = Refresh::today(true);
    conflicts.extend(refresh(
        root, team, &renderer, &matrix, imported, ui, &mut plan,
    )?);
    if scope == Scope::All {
        add_orphans(root, team, &pages, ui, &mut plan)?;
    }
    carry_out(root, &plan, conflicts, ui, global, args.dry_run, epilogue)?;
    Ok(())
}

/// How [`refresh`] renders: whether it overwrites regions edited by hand, and the day overdue
/// and due-soon items are reckoned from.
#[derive(Debug, Clone, Copy)]
pub struct Refresh {
    pub force: bool,
    pub as_of: Date,
}

impl Refresh {
    /// Today, overwriting hand edits when forced: what every writing command does.
    pub fn today(force: bool) -> Refresh {
        Refresh {
            force,
            as_of: crate::today(),
        }
    }
}

/// Renders `pages` and adds to `plan` what each would do to its file; returns the regions edited
/// by hand that would be overwritten (none with `force`).
pub fn refresh(
    root: &Root,
    team: &Team,
    renderer: &Renderer,
    pages: &[Page],
    how: Refresh,
    ui: &Words,
    plan: &mut Plan,
) -> Result<Vec<Diagnostic>> {
    let Refresh { force, as_of } = how;
    let rendered = pages::render(team, renderer, pages, as_of, |p| root.read(p))?;
    let mut conflicts = Vec::new();
    for page in rendered {
        let old = match root.read(&page.path) {
            Ok(old) => old,
            // Not text, not a file, too large: nothing to splice into, nothing mlteam may replace.
            Err(e) if read::unreadable_page(&e) => {
                let reason = skip_reason(&e, ui);
                plan.push(&page.path, Action::Skip { reason }, None, None);
                continue;
            }
            Err(e) => return Err(e),
        };
        let kept_true = match (&page.kind, &old) {
            (Kind::Deliverable(_), Some(old)) => {
                front_matter::keep_true(old, &eol::like(old, page.text.clone()))
            }
            _ => None,
        };
        let existing = Existing::Refresh { force };
        for mut conflict in plan.add_page(&page.path, old, page.text, existing, kept_true, ui) {
            conflict.file = shown(&root.path().join(&conflict.file));
            conflicts.push(conflict);
        }
    }
    Ok(conflicts)
}

/// Why a file that cannot be a page is left alone, in the words of the summary.
pub fn skip_reason(error: &anyhow::Error, ui: &Words) -> String {
    if let Some(not) = error.downcast_ref::<NotAFile>() {
        ui.fill("plan.not_a_file", &[("kind", &ui.say(&not.kind.said()))])
    } else if let Some(large) = error.downcast_ref::<TooLarge>() {
        ui.fill("plan.too_large", &[("limit", &read::size(large.limit))])
    } else {
        ui.get("plan.not_text").to_string()
    }
}

/// Stubs, meeting pages and role cards the team no longer calls for: kept, and said so.
fn add_orphans(
    root: &Root,
    team: &Team,
    pages: &[Page],
    ui: &Words,
    plan: &mut Plan,
) -> Result<()> {
    let known = |path: &str| pages.iter().any(|p| p.path == path);
    for path in root.list(paths::DELIVERABLES_DIR)? {
        if !path.ends_with(".md") || known(&path) {
            continue;
        }
        let lang = team.project.lang;
        let id = path
            .trim_start_matches(paths::DELIVERABLES_DIR)
            .trim_start_matches('/')
            .trim_end_matches(".md");
        let reason = match team.catalog.deliverable(id) {
            // A document of another kind of project: the kind changed.
            Some(d) if !of_kind(&d.kinds, &team.project.kind) => ui.fill(
                "plan.orphan_kind",
                &[(
                    "kind",
                    team.catalog
                        .kind(&team.project.kind)
                        .map_or(team.project.kind.as_str(), |k| k.name.get(lang)),
                )],
            ),
            // A specialist's document whose specialist left.
            Some(d) => ui.fill(
                "plan.orphan_stub",
                &[(
                    "role",
                    team.catalog
                        .role(&d.owner)
                        .map_or(d.owner.as_str(), |r| r.name.get(lang)),
                )],
            ),
            None => ui.get("plan.orphan_unknown").to_string(),
        };
        plan.push(path, Action::Orphaned { reason }, None, None);
    }
    for (folder, reason) in [
        (paths::MEETINGS_DIR, "plan.orphan_meeting"),
        (paths::ROLES_DIR, "plan.orphan_role"),
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
