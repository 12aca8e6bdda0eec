//! The promises under stress: a person's text is never lost, nothing is written where it should
//! not be, mlteam never hangs or panics, and on any non-zero exit nothing on disk has changed.
//! Real processes, real signals, FIFOs and devices; every wait bounded.

use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::support::{Project, Snapshot, TODAY, same_text, stderr, stdout, without_times};

const BIN: &str = env!("CARGO_BIN_EXE_mlteam");
/// No test waits longer than this for a command.
const BOUND: Duration = Duration::from_secs(60);

/// `mlteam ARGS` as `Project::cmd` runs it, from the parent folder, as a process of our own.
fn command(project: &Project, args: &[&str]) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(project.parent())
        .env("MLTEAM_TODAY", TODAY)
        .env("TZ", "UTC")
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("RUST_BACKTRACE")
        .env_remove("MLTEAM_TEST_SLOW_WRITE")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

/// `mlteam -C demo ARGS`, started, pausing `slow_ms` after each file it writes.
pub(crate) fn start(project: &Project, args: &[&str], slow_ms: u64) -> Child {
    let mut all = vec!["-C", "demo"];
    all.extend_from_slice(args);
    command(project, &all)
        .env("MLTEAM_TEST_SLOW_WRITE", slow_ms.to_string())
        .spawn()
        .expect("mlteam starts")
}

