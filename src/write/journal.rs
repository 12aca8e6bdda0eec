//! The journal of a write in progress (`.mlteam/journal`): before the first file changes, what
//! each file held (text and modification time) and a digest of what it will hold. Undoing reads
//! it, whether the command itself failed or was stopped (Ctrl-C, SIGTERM, SIGHUP), or was killed
//! and the next command finds it: a file is put back only while it still holds exactly what the
//! command wrote, so an edit a person made meanwhile is never undone, and is reported instead.

use std::io::ErrorKind;
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use anyhow::Result;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::lock::{Holder, STATE_DIR};
use super::root::Root;
use crate::diag::Said;
use crate::msg;
use crate::words::Msg;

/// Where the journal is, relative to the project.
pub const FILE: &str = ".mlteam/journal";

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Journal {
    /// The format of this file; a journal of another format is not guessed at.
    pub mlteam_journal: u32,
    pub holder: Holder,
    /// In the order they are written.
    pub files: Vec<Entry>,
    /// Folders the write makes, parents first (relative to the project).
    pub folders: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    /// Relative to the project, with `/`.
    pub path: String,
    /// The text before (none: the file is new).
    pub old: Option<String>,
    /// Its modification time before, as seconds and nanoseconds since 1970.
    pub old_mtime: Option<(u64, u32)>,
    /// SHA-256 of the text written.
    pub new_sha256: String,
}

/// What undoing did.
#[derive(Debug, Default)]
pub struct Undone {
    /// Files put back as they were (or removed, when the command made them).
    pub restored: usize,
    /// Files that no longer hold what the command wrote: left as they are.
    pub kept: Vec<String>,
    pub temporary: usize,
}

impl Journal {
    pub fn new(files: Vec<Entry>, folders: Vec<String>) -> Journal {
        Journal {
            mlteam_journal: 1,
            holder: Holder::this_process(),
            files,
            folders,
        }
    }
}

pub fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub fn mtime(time: SystemTime) -> Option<(u64, u32)> {
    time.duration_since(UNIX_EPOCH)
        .ok()
        .map(|d| (d.as_secs(), d.subsec_nanos()))
}

/// Puts back every file of `entries` (last first) that still holds what was written, removes the
/// folders the write made that are empty again, and any temporary file a killed write left.
pub fn undo(root: &Root, entries: &[Entry], folders: &[String]) -> Undone {
    let mut done = Undone::default();
    for entry in entries.iter().rev() {
        match undo_one(root, entry) {
            Ok(true) => done.restored += 1,
            Ok(false) => {}
            Err(()) => done.kept.push(entry.path.clone()),
        }
    }
    let mut places: Vec<&str> = entries
        .iter()
        .map(|e| e.path.rsplit_once('/').map_or("", |(dir, _)| dir))
        .chain([STATE_DIR])
        .collect();
    places.sort_unstable();
    places.dedup();
    for place in places {
        let inside = if place.is_empty() {
            "_".to_string()
        } else {
            format!("{place}/_")
        };
        let Ok(dir) = root.confined(&inside) else {
            continue;
        };
        let Some(dir) = dir.parent() else { continue };
        let Ok(listing) = std::fs::read_dir(dir) else {
            continue;
        };
        for item in listing.filter_map(Result::ok) {
            let name = item.file_name().to_string_lossy().into_owned();
            if name.starts_with(".mlteam-")
                && name.ends_with(".tmp")
                && item.file_type().is_ok_and(|t| t.is_file())
                && std::fs::remove_file(item.path()).is_ok()
            {
                done.temporary += 1;
            }
        }
    }
    for folder in folders.iter().rev() {
        if let Ok(path) = root.confined(folder) {
            // Only when empty: anything in it now is someone's.
            let _ = std::fs::remove_dir(path);
        }
    }
    done
}

/// `Ok(true)`: put back; `Ok(false)`: nothing to do (never written); `Err`: changed since.
fn undo_one(root: &Root, entry: &Entry) -> Result<bool, ()> {
    let path = root.confined(&entry.path).map_err(|_| ())?;
    let now = match std::fs::read(&path) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == ErrorKind::NotFound => None,
        Err(_) => return Err(()),
    };
    let written = now
        .as_deref()
        .is_some_and(|b| sha256(b) == entry.new_sha256);
    if !written {
        return if now.as_deref() == entry.old.as_deref().map(str::as_bytes) {
            Ok(false)
        } else {
            Err(())
        };
    }
    match &entry.old {
        None => std::fs::remove_file(&path).map_err(|_| ())?,
        Some(old) => {
            super::apply::atomic_write(&path, old, false).map_err(|_| ())?;
            if let Some((secs, nanos)) = entry.old_mtime {
                let time = UNIX_EPOCH + Duration::new(secs, nanos);
                let _ = std::fs::File::options()
                    .write(true)
                    .open(&path)
                    .and_then(|f| f.set_modified(time));
            }
        }
    }
    Ok(true)
}

/// Writes the journal (through a temporary file and a rename, so it is whole or absent).
pub fn write(root: &Root, journal: &Journal) -> Result<()> {
    let path = root.confined(FILE)?;
    let text = serde_json::to_string(journal)?;
    super::apply::atomic_write(&path, &text, false)
        .said(|| msg!("journal.cannot_write", file = FILE))
}

pub fn remove(root: &Root) -> Result<()> {
    let path = root.confined(FILE)?;
    match std::fs::remove_file(&path) {
        Err(e) if e.kind() != ErrorKind::NotFound => {
            Err(e).said(|| msg!("journal.cannot_remove", file = FILE))
        }
        _ => Ok(()),
    }
}

