//! The project folder and the only way in to its files: every path confined to the project, each
//! folder checked once, each file read at most once per command.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::ErrorKind;
use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result, bail};

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
}

impl Root {
    pub fn new(path: impl Into<PathBuf>) -> Root {
        Root {
            path: path.into(),
            real: RefCell::new(None),
            folders: RefCell::new(HashMap::new()),
            reads: RefCell::new(HashMap::new()),
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
            bail!("{relative}: refusing a path that is not inside the project");
        }
        let Some(real_root) = self.real_root() else {
            // The project folder does not exist yet: nothing under it can be a link.
            return Ok(self.path.join(rel));
        };
        let parent = rel.parent().unwrap_or(Path::new(""));
        let folder = self.folder(&real_root, parent, relative)?;
        let file = folder.join(rel.file_name().unwrap_or_default());
        follow(&real_root, file, relative)
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
                Ok(_) => at = follow(real_root, next, relative)?,
                Err(e) if e.kind() == ErrorKind::NotFound => {
                    at = next;
                    complete = false;
                    break;
                }
                Err(e) => {
                    return Err(e)
                        .with_context(|| format!("{relative}: cannot inspect {}", next.display()));
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

    /// The text of a project file, or `None` when there is none.
    pub fn read(&self, relative: &str) -> Result<Option<String>> {
        if let Some(known) = self.reads.borrow().get(relative) {
            return Ok(known.clone());
        }
        if self.real_root().is_none() {
            // No project folder yet, so no file in it; the path is still checked.
            self.confined(relative)?;
            return Ok(None);
        }
        let path = self.confined(relative)?;
        let text = match fs_err::read_to_string(&path) {
            Ok(text) => Some(text),
            Err(e) if e.kind() == ErrorKind::NotFound => None,
            Err(e) if e.kind() == ErrorKind::InvalidData => {
                return Err(NotText(crate::diag::shown(&self.path.join(relative))).into());
            }
            Err(e) => return Err(e.into()),
        };
        self.reads
            .borrow_mut()
            .insert(relative.to_string(), text.clone());
        Ok(text)
    }

    /// The files directly in a project folder, as relative paths, sorted; none when it is missing.
    pub fn list(&self, folder: &str) -> Result<Vec<String>> {
        // Confining a name inside the folder checks the folder itself.
        let inside = self.confined(&format!("{folder}/_"))?;
        let path = inside.parent().unwrap_or(&inside).to_path_buf();
        let entries = match fs_err::read_dir(&path) {
            Ok(entries) => entries,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e.into()),
        };
        let mut out = Vec::new();
        for entry in entries {
            let entry = entry?;
            if entry.file_type()?.is_file() {
                out.push(format!("{folder}/{}", entry.file_name().to_string_lossy()));
            }
        }
        out.sort();
        Ok(out)
    }
}

/// A project file that is not UTF-8 text: it cannot be a page, and is never guessed at.
#[derive(Debug, thiserror::Error)]
#[error("{0}: the file is not UTF-8 text")]
pub struct NotText(pub String);

/// `path` itself when it is no link; the real path of a link that stays in the project.
fn follow(real_root: &Path, path: PathBuf, relative: &str) -> Result<PathBuf> {
    match path.symlink_metadata() {
        Ok(meta) if meta.file_type().is_symlink() => {
            let target = path
                .canonicalize()
                .with_context(|| format!("{relative}: {} is a link to nothing", path.display()))?;
            if !target.starts_with(real_root) {
                bail!(
                    "{relative}: refusing to go through {}, a link to {} outside the project",
                    path.display(),
                    target.display()
                );
            }
            Ok(target)
        }
        _ => Ok(path),
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
