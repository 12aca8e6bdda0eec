//! The interactive `init`, driven through a real pseudo-terminal as a person would type.

use std::process::Command;
use std::time::Duration;

use expectrl::process::unix::WaitStatus;
use expectrl::{Eof, Expect, Session};

use crate::support::{Project, TODAY};

type Pty = Session<expectrl::process::unix::UnixProcess, expectrl::process::unix::PtyStream>;

fn spawn(project: &Project) -> Pty {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("mlteam"));
    cmd.args(["init", "demo"])
        .current_dir(project.parent())
        .env("MLTEAM_TODAY", TODAY)
        .env("TZ", "UTC")
        .env("LANG", "C")
        .env("TERM", "xterm-256color")
        .env_remove("LC_ALL")
        .env_remove("NO_COLOR");
    let mut session = Session::spawn(cmd).expect("spawned in a pseudo-terminal");
    session.set_expect_timeout(Some(Duration::from_secs(20)));
    session
}

const ENTER: &str = "\r";
const SPACE: &str = " ";

/// Waits for `prompt`, then types `keys`.
fn answer(session: &mut Pty, prompt: &str, keys: &str) {
    session
        .expect(prompt)
        .unwrap_or_else(|e| panic!("waiting for {prompt:?}: {e}"));
    session.send(keys).unwrap();
}

/// Reads everything the program still prints and returns its exit code and that text.
fn finish(mut session: Pty) -> (i32, String) {
    let rest = session
        .expect(Eof)
        .map(|c| String::from_utf8_lossy(c.as_bytes()).into_owned())
        .unwrap_or_default();
    let code = match session.get_process().wait().unwrap() {
        WaitStatus::Exited(_, code) => code,
        other => panic!("ended by {other:?}"),
    };
    (code, rest)
}

fn take_defaults_until_roles(session: &mut Pty) {
    answer(session, "Project name", ENTER);
    answer(session, "One-line description", ENTER);
    answer(session, "Language of the documents", ENTER);
    answer(session, "Kind of project", ENTER);
}

/// The three role questions, one per group; `management` is typed at the first.
fn choose_roles(session: &mut Pty, management: &str) {
    answer(session, "Roles on the team: Management", management);
    answer(
        session,
        "Roles on the team: Research and engineering",
        ENTER,
    );
    answer(
        session,
        "Roles on the team: Development and delivery",
        ENTER,
    );
}

/// Everything after the roles with its default, then `confirm` at the last question.
fn take_defaults_after_roles(session: &mut Pty, confirm: &str) {
    answer(session, "Name the people who hold these roles now?", ENTER);
    answer(session, "Meetings to keep", ENTER);
    answer(session, "Project start date", ENTER);
    answer(session, "Timezone of the meetings", ENTER);
    answer(session, "Write this skeleton?", confirm);
}

#[test]
fn enter_all_the_way_writes_the_core_team() {
    let project = Project::new();
    let mut session = spawn(&project);
    take_defaults_until_roles(&mut session);
    choose_roles(&mut session, ENTER);
    take_defaults_after_roles(&mut session, ENTER);
    let (code, output) = finish(session);
    assert_eq!(code, 0, "{output}");
    let manifest = project.file("mlteam.toml");
    assert!(manifest.contains("name = \"demo\""), "{manifest}");
    assert!(manifest.contains("start = 2026-11-27"), "{manifest}");
    assert!(
        manifest.contains("  \"product-manager\", # Product manager\n"),
        "{manifest}"
    );
    assert!(
        manifest.contains("  \"devops-engineer\", # DevOps engineer\n"),
        "{manifest}"
    );
    assert!(project.exists("docs/team/roles/product-manager.md"));
    assert!(project.exists("docs/meetings/calendar.ics"));
}