/// A journal left by a killed command: undone and removed, and said in one line on standard
/// error. `stale` is what the dead command left in the lock's holder file.
pub fn recover(root: &Root, state: &Path, stale: Option<&Holder>) -> Result<()> {
    let path = state.join("journal");
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == ErrorKind::NotFound => {
            if let Some(holder) = stale {
                say(&msg!("journal.taken_over", holder = holder.describe()));
            }
            return Ok(());
        }
        Err(e) => {
            return Err(e).said(|| msg!("file.cannot_read", path = crate::diag::shown(&path)));
        }
    };
    let journal: Journal = match serde_json::from_str::<Journal>(&text) {
        Ok(journal) if journal.mlteam_journal == 1 => journal,
        _ => {
            return Err(crate::diag::Invalid(vec![
                crate::diag::Diagnostic::new(crate::diag::shown(&path), msg!("journal.unreadable"))
                    .help(msg!("journal.unreadable_help")),
            ])
            .into());
        }
    };
    let done = undo(root, &journal.files, &journal.folders);
    remove(root)?;
    let temporary = if done.temporary > 0 {
        msg!("journal.temporary", count = done.temporary)
    } else {
        Msg::none()
    };
    let kept = if done.kept.is_empty() {
        Msg::none()
    } else {
        msg!("journal.kept", files = done.kept.clone())
    };
    say(&msg!(
        "journal.undone",
        holder = journal.holder.describe(),
        count = done.restored,
        temporary = temporary,
        kept = kept,
    ));
    Ok(())
}

/// A warning on standard error, in the run's words (this happens deep in the writer).
fn say(line: &Msg) {
    use std::io::Write as _;
    let ui = crate::words::of_run();
    let _ = writeln!(
        anstream::stderr(),
        "{}{}",
        ui.get("diag.warning"),
        ui.say(line)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(path: &str, old: Option<&str>, new: &str, mtime: Option<SystemTime>) -> Entry {
        Entry {
            path: path.into(),
            old: old.map(String::from),
            old_mtime: mtime.and_then(super::mtime),
            new_sha256: sha256(new.as_bytes()),
        }
    }

    #[test]
    fn only_what_still_holds_our_text_is_undone() {
        let dir = tempfile::tempdir().unwrap();
        let at = |p: &str| dir.path().join(p);
        fs_err::create_dir(at("docs")).unwrap();
        fs_err::write(at("docs/ours.md"), "old\n").unwrap();
        let was = fs_err::metadata(at("docs/ours.md"))
            .unwrap()
            .modified()
            .unwrap();
        let entries = vec![
            entry("docs/ours.md", Some("old\n"), "new\n", Some(was)),
            entry("docs/theirs.md", Some("old\n"), "new\n", None),
            entry("docs/made.md", None, "made\n", None),
            entry("docs/never.md", Some("as it was\n"), "new\n", None),
            entry("new/deep.md", None, "deep\n", None),
        ];
        std::thread::sleep(std::time::Duration::from_millis(20));
        fs_err::write(at("docs/ours.md"), "new\n").unwrap();
        fs_err::write(at("docs/theirs.md"), "new\nand a person's line\n").unwrap();
        fs_err::write(at("docs/made.md"), "made\n").unwrap();
        fs_err::write(at("docs/never.md"), "as it was\n").unwrap();
        fs_err::write(at("docs/.mlteam-x1.tmp"), "half").unwrap();
        fs_err::create_dir_all(at("new")).unwrap();
        fs_err::write(at("new/deep.md"), "deep\n").unwrap();

        let root = Root::new(dir.path());
        let done = undo(&root, &entries, &["new".to_string()]);
        assert_eq!(done.restored, 3);
        assert_eq!(done.kept, ["docs/theirs.md"]);
        assert_eq!(done.temporary, 1);
        assert_eq!(fs_err::read_to_string(at("docs/ours.md")).unwrap(), "old\n");
        let now = fs_err::metadata(at("docs/ours.md"))
            .unwrap()
            .modified()
            .unwrap();
        assert_eq!(now, was, "the modification time is put back too");
        assert_eq!(
            fs_err::read_to_string(at("docs/theirs.md")).unwrap(),
            "new\nand a person's line\n"
        );
        assert!(!at("docs/made.md").exists());
        assert!(
            !at("new").exists(),
            "a folder the write made goes when empty"
        );
        assert_eq!(
            fs_err::read_to_string(at("docs/never.md")).unwrap(),
            "as it was\n"
        );
    }

    #[test]
    fn a_journal_round_trips_and_a_strange_one_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = Root::new(dir.path());
        fs_err::create_dir(dir.path().join(STATE_DIR)).unwrap();
        let journal = Journal::new(vec![entry("a.md", None, "a\n", None)], Vec::new());
        write(&root, &journal).unwrap();
        fs_err::write(dir.path().join("a.md"), "a\n").unwrap();
        recover(&root, &dir.path().join(STATE_DIR), None).unwrap();
        assert!(!dir.path().join("a.md").exists());
        assert!(!dir.path().join(FILE).exists());

        fs_err::write(dir.path().join(FILE), "{ not json").unwrap();
        let error = recover(&root, &dir.path().join(STATE_DIR), None)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("left this journal, and it cannot be read"),
            "{error}"
        );
        assert!(
            dir.path().join(FILE).exists(),
            "kept for a person to look at"
        );
    }
}
