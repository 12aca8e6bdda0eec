//! Where an export goes: standard output, or the file named by `-o FILE` (`--ics FILE`),
//! anywhere the user likes. A regular file is replaced through a temporary file and a rename; a
//! device or FIFO is written into as a shell redirection would (never replaced by a file, even
//! as root); a link is followed to what it names; a folder is refused; and a FIFO nobody reads
//! fails after a while instead of blocking forever.

use std::io::{ErrorKind, Write as _};
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Result;

use crate::diag::{Diagnostic, Invalid, Said, closed_pipe, shown};
use crate::msg;
use crate::words::Msg;

/// How long a FIFO may go unread (nobody opened it, or its reader stopped reading) before the
/// export gives up.
pub const FIFO_WAIT: Duration = Duration::from_secs(10);

/// Everything to standard output, flushed; a reader that went away (`| head`) is no failure.
pub fn to_stdout(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .or_else(closed_pipe)?;
    Ok(())
}

/// Whether standard output is gone (`>&-`) or not open for writing. Rust's runtime gives a
/// process started without one `/dev/null` instead (opened for reading and writing, where a
/// shell's `> /dev/null` opens it for writing only), so what we print would vanish without a
/// word; that is how a closed one is told apart.
pub fn stdout_closed() -> bool {
    #[cfg(unix)]
    {
        use rustix::fs::{FileType, OFlags};
        let out = std::io::stdout();
        let Ok(flags) = rustix::fs::fcntl_getfl(&out) else {
            return true;
        };
        let mode = flags & OFlags::RWMODE;
        if mode == OFlags::RDONLY {
            return true;
        }
        mode == OFlags::RDWR
            && match (rustix::fs::fstat(&out), rustix::fs::stat("/dev/null")) {
                (Ok(out), Ok(null)) => {
                    FileType::from_raw_mode(out.st_mode) == FileType::CharacterDevice
                        && out.st_rdev == null.st_rdev
                }
                _ => false,
            }
    }
    #[cfg(not(unix))]
    {
        false
    }
}

/// The error for a closed standard output, said before anything is done.
pub fn closed_stdout() -> anyhow::Error {
    crate::diag::failed_with_help(msg!("sink.stdout_closed"), msg!("sink.stdout_closed_help"))
}

/// Writes an export to `path` (relative paths as given), `flag` naming the option in messages.
pub fn to_path(flag: &str, path: &Path, text: &str) -> Result<()> {
    let name = shown(path);
    if path.as_os_str().is_empty() {
        return Err(refuse(
            flag,
            "",
            msg!("sink.empty_name"),
            msg!("sink.empty_name_help"),
        ));
    }
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == ErrorKind::NotFound => return create(flag, path, text),
        Err(e) if is_loop(&e) => {
            return Err(refuse(
                flag,
                &name,
                msg!("sink.loop"),
                msg!("sink.loop_help"),
            ));
        }
        Err(e) => {
            return Err(e).said(|| msg!("sink.cannot_write_there", flag = flag, path = &name));
        }
    };
    let file_type = meta.file_type();
    if file_type.is_file() {
        // Through links to the file itself, so a link stays a link.
        let real = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        return replace(flag, &name, &real, text);
    }
    if file_type.is_dir() {
        return Err(refuse(
            flag,
            &name,
            msg!("sink.folder"),
            msg!(
                "sink.folder_help",
                example = shown(&path.join("export.txt"))
            ),
        ));
    }
    into_special(flag, &name, path, file_type, text)
}

fn refuse(flag: &str, name: &str, message: Msg, help: Msg) -> anyhow::Error {
    let at = if name.is_empty() {
        flag.to_string()
    } else {
        format!("{flag} {name}")
    };
    Invalid(vec![Diagnostic::new(at, message).help(help)]).into()
}

/// "{flag} {name}: cannot write it"
fn cannot_write(flag: &str, name: &str) -> Msg {
    msg!("sink.cannot_write", flag = flag, path = name)
}

/// "{flag} {name}: cannot open it for writing"
fn cannot_open(flag: &str, name: &str) -> Msg {
    msg!("sink.cannot_open", flag = flag, path = name)
}

#[cfg(unix)]
fn is_loop(e: &std::io::Error) -> bool {
    rustix::io::Errno::from_io_error(e) == Some(rustix::io::Errno::LOOP)
}

#[cfg(not(unix))]
fn is_loop(_: &std::io::Error) -> bool {
    false
}

