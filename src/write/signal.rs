//! Ctrl-C: while we only ask questions or read, stop at once (exit 130, cursor shown again);
//! while the writer works, raise a flag it checks between files, so it can undo what it did.

use std::sync::atomic::{AtomicBool, Ordering};

static WRITING: AtomicBool = AtomicBool::new(false);
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

pub fn install() {
    // A second installation (tests that call `run` twice) is harmless to ignore.
    let _ = ctrlc::set_handler(|| {
        if WRITING.load(Ordering::SeqCst) {
            INTERRUPTED.store(true, Ordering::SeqCst);
        } else {
            let _ = console_show_cursor();
            eprintln!("\ninterrupted; nothing was written");
            std::process::exit(130);
        }
    });
}

/// Raw-mode prompts hide the cursor; a stop in the middle must give it back.
pub fn console_show_cursor() -> std::io::Result<()> {
    dialoguer::console::Term::stdout().show_cursor()
}

/// Marks the writer at work for as long as the guard lives.
pub struct Writing;

impl Writing {
    pub fn begin() -> Writing {
        WRITING.store(true, Ordering::SeqCst);
        Writing
    }

    pub fn interrupted(&self) -> bool {
        INTERRUPTED.load(Ordering::SeqCst)
    }
}

impl Drop for Writing {
    fn drop(&mut self) {
        WRITING.store(false, Ordering::SeqCst);
    }
}
