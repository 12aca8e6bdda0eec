//! mlteam: the paperwork of a machine-learning project team, generated from one manifest.
//!
//! The pipeline, one folder per stage, read top to bottom: [`input`] (flags, the prompt,
//! `mlteam.toml`) → [`model`] (the team and its RACI matrix) → [`view`] (the data templates see)
//! → [`render`] (pages in memory) → [`write`] (a plan of file changes, one careful writer).
//! [`pipeline`] is the walk every command takes; [`commands`] holds one thin file per subcommand.

pub mod assets;
pub mod cli;
pub mod commands;
pub mod diag;
pub mod input;
pub mod model;
pub mod pipeline;
pub mod render;
pub mod view;
pub mod words;
pub mod write;

use anyhow::Result;

use cli::{Cli, ColorWhen, Command, RaciCommand, RolesCommand, TemplatesCommand};

pub fn run(cli: Cli) -> Result<()> {
    anstream::ColorChoice::write_global(match cli.global.color {
        ColorWhen::Auto => anstream::ColorChoice::Auto,
        ColorWhen::Always => anstream::ColorChoice::Always,
        ColorWhen::Never => anstream::ColorChoice::Never,
    });
    write::signal::install();
    let global = &cli.global;
    match cli.command {
        Command::Init(args) => commands::init::run(global, &args),
        Command::Sync(args) => commands::sync::run(global, &args),
        Command::Check(args) => commands::check::run(global, &args),
        Command::Meetings { ics } => commands::meetings::run(global, ics.as_deref()),
        Command::Checklist(args) => commands::checklist::run(global, &args),
        Command::Raci(args) => match (args.command, args.format) {
            (Some(RaciCommand::Import { file, write }), _) => {
                commands::raci::import(global, file.as_deref(), &write)
            }
            (None, Some(format)) => {
                commands::raci::export(global, format, args.output.as_deref(), args.raw_csv)
            }
            (None, None) => commands::raci::run(global, &args.write),
        },
        Command::Roles { command } => match command {
            RolesCommand::List => commands::roles::list(global),
            RolesCommand::Add { ids, holder, write } => {
                commands::roles::add(global, &ids, holder.as_deref(), &write)
            }
            RolesCommand::Remove { ids, write } => commands::roles::remove(global, &ids, &write),
        },
        Command::Templates { command } => match command {
            TemplatesCommand::List => commands::templates::list(global),
            TemplatesCommand::Export { dir, write } => {
                commands::templates::export(global, dir.as_deref(), &write)
            }
            TemplatesCommand::Context { page } => {
                commands::templates::context(global, page.as_deref())
            }
        },
        Command::Completions { shell } => commands::meta::completions(shell),
        Command::Man => commands::meta::man(),
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
