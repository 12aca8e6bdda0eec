//! One writer per project (SPEC §5). Every command that writes takes an advisory lock on the
//! project folder, from its first read to its last write; the kernel releases it when the process
//! ends, however it ends, so a lock is never left behind by a killed command. Who holds it is
//! written in `.mlteam/lock`, so a second command can say whom it waited for. That file (and the
//! journal, and the `.gitignore` that keeps both out of git) exist only while a command works: an
//! unchanged `sync` leaves every file of the project as it was.

use std::fs::File;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Result;
use serde::{Deserialize, Serialize};

use super::signal;
pub use crate::diag::Busy;
use crate::diag::Said;
use crate::msg;
use crate::words::Msg;

/// Where mlteam keeps its own files in a project (beside the user's `templates/`).
pub const STATE_DIR: &str = ".mlteam";
/// Who holds the lock, while a command works.
pub const HOLDER: &str = ".mlteam/lock";
/// How long a second command waits for the first to finish.
pub const WAIT: Duration = Duration::from_secs(5);

/// What mlteam writes in `.mlteam/.gitignore` when there is none; it ignores itself too, since
/// it goes when the command ends.
pub const GITIGNORE_TEXT: &str = "\
# mlteam's working files, there only while an mlteam command writes (or after one was killed,
# until the next command cleans up). This file goes with them.
/.gitignore
/lock
/journal
/.mlteam-*.tmp
";

/// A command at work in a project: who, and since when.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Holder {
    pub pid: u32,
    pub command: String,
    /// RFC 3339, UTC.
    pub since: String,
}

impl Holder {
    pub fn this_process() -> Holder {
        let mut command: Vec<String> = std::env::args().collect();
        if let Some(first) = command.first_mut() {
            "mlteam".clone_into(first);
        }
        Holder {
            pid: std::process::id(),
            command: shortened(command.join(" ")),
            since: jiff::Timestamp::now()
                .round(jiff::Unit::Second)
                .map_or_else(|_| jiff::Timestamp::now().to_string(), |t| t.to_string()),
        }
    }

    /// `` `mlteam sync` (pid 4242, since 2026-11-27 14:02:11 UTC) ``
    pub fn describe(&self) -> Msg {
        let since = self
            .since
            .parse::<jiff::Timestamp>()
            .map(|t| {
                t.to_zoned_datetime(jiff::tz::TimeZone::system())
                    .strftime("%Y-%m-%d %H:%M:%S %Z")
                    .to_string()
            })
            .unwrap_or_else(|_| self.since.clone());
        msg!(
            "lock.holder",
            command = &self.command,
            pid = self.pid,
            since = since
        )
    }

    fn text(&self) -> String {
        format!(
            "# mlteam: the command writing to this project now; removed when it ends.\n{}",
            toml::to_string(self).unwrap_or_default()
        )
    }

    fn read(path: &Path) -> Option<Holder> {
        let text = std::fs::read_to_string(path).ok()?;
        toml::from_str(&text).ok()
    }
}

/// The files the lock puts in the project, to remove when it is released.
#[derive(Debug, Clone)]
pub struct StateFiles {
    dir: PathBuf,
    /// Whether mlteam made the folder (and so takes it away again when it is empty).
    made_dir: bool,
}

impl StateFiles {
    /// Removes the holder file, our `.gitignore` (a user's own is never touched) unless a journal
    /// is left for it to hide, and the folder when we made it and it is empty. Best effort: this
    /// runs on the way out.
    pub fn remove(&self) {
        let _ = std::fs::remove_file(self.dir.join("lock"));
        let gitignore = self.dir.join(".gitignore");
        let ours = std::fs::read_to_string(&gitignore).is_ok_and(|t| t == GITIGNORE_TEXT);
        // A journal still there (its clean-up failed) keeps the file that hides it.
        if ours && !self.dir.join("journal").exists() {
            let _ = std::fs::remove_file(&gitignore);
        }
        if self.made_dir {
            let _ = std::fs::remove_dir(&self.dir);
        }
    }
}

