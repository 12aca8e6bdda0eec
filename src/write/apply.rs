//! Carrying out a plan: a journal first (`journal.rs`), then each file through a temporary file
//! and a rename, new files never clobbering; on any failure or signal, every change undone that
//! still holds what this command wrote.

use std::fs::Permissions;
use std::io::{ErrorKind, Write as _};
use std::path::{Path, PathBuf};

use anyhow::Result;

use super::journal::{self, Entry, Journal};
use super::plan::{Action, Change, Plan};
use super::root::Root;
use super::signal::Writing;
use crate::diag::{Interrupted, PartlyUndone, Said, failed, shown};
use crate::msg;

impl Root {
    /// Writes every change of the plan and keeps them undoable: the caller commits (after it has
    /// said what was written) or undoes. Nothing written when this fails.
    pub fn write(&self, plan: &Plan) -> Result<Written<'_>> {
        let changes: Vec<&Change> = plan.writes().collect();
        let mut written = Written {
            root: self,
            entries: Vec::new(),
            folders: Vec::new(),
            made_root: Vec::new(),
            done: 0,
            journal: false,
            guard: None,
        };
        if changes.is_empty() {
            return Ok(written);
        }
        written.guard = Some(Writing::begin());
        match self.write_all(&changes, &mut written) {
            Ok(()) => Ok(written),
            Err(error) => Err(written.undo(error)),
        }
    }

    fn write_all(&self, changes: &[&Change], written: &mut Written<'_>) -> Result<()> {
        // `init` into a new folder: the folder first, so that it can be locked.
        if !self.path.exists() {
            let missing: Vec<&Path> = self
                .path
                .ancestors()
                .take_while(|d| !d.as_os_str().is_empty() && !d.exists())
                .collect();
            for dir in missing.into_iter().rev() {
                std::fs::create_dir(dir)
                    .said(|| msg!("apply.cannot_create_folder", path = shown(dir)))?;
                written.made_root.push(dir.to_path_buf());
            }
            *self.real.borrow_mut() = None;
        }
        self.lock_now()?;

        // Everything checked, and the journal written, before the first file changes.
        for change in changes {
            let path = self.confined(&change.path)?;
            let now = current(&path, &change.path)?;
            if now.as_deref() != change.old.as_deref().map(str::as_bytes) {
                return Err(changed_meanwhile(self, &change.path));
            }
            let new = change
                .new
                .as_deref()
                .ok_or_else(|| failed(msg!("apply.nothing_to_write", path = &change.path)))?;
            let old_mtime = match &change.old {
                Some(_) => std::fs::metadata(&path)
                    .said(|| msg!("file.cannot_read", path = &change.path))?
                    .modified()
                    .ok()
                    .and_then(journal::mtime),
                None => None,
            };
            written.entries.push(Entry {
                path: change.path.clone(),
                old: change.old.clone(),
                old_mtime,
                new_sha256: journal::sha256(new.as_bytes()),
            });
            let mut folder = String::new();
            for part in change
                .path
                .split('/')
                .rev()
                .skip(1)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
            {
                if !folder.is_empty() {
                    folder.push('/');
                }
                folder.push_str(part);
                if !written.folders.contains(&folder) && !self.confined(&folder)?.exists() {
                    written.folders.push(folder.clone());
                }
            }
        }
        journal::write(
            self,
            &Journal::new(written.entries.clone(), written.folders.clone()),
        )?;
        written.journal = true;

        let slow = slow_write_for_tests();
        for (index, change) in changes.iter().enumerate() {
            if written.guard.as_ref().is_some_and(Writing::interrupted) {
                return Err(Interrupted::Signal.into());
            }
            let path = self.confined(&change.path)?;
            let new = change.new.as_deref().unwrap_or_default();
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)
                    .said(|| msg!("apply.cannot_create_folder", path = shown(parent)))?;
            }
            match change.action {
                // Never over a file that appeared since the check above: the rename refuses.
                // (Sending a new file down the other arm is refused too, by the re-read there,
                // but only up to the rename: this arm closes that window.)
                Action::Create => atomic_write(&path, new, true)
                    .said(|| msg!("apply.cannot_create", path = &change.path))?,
                _ => {
                    // Not a person's edit since the check above, either.
                    if current(&path, &change.path)?.as_deref()
                        != change.old.as_deref().map(str::as_bytes)
                    {
                        return Err(changed_meanwhile(self, &change.path));
                    }
                    atomic_write(&path, new, false)
                        .said(|| msg!("apply.cannot_update", path = &change.path))?;
                }
            }
            written.done = index + 1;
            if let Some(pause) = slow {
                std::thread::sleep(pause);
            }
        }
        Ok(())
    }
}

