//! Carrying out a plan: each file through a temporary file and a rename, new files never
//! clobbering, and on any failure or Ctrl-C every change undone.

use std::collections::HashSet;
use std::fs::Permissions;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};

use super::plan::{Action, Plan};
use super::root::Root;
use super::signal::Writing;
use crate::diag::Interrupted;

impl Root {
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
}
