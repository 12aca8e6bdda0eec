//! `mlteam completions SHELL` and `mlteam man`: artefacts for packagers and shells. Each is made
//! in memory first: clap's writers panic when the output fails (a closed pipe, a full disk).

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::Cli;
use crate::write::sink;

pub fn completions(shell: clap_complete::Shell) -> Result<()> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "mlteam", &mut script);
    sink::to_stdout(&String::from_utf8_lossy(&script))
}

pub fn man() -> Result<()> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    sink::to_stdout(&String::from_utf8_lossy(&page))
}