/// A plan written, still undoable. Dropped without `commit`, it is undone.
pub struct Written<'r> {
    root: &'r Root,
    entries: Vec<Entry>,
    folders: Vec<String>,
    /// The project folder and the parents of it that `init` made.
    made_root: Vec<PathBuf>,
    /// How many of `entries` were written.
    done: usize,
    journal: bool,
    guard: Option<Writing>,
}

impl Written<'_> {
    /// Keeps what was written: the journal goes. A signal that came meanwhile undoes it instead.
    pub fn commit(mut self) -> Result<()> {
        if self.guard.as_ref().is_some_and(Writing::interrupted) {
            return Err(self.undo(Interrupted::Signal.into()));
        }
        if self.journal {
            if let Err(error) = journal::remove(self.root) {
                return Err(self.undo(error));
            }
            self.journal = false;
        }
        self.finish();
        Ok(())
    }

    /// Puts back every file that still holds what this command wrote; returns `cause`, with
    /// the files a person changed meanwhile (left as they are) named.
    pub fn undo(mut self, cause: anyhow::Error) -> anyhow::Error {
        let kept = self.roll_back();
        if kept.is_empty() {
            cause
        } else {
            PartlyUndone { cause, kept }.into()
        }
    }

    fn roll_back(&mut self) -> Vec<String> {
        let done = journal::undo(self.root, &self.entries[..self.done], &self.folders);
        self.entries.clear();
        if self.journal {
            // The journal has done its work, whatever happens next.
            let _ = journal::remove(self.root);
            self.journal = false;
        }
        if !self.made_root.is_empty() {
            // The lock lives in the folder `init` made: let go of it, then take the folder away.
            self.root.unlock();
            for dir in self.made_root.drain(..).rev() {
                let _ = std::fs::remove_dir(dir);
            }
        }
        self.finish();
        done.kept
            .iter()
            .map(|p| shown(&self.root.path().join(p)))
            .collect()
    }

    fn finish(&mut self) {
        self.done = 0;
        self.entries.clear();
        self.guard = None;
        self.root.forget();
    }
}

impl Drop for Written<'_> {
    fn drop(&mut self) {
        // The journal is written before the first file and goes only with commit or undo: while
        // it stands, there is something to take back.
        if self.journal {
            self.roll_back();
        }
    }
}

fn changed_meanwhile(root: &Root, path: &str) -> anyhow::Error {
    failed(msg!(
        "apply.changed_meanwhile",
        path = shown(&root.path().join(path))
    ))
}

/// A file's bytes now, or `None` when there is none.
fn current(path: &Path, relative: &str) -> Result<Option<Vec<u8>>> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).said(|| msg!("file.cannot_read", path = relative)),
    }
}

/// Tests only: `MLTEAM_TEST_SLOW_WRITE=MS` pauses MS milliseconds after each file written, so a
/// test can stop (SIGTERM) or kill (SIGKILL) a command half-way through its writes.
fn slow_write_for_tests() -> Option<std::time::Duration> {
    std::env::var("MLTEAM_TEST_SLOW_WRITE")
        .ok()
        .and_then(|ms| ms.parse().ok())
        .map(std::time::Duration::from_millis)
}

/// Writes beside the target, then renames over it; `new_file` refuses to replace anything.
pub(super) fn atomic_write(path: &Path, text: &str, new_file: bool) -> Result<()> {
    let dir = path
        .parent()
        .ok_or_else(|| failed(msg!("apply.no_parent", path = shown(path))))?;
    let permissions = if new_file {
        default_permissions()
    } else {
        std::fs::metadata(path)
            .map(|meta| meta.permissions())
            .ok()
            .or_else(default_permissions)
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".mlteam-").suffix(".tmp");
    if let Some(permissions) = permissions {
        builder.permissions(permissions);
    }
    let mut temp = builder
        .tempfile_in(dir)
        .map_err(|wrapped| system_cause(dir, wrapped))?;
    temp.write_all(text.as_bytes())?;
    temp.flush()?;
    if new_file {
        temp.persist_noclobber(path).map_err(|e| e.error)?;
    } else {
        temp.persist(path).map_err(|e| e.error)?;
    }
    Ok(())
}

/// The system's own error for creating a file in `dir`. `tempfile` wraps it with the path in
/// words of its own, which hides the system's code and so the words a person can act on (a
/// read-only file system, a full disk): trying once more ourselves gets it back.
fn system_cause(dir: &Path, wrapped: std::io::Error) -> std::io::Error {
    let probe = dir.join(format!(".mlteam-{}.probe", std::process::id()));
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
    {
        Err(error) => error,
        // It worked this time: whatever stopped tempfile has passed, so say what it said.
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
            wrapped
        }
    }
}

