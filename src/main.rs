use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = mlteam::cli::Cli::parse();
    match mlteam::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`| head`): there is nobody left to tell.
        Err(error) if mlteam::diag::is_closed_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            // `{:#}` is the cause chain on one line each; never a backtrace, whatever
            // RUST_BACKTRACE says: these are the user's errors, not ours.
            anstream::eprintln!("error: {error:#}");
            ExitCode::from(mlteam::diag::exit_code(&error))
        }
    }
}