/// A file that is not there yet: made where the path (or the link it is) points.
fn create(flag: &str, path: &Path, text: &str) -> Result<()> {
    let target = dangling_target(path).unwrap_or_else(|| path.to_path_buf());
    let target = if target.parent().is_some_and(|p| p.as_os_str().is_empty()) {
        Path::new(".").join(&target)
    } else {
        target
    };
    let name = shown(&target);
    if let Some(parent) = target.parent().filter(|p| !p.is_dir()) {
        return Err(refuse(
            flag,
            &name,
            msg!("sink.no_folder"),
            msg!("sink.no_folder_help", parent = shown(parent)),
        ));
    }
    super::apply::atomic_write(&target, text, false).said(|| cannot_write(flag, &name))
}

/// Where a link to nothing points (a shell's `>` creates that file).
fn dangling_target(path: &Path) -> Option<PathBuf> {
    let mut at = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => {}
            _ => return Some(at),
        }
        let link = std::fs::read_link(&at).ok()?;
        at = match at.parent() {
            Some(parent) if link.is_relative() => parent.join(link),
            _ => link,
        };
    }
    None
}

/// A regular file, replaced whole through a temporary file beside it; in a folder where no
/// temporary file can be made (but the file itself may be written), written in place.
fn replace(flag: &str, name: &str, real: &Path, text: &str) -> Result<()> {
    match super::apply::atomic_write(real, text, false) {
        Ok(()) => Ok(()),
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == ErrorKind::PermissionDenied) =>
        {
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .truncate(true)
                .open(real)
                .said(|| cannot_write(flag, name))?;
            file.write_all(text.as_bytes())
                .and_then(|()| file.flush())
                .said(|| cannot_write(flag, name))
        }
        Err(e) => Err(e).said(|| cannot_write(flag, name)),
    }
}

/// A device or FIFO, written into; a socket refused.
#[cfg(unix)]
fn into_special(
    flag: &str,
    name: &str,
    path: &Path,
    file_type: std::fs::FileType,
    text: &str,
) -> Result<()> {
    use std::os::unix::fs::FileTypeExt;
    if file_type.is_socket() {
        return Err(refuse(
            flag,
            name,
            msg!("sink.socket"),
            msg!("sink.socket_help"),
        ));
    }
    if !file_type.is_fifo() {
        let mut device = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .said(|| cannot_open(flag, name))?;
        return device
            .write_all(text.as_bytes())
            .and_then(|()| device.flush())
            .said(|| cannot_write(flag, name));
    }
    into_fifo(flag, name, path, text)
}

#[cfg(not(unix))]
fn into_special(
    flag: &str,
    name: &str,
    path: &Path,
    _: std::fs::FileType,
    text: &str,
) -> Result<()> {
    let mut device = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .said(|| cannot_open(flag, name))?;
    device
        .write_all(text.as_bytes())
        .said(|| cannot_write(flag, name))
}

/// A FIFO: opened without waiting (there must be a reader, or one within `FIFO_WAIT`), then
/// written as fast as the reader reads, giving up when it stops reading for `FIFO_WAIT`.
#[cfg(unix)]
fn into_fifo(flag: &str, name: &str, path: &Path, text: &str) -> Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    use std::time::Instant;

    use rustix::io::Errno;

    let nobody = |message: Msg| refuse(flag, name, message, msg!("sink.fifo_help", path = name));
    let seconds = FIFO_WAIT.as_secs();
    let started = Instant::now();
    let mut fifo = loop {
        let opened = std::fs::OpenOptions::new()
            .write(true)
            .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
            .open(path);
        match opened {
            Ok(fifo) => break fifo,
            Err(e) if Errno::from_io_error(&e) == Some(Errno::NXIO) => {
                if started.elapsed() >= FIFO_WAIT {
                    return Err(nobody(msg!("sink.fifo_unread", seconds = seconds)));
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(e) => return Err(e).said(|| cannot_open(flag, name)),
        }
    };
    let mut rest = text.as_bytes();
    let mut progress = Instant::now();
    while !rest.is_empty() {
        match fifo.write(rest) {
            Ok(n) => {
                rest = &rest[n..];
                progress = Instant::now();
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock => {
                if progress.elapsed() >= FIFO_WAIT {
                    return Err(nobody(msg!("sink.fifo_stalled", seconds = seconds)));
                }
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            // The reader went away, as `| head` does: what it wanted, it had.
            Err(e) if e.kind() == ErrorKind::BrokenPipe => return Ok(()),
            Err(e) => return Err(e).said(|| cannot_write(flag, name)),
        }
    }
    Ok(())
}
