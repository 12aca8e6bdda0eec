//! A file the user names as input (`init --from FILE`, `raci import FILE`): read from anywhere,
//! a pipe or `/dev/stdin` included, within a size limit. A folder is refused, and a FIFO nobody
//! writes into fails after a while instead of blocking forever.

use std::path::Path;

use anyhow::{Context, Result};

use crate::diag::{Diagnostic, Invalid, shown};
use crate::write::read;
use crate::write::sink::FIFO_WAIT;

/// The text of the input `path`, given with `flag`; `limit` bytes at most, of `what` (for the
/// message when there is more).
pub fn read(flag: &str, path: &Path, limit: u64, what: &'static str) -> Result<String> {
    let name = shown(path);
    let refuse = |message: String, help: String| -> anyhow::Error {
        Invalid(vec![Diagnostic::new(&name, message).help(help)]).into()
    };
    if path.as_os_str().is_empty() {
        return Err(Invalid(vec![
            Diagnostic::new(flag, "an empty file name").help("give the file to read"),
        ])
        .into());
    }
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(refuse(
                "not found".into(),
                format!(
                    "check the path given to {flag} (a relative one starts from the current folder)"
                ),
            ));
        }
        Err(e) => return Err(e).with_context(|| format!("cannot read {name}")),
    };
    let kind = read::not_a_file(meta.file_type());
    let file = match kind {
        Some("a folder") => {
            return Err(refuse(
                "is a folder".into(),
                format!("give the file itself to {flag}"),
            ));
        }
        Some("a socket") => {
            return Err(refuse(
                "is a socket".into(),
                "give a file, a pipe or /dev/stdin".into(),
            ));
        }
        Some(kind) if kind.starts_with("a FIFO") => open_fifo(path, &name)?,
        _ => std::fs::File::open(path).with_context(|| format!("cannot read {name}"))?,
    };
    read::capped(file, limit, &name, what)
}

/// Opening a FIFO waits for a writer: done aside, so that nobody writing is an error in time.
fn open_fifo(path: &Path, name: &str) -> Result<std::fs::File> {
    let (sent, opened) = std::sync::mpsc::channel();
    let path = path.to_path_buf();
    // Left blocked when nobody comes; it ends with the process.
    std::thread::spawn(move || sent.send(std::fs::File::open(path)));
    match opened.recv_timeout(FIFO_WAIT) {
        Ok(file) => file.with_context(|| format!("cannot read {name}")),
        Err(_) => Err(Invalid(vec![
            Diagnostic::new(
                name,
                format!(
                    "is a FIFO that nobody writes into (waited {} s)",
                    FIFO_WAIT.as_secs()
                ),
            )
            .help("start the program that writes into it first, or give a file"),
        ])
        .into()),
    }
}