/// The output of a started command, killed (and the test failed) when it runs past `BOUND`.
pub(crate) fn finish(mut child: Child) -> Output {
    let started = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            return child.wait_with_output().expect("output");
        }
        if started.elapsed() > BOUND {
            let _ = child.kill();
            let output = child.wait_with_output().expect("output");
            panic!("mlteam hung: {output:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// `mlteam -C demo ARGS` to the end, bounded.
fn run(project: &Project, args: &[&str]) -> Output {
    finish(start(project, args, 0))
}

pub(crate) fn signal(child: &Child, name: &str) {
    let sent = Command::new("kill")
        .args([&format!("-{name}"), &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success());
}

/// Waits (bounded) until `ready` holds.
pub(crate) fn until(what: &str, mut ready: impl FnMut() -> bool) {
    let started = Instant::now();
    while !ready() {
        assert!(started.elapsed() < BOUND, "never happened: {what}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Files of the project whose bytes differ from `before`, mlteam's own working files aside.
fn changed(project: &Project, before: &Snapshot) -> Vec<String> {
    let now = project.snapshot();
    let mut paths: Vec<String> = now
        .iter()
        // mlteam's own files (the journal, a temporary file about to be renamed) are not pages.
        .filter(|(path, file)| {
            !path.contains("/.mlteam/")
                && !path
                    .rsplit('/')
                    .next()
                    .is_some_and(|n| n.starts_with(".mlteam-"))
                && before.get(*path).is_none_or(|b| b.bytes != file.bytes)
        })
        .map(|(path, _)| path.clone())
        .collect();
    paths.extend(before.keys().filter(|p| !now.contains_key(*p)).cloned());
    paths
}

/// Every temporary file left anywhere under the parent folder.
fn temporary_files(project: &Project) -> Vec<String> {
    project
        .snapshot()
        .into_keys()
        .filter(|p| {
            p.rsplit('/')
                .next()
                .is_some_and(|n| n.starts_with(".mlteam-"))
        })
        .collect()
}

/// A project where `sync` rewrites dozens of files: every role, then a new name and a person
/// holding everything.
fn busy_project() -> Project {
    let project = Project::new();
    project.init(&["--roles", "all"]);
    let manifest = project.file("mlteam.toml").replacen(
        "name = \"demo\"",
        "name = \"Fraud detection\"",
        1,
    ) + "\n[[member]]\nname = \"Ada\"\nroles = [\"ml-engineer\", \"data-scientist\", \"product-manager\"]\n";
    project.write("mlteam.toml", &manifest);
    project
}

/// Started `sync` on a busy project, once it has written `files` files; returns those files.
fn sync_under_way(
    project: &Project,
    before: &Snapshot,
    slow_ms: u64,
    files: usize,
) -> (Child, Vec<String>) {
    let child = start(project, &["sync"], slow_ms);
    let mut written = Vec::new();
    until("sync writes", || {
        written = changed(project, before);
        written.len() >= files
    });
    assert!(project.exists(".mlteam/journal"), "a journal while writing");
    (child, written)
}

fn assert_no_state_left(project: &Project) {
    assert!(
        !project.exists(".mlteam"),
        "mlteam's working files are gone"
    );
    assert_eq!(temporary_files(project), Vec::<String>::new());
}

// 1. Rollback restores only what this command wrote.

#[test]
fn a_stopped_sync_leaves_a_file_edited_meanwhile_as_the_person_left_it() {
    let project = busy_project();
    let before = project.snapshot();
    let (child, written) = sync_under_way(&project, &before, 150, 2);
    let edited = written[0].trim_start_matches("demo/").to_string();
    let by_hand = format!(
        "{}\nA line typed while mlteam was writing.\n",
        project.file(&edited)
    );
    project.write(&edited, &by_hand);
    signal(&child, "TERM");
    let output = finish(child);
    assert_eq!(output.status.code(), Some(130), "{output:?}");
    assert_eq!(
        stderr(&output),
        format!(
            "error: interrupted; nothing was written\n  but demo/{edited} changed while mlteam was \
             writing, so it is left as it is (mlteam's change and the edit on top of it)\n  \
             help: look at it, then run `mlteam check`\n"
        )
    );
    assert_eq!(project.file(&edited), by_hand, "the person's text is kept");
    let mut now = project.snapshot();
    let mut expected = before.clone();
    now.remove(&format!("demo/{edited}"));
    expected.remove(&format!("demo/{edited}"));
    assert_eq!(now, expected, "everything else is as it was, mtimes too");
    assert_no_state_left(&project);
}

// 2. One writer at a time.

#[test]
fn a_second_writer_waits_then_says_who_holds_the_lock() {
    let project = busy_project();
    let before = project.snapshot();
    let (first, _) = sync_under_way(&project, &before, 400, 1);
    let pid = first.id();
    let holder = fs_err::read_to_string(project.path(".mlteam/lock")).unwrap();
    same_text(
        ".mlteam/lock",
        &without_times(&holder),
        &format!(
            "# mlteam: the command writing to this project now; removed when it ends.\n\
             pid = {pid}\n\
             command = \"mlteam -C demo sync\"\n\
             since = \"[TIME]Z\"\n"
        ),
    );
    let gitignore = fs_err::read_to_string(project.path(".mlteam/.gitignore")).unwrap();
    same_text(
        ".mlteam/.gitignore",
        &gitignore,
        "# mlteam's working files, there only while an mlteam command writes (or after one was killed,\n\
         # until the next command cleans up). This file goes with them.\n\
         /.gitignore\n\
         /lock\n\
         /journal\n\
         /.mlteam-*.tmp\n",
    );

    let writers: [&[&str]; 8] = [
        &["sync"],
        &["raci"],
        &["raci", "import"],
        &["checklist"],
        &["roles", "add", "ml-engineer"],
        &["roles", "remove", "ml-engineer"],
        &["templates", "export"],
        &["--", "init", "demo", "--yes", "--force"],
    ];
    let started = Instant::now();
    let waiting: Vec<(Vec<&str>, Child)> = writers
        .iter()
        .map(|args| {
            let child = if args[0] == "--" {
                command(&project, &args[1..]).spawn().unwrap()
            } else {
                start(&project, args, 0)
            };
            (args.to_vec(), child)
        })
        .collect();
    for (args, child) in waiting {
        let output = finish(child);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {output:?}");
        assert_eq!(stdout(&output), "", "{args:?}");
        same_text(
            "stderr",
            &without_times(&stderr(&output)),
            &held_by("mlteam -C demo sync", pid),
        );
    }
    assert!(started.elapsed() >= Duration::from_secs(5), "they waited");
    signal(&first, "TERM");
    assert_eq!(finish(first).status.code(), Some(130));
    assert_eq!(project.snapshot(), before, "nobody wrote anything");
    assert_no_state_left(&project);
}

/// What a command is told when `command`, process `pid`, holds the lock (since a time the clock
/// decides, `[TIME]`).
fn held_by(command: &str, pid: u32) -> String {
    format!(
        "error: demo: another mlteam command is writing to this project: `{command}` (pid {pid}, \
         since [TIME] UTC); waited 5 s for it\n  help: run the command again when that one has \
         finished; if process {pid} is stuck, stop it (`kill {pid}`)\n"
    )
}

#[test]
fn two_syncs_started_together_never_lose_or_corrupt_a_write() {
    let project = Project::new();
    project.init(&["--roles", "product-manager,ml-engineer,data-scientist"]);
    let original = project.file("mlteam.toml");
    for round in 0..12 {
        let member =
            format!("\n[[member]]\nname = \"Person {round}\"\nroles = [\"ml-engineer\"]\n");
        project.write("mlteam.toml", &format!("{original}{member}"));
        let a = start(&project, &["sync", "-q"], 0);
        let b = start(&project, &["sync", "-q"], 0);
        let (pid_a, pid_b) = (a.id(), b.id());
        // Each one either wrote, or waited for the other one's lock.
        for (output, other) in [(finish(a), pid_b), (finish(b), pid_a)] {
            match output.status.code() {
                Some(0) => assert_eq!(stderr(&output), ""),
                Some(2) => same_text(
                    "stderr",
                    &without_times(&stderr(&output)),
                    &held_by("mlteam -C demo sync -q", other),
                ),
                _ => panic!("round {round}: {output:?}"),
            }
        }
        let check = run(&project, &["check"]);
        assert_eq!(check.status.code(), Some(0), "round {round}: {check:?}");
        let readme = project.file("docs/team/README.md");
        assert!(
            readme.contains(&format!("Person {round}")),
            "round {round}: {readme}"
        );
        assert_no_state_left(&project);
    }
}

#[test]
fn a_lock_left_by_a_killed_command_is_taken_over_and_said_so() {
    let project = Project::new();
    project.init(&[]);
    project.write(
        ".mlteam/lock",
        "pid = 999999\ncommand = \"mlteam -C demo sync\"\nsince = \"2026-11-27T09:00:00Z\"\n",
    );
    let output = run(&project, &["sync", "-q"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(
        stderr(&output),
        "warning: `mlteam -C demo sync` (pid 999999, since 2026-11-27 09:00:00 UTC) ended without \
         releasing its lock on this project; taken over (it had left no write half done)\n"
    );
    assert_no_state_left(&project);
}

#[test]
fn an_unchanged_sync_leaves_no_trace() {
    let project = Project::new();
    project.init(&["--roles", "all"]);
    project.write(".mlteam/templates/en/.keep", "");
    let before = project.snapshot();
    let output = run(&project, &["sync", "-q"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(project.snapshot(), before, "bytes and modification times");
    let left: Vec<_> = fs_err::read_dir(project.path(".mlteam"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["templates"], "only the user's own folder");
}

// 3. Signals and SIGKILL.

#[test]
fn sigterm_and_sighup_undo_a_sync_half_way_like_ctrl_c() {
    for name in ["TERM", "HUP", "INT"] {
        let project = busy_project();
        let before = project.snapshot();
        let (child, _) = sync_under_way(&project, &before, 100, 3);
        signal(&child, name);
        let output = finish(child);
        assert_eq!(output.status.code(), Some(130), "SIG{name}: {output:?}");
        assert_eq!(stderr(&output), "error: interrupted; nothing was written\n");
        assert_eq!(
            project.snapshot(),
            before,
            "SIG{name}: bytes and mtimes as before"
        );
        assert_no_state_left(&project);
    }
}

#[test]
fn a_signal_while_waiting_for_the_lock_ends_the_wait() {
    let project = busy_project();
    let before = project.snapshot();
    let (first, _) = sync_under_way(&project, &before, 200, 1);
    let second = start(&project, &["sync"], 0);
    // Long enough for it to have set up its signal handling, even on a busy machine.
    std::thread::sleep(Duration::from_millis(1500));
    signal(&second, "TERM");
    let output = finish(second);
    assert_eq!(output.status.code(), Some(130), "{output:?}");
    assert_eq!(
        stderr(&output),
        "\nerror: interrupted; nothing was written\n"
    );
    assert!(
        project.exists(".mlteam/lock"),
        "the first one's lock is untouched"
    );
    let first = finish(first);
    assert_eq!(first.status.code(), Some(0), "{first:?}");
    assert_no_state_left(&project);
}

#[test]
fn a_killed_sync_is_undone_by_the_next_command() {
    let project = busy_project();
    let before = project.snapshot();
    let (child, _) = sync_under_way(&project, &before, 150, 4);
    let pid = child.id();
    signal(&child, "KILL");
    finish(child);
    let written = changed(&project, &before);
    assert!(written.len() >= 4, "{written:?}");
    assert!(project.exists(".mlteam/journal") && project.exists(".mlteam/lock"));
    // A person edits one of the files the dead command wrote; a write cut between its temporary
    // file and the rename leaves such a file behind.
    let edited = written[1].trim_start_matches("demo/").to_string();
    let by_hand = format!("{}\nMy note.\n", project.file(&edited));
    project.write(&edited, &by_hand);
    let folder = Path::new(&edited)
        .parent()
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    project.write(&format!("{folder}/.mlteam-AbC123.tmp"), "half a page");

    let output = run(&project, &["sync", "--dry-run"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let undone = written.len() - 1;
    same_text(
        "stderr",
        &without_times(&stderr(&output)),
        &format!(
            "warning: `mlteam -C demo sync` (pid {pid}, since [TIME] UTC) was stopped while \
             writing; undid its changes to {undone} files, removed 1 temporary file; left as they \
             are, edited since: {edited}\n"
        ),
    );
    let mut now = project.snapshot();
    let mut expected = before.clone();
    assert_eq!(
        now.remove(&format!("demo/{edited}")).unwrap().bytes,
        by_hand.as_bytes()
    );
    expected.remove(&format!("demo/{edited}"));
    assert_eq!(
        now, expected,
        "the rest is as before the killed sync, mtimes too"
    );
    assert_no_state_left(&project);
}

#[test]
fn git_never_sees_the_lock_or_the_journal() {
    if Command::new("git").arg("--version").output().is_err() {
        return;
    }
    let project = busy_project();
    let git = |args: &[&str]| {
        let output = Command::new("git")
            .current_dir(project.root())
            .args(args)
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@example.com")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@example.com")
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        stdout(&output)
    };
    git(&["init", "-q"]);
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "docs"]);
    let before = project.snapshot();
    let (child, _) = sync_under_way(&project, &before, 150, 2);
    signal(&child, "KILL");
    finish(child);
    let status = git(&["status", "--porcelain", "--untracked-files=all"]);
    assert!(!status.contains(".mlteam"), "{status}");
    assert!(status.contains(" M docs/"), "{status}");
}

// 4. Exports to -o FILE, and inputs from anywhere.

/// The three exports that take a file, with the flag that names it.
fn exports() -> [(Vec<&'static str>, &'static str); 3] {
    [
        (vec!["raci", "--format", "csv", "-o"], "-o"),
        (vec!["checklist", "--format", "json", "-o"], "-o"),
        (vec!["meetings", "--ics"], "--ics"),
    ]
}

fn export_to(project: &Project, args: &[&str], target: &str) -> Output {
    let mut all = args.to_vec();
    all.push(target);
    run(project, &all)
}

#[cfg(unix)]
#[test]
fn dev_null_stays_a_device_and_dev_full_is_said() {
    use std::os::unix::fs::FileTypeExt;
    let project = Project::new();
    project.init(&[]);
    let before = project.snapshot();
    for (args, flag) in exports() {
        let output = export_to(&project, &args, "/dev/null");
        assert_eq!(output.status.code(), Some(0), "{output:?}");
        assert!(
            fs_err::metadata("/dev/null")
                .unwrap()
                .file_type()
                .is_char_device()
        );
        let output = export_to(&project, &args, "/dev/full");
        assert_eq!(output.status.code(), Some(2), "{output:?}");
        assert_eq!(
            stderr(&output),
            format!(
                "error: {flag} /dev/full: cannot write it: No space left on device (os error 28)\n"
            )
        );
    }
    assert_eq!(project.snapshot(), before);
}

#[test]
fn an_empty_name_and_a_folder_are_refused() {
    let project = Project::new();
    project.init(&[]);
    let before = project.snapshot();
    for (args, flag) in exports() {
        let output = export_to(&project, &args, "");
        assert_eq!(output.status.code(), Some(2), "{output:?}");
        assert_eq!(
            stderr(&output),
            format!(
                "error: {flag}: is an empty file name\n  help: give the file to write, or `-` for \
                 standard output\n"
            )
        );
        let output = export_to(&project, &args, "docs");
        assert_eq!(output.status.code(), Some(2), "{output:?}");
        assert_eq!(
            stderr(&output),
            format!(
                "error: {flag} demo/docs: is a folder\n  help: give a file name, e.g. \
                 demo/docs/export.txt\n"
            )
        );
    }
    assert_eq!(project.snapshot(), before);
}

#[cfg(unix)]
#[test]
fn a_link_is_followed_to_its_file() {
    let project = Project::new();
    project.init(&[]);
    let expected = stdout(&run(&project, &["raci", "--format", "csv"]));
    let link = project.parent().join("matrix.csv");
    std::os::unix::fs::symlink("real.csv", &link).unwrap();
    for _ in 0..2 {
        // Made through the dangling link the first time, replaced through it the second.
        let output = export_to(
            &project,
            &["raci", "--format", "csv", "-o"],
            "../matrix.csv",
        );
        assert_eq!(output.status.code(), Some(0), "{output:?}");
        assert!(
            fs_err::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            fs_err::read_to_string(project.parent().join("real.csv")).unwrap(),
            expected
        );
    }
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
}

#[cfg(unix)]
#[test]
fn a_fifo_is_written_into_when_read_and_refused_in_time_when_not() {
    let project = Project::new();
    project.init(&[]);
    let fifo = project.parent().join("pipe");
    mkfifo(&fifo);
    let expected = stdout(&run(&project, &["raci", "--format", "csv"]));
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            fs_err::File::open(&fifo)
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            text
        })
    };
    let output = export_to(&project, &["raci", "--format", "csv", "-o"], "../pipe");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(reader.join().unwrap(), expected);

    let started = Instant::now();
    let output = export_to(&project, &["meetings", "--ics"], "../pipe");
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(started.elapsed() < Duration::from_secs(30));
    assert_eq!(
        stderr(&output),
        "error: --ics demo/../pipe: is a FIFO that nobody reads from (waited 10 s)\n  help: start \
         the reader first (e.g. `cat demo/../pipe &`), or write to a file\n"
    );
    assert!(
        fs_err::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo_like()
    );
}

/// `FileType::is_fifo` through a trait the test can name on every platform it runs on.
trait FifoLike {
    fn is_fifo_like(&self) -> bool;
}

impl FifoLike for std::fs::FileType {
    #[cfg(unix)]
    fn is_fifo_like(&self) -> bool {
        std::os::unix::fs::FileTypeExt::is_fifo(self)
    }
    #[cfg(not(unix))]
    fn is_fifo_like(&self) -> bool {
        false
    }
}

#[test]
fn inputs_come_from_a_pipe_or_from_anywhere() {
    let project = Project::new();
    project.init(&["--roles", "product-manager,ml-engineer"]);
    let csv = stdout(&run(&project, &["raci", "--format", "csv"]));
    let mut import = command(
        &project,
        &["-C", "demo", "raci", "import", "/dev/stdin", "-q"],
    );
    import.stdin(Stdio::piped());
    let mut child = import.spawn().unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(csv.as_bytes())
        .unwrap();
    let output = finish(child);
    assert_eq!(output.status.code(), Some(0), "{output:?}");

    let outside = project.parent().join("elsewhere.csv");
    fs_err::write(&outside, &csv).unwrap();
    let output = run(&project, &["raci", "import", outside.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    same_text(
        "stdout",
        &stdout(&output),
        &format!(
            "Nothing to change: all 27 files are up to date.\n\
             Imported {}: 0 letters differ from the catalog's defaults and are kept in \
             [raci.overrides].\n",
            outside.display()
        ),
    );
    assert_eq!(stderr(&output), "");

    let manifest = project.file("mlteam.toml");
    let mut init = command(&project, &["init", "other", "--from", "/dev/stdin", "-q"]);
    init.stdin(Stdio::piped());
    let mut child = init.spawn().unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(manifest.as_bytes())
        .unwrap();
    let output = finish(child);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(project.parent().join("other/docs/team/raci.md").exists());
}

#[test]
fn endless_or_wrong_inputs_stop_with_a_message() {
    let project = Project::new();
    project.init(&[]);
    let before = project.snapshot();
    let output = finish(
        command(&project, &["init", "other", "--from", "/dev/zero"])
            .spawn()
            .unwrap(),
    );
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert_eq!(
        stderr(&output),
        "error: /dev/zero: larger than 1 MiB, the most mlteam reads of a manifest; it stopped \
         reading there\n  help: check that this is the file you meant (the limits are in the README)\n"
    );
    let output = finish(
        command(&project, &["init", "other", "--from", "demo"])
            .spawn()
            .unwrap(),
    );
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert_eq!(
        stderr(&output),
        "error: demo: is a folder\n  help: give the file itself to --from\n"
    );
    let output = run(&project, &["raci", "import", "/dev/zero"]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    same_text(
        "stderr",
        &stderr(&output),
        "error: /dev/zero: larger than 8 MiB, the most mlteam reads of a matrix; it stopped reading there\n  \
         help: check that this is the file you meant (the limits are in the README)\n",
    );
    assert_eq!(project.snapshot(), before);
}

#[test]
fn templates_export_takes_an_absolute_folder_inside_the_project_only() {
    let project = Project::new();
    project.init(&[]);
    let inside = project.root().canonicalize().unwrap().join("custom");
    let output = run(
        &project,
        &[
            "templates",
            "export",
            "--lang",
            "en",
            "-q",
            inside.to_str().unwrap(),
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(project.exists("custom/pages/raci.md.hbs"));

    let before = project.snapshot();
    let outside = project.parent().canonicalize().unwrap().join("loose");
    let output = run(
        &project,
        &["templates", "export", outside.to_str().unwrap()],
    );
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert_eq!(
        stderr(&output),
        format!(
            "error: {}: is outside the project demo\n  help: give a folder inside it (the default \
             is .mlteam/templates, where mlteam looks for a project's templates)\n",
            outside.display()
        )
    );
    assert_eq!(project.snapshot(), before);
    assert!(!outside.exists());
}

// 5. Nothing blocks or grows without bound.

#[cfg(unix)]
#[test]
fn a_fifo_where_a_stub_goes_is_skipped_never_opened() {
    let project = Project::new();
    project.init(&["--roles", "product-manager,ml-engineer"]);
    fs_err::remove_file(project.path("docs/deliverables/prd.md")).unwrap();
    mkfifo(&project.path("docs/deliverables/prd.md"));
    let before = project.snapshot();
    let output = run(&project, &["sync"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    same_text(
        "stdout",
        &stdout(&output),
        "updated  docs/team/README.md                 (team)\n\
         updated  docs/team/roles/product-manager.md  (role)\n\
         skipped  docs/deliverables/prd.md            (a FIFO (named pipe), not a file; left as it is, never read)\n\
         updated  docs/checklist.md                   (checklist)\n",
    );
    assert_eq!(stderr(&output), "");
    let output = run(&project, &["check"]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    same_text(
        "stdout",
        &stdout(&output),
        "demo/docs/deliverables/prd.md:1: a FIFO (named pipe), not a file; mlteam does not read it\n",
    );
    same_text("stderr", &stderr(&output), "error: 1 problem found\n");
    for args in [
        &["checklist", "--format", "csv"][..],
        &["raci", "--format", "html"],
        &["meetings"],
    ] {
        let output = run(&project, args);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {output:?}");
    }
    // The checklist page itself may change (it lists the stub as unreadable); nothing else.
    let output = run(&project, &["checklist", "-q"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let changed = changed(&project, &before);
    assert!(changed.iter().all(|p| !p.contains("prd")), "{changed:?}");
}

#[cfg(unix)]
#[test]
fn a_fifo_or_an_oversized_manifest_stops_with_a_message() {
    let project = Project::new();
    project.init(&[]);
    let manifest = project.file("mlteam.toml");
    fs_err::remove_file(project.path("mlteam.toml")).unwrap();
    mkfifo(&project.path("mlteam.toml"));
    for args in [&["sync"][..], &["check"], &["raci", "--format", "csv"]] {
        let output = run(&project, args);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {output:?}");
        assert_eq!(
            stderr(&output),
            "error: demo/mlteam.toml: a FIFO (named pipe), not a file; mlteam does not read it\n  \
             help: move it away, or put a regular file in its place\n"
        );
    }
    fs_err::remove_file(project.path("mlteam.toml")).unwrap();
    project.write(
        "mlteam.toml",
        &format!("{manifest}{}", "# padding\n".repeat(120_000)),
    );
    let before = project.snapshot();
    let output = run(&project, &["sync"]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert_eq!(
        stderr(&output),
        "error: demo/mlteam.toml: larger than 1 MiB, the most mlteam reads of a manifest; it \
         stopped reading there\n  help: check that this is the file you meant (the limits are in \
         the README)\n"
    );
    assert_eq!(project.snapshot(), before);
}

#[test]
fn an_oversized_stub_is_left_alone_and_said() {
    let project = Project::new();
    project.init(&["--roles", "product-manager,ml-engineer"]);
    let stub = project.file("docs/deliverables/prd.md");
    project.write(
        "docs/deliverables/prd.md",
        &format!("{stub}{}", "A very long line of notes.\n".repeat(350_000)),
    );
    let output = run(&project, &["sync"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    same_text(
        "stdout",
        &stdout(&output),
        "updated  docs/team/README.md                 (team)\n\
         updated  docs/team/roles/product-manager.md  (role)\n\
         skipped  docs/deliverables/prd.md            (larger than 8 MiB, the most mlteam reads; left as it is)\n\
         updated  docs/checklist.md                   (checklist)\n",
    );
    assert_eq!(stderr(&output), "");
    let output = run(&project, &["checklist", "--format", "csv"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    same_text(
        "stdout",
        &stdout(&output),
        "phase,deliverable,title,owner,people,status,due,due_from_schedule,overdue,path,approved_by,approved_on\r\n\
         discovery,prd,Product requirements document (PRD),product-manager,,unreadable,2026-12-20,true,false,docs/deliverables/prd.md,,\r\n\
         discovery,project-charter,Project charter,product-manager,,todo,2026-12-20,true,false,docs/deliverables/project-charter.md,,\r\n\
         discovery,risk-register,Risk register,product-manager,,todo,2026-12-20,true,false,docs/deliverables/risk-register.md,,\r\n\
         discovery,decision-log,Decision log,product-manager,,todo,2026-12-20,true,false,docs/deliverables/decision-log.md,,\r\n\
         data,data-analysis-report,Data analysis report,ml-engineer,,todo,2027-02-14,true,false,docs/deliverables/data-analysis-report.md,,\r\n\
         data,data-pipeline-spec,Data pipeline specification,ml-engineer,,todo,2027-02-14,true,false,docs/deliverables/data-pipeline-spec.md,,\r\n\
         data,datasheet,Datasheet for the dataset,ml-engineer,,todo,2027-02-14,true,false,docs/deliverables/datasheet.md,,\r\n\
         modeling,model-report,Model report,ml-engineer,,todo,2027-03-28,true,false,docs/deliverables/model-report.md,,\r\n\
         modeling,responsible-ai-review,Responsible-AI review,ml-engineer,,todo,2027-03-28,true,false,docs/deliverables/responsible-ai-review.md,,\r\n\
         modeling,model-card,Model card,ml-engineer,,todo,2027-03-28,true,false,docs/deliverables/model-card.md,,\r\n\
         modeling,evaluation-report,Model evaluation report,ml-engineer,,todo,2027-03-28,true,false,docs/deliverables/evaluation-report.md,,\r\n\
         deployment,inference-system-design,Inference system design,ml-engineer,,todo,2027-04-25,true,false,docs/deliverables/inference-system-design.md,,\r\n\
         deployment,integration-spec,Integration specification,ml-engineer,,todo,2027-04-25,true,false,docs/deliverables/integration-spec.md,,\r\n\
         deployment,deployment-plan,Deployment plan,ml-engineer,,todo,2027-04-25,true,false,docs/deliverables/deployment-plan.md,,\r\n",
    );
    same_text(
        "stderr",
        &stderr(&output),
        "warning: demo/docs/deliverables/prd.md:1: larger than 8 MiB, the most mlteam reads of a stub\n",
    );
}

#[cfg(unix)]
#[test]
fn loops_and_fifos_among_project_templates_are_refused() {
    let project = Project::new();
    project.init(&[]);
    let templates = project.path(".mlteam/templates");
    fs_err::create_dir_all(templates.join("en")).unwrap();
    fs_err::create_dir_all(templates.join("b")).unwrap();
    std::os::unix::fs::symlink("..", templates.join("en/up")).unwrap();
    let before = project.snapshot();
    let output = run(&project, &["sync"]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert_eq!(
        stderr(&output),
        "error: demo/.mlteam/templates/en/up: a link back to demo/.mlteam/templates, a folder it is \
         in: the templates would never end\n  help: remove the link, or point it at a folder \
         outside this one\n"
    );
    fs_err::remove_file(templates.join("en/up")).unwrap();
    // Two folders that lead into each other.
    std::os::unix::fs::symlink("../b", templates.join("en/to-b")).unwrap();
    std::os::unix::fs::symlink("../en", templates.join("b/to-en")).unwrap();
    let output = run(&project, &["sync"]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    // Which folder the walk meets the loop from depends on the order the file system lists them.
    let loop_from = |folder: &str, other: &str| {
        format!(
            "error: demo/.mlteam/templates/{folder}/to-{other}/to-{folder}: a link back to \
             demo/.mlteam/templates/{folder}, a folder it is in: the templates would never end\n  \
             help: remove the link, or point it at a folder outside this one\n"
        )
    };
    let err = stderr(&output);
    if err != loop_from("b", "en") {
        same_text("stderr", &err, &loop_from("en", "b"));
    }
    fs_err::remove_file(templates.join("en/to-b")).unwrap();
    fs_err::remove_file(templates.join("b/to-en")).unwrap();

    mkfifo(&templates.join("en/raci.md.hbs"));
    let output = run(&project, &["sync"]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert_eq!(
        stderr(&output),
        "error: demo/.mlteam/templates/en/raci.md.hbs: a FIFO (named pipe), not a file; mlteam \
         does not read it\n  help: move it away, or put a regular file in its place\n"
    );
    assert_eq!(project.snapshot(), before);
}

// 6. CRLF checkouts.

/// The project as git's autocrlf would check it out: every text file with CRLF.
fn to_crlf(project: &Project) {
    for path in project.snapshot().into_keys() {
        let path = project.parent().join(path);
        let text = fs_err::read_to_string(&path).unwrap();
        fs_err::write(&path, text.replace("\r\n", "\n").replace('\n', "\r\n")).unwrap();
    }
}

fn bare_lf(text: &str) -> bool {
    text.replace("\r\n", "").contains('\n')
}

#[test]
fn a_crlf_checkout_is_clean_and_stays_crlf() {
    let project = Project::new();
    project.init(&["--roles", "product-manager,ml-engineer,data-scientist"]);
    to_crlf(&project);
    let before = project.snapshot();
    let output = run(&project, &["check"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let output = run(&project, &["sync", "-q"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(
        project.snapshot(),
        before,
        "nothing to do on a CRLF checkout"
    );

    let output = run(
        &project,
        &["roles", "add", "data-engineer", "--holder", "Zed", "-q"],
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let manifest = project.file("mlteam.toml");
    assert!(manifest.contains("name = \"Zed\"\r\n"), "{manifest}");
    for path in before.keys() {
        let text = fs_err::read_to_string(project.parent().join(path)).unwrap();
        assert!(!bare_lf(&text), "{path} mixes line endings");
    }
    let output = run(&project, &["check"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
}

// 7. No panic; lost output is an error.

#[test]
fn output_to_a_full_disk_is_an_error_and_undoes_the_write() {
    let project = busy_project();
    let before = project.snapshot();
    let full = || {
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap()
    };
    let cases: [&[&str]; 10] = [
        &["completions", "bash"],
        &["man"],
        &["roles", "list"],
        &["templates", "list"],
        &["templates", "context"],
        &["check"],
        &["meetings"],
        &["raci", "--format", "json"],
        &["checklist", "--format", "csv"],
        &["sync"],
    ];
    for args in cases {
        let mut cmd = command(&project, &[&["-C", "demo"][..], args].concat());
        cmd.stdout(full());
        let output = finish(cmd.spawn().unwrap());
        assert_eq!(output.status.code(), Some(2), "{args:?}: {output:?}");
        assert_eq!(
            stderr(&output),
            "error: cannot write to standard output: No space left on device (os error 28)\n",
            "{args:?}"
        );
    }
    assert_eq!(project.snapshot(), before, "the sync was undone");
}

#[test]
fn a_closed_pipe_is_no_panic() {
    let project = Project::new();
    project.init(&[]);
    for args in [
        &["completions", "zsh"][..],
        &["man"],
        &["raci", "--format", "html"],
    ] {
        let mut child = command(&project, &[&["-C", "demo"][..], args].concat())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let output = finish(child);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {output:?}");
        assert_eq!(stderr(&output), "", "{args:?}");
    }
}

#[cfg(unix)]
#[test]
fn a_closed_standard_output_is_an_error_not_silence() {
    let project = busy_project();
    let before = project.snapshot();
    let closed = |args: &str| {
        let script = format!("exec \"$0\" -C demo {args} >&-");
        finish(
            command(&project, &["-c", &script])
                .arg0_is(BIN)
                .spawn()
                .unwrap(),
        )
    };
    for args in ["completions bash", "sync", "raci --format csv"] {
        let output = closed(args);
        assert_eq!(output.status.code(), Some(2), "{args}: {output:?}");
        assert_eq!(
            stderr(&output),
            "error: standard output: closed (or not open for writing), so what mlteam prints \
             would be lost\n  help: give it somewhere to go (`> FILE`, or `> /dev/null` to drop \
             it); a command that writes files prints nothing with -q\n"
        );
    }
    assert_eq!(project.snapshot(), before);
    let output = closed("sync -q");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
}

/// A `sh -c SCRIPT BIN` command: the program becomes `sh`, with `BIN` as `$0`.
trait Shell {
    fn arg0_is(&mut self, bin: &str) -> &mut Self;
}

impl Shell for Command {
    fn arg0_is(&mut self, bin: &str) -> &mut Self {
        let args: Vec<_> = self.get_args().map(ToOwned::to_owned).collect();
        let dir: Option<PathBuf> = self.get_current_dir().map(Path::to_path_buf);
        let envs: Vec<_> = self
            .get_envs()
            .map(|(k, v)| (k.to_owned(), v.map(ToOwned::to_owned)))
            .collect();
        let mut sh = Command::new("sh");
        sh.args(args).arg(bin);
        if let Some(dir) = dir {
            sh.current_dir(dir);
        }
        for (key, value) in envs {
            match value {
                Some(value) => sh.env(key, value),
                None => sh.env_remove(key),
            };
        }
        sh.stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        *self = sh;
        self
    }
}

// Property tests: the parsers never panic and finish in bounded time on any input.

mod properties {
    use std::time::{Duration, Instant};

    use mlteam::input::manifest::{Manifest, Source};
    use mlteam::write::region;
    use proptest::prelude::*;

    /// Text made of the pieces the parsers look for, in any order.
    fn pieces(parts: &'static [&'static str]) -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                3 => prop::sample::select(parts).prop_map(str::to_string),
                1 => any::<String>(),
            ],
            0..40,
        )
        .prop_map(|p| p.concat())
    }

    const MARKERS: &[&str] = &[
        "<!-- mlteam:begin a -->",
        "<!-- mlteam:begin a digest=0123456789abcdef -->",
        "<!-- mlteam:end a -->",
        "<!-- mlteam:begin b owner=x -->",
        "<!-- mlteam:end b -->",
        "# mlteam:begin c",
        "# mlteam:end c",
        "<!-- mlteam:begin  -->",
        "\n",
        "\r\n",
        "\r",
        " ",
        "body",
        "é",
    ];

    const TOML: &[&str] = &[
        "[project]\n",
        "name = \"x\"\n",
        "start = 2026-11-27\n",
        "start = \"soon\"\n",
        "[team]\n",
        "roles = [\"ml-engineer\", \"data-scientist\"]\n",
        "roles = [\"nobody\"]\n",
        "[[member]]\nname = \"Ada\"\nroles = [\"ml-engineer\"]\n",
        "[meetings]\nkeep = [\"standup\"]\n",
        "[meetings.overrides.standup]\nday = \"MO\"\ntime = \"25:00\"\n",
        "[raci]\nmax_accountable = 0\n",
        "[raci.overrides]\nprd = { ml-engineer = \"A\" }\n",
        "[[custom.role]]\nid = \"x\"\n",
        "[[custom.activity]]\nid = \"y\"\nraci = { x = \"R\" }\n",
        "[[custom.deliverable]]\nid = \"z\"\nowner = \"x\"\n",
        "[[custom.meeting]]\nid = \"m\"\nrrule = \"FREQ=DAILY;BYDAY=XX\"\n",
        "kind = \"research\"\n",
        "timezone = \"Mars/Base\"\n",
        "[[[",
        "\"\"\"",
        "= {",
        "\r\n",
    ];

    const BOUND: Duration = Duration::from_secs(2);

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn the_region_parser_never_panics_and_is_quick(text in pieces(MARKERS), fresh in pieces(MARKERS)) {
            let started = Instant::now();
            let _ = region::parse(&text);
            if let Ok(sealed) = region::seal(&text) {
                prop_assert!(region::parse(&sealed).is_ok());
            }
            let _ = region::splice(&text, &fresh, false);
            let _ = region::splice(&text, &fresh, true);
            prop_assert!(started.elapsed() < BOUND);
        }

        #[test]
        fn the_manifest_loader_never_panics_and_is_quick(text in pieces(TOML)) {
            let started = Instant::now();
            let source = Source::new("mlteam.toml", text);
            if let Ok(manifest) = Manifest::parse(&source) {
                let _ = manifest.team(&source);
            }
            prop_assert!(started.elapsed() < BOUND);
        }
    }
}
