//! `mlteam init [DIR]`: answers (flags, prompt or `--from`) → manifest → team → pages → plan →
//! writer. Existing files are never overwritten; the manifest only with `--force`.

use std::io::IsTerminal;
use std::path::Path;

use anyhow::Result;
use jiff::civil::Date;

use super::shown;
use crate::cli::{Global, InitArgs};
use crate::diag::{Diagnostic, Invalid, failed_with_help};
use crate::input::answers::Answers;
use crate::input::edit::{self, Editor};
use crate::input::manifest::{self, Manifest, Source};
use crate::input::prompt;
use crate::model::catalog::Catalog;
use crate::model::team::Team;
use crate::msg;
use crate::render::Renderer;
use crate::render::pages;
use crate::words::{self, Words};
use crate::write::plan::{Action, Existing, Plan};
use crate::write::root::Root;
use crate::write::{eol, read};

/// Until the project's language is known, the run's words speak (`--lang`, else the locale);
/// then the project's.
pub fn run(global: &Global, args: &InitArgs) -> Result<()> {
    let dir = super::tidy_path(&super::project_root(global).join(&args.dir));
    if dir.exists() && !dir.is_dir() {
        return Err(Invalid(vec![
            Diagnostic::new(shown(&dir), msg!("init.not_a_folder"))
                .help(msg!("init.not_a_folder_help")),
        ])
        .into());
    }
    let root = Root::writer(&dir);
    let existing_manifest = root.read(manifest::FILE)?;
    if existing_manifest.is_some() && !args.force {
        return Err(Invalid(vec![
            Diagnostic::new(shown(&dir.join(manifest::FILE)), msg!("init.exists"))
                .help(msg!("init.exists_help")),
        ])
        .into());
    }

    let today = crate::today();
    let (text, renderer) = match &args.from {
        Some(file) => (from_file(file, args, global, &dir, today)?, None),
        None => {
            let catalog = Catalog::builtin()?;
            let answers = if args.yes {
                Answers::from_flags(&catalog, args, global.lang, &dir, today)?
            } else if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
                // A broken template of the project's own is said before the first question,
                // not after the last.
                if dir.join(crate::render::OVERRIDE_DIR).is_dir() {
                    Renderer::new(Some(&dir), None)?.check_all()?;
                }
                // The summary counts the files from the very plan that would write them.
                let files = |answers: &Answers| {
                    let renderer = Renderer::new(Some(&dir), Some(answers.lang))?;
                    let text = crate::render::manifest::text(answers, &catalog, &renderer)?;
                    let (plan, _) = plan(&root, &dir, text, Some(renderer), today)?;
                    Ok(prompt::Files {
                        write: plan.count(|a| matches!(a, Action::Create | Action::Replace)),
                        keep: plan.count(|a| matches!(a, Action::Skip { .. })),
                    })
                };
                prompt::ask(&catalog, args, global.lang, &dir, today, &files)?
            } else {
                return Err(failed_with_help(
                    msg!("init.no_terminal"),
                    msg!("init.no_terminal_help"),
                ));
            };
            let renderer = Renderer::new(Some(&dir), Some(answers.lang))?;
            (
                crate::render::manifest::text(&answers, &catalog, &renderer)?,
                Some(renderer),
            )
        }
    };

    let (plan, team) = plan(&root, &dir, text, renderer, today)?;
    // The rest is said in the project's language: the one its questions, flags or `--from`
    // manifest chose.
    let ui = Words::new(team.project.lang);
    words::set_run(ui.lang());

    let count = plan
        .count(|a| matches!(a, Action::Create | Action::Replace))
        .to_string();
    let skipped = plan.count(|a| matches!(a, Action::Skip { .. }));
    let shown_dir = shown(&dir);
    let mut epilogue = format!(
        "\n{}\n",
        ui.fill("init.done", &[("count", &count), ("dir", &shown_dir)])
    );
    if skipped > 0 {
        epilogue += &format!("{}\n", ui.count("init.kept", skipped, &[]));
    }
    // Asking to name people is for a team that has named nobody.
    let next = if team.members.is_empty() {
        "init.next"
    } else {
        "init.next_named"
    };
    epilogue += &format!("{}\n", ui.fill(next, &[("dir", &shown_dir)]));
    crate::pipeline::carry_out(
        &root,
        &plan,
        Vec::new(),
        &ui,
        global,
        args.dry_run,
        &epilogue,
    )?;
    Ok(())
}

