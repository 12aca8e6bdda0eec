//! The project folder and the only way in to its files: every path confined to the project, each
//! folder checked once, each file read at most once per command, and (for a command that writes)
//! the project locked from the first read to the last write.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::io::ErrorKind;
use std::path::{Component, Path, PathBuf};

use anyhow::Result;

use super::journal;
use super::lock::{self, ProjectLock};
use super::read::{self, NotAFile, What};
use crate::diag::{Said, failed, shown};
use crate::msg;

/// A project folder, and the only way in to its files: every path is confined to it (`..`,
/// absolute paths and links that resolve outside are refused), each folder is checked once, and
/// each file is read at most once per command.
pub struct Root {
    pub(super) path: PathBuf,
    /// Where the project really is: unknown yet, known to be missing, or found.
    pub(super) real: RefCell<Option<Option<PathBuf>>>,
    /// Folders (relative) already checked, with where they really are.
    pub(super) folders: RefCell<HashMap<PathBuf, PathBuf>>,
    pub(super) reads: RefCell<HashMap<String, Option<String>>>,
    /// Whether this command writes, and so locks the project from its first read.
    writer: bool,
    lock: RefCell<Option<ProjectLock>>,
    /// Whether the first access has locked, or found nothing left by a killed command.
    prepared: Cell<bool>,
}

impl Root {
    /// A project a command only reads (it still cleans up after a killed writer, when it can).
    pub fn new(path: impl Into<PathBuf>) -> Root {
        Root {
            path: path.into(),
            real: RefCell::new(None),
            folders: RefCell::new(HashMap::new()),
            reads: RefCell::new(HashMap::new()),
            writer: false,
            lock: RefCell::new(None),
            prepared: Cell::new(false),
        }
    }

    /// A project a command writes to: locked from the first read on, until the command ends, so
    /// that what it writes is planned from what no other command is changing.
    pub fn writer(path: impl Into<PathBuf>) -> Root {
        Root {
            writer: true,
            ..Root::new(path)
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn real_root(&self) -> Option<PathBuf> {
        self.real
            .borrow_mut()
            .get_or_insert_with(|| self.path.canonicalize().ok())
            .clone()
    }

    /// Where `relative` really is, refusing anything that leaves the project. Links inside it
    /// are followed, so a write lands on the file the link names, not on the link.
    pub fn confined(&self, relative: &str) -> Result<PathBuf> {
        let rel = Path::new(relative);
        if relative.is_empty() || rel.components().any(|c| !matches!(c, Component::Normal(_))) {
            return Err(failed(msg!("root.not_inside", path = relative)));
        }
        let Some(real_root) = self.real_root() else {
            // The project folder does not exist yet: nothing under it can be a link.
            return Ok(self.path.join(rel));
        };
        let parent = rel.parent().unwrap_or(Path::new(""));
        let folder = self.folder(&real_root, parent, relative)?;
        let file = folder.join(rel.file_name().unwrap_or_default());
        self.follow(&real_root, file, relative)
    }

    /// `path` itself when it is no link; the real path of a link that stays in the project.
    fn follow(&self, real_root: &Path, path: PathBuf, relative: &str) -> Result<PathBuf> {
        match path.symlink_metadata() {
            Ok(meta) if meta.file_type().is_symlink() => {
                // Both as the user named the project: `demo/docs/…`.
                let file = shown(&self.path.join(relative));
                let link = path.strip_prefix(real_root).map_or_else(
                    |_| path.display().to_string(),
                    |p| shown(&self.path.join(p)),
                );
                let target = path
                    .canonicalize()
                    .said(|| msg!("root.dangling", path = &file, link = &link))?;
                if !target.starts_with(real_root) {
                    let target = target.display().to_string();
                    return Err(failed(if link == file {
                        msg!("root.link_outside", path = &file, target = target)
                    } else {
                        msg!(
                            "root.folder_outside",
                            path = &file,
                            link = &link,
                            target = target
                        )
                    }));
                }
                Ok(target)
            }
            _ => Ok(path),
        }
    }

    fn folder(&self, real_root: &Path, parent: &Path, relative: &str) -> Result<PathBuf> {
        if let Some(known) = self.folders.borrow().get(parent) {
            return Ok(known.clone());
        }
        let mut at = real_root.to_path_buf();
        let mut parts = parent.components();
        let mut complete = true;
        for part in parts.by_ref() {
            let next = at.join(part);
            match next.symlink_metadata() {
                Ok(_) => at = self.follow(real_root, next, relative)?,
                Err(e) if e.kind() == ErrorKind::NotFound => {
                    at = next;
                    complete = false;
                    break;
                }
                Err(e) => {
                    let shown = next.display().to_string();
                    return Err(e)
                        .said(|| msg!("root.cannot_inspect", path = relative, at = shown));
                }
            }
        }
        at.extend(parts);
        // A folder that does not exist yet may be made (or linked) later: check it again then.
        if complete {
            self.folders
                .borrow_mut()
                .insert(parent.to_path_buf(), at.clone());
        }
        Ok(at)
    }

    /// `path` (absolute, or relative to where mlteam runs) as a path relative to the project,
    /// when it lies inside it, links resolved; `None` when it does not.
    pub fn inside(&self, path: &Path) -> Option<String> {
        let full = if path.is_absolute() {
            path.to_path_buf()
        } else {
            std::env::current_dir().ok()?.join(path)
        };
        let real = |p: &Path| -> Option<PathBuf> {
            // The part that exists, with its links resolved, then the rest as written.
            let mut lexical = PathBuf::new();
            for part in p.components() {
                match part {
                    Component::ParentDir => {
                        lexical.pop();
                    }
                    Component::CurDir => {}
                    other => lexical.push(other),
                }
            }
            let existing = lexical.ancestors().find(|a| a.exists())?;
            let rest = lexical.strip_prefix(existing).ok()?.to_path_buf();
            Some(existing.canonicalize().ok()?.join(rest))
        };
        let root = if self.path.is_absolute() {
            self.path.clone()
        } else {
            std::env::current_dir().ok()?.join(&self.path)
        };
        let relative = real(&full)?.strip_prefix(real(&root)?).ok()?.to_path_buf();
        let parts: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        Some(parts.join("/"))
    }

    /// The text of a project file, or `None` when there is none. A folder, FIFO or device is
    /// never opened ([`NotAFile`]); reading stops at the size limit ([`read::TooLarge`]).
    pub fn read(&self, relative: &str) -> Result<Option<String>> {
        if let Some(known) = self.reads.borrow().get(relative) {
            return Ok(known.clone());
        }
        self.prepare()?;
        if self.real_root().is_none() {
            // No project folder yet, so no file in it; the path is still checked.
            self.confined(relative)?;
            return Ok(None);
        }
        let path = self.confined(relative)?;
        let shown = crate::diag::shown(&self.path.join(relative));
        let (limit, what) = if relative == crate::view::paths::MANIFEST {
            (read::MANIFEST_LIMIT, What::Manifest)
        } else {
            (read::FILE_LIMIT, What::Page)
        };
        let cannot_read = || msg!("file.cannot_read", path = &shown);
        let text = match std::fs::metadata(&path) {
            Err(e) if e.kind() == ErrorKind::NotFound => None,
            Err(e) => return Err(e).said(cannot_read),
            Ok(meta) => {
                if let Some(kind) = read::not_a_file(meta.file_type()) {
                    return Err(NotAFile { path: shown, kind }.into());
                }
                let file = std::fs::File::open(&path).said(cannot_read)?;
                Some(read::capped(file, limit, &shown, what)?)
            }
        };
        self.reads
            .borrow_mut()
            .insert(relative.to_string(), text.clone());
        Ok(text)
    }

    /// The files directly in a project folder, as relative paths, sorted; none when it is missing.
    pub fn list(&self, folder: &str) -> Result<Vec<String>> {
        self.prepare()?;
        // Confining a name inside the folder checks the folder itself.
        let inside = self.confined(&format!("{folder}/_"))?;
        let path = inside.parent().unwrap_or(&inside).to_path_buf();
        let shown = crate::diag::shown(&self.path.join(folder));
        let cannot_list = || msg!("root.cannot_list", path = &shown);
        let entries = match std::fs::read_dir(&path) {
            Ok(entries) => entries,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e).said(cannot_list),
        };
        let mut out = Vec::new();
        for entry in entries {
            let entry = entry.said(cannot_list)?;
            if entry.file_type().said(cannot_list)?.is_file() {
                out.push(format!("{folder}/{}", entry.file_name().to_string_lossy()));
            }
        }
        out.sort();
        Ok(out)
    }
}

impl Root {
    /// On the first access: a command that writes takes the lock (waiting a little for another
    /// one); one that reads cleans up after a killed writer when nobody else is writing.
    fn prepare(&self) -> Result<()> {
        if self.prepared.get() || self.real_root().is_none() {
            return Ok(());
        }
        self.prepared.set(true);
        if self.writer {
            return self.lock_now();
        }
        let left = [lock::HOLDER, journal::FILE]
            .iter()
            .any(|f| self.path.join(f).symlink_metadata().is_ok());
        if left {
            match self.take_lock(std::time::Duration::ZERO) {
                Err(e) if e.is::<lock::Busy>() => {}
                other => other?,
            }
            self.unlock();
        }
        Ok(())
    }

