//! A project folder in a temporary directory, and the binary run inside it with a fixed "today",
//! timezone and language, so every run is reproducible.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use assert_cmd::Command;
use tempfile::TempDir;

pub const TODAY: &str = "2026-11-27";

pub struct Project {
    _dir: TempDir,
    root: PathBuf,
}

/// Every file under a folder: its bytes and modification time.
pub type Snapshot = BTreeMap<String, File>;

/// A file as a snapshot saw it.
#[derive(Clone, PartialEq, Eq)]
pub struct File {
    pub bytes: Vec<u8>,
    pub modified: SystemTime,
}

/// Short enough that a failed comparison of two trees names the files that differ, not every
/// byte of every file.
impl std::fmt::Debug for File {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = String::from_utf8_lossy(&self.bytes);
        let start: String = text.chars().take(40).collect();
        let since = self
            .modified
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap_or_default();
        write!(
            f,
            "{} bytes {start:?}… modified {}.{:09}",
            self.bytes.len(),
            since.as_secs(),
            since.subsec_nanos()
        )
    }
}

impl Project {
    pub fn new() -> Project {
        let dir = tempfile::tempdir().expect("temporary folder");
        let root = dir.path().join("demo");
        Project { _dir: dir, root }
    }

    /// The project folder (not created until something writes into it).
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The folder holding the project folder, for things that must stay outside it.
    pub fn parent(&self) -> &Path {
        self.root.parent().expect("has a parent")
    }

    /// `mlteam` run from the parent folder, so `init demo` writes the project.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("mlteam").expect("binary built");
        cmd.current_dir(self.parent())
            .env("MLTEAM_TODAY", TODAY)
            .env("TZ", "UTC")
            .env("LANG", "C")
            .env("NO_COLOR", "1")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("RUST_BACKTRACE")
            .env_remove("CI");
        cmd
    }

    /// `mlteam -C demo ARGS`.
    pub fn run(&self, args: &[&str]) -> Command {
        let mut cmd = self.cmd();
        cmd.arg("-C").arg("demo").args(args);
        cmd
    }

    /// `mlteam init demo --yes` with a fixed start and timezone, then `extra`; must succeed.
    pub fn init(&self, extra: &[&str]) -> &Project {
        self.cmd()
            .args([
                "init",
                "demo",
                "--yes",
                "--start",
                "2026-11-30",
                "--timezone",
                "Europe/Berlin",
            ])
            .args(extra)
            .assert()
            .success();
        self
    }

    /// A product team of three roles and two people (Bo Li holds two roles), in `lang`.
    pub fn product_team(lang: &str) -> Project {
        let project = Project::new();
        project.init(&[
            "--lang",
            lang,
            "--roles",
            "product-manager,data-scientist,ml-engineer",
            "--member",
            "Ada <ada@example.com>=ml-engineer",
            "--member",
            "Bo Li=product-manager,data-scientist",
        ]);
        project
    }

    /// Sets `key: value` in the front matter of a deliverable's stub, as a person would.
    pub fn set(&self, deliverable: &str, key: &str, value: &str) {
        let path = format!("docs/deliverables/{deliverable}.md");
        let text = self.file(&path);
        let line = text
            .lines()
            .find(|l| l.starts_with(&format!("{key}:")))
            .expect("the key is in the front matter")
            .to_string();
        self.write(&path, &text.replacen(&line, &format!("{key}: {value}"), 1));
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    pub fn file(&self, relative: &str) -> String {
        fs_err::read_to_string(self.path(relative)).expect("file exists")
    }

    pub fn exists(&self, relative: &str) -> bool {
        self.path(relative).exists()
    }

    pub fn write(&self, relative: &str, text: &str) -> &Project {
        let path = self.path(relative);
        fs_err::create_dir_all(path.parent().expect("has a parent")).expect("folder");
        fs_err::write(path, text).expect("written");
        self
    }

    /// Everything under the parent folder, so writes outside the project show up too.
    pub fn snapshot(&self) -> Snapshot {
        snapshot(self.parent())
    }

    /// Every file of the project as one text: a header line per file, then its content.
    pub fn tree(&self) -> String {
        let mut out = String::new();
        for (path, file) in snapshot(&self.root) {
            let text = String::from_utf8_lossy(&file.bytes).replace("\r\n", "␍\n");
            out.push_str(&format!("==> {path} <==\n{text}\n"));
        }
        out
    }
}