/// Like any new file: the umask takes its share when the file is created.
#[cfg(unix)]
fn default_permissions() -> Option<Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(Permissions::from_mode(0o666))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<Permissions> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    impl Root {
        /// Carries out every change of the plan that writes, or none of them.
        fn apply(&self, plan: &Plan) -> Result<()> {
            self.write(plan)?.commit()
        }
    }

    fn plan(changes: &[(&str, Action, Option<&str>, &str)]) -> Plan {
        let mut plan = Plan::default();
        for (path, action, old, new) in changes {
            plan.push(
                *path,
                action.clone(),
                old.map(String::from),
                Some((*new).to_string()),
            );
        }
        plan
    }

    #[test]
    fn creates_folders_and_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("project");
        Root::new(&root)
            .apply(&plan(&[("docs/a.md", Action::Create, None, "a\n")]))
            .unwrap();
        assert_eq!(
            fs_err::read_to_string(root.join("docs/a.md")).unwrap(),
            "a\n"
        );
        let leftovers: Vec<_> = fs_err::read_dir(root.join("docs")).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file left behind");
    }

    #[test]
    fn a_failure_undoes_everything() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs_err::write(root.join("kept.md"), "mine\n").unwrap();
        fs_err::write(root.join("taken.md"), "already here\n").unwrap();
        let plan = plan(&[
            (
                "kept.md",
                Action::Update {
                    regions: vec!["r".into()],
                },
                Some("mine\n"),
                "theirs\n",
            ),
            ("new/b.md", Action::Create, None, "b\n"),
            ("taken.md", Action::Create, None, "clobber\n"),
        ]);
        assert!(Root::new(root).apply(&plan).is_err());
        assert_eq!(
            fs_err::read_to_string(root.join("kept.md")).unwrap(),
            "mine\n"
        );
        assert_eq!(
            fs_err::read_to_string(root.join("taken.md")).unwrap(),
            "already here\n"
        );
        assert!(!root.join("new").exists());
    }

    #[test]
    fn a_file_changed_since_planning_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        fs_err::write(dir.path().join("a.md"), "changed meanwhile\n").unwrap();
        let plan = plan(&[("a.md", Action::Replace, Some("as planned\n"), "new\n")]);
        assert!(Root::new(dir.path()).apply(&plan).is_err());
        assert_eq!(
            fs_err::read_to_string(dir.path().join("a.md")).unwrap(),
            "changed meanwhile\n"
        );
    }

    #[test]
    fn an_update_replaces_the_file_it_planned_on() {
        let dir = tempfile::tempdir().unwrap();
        fs_err::write(dir.path().join("a.md"), "as planned\n").unwrap();
        let update = Action::Update {
            regions: vec!["r".into()],
        };
        let plan = plan(&[("a.md", update, Some("as planned\n"), "new\n")]);
        Root::new(dir.path()).apply(&plan).unwrap();
        assert_eq!(
            fs_err::read_to_string(dir.path().join("a.md")).unwrap(),
            "new\n"
        );
    }

    /// A failure half-way through the writes: the first file is written, the second cannot be
    /// (its folder would be that file). Everything goes back, the new folders included.
    #[test]
    fn a_failure_while_writing_takes_back_files_and_new_folders() {
        let dir = tempfile::tempdir().unwrap();
        fs_err::create_dir(dir.path().join("docs")).unwrap();
        let plan = plan(&[
            ("docs/new/deep/a.md", Action::Create, None, "a\n"),
            ("docs/new/deep/a.md/b.md", Action::Create, None, "b\n"),
        ]);
        assert!(Root::new(dir.path()).apply(&plan).is_err());
        let left: Vec<_> = fs_err::read_dir(dir.path().join("docs"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert!(left.is_empty(), "left behind: {left:?}");
        assert!(
            dir.path().join("docs").is_dir(),
            "a folder that was there stays"
        );
    }

    #[test]
    fn a_new_file_never_replaces_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        fs_err::write(&path, "mine\n").unwrap();
        assert!(atomic_write(&path, "theirs\n", true).is_err());
        assert_eq!(fs_err::read_to_string(&path).unwrap(), "mine\n");
        atomic_write(&path, "theirs\n", false).unwrap();
        assert_eq!(fs_err::read_to_string(&path).unwrap(), "theirs\n");
    }

    /// Undone after a person edited one of the files written: that file keeps the edit and is
    /// named; the others go back.
    #[test]
    fn an_undo_never_writes_over_a_persons_edit() {
        let dir = tempfile::tempdir().unwrap();
        fs_err::write(dir.path().join("b.md"), "b as it was\n").unwrap();
        let update = Action::Update {
            regions: vec!["r".into()],
        };
        let plan = plan(&[
            ("a.md", Action::Create, None, "a by mlteam\n"),
            ("b.md", update, Some("b as it was\n"), "b by mlteam\n"),
        ]);
        let root = Root::new(dir.path());
        let written = root.write(&plan).unwrap();
        fs_err::write(dir.path().join("a.md"), "a by a person\n").unwrap();
        let error = written.undo(anyhow::anyhow!("stopped"));
        let undone = error.downcast_ref::<PartlyUndone>().expect("partly undone");
        assert_eq!(undone.kept, [shown(&dir.path().join("a.md"))]);
        let read = |name: &str| fs_err::read_to_string(dir.path().join(name)).unwrap();
        assert_eq!(
            (read("a.md"), read("b.md")),
            ("a by a person\n".to_string(), "b as it was\n".to_string())
        );
    }

    #[test]
    fn a_write_dropped_without_commit_is_undone() {
        let dir = tempfile::tempdir().unwrap();
        let plan = plan(&[("docs/a.md", Action::Create, None, "a\n")]);
        let root = Root::new(dir.path());
        drop(root.write(&plan).unwrap());
        assert!(!dir.path().join("docs").exists());
        root.write(&plan).unwrap().commit().unwrap();
        assert!(
            dir.path().join("docs/a.md").is_file(),
            "committed, it stays"
        );
    }

    /// What the root read before the write is forgotten once the write is kept: a second plan
    /// in the same command starts from the files as they are now.
    #[test]
    fn a_kept_write_is_what_the_root_reads_next() {
        let dir = tempfile::tempdir().unwrap();
        fs_err::write(dir.path().join("a.md"), "before\n").unwrap();
        // A writer locks at its first read, so the write itself has nothing to lock anew.
        let root = Root::writer(dir.path());
        assert_eq!(root.read("a.md").unwrap().as_deref(), Some("before\n"));
        let update = Action::Update {
            regions: vec!["r".into()],
        };
        root.apply(&plan(&[("a.md", update, Some("before\n"), "after\n")]))
            .unwrap();
        assert_eq!(root.read("a.md").unwrap().as_deref(), Some("after\n"));
    }

    /// `init` into a folder that is not there: undone, the folders it made go too, the parent
    /// that was there stays.
    #[test]
    fn an_undo_takes_away_the_project_folder_it_made() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("new/project");
        let root = Root::new(&project);
        drop(
            root.write(&plan(&[("a.md", Action::Create, None, "a\n")]))
                .unwrap(),
        );
        assert!(!dir.path().join("new").exists());
        assert!(dir.path().is_dir());
    }

    /// A new file gets the permissions any new file would (the umask's share taken), not the
    /// owner-only ones of a temporary file.
    #[cfg(unix)]
    #[test]
    fn a_new_file_has_the_permissions_of_any_new_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        fs_err::write(dir.path().join("reference"), "").unwrap();
        Root::new(dir.path())
            .apply(&plan(&[("a.md", Action::Create, None, "a\n")]))
            .unwrap();
        let mode = |name: &str| {
            let meta = fs_err::metadata(dir.path().join(name)).unwrap();
            meta.permissions().mode() & 0o777
        };
        assert_eq!(mode("a.md"), mode("reference"));
    }

    #[test]
    fn a_path_that_cannot_be_read_is_an_error_not_a_new_file() {
        let dir = tempfile::tempdir().unwrap();
        fs_err::create_dir(dir.path().join("a.md")).unwrap();
        let error = Root::new(dir.path())
            .apply(&plan(&[("a.md", Action::Create, None, "a\n")]))
            .unwrap_err();
        let english = crate::words::Words::new(crate::words::Lang::En);
        let said = crate::diag::say_error(&error, &english);
        assert!(said.starts_with("cannot read a.md"), "{said}");
        assert!(dir.path().join("a.md").is_dir());
    }

    #[test]
    fn a_file_that_cannot_be_made_says_the_systems_reason() {
        let dir = tempfile::tempdir().unwrap();
        let error = atomic_write(&dir.path().join("gone/a.md"), "a\n", true).unwrap_err();
        let english = crate::words::Words::new(crate::words::Lang::En);
        assert_eq!(
            crate::diag::say_error(&error, &english),
            "No such file or directory (os error 2)"
        );
    }
}
