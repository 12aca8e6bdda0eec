//! A file the user names as input (`init --from FILE`, `raci import FILE`): read from anywhere,
//! a pipe or `/dev/stdin` included, within a size limit. A folder is refused, and a FIFO nobody
//! writes into fails after a while instead of blocking forever.

use std::path::Path;

use anyhow::Result;

use crate::diag::{Diagnostic, Invalid, Said, shown};
use crate::msg;
use crate::words::Msg;
use crate::write::read::{self, FileKind, What};
use crate::write::sink::FIFO_WAIT;

/// Where a relative path the user gave starts, for the message when there is no such file.
#[derive(Debug, Clone, Copy)]
pub enum Base<'a> {
    /// The current folder (`init --from FILE`).
    CurrentFolder,
    /// The project folder, `-C DIR` (`raci import FILE`).
    Project(&'a Path),
}

/// The text of the input `path`, given with `flag` (relative to `base`); `limit` bytes at most,
/// of `what` (for the message when there is more).
pub fn read(flag: &str, path: &Path, base: Base, limit: u64, what: What) -> Result<String> {
    let name = shown(path);
    let refuse = |message: Msg, help: Msg| -> anyhow::Error {
        Invalid(vec![Diagnostic::new(&name, message).help(help)]).into()
    };
    if path.as_os_str().is_empty() {
        return Err(Invalid(vec![
            Diagnostic::new(flag, msg!("file.empty_name")).help(msg!("file.empty_name_help")),
        ])
        .into());
    }
    let cannot_read = || msg!("file.cannot_read", path = &name);
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let help = match base {
                Base::CurrentFolder => msg!("file.not_found_help", flag = flag),
                Base::Project(dir) => {
                    msg!(
                        "file.not_found_in_project_help",
                        flag = flag,
                        dir = shown(dir)
                    )
                }
            };
            return Err(refuse(msg!("file.not_found"), help));
        }
        Err(e) => return Err(e).said(cannot_read),
    };
    let file = match read::not_a_file(meta.file_type()) {
        Some(FileKind::Folder) => {
            return Err(refuse(
                msg!("file.is_folder"),
                msg!("file.is_folder_help", flag = flag),
            ));
        }
        Some(FileKind::Socket) => {
            return Err(refuse(msg!("file.is_socket"), msg!("file.is_socket_help")));
        }
        Some(FileKind::Fifo) => open_fifo(path, &name)?,
        _ => std::fs::File::open(path).said(cannot_read)?,
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
        Ok(file) => file.said(|| msg!("file.cannot_read", path = name)),
        Err(_) => Err(Invalid(vec![
            Diagnostic::new(
                name,
                msg!("file.fifo_unwritten", seconds = FIFO_WAIT.as_secs()),
            )
            .help(msg!("file.fifo_unwritten_help")),
        ])
        .into()),
    }
}
