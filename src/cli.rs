//! The command line, as clap derive types. Nothing here does any work.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::words::Lang;

#[derive(Debug, Parser)]
#[command(
    name = "mlteam",
    version,
    about = "Start and keep the paperwork of a machine-learning project team",
    long_about = "Start and keep the paperwork of a machine-learning project team: roles and who holds them, \
                  a RACI matrix that stays true, role cards, deliverable stubs, meeting cadence and a \
                  checklist, all generated from one manifest (mlteam.toml) without ever losing a line a \
                  person wrote.",
    after_help = "Start with `mlteam init my-project` (interactive) or `mlteam init my-project --yes`.\n\
                  Exit codes: 0 success, 1 a check found problems, 2 bad usage or input, 130 interrupted."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    #[command(flatten)]
    pub global: Global,
}

#[derive(Debug, Clone, Args)]
pub struct Global {
    /// Run as if mlteam was started in DIR
    #[arg(short = 'C', value_name = "DIR", global = true)]
    pub chdir: Option<PathBuf>,
    /// Language of the documents and of the prompts: en or zh
    #[arg(long, value_enum, global = true)]
    pub lang: Option<Lang>,
    /// Print only errors
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Also list the files that did not change
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// When to use colours (NO_COLOR is honoured under auto)
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto, global = true)]
    pub color: ColorWhen,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Ask about the team (or take the answers from flags) and write the documentation skeleton
    Init(InitArgs),
    /// Bring every generated part of the docs up to date with mlteam.toml; create new stubs
    Sync(WriteArgs),
    /// Regenerate the RACI matrix in place, export it (--format), or import a hand-edited one
    Raci(RaciArgs),
    /// Refresh the deliverable checklist from the stubs, or print, export (--format) or gate it (--check)
    Checklist(ChecklistArgs),
    /// Check the manifest, the RACI rules and the generated files; exit 1 listing every problem
    Check(CheckArgs),
    /// Where the project stands: progress per phase, what is late or due soon, each person's load
    Status(StatusArgs),
    /// The team's meeting cadence; --ics writes it as an RFC 5545 calendar (`-` for standard output)
    Meetings {
        #[arg(long, value_name = "FILE")]
        ics: Option<String>,
    },
    /// The catalog of roles; add roles to the team or remove them
    Roles {
        #[command(subcommand)]
        command: RolesCommand,
    },
    /// The built-in templates: list them, copy them out to customise, show the data they see
    Templates {
        #[command(subcommand)]
        command: TemplatesCommand,
    },
    /// Print shell completions
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff)
    Man,
}

#[derive(Debug, Clone, Args)]
pub struct InitArgs {
    /// Where to write the skeleton (created when missing)
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
    /// Project name [default: DIR's name]
    #[arg(long)]
    pub name: Option<String>,
    /// One-line description of the project
    #[arg(long)]
    pub description: Option<String>,
    /// Kind of project: product (in-house ML product), delivery (built for and handed over to a
    /// customer) or research (papers and prototypes) [default: product]
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// Roles on the team: ids separated by commas, or `all` (see `mlteam roles list`)
    #[arg(long, value_name = "IDS")]
    pub roles: Option<String>,
    /// A person and the roles they hold: "Name <email> @github=role,role" (repeatable; email and
    /// @github optional)
    #[arg(long = "member", value_name = "SPEC")]
    pub members: Vec<String>,
    /// Meetings to keep: ids separated by commas, or `none` [default: chosen from the roles]
    #[arg(long, value_name = "IDS")]
    pub meetings: Option<String>,
    /// Project start date, YYYY-MM-DD [default: today]
    #[arg(long, value_name = "DATE")]
    pub start: Option<String>,
    /// IANA timezone of the meetings, e.g. Europe/Berlin [default: the system's, or UTC]
    #[arg(long, value_name = "TZ")]
    pub timezone: Option<String>,
    /// Take the default for every question no flag answers; never prompt
    #[arg(short, long)]
    pub yes: bool,
    /// Take the team, people, meetings and settings of an existing mlteam.toml
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
    /// Print what would be written, with diffs, and write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Replace an existing mlteam.toml (other existing files are still never overwritten)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct RaciArgs {
    #[command(subcommand)]
    pub command: Option<RaciCommand>,
    #[command(flatten)]
    pub write: WriteArgs,
    /// Export the matrix in this format instead of regenerating it
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ExportFormat>,
    /// Where the export goes (`-` for standard output, the default)
    #[arg(short, long, value_name = "FILE", requires = "format")]
    pub output: Option<String>,
    /// With --format csv: write cells that begin with =, +, -, @, a tab or a carriage return as
    /// they are, without the leading ' that keeps a spreadsheet from running them as formulas
    #[arg(long, requires = "format")]
    pub raw_csv: bool,
}

