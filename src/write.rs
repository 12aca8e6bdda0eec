//! The one place that writes: paths confined to the project, each file through a temporary file
//! and a rename, new files never clobbering, and on any failure or Ctrl-C every change undone.

use std::fs::Permissions;
use std::io::{ErrorKind, Write as _};
use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};

use crate::diag::Interrupted;
use crate::plan::{Action, Plan};
use crate::signal::Writing;

/// `relative` under `root`, refusing anything that leaves the project: `..`, absolute paths, and
/// symbolic links that resolve outside it. Links inside are followed, so a write lands on the
/// file the link names, not on the link.
pub fn confined(root: &Path, relative: &str) -> Result<PathBuf> {
    let rel = Path::new(relative);
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        bail!("{relative}: refusing a path that is not inside the project");
    }
    let Ok(real_root) = root.canonicalize() else {
        // The project folder does not exist yet: nothing under it can be a link.
        return Ok(root.join(rel));
    };
    let mut at = real_root.clone();
    let mut parts = rel.components();
    for part in parts.by_ref() {
        at.push(part);
        match at.symlink_metadata() {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = at.canonicalize().with_context(|| {
                    format!("{relative}: {} is a link to nothing", at.display())
                })?;
                if !target.starts_with(&real_root) {
                    bail!(
                        "{relative}: refusing to write through {}, a link to {} outside the project",
                        at.display(),
                        target.display()
                    );
                }
                at = target;
            }
            Ok(_) => {}
            Err(e) if e.kind() == ErrorKind::NotFound => break,
            Err(e) => {
                return Err(e)
                    .with_context(|| format!("{relative}: cannot inspect {}", at.display()));
            }
        }
    }
    at.extend(parts);
    Ok(at)
}

/// The text of a project file, or `None` when there is none.
pub fn read_existing(root: &Path, relative: &str) -> Result<Option<String>> {
    let path = confined(root, relative)?;
    match fs_err::read_to_string(&path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
        Err(e) if e.kind() == ErrorKind::InvalidData => {
            bail!("{relative}: the file is not UTF-8 text")
        }
        Err(e) => Err(e.into()),
    }
}

enum Undo {
    Remove(PathBuf),
    Restore(PathBuf, String),
    RemoveDir(PathBuf),
}

/// Carries out every change of the plan that writes, or none of them.
pub fn apply(root: &Path, plan: &Plan) -> Result<()> {
    let guard = Writing::begin();
    let mut journal = Vec::new();
    let result = apply_all(root, plan, &guard, &mut journal);
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
    result
}

fn apply_all(root: &Path, plan: &Plan, guard: &Writing, journal: &mut Vec<Undo>) -> Result<()> {
    create_dirs(root, journal)?;
    for change in plan.writes() {
        if guard.interrupted() {
            return Err(Interrupted("interrupted").into());
        }
        let path = confined(root, &change.path)?;
        let new = change
            .new
            .as_deref()
            .ok_or_else(|| anyhow!("{}: nothing to write", change.path))?;
        if let Some(parent) = path.parent() {
            create_dirs(parent, journal)?;
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

fn create_dirs(dir: &Path, journal: &mut Vec<Undo>) -> Result<()> {
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
    Ok(())
}

/// Writes beside the target, then renames over it; `new_file` refuses to replace anything.
fn atomic_write(path: &Path, text: &str, new_file: bool) -> Result<()> {
    let dir = path
        .parent()
        .ok_or_else(|| anyhow!("{} has no parent folder", path.display()))?;
    let permissions = match std::fs::metadata(path) {
        Ok(meta) => meta.permissions(),
        Err(_) => default_permissions(),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".mlteam-")
        .suffix(".tmp")
        .permissions(permissions)
        .tempfile_in(dir)?;
    temp.write_all(text.as_bytes())?;
    temp.flush()?;
    if new_file {
        temp.persist_noclobber(path).map_err(|e| e.error)?;
    } else {
        temp.persist(path).map_err(|e| e.error)?;
    }
    Ok(())
}

#[cfg(unix)]
fn default_permissions() -> Permissions {
    use std::os::unix::fs::PermissionsExt;
    // Like any new file: the umask takes its share when the file is created.
    Permissions::from_mode(0o666)
}

#[cfg(not(unix))]
fn default_permissions() -> Permissions {
    std::fs::metadata(".")
        .map(|m| m.permissions())
        .unwrap_or_else(|_| unreachable!())
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
        apply(&root, &plan(&[("docs/a.md", Action::Create, None, "a\n")])).unwrap();
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
        assert!(apply(root, &plan).is_err());
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
        assert!(apply(dir.path(), &plan).is_err());
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
        let error = confined(dir.path(), "docs/a.md").unwrap_err().to_string();
        assert!(error.contains("outside the project"), "{error}");
        assert!(confined(dir.path(), "../a.md").is_err());
        assert!(confined(dir.path(), "/etc/passwd").is_err());

        std::fs::create_dir(dir.path().join("real")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("real"), dir.path().join("inside")).unwrap();
        let resolved = confined(dir.path(), "inside/a.md").unwrap();
        assert_eq!(
            resolved,
            dir.path().canonicalize().unwrap().join("real/a.md")
        );
    }
}
