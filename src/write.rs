//! The one place that writes: paths confined to the project, each file through a temporary file
//! and a rename, new files never clobbering, and on any failure or Ctrl-C every change undone.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::fs::Permissions;
use std::io::{ErrorKind, Write as _};
use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};

use crate::diag::Interrupted;
use crate::plan::{Action, Plan};
use crate::signal::Writing;

/// A project folder, and the only way in to its files: every path is confined to it (`..`,
/// absolute paths and links that resolve outside are refused), each folder is checked once, and
/// each file is read at most once per command.
pub struct Root {
    path: PathBuf,
    /// Where the project really is: unknown yet, known to be missing, or found.
    real: RefCell<Option<Option<PathBuf>>>,
    /// Folders (relative) already checked, with where they really are.
    folders: RefCell<HashMap<PathBuf, PathBuf>>,
    reads: RefCell<HashMap<String, Option<String>>>,
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

    /// Carries out every change of the plan that writes, or none of them.
    pub fn apply(&self, plan: &Plan) -> Result<()> {
        let guard = Writing::begin();
        let mut journal = Vec::new();
        let result = self.apply_all(plan, &guard, &mut journal);
        if result.is_err() {
            for undo in journal.into_iter().rev() {
                // Best effort: undoing must not hide the error that made us undo.
                let _ = match undo {
                    Undo::Remove(path) => std::fs::remove_file(path),
                    Undo::Restore(path, text) => {
                        atomic_write(&path, &text, false).map_err(std::io::Error::other)
                    }
                    Undo::RemoveDir(path) => std::fs::remove_dir(path),
                };
            }
        }
        self.reads.borrow_mut().clear();
        *self.real.borrow_mut() = None;
        self.folders.borrow_mut().clear();
        result
    }

    fn apply_all(&self, plan: &Plan, guard: &Writing, journal: &mut Vec<Undo>) -> Result<()> {
        let mut made: HashSet<PathBuf> = HashSet::new();
        create_dirs(&self.path, &mut made, journal)?;
        for change in plan.writes() {
            if guard.interrupted() {
                return Err(Interrupted("interrupted").into());
            }
            let path = self.confined(&change.path)?;
            let new = change
                .new
                .as_deref()
                .ok_or_else(|| anyhow!("{}: nothing to write", change.path))?;
            if let Some(parent) = path.parent() {
                create_dirs(parent, &mut made, journal)?;
            }
            match change.action {
                Action::Create => {
                    atomic_write(&path, new, true)
                        .with_context(|| format!("cannot create {}", change.path))?;
                    journal.push(Undo::Remove(path));
                }
                _ => {
                    let now = fs_err::read_to_string(&path)?;
                    if Some(&now) != change.old.as_ref() {
                        bail!(
                            "{} changed while mlteam was working; run the command again",
                            change.path
                        );
                    }
                    atomic_write(&path, new, false)
                        .with_context(|| format!("cannot update {}", change.path))?;
                    journal.push(Undo::Restore(path, now));
                }
            }
        }
        Ok(())
    }
}

/// A project file that is not UTF-8 text: it cannot be a page, and is never guessed at.
#[derive(Debug, thiserror::Error)]
#[error("{0}: the file is not UTF-8 text")]
pub struct NotText(pub String);

/// An export the user asked for by name (`-o FILE`), anywhere they like: written through a
/// temporary file and a rename, replacing what was there.
pub fn export(path: &Path, text: &str) -> Result<()> {
    let path = if path.parent().is_some_and(|p| p.as_os_str().is_empty()) {
        Path::new(".").join(path)
    } else {
        path.to_path_buf()
    };
    atomic_write(&path, text, false).with_context(|| format!("cannot write {}", path.display()))
}

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

enum Undo {
    Remove(PathBuf),
    Restore(PathBuf, String),
    RemoveDir(PathBuf),
}

fn create_dirs(dir: &Path, made: &mut HashSet<PathBuf>, journal: &mut Vec<Undo>) -> Result<()> {
    if made.contains(dir) {
        return Ok(());
    }
    let missing: Vec<&Path> = dir
        .ancestors()
        .take_while(|d| !d.as_os_str().is_empty() && !d.exists())
        .collect();
    for d in missing.into_iter().rev() {
        fs_err::create_dir(d)?;
        journal.push(Undo::RemoveDir(d.to_path_buf()));
    }
    if !dir.is_dir() {
        bail!("{} is not a folder", dir.display());
    }
    made.insert(dir.to_path_buf());
    Ok(())
}

/// Writes beside the target, then renames over it; `new_file` refuses to replace anything.
fn atomic_write(path: &Path, text: &str, new_file: bool) -> Result<()> {
    let dir = path
        .parent()
        .ok_or_else(|| anyhow!("{} has no parent folder", path.display()))?;
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
    let mut temp = builder.tempfile_in(dir)?;
    temp.write_all(text.as_bytes())?;
    temp.flush()?;
    if new_file {
        temp.persist_noclobber(path).map_err(|e| e.error)?;
    } else {
        temp.persist(path).map_err(|e| e.error)?;
    }
    Ok(())
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

    #[cfg(unix)]
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