pub fn snapshot(root: &Path) -> Snapshot {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs_err::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("entry").path();
            let meta = fs_err::symlink_metadata(&path).expect("metadata");
            if meta.is_dir() {
                stack.push(path);
            } else if meta.is_file() {
                let relative = path
                    .strip_prefix(root)
                    .expect("under root")
                    .to_string_lossy()
                    .replace('\\', "/");
                let file = File {
                    bytes: fs_err::read(&path).expect("readable"),
                    modified: meta.modified().expect("mtime"),
                };
                out.insert(relative, file);
            }
        }
    }
    out
}

/// Standard error of a finished command, as text.
pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A finished run of mlteam: its exit code and both outputs, with assertions that show all of
/// them (and a diff) when they fail, as just's and mdBook's test helpers do.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    #[track_caller]
    pub fn code(self, expected: i32) -> Run {
        assert_eq!(
            self.code,
            Some(expected),
            "exit code\n--- stdout\n{}--- stderr\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn ok(self) -> Run {
        self.code(0)
    }

    /// The whole standard output is `expected`.
    #[track_caller]
    pub fn stdout(self, expected: &str) -> Run {
        same_text("stdout", &self.stdout, expected);
        self
    }

    /// The whole standard error is `expected`.
    #[track_caller]
    pub fn stderr(self, expected: &str) -> Run {
        same_text("stderr", &self.stderr, expected);
        self
    }
}

/// Runs a prepared command to the end.
pub trait Finish {
    fn finish(&mut self) -> Run;
}

impl Finish for Command {
    fn finish(&mut self) -> Run {
        let output = self.output().expect("mlteam runs");
        Run {
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

impl Project {
    /// `mlteam -C demo ARGS`, run to the end.
    pub fn mlteam(&self, args: &[&str]) -> Run {
        self.run(args).finish()
    }
}

/// A dry run's output cut where its plan ends: the plan (every file it would write, one a line),
/// and the rest (a diff of each file, then its last word).
pub fn plan_and_diffs(out: &str) -> (&str, &str) {
    out.split_at(out.find("\n\n").expect("a blank line after the plan") + 1)
}

/// What a dry run prints after its plan when all it does is create files, rendered from those
/// files once they exist: for each `would create  PATH` of `plan`, a diff from nothing to the
/// file at PATH in the project (each line an added line, CR LF shown as LF), then its last word.
pub fn creation_diffs(project: &Project, plan: &str) -> String {
    let mut out = String::from("\n");
    for line in plan.lines() {
        let path = line
            .strip_prefix("would create  ")
            .unwrap_or_else(|| panic!("only files created: {line:?}"));
        let text = project.file(path).replace("\r\n", "\n");
        out.push_str(&format!(
            "--- /dev/null\n+++ b/{path}\n@@ -0,0 +1,{} @@\n",
            text.lines().count()
        ));
        for line in text.lines() {
            out.push_str(&format!("+{line}\n"));
        }
    }
    out + "Dry run: nothing was written.\n"
}

/// `text` with every date and time of day (`2026-11-27 09:00:00`, `2026-11-27T09:00:00`) written
/// as `[TIME]`: for the moments a message names that the clock, not the test, decides.
pub fn without_times(text: &str) -> String {
    const SHAPE: &[u8] = b"0000-00-00 00:00:00";
    let fits = |at: &[u8]| {
        at.len() >= SHAPE.len()
            && SHAPE.iter().zip(at).all(|(shape, byte)| match shape {
                b'0' => byte.is_ascii_digit(),
                b' ' => *byte == b' ' || *byte == b'T',
                _ => shape == byte,
            })
    };
    let mut out = String::new();
    let mut rest = text;
    while !rest.is_empty() {
        if fits(rest.as_bytes()) {
            out.push_str("[TIME]");
            rest = &rest[SHAPE.len()..];
        } else {
            let c = rest.chars().next().expect("not empty");
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// Two texts are the same, or the test fails with a line diff of them.
#[track_caller]
pub fn same_text(what: &str, actual: &str, expected: &str) {
    if actual != expected {
        let diff = similar::TextDiff::from_lines(expected, actual)
            .unified_diff()
            .header("expected", "actual")
            .to_string();
        panic!("{what} differs:\n{diff}\n--- actual {what} in full\n{actual}");
    }
}