    /// Takes the lock unless it is held, and undoes what a killed command left half written.
    pub(super) fn lock_now(&self) -> Result<()> {
        self.take_lock(lock::WAIT)
    }

    fn take_lock(&self, wait: std::time::Duration) -> Result<()> {
        if self.lock.borrow().is_some() {
            return Ok(());
        }
        let Some(real_root) = self.real_root() else {
            return Err(failed(msg!(
                "root.no_folder",
                path = crate::diag::shown(&self.path)
            )));
        };
        let state = self
            .confined(&format!("{}/_", lock::STATE_DIR))?
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let name = crate::diag::shown(&self.path);
        let lock = ProjectLock::acquire(&real_root, &name, &state, wait)?;
        let stale = lock.stale.clone();
        *self.lock.borrow_mut() = Some(lock);
        journal::recover(self, &state, stale.as_ref())?;
        self.forget();
        Ok(())
    }

    /// Lets go of the lock (and the files that say who holds it).
    pub(super) fn unlock(&self) {
        self.lock.borrow_mut().take();
    }

    /// Forgets what was read and where folders are: after a write, the disk has changed.
    pub(super) fn forget(&self) {
        self.reads.borrow_mut().clear();
        *self.real.borrow_mut() = None;
        self.folders.borrow_mut().clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_out_of_the_project_are_refused() {
        let outside = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("docs")).unwrap();
        let error = Root::new(dir.path())
            .confined("docs/a.md")
            .unwrap_err()
            .to_string();
        assert!(error.contains("outside the project"), "{error}");
        assert!(Root::new(dir.path()).confined("../a.md").is_err());
        assert!(Root::new(dir.path()).confined("/etc/passwd").is_err());

        std::fs::create_dir(dir.path().join("real")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("real"), dir.path().join("inside")).unwrap();
        let resolved = Root::new(dir.path()).confined("inside/a.md").unwrap();
        assert_eq!(
            resolved,
            dir.path().canonicalize().unwrap().join("real/a.md")
        );
    }
}