#[derive(Debug, Subcommand)]
pub enum RaciCommand {
    /// Read a hand-edited matrix (docs/team/raci.md, or a CSV in the export format) back into
    /// [raci.overrides] of mlteam.toml, then sync
    Import {
        /// The edited matrix [default: docs/team/raci.md]
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        #[command(flatten)]
        write: WriteArgs,
    },
}

#[derive(Debug, Args)]
pub struct ChecklistArgs {
    /// Only the deliverables this role owns
    #[arg(long, value_name = "ID")]
    pub role: Option<String>,
    /// Only the deliverables of this phase (discovery, data, modeling, deployment, delivery, operations)
    #[arg(long, value_name = "ID")]
    pub phase: Option<String>,
    /// Only the deliverables whose owner role this person holds
    #[arg(long, value_name = "NAME")]
    pub person: Option<String>,
    /// Print or export in this format instead of refreshing the docs
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ChecklistFormat>,
    /// Where the export goes (`-` for standard output, the default)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<String>,
    /// With --format csv: write cells that begin with =, +, -, @, a tab or a carriage return as
    /// they are, without the leading ' that keeps a spreadsheet from running them as formulas
    #[arg(long, requires = "format")]
    pub raw_csv: bool,
    /// Write nothing; exit 1 while any listed deliverable is not done, listing what is open
    #[arg(long)]
    pub check: bool,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// One person's week: their open deliverables, meetings and load
    #[arg(long, value_name = "NAME")]
    pub person: Option<String>,
    /// Print as text (the default) or as JSON (schema in the README)
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<StatusFormat>,
    /// Also write a self-contained HTML page with charts to FILE
    #[arg(long, value_name = "FILE")]
    pub html: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Treat advice about the team's shape (gaps, overload, idle or single-holder roles) as
    /// problems too
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ChecklistFormat {
    Md,
    Json,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Md,
    Csv,
    Json,
    Html,
}

/// What every command that writes takes.
#[derive(Debug, Clone, Args)]
pub struct WriteArgs {
    /// Print what would change, with diffs, and write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Overwrite generated parts that were edited by hand
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Subcommand)]
pub enum RolesCommand {
    /// The catalog of roles: id, name, group, summary
    List,
    /// Put roles on the team (editing mlteam.toml in place), then sync
    Add {
        /// Role ids, separated by spaces or commas
        #[arg(value_name = "ID", required = true)]
        ids: Vec<String>,
        /// The person who holds them (added as a [[member]] when new)
        #[arg(long, value_name = "NAME")]
        holder: Option<String>,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Take roles off the team (their stubs are kept and reported as orphaned), then sync
    Remove {
        /// Role ids, separated by spaces or commas
        #[arg(value_name = "ID", required = true)]
        ids: Vec<String>,
        #[command(flatten)]
        write: WriteArgs,
    },
}

#[derive(Debug, Subcommand)]
pub enum TemplatesCommand {
    /// The templates, and whether the project overrides each
    List,
    /// Copy the built-in templates (shared ones under pages/, and those of --lang or of every
    /// language) into DIR (default: .mlteam/templates) to customise
    Export {
        #[arg(value_name = "DIR")]
        dir: Option<PathBuf>,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Print the JSON data a template receives (for one output file, given by its path)
    Context {
        /// An output path such as docs/team/roles/ml-engineer.md; without it, the team's data
        #[arg(value_name = "PAGE")]
        page: Option<String>,
    },
}