/// The lock on one project, held until dropped.
#[derive(Debug)]
pub struct ProjectLock {
    files: StateFiles,
    /// What a command that died holding the lock left in `.mlteam/lock`.
    pub stale: Option<Holder>,
    /// Holds the advisory lock; closed (and so released) after the files are removed.
    _lock: File,
}

impl ProjectLock {
    /// Takes the lock on the project folder `root` (its real path; `name` as messages show it),
    /// waiting up to `wait` for another command to finish; `state` is where `.mlteam` really is.
    pub fn acquire(root: &Path, name: &str, state: &Path, wait: Duration) -> Result<ProjectLock> {
        let lock = lock_target(root, state)?;
        let started = Instant::now();
        loop {
            // fs4 (flock, LockFileEx) rather than std's `File::try_lock`, which is newer than
            // the oldest Rust this crate builds with.
            match fs4::FileExt::try_lock(&lock) {
                Ok(()) => break,
                // (`<` or `<=` is the same to a clock that never stands still.)
                Err(fs4::TryLockError::WouldBlock) if started.elapsed() < wait => {
                    std::thread::sleep(Duration::from_millis(25));
                }
                Err(fs4::TryLockError::WouldBlock) => {
                    let holder = Holder::read(&state.join("lock"));
                    return Err(Busy {
                        project: name.to_string(),
                        who: holder.as_ref().map(Holder::describe),
                        pid: holder.map(|h| h.pid),
                        waited: wait.as_secs(),
                    }
                    .into());
                }
                Err(fs4::TryLockError::Error(e)) => {
                    return Err(e).said(|| msg!("lock.cannot_lock", path = name));
                }
            }
        }
        // Ours now: a holder file still there was left by a command that died holding the lock.
        let stale = Holder::read(&state.join("lock"));
        let files = signal::made(|| {
            let made_dir = match std::fs::create_dir(state) {
                Ok(()) => true,
                // Told apart from the arm below for clarity only: any other error leaves a
                // folder that cannot be written to, and the writes below fail as quietly.
                Err(e) if e.kind() == ErrorKind::AlreadyExists => false,
                // A read-only project can still be read and found up to date: the holder file is
                // a courtesy to other commands, not a condition.
                Err(_) => return None,
            };
            let files = StateFiles {
                dir: state.to_path_buf(),
                // A command that died holding the lock may have made it: empty, it goes too.
                made_dir: made_dir || stale.is_some(),
            };
            let gitignore = state.join(".gitignore");
            if std::fs::symlink_metadata(&gitignore).is_err() {
                let _ = std::fs::write(&gitignore, GITIGNORE_TEXT);
            }
            let _ = write_new(&state.join("lock"), &Holder::this_process().text());
            Some(files)
        });
        Ok(ProjectLock {
            files: files.unwrap_or(StateFiles {
                dir: state.to_path_buf(),
                made_dir: false,
            }),
            stale,
            _lock: lock,
        })
    }
}

impl Drop for ProjectLock {
    fn drop(&mut self) {
        signal::unmade(|| self.files.remove());
    }
}

/// Replaces whatever is at `path` (a stale holder file, even a link) with a new file. (A removal
/// that fails for another reason would also make `create_new` fail: the guard below only keeps
/// the first error, which is the one worth saying.)
fn write_new(path: &Path, text: &str) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    std::io::Write::write_all(&mut options.open(path)?, text.as_bytes())
}

/// What the lock is taken on: the project folder itself, which is never replaced or removed
/// while a command works, so every command locks the same thing.
#[cfg(unix)]
fn lock_target(root: &Path, _state: &Path) -> Result<File> {
    File::open(root).said(|| msg!("lock.cannot_open", path = crate::diag::shown(root)))
}

