use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = mlteam::cli::Cli::parse();
    match mlteam::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`| head`): there is nobody left to tell.
        Err(error) if mlteam::diag::is_closed_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            // The cause chain, in the run's language; never a backtrace, whatever
            // RUST_BACKTRACE says: these are the user's errors, not ours.
            let ui = mlteam::words::of_run();
            let said = mlteam::diag::say_error(&error, &ui);
            anstream::eprintln!("{}{said}", ui.get("diag.error"));
            ExitCode::from(mlteam::diag::exit_code(&error))
        }
    }
}