/// Every file init would write for the manifest `text`: the manifest and every page of its team;
/// existing files are left as they are, an existing manifest replaced. `renderer` is used when it
/// renders in the manifest's language.
fn plan(
    root: &Root,
    dir: &Path,
    text: String,
    renderer: Option<Renderer>,
    today: Date,
) -> Result<(Plan, Team)> {
    let existing_manifest = root.read(manifest::FILE)?;
    let source = Source::new(shown(&dir.join(manifest::FILE)), text);
    let manifest = Manifest::parse(&source)?;
    let team = manifest.team(&source)?;
    // What is said of files left alone is said in the project's language.
    let ui = &Words::new(team.project.lang);
    let renderer = match renderer {
        Some(renderer) if renderer.lang() == Some(team.project.lang) => renderer,
        _ => Renderer::new(Some(dir), Some(team.project.lang))?,
    };
    let rendered = pages::render(&team, &renderer, &pages::all(&team), today, |path| {
        root.read(path)
    })?;

    let mut plan = Plan::default();
    let manifest_action = match &existing_manifest {
        None => Action::Create,
        Some(old) if *old == source.text => Action::Unchanged,
        Some(_) => Action::Replace,
    };
    plan.push(
        manifest::FILE,
        manifest_action,
        existing_manifest,
        Some(source.text.clone()),
    );
    for page in rendered {
        match root.read(&page.path) {
            Ok(old) => {
                plan.add_page(&page.path, old, page.text, Existing::Keep, None, ui);
            }
            // A FIFO, a folder, a file too large or not text where a page goes: left alone.
            Err(e) if read::unreadable_page(&e) => {
                let reason = crate::pipeline::skip_reason(&e, ui);
                plan.push(&page.path, Action::Skip { reason }, None, None);
            }
            Err(e) => return Err(e),
        }
    }
    Ok((plan, team))
}

/// `--from FILE`: the file's manifest, comments and all, with this project's name, description
/// and start, and whatever other answers the flags give.
fn from_file(
    file: &Path,
    args: &InitArgs,
    global: &Global,
    dir: &Path,
    today: Date,
) -> Result<String> {
    let text = crate::input::file::read(
        "--from",
        file,
        crate::input::file::Base::CurrentFolder,
        read::MANIFEST_LIMIT,
        read::What::Manifest,
    )?;
    let source = Source::new(shown(file), text);
    let manifest = Manifest::parse(&source)?;
    let team = manifest.team(&source)?;

    let mut args = InitArgs {
        yes: true,
        ..args.clone()
    };
    if args.roles.is_none() {
        args.roles = Some(team.roles.join(","));
    }
    let flags = Answers::from_flags(&team.catalog, &args, global.lang, dir, today)?;
    let mut editor = Editor::parse(&source.text)?;
    // The project's own manifest (`init DIR --from DIR/mlteam.toml --force`) is the same project:
    // its name, description and start stay unless a flag changes them. Another project's is a
    // team to start a new project with.
    let same_project = file.canonicalize().ok() == dir.join(manifest::FILE).canonicalize().ok();
    if !same_project || args.name.is_some() {
        editor.set("project", "name", flags.name.as_str());
    }
    if !same_project || args.description.is_some() {
        editor.set("project", "description", flags.description.as_str());
    }
    if !same_project || args.start.is_some() {
        editor.set("project", "start", edit::date(flags.start));
    }
    if args.kind.is_some() {
        editor.set("project", "kind", flags.kind.as_str());
    }
    if let Some(lang) = global.lang {
        editor.set("project", "lang", lang.code());
    }
    if args.timezone.is_some() {
        editor.set("project", "timezone", flags.timezone.as_str());
    }
    if args.roles.as_deref() != Some(team.roles.join(",").as_str()) {
        editor.set_list("team", "roles", &flags.roles);
    }
    if !args.members.is_empty() {
        editor.set_members(&flags.members);
    }
    if args.meetings.is_some() {
        editor.set_list("meetings", "keep", &flags.meetings);
    }
    // One kind of line ending, the file's own (toml_edit writes new lines with LF).
    Ok(eol::like(&source.text, editor.finish()))
}