/// Elsewhere a folder cannot be locked: a file `.mlteam/lock-file` is, and stays.
#[cfg(not(unix))]
fn lock_target(_root: &Path, state: &Path) -> Result<File> {
    std::fs::create_dir_all(state)?;
    let path = state.join("lock-file");
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .said(|| msg!("lock.cannot_open", path = crate::diag::shown(&path)))
}

/// A command line cut to 200 bytes (on a character's boundary) and an ellipsis: the holder file
/// says what runs, not every argument of it.
fn shortened(mut command: String) -> String {
    if command.len() > 200 {
        let mut end = 200;
        while !command.is_char_boundary(end) {
            end -= 1;
        }
        command.truncate(end);
        command.push('…');
    }
    command
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_command_line_is_cut_on_a_character() {
        assert_eq!(shortened("a".repeat(200)), "a".repeat(200));
        assert_eq!(shortened("a".repeat(201)), format!("{}…", "a".repeat(200)));
        // 199 bytes, then a three-byte character across the cut: it goes whole.
        let text = format!("{}文{}", "a".repeat(199), "b".repeat(10));
        assert_eq!(shortened(text), format!("{}…", "a".repeat(199)));
    }

    /// Our `.gitignore` hides a journal a failed clean-up left: it stays while the journal does.
    #[test]
    fn a_journal_left_keeps_the_gitignore_that_hides_it() {
        let dir = tempfile::tempdir().unwrap();
        let state = dir.path().join(STATE_DIR);
        let lock = ProjectLock::acquire(dir.path(), "demo", &state, WAIT).unwrap();
        fs_err::write(state.join("journal"), "{}").unwrap();
        drop(lock);
        let mut left: Vec<_> = fs_err::read_dir(&state)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        left.sort();
        assert_eq!(left, [".gitignore", "journal"]);
    }

    #[test]
    fn a_second_lock_waits_then_names_the_holder() {
        let dir = tempfile::tempdir().unwrap();
        let state = dir.path().join(STATE_DIR);
        let first = ProjectLock::acquire(dir.path(), "demo", &state, WAIT).unwrap();
        assert!(first.stale.is_none());
        assert_eq!(
            fs_err::read_to_string(state.join(".gitignore")).unwrap(),
            GITIGNORE_TEXT
        );
        let started = Instant::now();
        let error = ProjectLock::acquire(dir.path(), "demo", &state, Duration::from_millis(200))
            .unwrap_err()
            .to_string();
        assert!(started.elapsed() >= Duration::from_millis(200));
        let pid = std::process::id();
        assert!(error.contains(&format!("(pid {pid}, since ")), "{error}");
        assert!(error.contains(&format!("`kill {pid}`")), "{error}");
        drop(first);
        assert!(!state.exists(), "the lock leaves nothing behind");
        let again = ProjectLock::acquire(dir.path(), "demo", &state, WAIT).unwrap();
        drop(again);
    }

    #[test]
    fn a_holder_file_left_behind_is_stale() {
        let dir = tempfile::tempdir().unwrap();
        let state = dir.path().join(STATE_DIR);
        fs_err::create_dir(&state).unwrap();
        fs_err::create_dir(state.join("templates")).unwrap();
        let dead = Holder {
            pid: 999_999,
            command: "mlteam sync".into(),
            since: "2026-11-27T10:00:00Z".into(),
        };
        fs_err::write(state.join("lock"), dead.text()).unwrap();
        let lock = ProjectLock::acquire(dir.path(), "demo", &state, WAIT).unwrap();
        assert_eq!(lock.stale, Some(dead));
        let holder = Holder::read(&state.join("lock")).expect("the holder file is ours now");
        assert_eq!(holder.pid, std::process::id());
        drop(lock);
        let left: Vec<_> = fs_err::read_dir(&state)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(left, ["templates"], "the user's folder stays, ours go");
    }
}