#[test]
fn a_toggled_role_and_a_named_person_reach_the_manifest() {
    let project = Project::new();
    let mut session = spawn(&project);
    take_defaults_until_roles(&mut session);
    // The product manager is first and pre-selected: space takes it off the team.
    choose_roles(&mut session, &format!("{SPACE}{ENTER}"));
    answer(
        &mut session,
        "Name the people who hold these roles now?",
        "y",
    );
    answer(
        &mut session,
        "Person, as Name <email> @github",
        &format!("Ada Lovelace <ada@example.com> @ada-l{ENTER}"),
    );
    // Roles left: project manager first; take it.
    answer(
        &mut session,
        "Roles Ada Lovelace holds",
        &format!("{SPACE}{ENTER}"),
    );
    answer(&mut session, "Person, as Name <email> @github", ENTER);
    answer(&mut session, "Meetings to keep", ENTER);
    answer(
        &mut session,
        "Project start date",
        &format!("2026-02-30{ENTER}"),
    );
    answer(&mut session, "is not a date like 2026-11-27", "");
    // The bad date stays in the field: clear it, then type a good one.
    session.send("\u{8}".repeat(10)).unwrap();
    session.send(format!("2026-12-01{ENTER}")).unwrap();
    answer(&mut session, "Timezone of the meetings", ENTER);
    answer(&mut session, "Write this skeleton?", ENTER);
    let (code, output) = finish(session);
    assert_eq!(code, 0, "{output}");
    let manifest = project.file("mlteam.toml");
    assert!(!manifest.contains("\"product-manager\","), "{manifest}");
    assert!(manifest.contains("start = 2026-12-01"), "{manifest}");
    assert!(
        manifest.contains("[[member]]\nname = \"Ada Lovelace\"\nemail = \"ada@example.com\"\ngithub = \"ada-l\"\nroles = [\"project-manager\"]\n"),
        "{manifest}"
    );
    assert!(!project.exists("docs/team/roles/product-manager.md"));
}

#[test]
fn ctrl_c_at_a_prompt_writes_nothing_and_gives_the_cursor_back() {
    let project = Project::new();
    let before = project.snapshot();
    let mut session = spawn(&project);
    take_defaults_until_roles(&mut session);
    answer(&mut session, "Roles on the team: Management", "\u{3}");
    let (code, output) = finish(session);
    assert_eq!(code, 130, "{output}");
    assert!(
        output.contains("\u{1b}[?25h"),
        "the cursor is shown again: {output:?}"
    );
    assert_eq!(project.snapshot(), before);
}

#[test]
fn no_at_the_confirmation_writes_nothing() {
    let project = Project::new();
    let before = project.snapshot();
    let mut session = spawn(&project);
    take_defaults_until_roles(&mut session);
    choose_roles(&mut session, ENTER);
    take_defaults_after_roles(&mut session, "n");
    let (code, output) = finish(session);
    assert_eq!(code, 130, "{output}");
    assert!(
        output.contains("cancelled; nothing was written"),
        "{output}"
    );
    assert_eq!(project.snapshot(), before);
}

#[test]
fn a_broken_project_template_is_reported_before_any_question() {
    let project = Project::new();
    project.write(
        ".mlteam/templates/en/role.md.hbs",
        "{{#each role.duties}}\n",
    );
    let session = spawn(&project);
    let (code, output) = finish(session);
    assert_eq!(code, 2, "{output}");
    assert!(
        output.contains("demo/.mlteam/templates/en/role.md.hbs:"),
        "{output}"
    );
    assert!(
        !output.contains("Project name"),
        "no question was asked: {output}"
    );
}

/// A person holds at least one role, and is named once (issue: people stay valid).
#[test]
fn a_person_needs_a_role_and_is_named_once() {
    let project = Project::new();
    let mut session = spawn(&project);
    take_defaults_until_roles(&mut session);
    choose_roles(&mut session, ENTER);
    answer(
        &mut session,
        "Name the people who hold these roles now?",
        "y",
    );
    answer(
        &mut session,
        "Person, as Name <email> @github",
        &format!("Ada{ENTER}"),
    );
    // Enter with nothing picked is not accepted.
    answer(&mut session, "Roles Ada holds", ENTER);
    answer(&mut session, "Choose at least one role for Ada", "");
    answer(&mut session, "Roles Ada holds", &format!("{SPACE}{ENTER}"));
    answer(
        &mut session,
        "Person, as Name <email> @github",
        &format!("ADA{ENTER}"),
    );
    answer(
        &mut session,
        "Ada is already on the team; name each person once",
        "",
    );
    // Clear the refused name, finish the list.
    session.send("\u{8}".repeat(3)).unwrap();
    session.send(ENTER).unwrap();
    answer(&mut session, "Meetings to keep", ENTER);
    answer(&mut session, "Project start date", ENTER);
    answer(&mut session, "Timezone of the meetings", ENTER);
    answer(&mut session, "Write this skeleton?", ENTER);
    let (code, output) = finish(session);
    assert_eq!(code, 0, "{output}");
    let manifest = project.file("mlteam.toml");
    assert!(
        manifest.contains("[[member]]\nname = \"Ada\"\nroles = [\"product-manager\"]\n"),
        "{manifest}"
    );
    assert_eq!(manifest.matches("\n[[member]]\n").count(), 1, "{manifest}");
}
