//! Ctrl-C, SIGTERM and SIGHUP (all three through ctrlc's `termination` feature): while we ask
//! questions or read, stop at once (exit 130, cursor shown again, the lock's files removed);
//! while the writer works, raise a flag it checks between files, so it can undo what it did.
//! SIGKILL cannot be caught: the journal (`journal.rs`) lets the next command undo that.

use std::io::Write as _;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

use super::lock::StateFiles;
use crate::words;

struct State {
    writing: bool,
    /// What the lock has put in the project, removed when a signal ends us before the lock's
    /// own clean-up can run.
    on_exit: Option<StateFiles>,
}

static STATE: Mutex<State> = Mutex::new(State {
    writing: false,
    on_exit: None,
});
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

fn state() -> MutexGuard<'static, State> {
    STATE.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Installs the handler, which says what it did in the run's words.
pub fn install() {
    // A second installation (tests that call `run` twice) is harmless to ignore.
    let _ = ctrlc::set_handler(|| {
        // Held until the process ends: the main thread cannot start writing meanwhile.
        let mut state = state();
        if state.writing {
            INTERRUPTED.store(true, Ordering::SeqCst);
            return;
        }
        if let Some(files) = state.on_exit.take() {
            files.remove();
        }
        let _ = console_show_cursor();
        // Not eprintln!: it panics when standard error is gone, and then nothing would exit.
        let ui = words::of_run();
        let (error, notice) = (ui.get("diag.error"), ui.get("diag.interrupted"));
        let _ = writeln!(std::io::stderr(), "\n{error}{notice}");
        std::process::exit(130);
    });
}

/// Runs `f`, which puts the lock's files on disk, with signals held off (they wait for it), and
/// records what it made to be removed should a signal end the process later.
pub fn made(f: impl FnOnce() -> Option<StateFiles>) -> Option<StateFiles> {
    let mut state = state();
    let files = f();
    state.on_exit.clone_from(&files);
    files
}

/// Runs `f`, which removes the lock's files, with signals held off; nothing is left to remove.
pub fn unmade(f: impl FnOnce()) {
    let mut state = state();
    f();
    state.on_exit = None;
}

/// Raw-mode prompts hide the cursor; a stop in the middle must give it back. Only to a
/// terminal: a redirected output must not end with an escape code.
pub fn console_show_cursor() -> std::io::Result<()> {
    let term = dialoguer::console::Term::stdout();
    if term.is_term() {
        term.show_cursor()?;
    }
    Ok(())
}

/// Marks the writer at work for as long as the guard lives: a signal then only raises a flag.
pub struct Writing;

impl Writing {
    pub fn begin() -> Writing {
        state().writing = true;
        Writing
    }

    pub fn interrupted(&self) -> bool {
        INTERRUPTED.load(Ordering::SeqCst)
    }
}

impl Drop for Writing {
    fn drop(&mut self) {
        state().writing = false;
    }
}
