//! mlteam: the paperwork of a machine-learning project team, generated from one manifest.
//!
//! The pipeline, one folder per stage, read top to bottom: [`input`] (flags, the prompt,
//! `mlteam.toml`) → [`model`] (the team and its RACI matrix) → [`view`] (the data templates see)
//! → [`render`] (pages in memory) → [`write`] (a plan of file changes, one careful writer).
//! [`pipeline`] is the walk every command takes; [`commands`] holds one thin file per subcommand.

pub(crate) mod assets;
pub mod cli;
pub(crate) mod commands;
pub mod diag;
pub(crate) mod escape;
pub mod input;
pub mod model;
pub(crate) mod pipeline;
pub mod render;
pub(crate) mod view;
pub mod words;
pub mod write;

use anyhow::Result;

use cli::{Cli, ColorWhen, Command, RaciCommand, RolesCommand, TemplatesCommand};
use words::Lang;
use words::Words;

/// Runs the command. Its words (every line it prints, errors included) are chosen once, by
/// [`language`]; the caller says a failure in [`words::of_run`]'s.
pub fn run(cli: Cli) -> Result<()> {
    let ui = Words::new(language(&cli));
    words::set_run(ui.lang());
    let ui = &ui;
    anstream::ColorChoice::write_global(match cli.global.color {
        ColorWhen::Auto => anstream::ColorChoice::Auto,
        ColorWhen::Always => anstream::ColorChoice::Always,
        ColorWhen::Never => anstream::ColorChoice::Never,
    });
    write::signal::install();
    if write::sink::stdout_closed() && prints_to_stdout(&cli) {
        return Err(write::sink::closed_stdout());
    }
    let global = &cli.global;
    let done = match cli.command {
        Command::Init(args) => commands::init::run(global, &args),
        Command::Sync(args) => commands::sync::run(global, ui, &args),
        Command::Check(args) => commands::check::run(global, ui, &args),
        Command::Meetings { ics } => commands::meetings::run(global, ui, ics.as_deref()),
        Command::Checklist(args) => commands::checklist::run(global, ui, &args),
        Command::Status(args) => commands::status::run(global, ui, &args),
        Command::Raci(args) => match (args.command, args.format) {
            (Some(RaciCommand::Import { file, write }), _) => {
                commands::raci::import(global, ui, file.as_deref(), &write)
            }
            (None, Some(format)) => {
                let output = args.output.as_deref();
                commands::raci::export(global, ui, format, output, args.raw_csv)
            }
            (None, None) => commands::raci::run(global, ui, &args.write),
        },
        Command::Roles { command } => match command {
            RolesCommand::List => commands::roles::list(global, ui),
            RolesCommand::Add { ids, holder, write } => {
                commands::roles::add(global, ui, &ids, holder.as_deref(), &write)
            }
            RolesCommand::Remove { ids, write } => {
                commands::roles::remove(global, ui, &ids, &write)
            }
        },
        Command::Templates { command } => match command {
            TemplatesCommand::List => commands::templates::list(global, ui),
            TemplatesCommand::Export { dir, write } => {
                commands::templates::export(global, ui, dir.as_deref(), &write)
            }
            TemplatesCommand::Context { page } => {
                commands::templates::context(global, ui, page.as_deref())
            }
        },
        Command::Completions { shell } => commands::meta::completions(shell),
        Command::Man => commands::meta::man(),
    };
    done?;
    // What is still buffered must reach its reader too, or the failure be said.
    std::io::Write::flush(&mut std::io::stdout()).or_else(diag::closed_pipe)?;
    Ok(())
}

/// The language of the run: inside a project, the `lang` of its `mlteam.toml` (read as far as
/// it can be, so that a manifest with a mistake is still said to in its language); else
/// `--lang`; else the locale. `init` takes `--lang` first, as the language of the project it
/// writes, then the manifest it would replace or reuse (`--from`); after its questions, the
/// language they chose.
pub fn language(cli: &Cli) -> Lang {
    let global = &cli.global;
    let root = commands::project_root(global);
    let project =
        |dir: &std::path::Path| input::manifest::peek_lang(&dir.join(input::manifest::FILE));
    let lang = match &cli.command {
        Command::Init(args) => global
            .lang
            .or_else(|| project(&root.join(&args.dir)))
            .or_else(|| args.from.as_deref().and_then(input::manifest::peek_lang)),
        _ => project(&root).or(global.lang),
    };
    lang.unwrap_or_else(words::guess_lang)
}

/// Whether the command prints to standard output (else a closed one loses nothing).
fn prints_to_stdout(cli: &Cli) -> bool {
    let global = &cli.global;
    let reports = |args: &cli::WriteArgs| !global.quiet || args.dry_run;
    let to_file = |output: Option<&str>| output.is_some_and(|o| o != "-");
    match &cli.command {
        Command::Init(args) => !global.quiet || args.dry_run,
        Command::Sync(args) => reports(args),
        Command::Checklist(args) => {
            let filtered = args.role.is_some() || args.phase.is_some() || args.person.is_some();
            if args.check || args.format.is_some() || args.output.is_some() || filtered {
                args.check || !to_file(args.output.as_deref())
            } else {
                reports(&args.write)
            }
        }
        Command::Raci(args) => match (&args.command, args.format) {
            (Some(RaciCommand::Import { write, .. }), _) => reports(write),
            (None, Some(_)) => !to_file(args.output.as_deref()),
            (None, None) => reports(&args.write),
        },
        Command::Meetings { ics } => !to_file(ics.as_deref()),
        Command::Roles {
            command: RolesCommand::Add { write, .. } | RolesCommand::Remove { write, .. },
        }
        | Command::Templates {
            command: TemplatesCommand::Export { write, .. },
        } => reports(write),
        Command::Status(args) => args.html.is_none() || args.format.is_some(),
        Command::Check(_)
        | Command::Roles { .. }
        | Command::Templates { .. }
        | Command::Completions { .. }
        | Command::Man => true,
    }
}

/// Today's date where the project lives; `MLTEAM_TODAY=YYYY-MM-DD` fixes it (tests, reproducible
/// runs).
pub fn today() -> jiff::civil::Date {
    std::env::var("MLTEAM_TODAY")
        .ok()
        .and_then(|d| d.parse().ok())
        .unwrap_or_else(|| jiff::ZonedDateTime::now().date())
}
