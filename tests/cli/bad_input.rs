//! Bad input: a clear error naming what is wrong and how to fix it, exit 2, and every file left
//! as it was.

use std::time::{Duration, Instant};

use crate::support::{Project, same_text, stderr, stdout};

/// Runs `init demo ARGS` expecting exit 2 and no change on disk; returns standard error.
fn refused(project: &Project, args: &[&str]) -> String {
    let before = project.snapshot();
    let output = project
        .cmd()
        .arg("init")
        .arg("demo")
        .args(args)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    same_text("stdout", &stdout(&output), "");
    assert_eq!(
        project.snapshot(),
        before,
        "files changed after a refused init {args:?}"
    );
    stderr(&output)
}

#[test]
fn unknown_roles_get_a_suggestion() {
    let err = refused(
        &Project::new(),
        &["--yes", "--roles", "ml-enginer,data-scientist"],
    );
    assert_eq!(
        err,
        "error: --roles: unknown role `ml-enginer`; did you mean `ml-engineer`?\n"
    );
}

#[test]
fn an_empty_role_list_is_refused() {
    let err = refused(&Project::new(), &["--yes", "--roles", " , "]);
    assert_eq!(
        err,
        "error: --roles: no roles given; name at least one (`mlteam roles list` shows them) or `all`\n"
    );
}

#[test]
fn bad_dates_and_timezones_are_named() {
    let err = refused(&Project::new(), &["--yes", "--start", "2026-02-30"]);
    assert_eq!(
        err,
        "error: --start: `2026-02-30` is not a date like 2026-11-27 (YYYY-MM-DD)\n"
    );
    let err = refused(&Project::new(), &["--yes", "--timezone", "Europe/Berln"]);
    assert_eq!(
        err,
        "error: --timezone: unknown timezone `Europe/Berln`; did you mean `Europe/Berlin`?\n"
    );
}

#[test]
fn every_bad_flag_is_reported_at_once() {
    let err = refused(
        &Project::new(),
        &[
            "--yes",
            "--roles",
            "ml-engineer",
            "--meetings",
            "standp",
            "--member",
            "Ada=data-scientist",
            "--start",
            "soon",
        ],
    );
    assert_eq!(
        err,
        "error: --member: Ada holds data-scientist, not on the team; add it to --roles\n\
         --meetings: unknown meeting `standp`; did you mean `standup`?\n\
         --start: `soon` is not a date like 2026-11-27 (YYYY-MM-DD)\n"
    );
}

#[test]
fn a_member_without_roles_is_explained() {
    let err = refused(&Project::new(), &["--yes", "--member", "Ada Lovelace"]);
    same_text(
        "stderr",
        &err,
        "error: --member: `Ada Lovelace` names no roles; write it like \"Ada Lovelace <ada@example.com>=ml-engineer,data-scientist\"\n",
    );
}

#[test]
fn an_existing_project_is_not_initialised_again() {
    let project = Project::new();
    project.init(&[]);
    let err = refused(&project, &["--yes", "--roles", "all"]);
    assert_eq!(
        err,
        "error: demo/mlteam.toml: already exists: this folder holds an mlteam project\n  \
         help: run `mlteam sync` there to update it, or `mlteam init --force` to replace its manifest\n"
    );
}

#[test]
fn a_file_where_the_folder_should_be_is_refused() {
    let project = Project::new();
    fs_err::create_dir_all(project.parent()).unwrap();
    fs_err::write(project.root(), "not a folder\n").unwrap();
    let err = refused(&project, &["--yes"]);
    same_text(
        "stderr",
        &err,
        "error: demo: exists and is not a folder\n  \
         help: give init a folder (new or existing) to write into\n",
    );
}

#[test]
fn no_backtrace_even_when_the_user_asks_for_them() {
    let project = Project::new();
    let output = project
        .cmd()
        .env("RUST_BACKTRACE", "full")
        .args(["init", "demo", "--yes", "--roles", "nobody"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    same_text(
        "stderr",
        &stderr(&output),
        "error: --roles: unknown role `nobody`\n",
    );
}

#[test]
fn without_a_terminal_init_stops_at_once_and_names_yes() {
    let project = Project::new();
    let started = Instant::now();
    let output = project
        .cmd()
        .args(["init", "demo"])
        .write_stdin("")
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(started.elapsed() < Duration::from_secs(20));
    same_text(
        "stderr",
        &stderr(&output),
        "error: init needs answers and there is no terminal to ask them on\n  \
         help: pass --yes to take the defaults (flags such as --roles set the rest), or --from FILE to reuse a team's mlteam.toml\n",
    );
    assert!(!project.root().exists());
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_project_is_refused() {
    let project = Project::new();
    let outside = project.parent().join("outside");
    fs_err::create_dir_all(&outside).unwrap();
    fs_err::create_dir_all(project.root()).unwrap();
    std::os::unix::fs::symlink(&outside, project.path("docs")).unwrap();
    let err = refused(&project, &["--yes"]);
    same_text(
        "stderr",
        &err,
        &format!(
            "error: demo/docs/team/README.md: demo/docs is a link to {}, outside the project; \
             mlteam never writes or reads through it\n",
            outside.display()
        ),
    );
    assert_eq!(fs_err::read_dir(&outside).unwrap().count(), 0);
    assert!(!project.exists("mlteam.toml"));
}

#[test]
fn a_broken_from_file_is_reported_at_its_line() {
    let project = Project::new();
    let source = project.parent().join("team.toml");
    fs_err::create_dir_all(project.parent()).unwrap();
    fs_err::write(&source, "[project]\nname = \"x\"\nstart = 2026-11-27\n\n[team]\nroles = [\"ml-engineer\", \"data-scientst\"]\n")
        .unwrap();
    let err = refused(&project, &["--from", "team.toml"]);
    assert_eq!(
        err,
        "error: team.toml:6:25: unknown role `data-scientst`; did you mean `data-scientist`?\n  |\n6 | roles = \
         [\"ml-engineer\", \"data-scientst\"]\n  |                         ^\n  help: `mlteam roles list` shows the role ids\n"
    );
}

#[test]
fn an_unknown_key_in_a_from_file_gets_a_suggestion() {
    let project = Project::new();
    fs_err::create_dir_all(project.parent()).unwrap();
    fs_err::write(
        project.parent().join("team.toml"),
        "[project]\nname = \"x\"\nstrat = 2026-11-27\n\n[team]\nroles = [\"ml-engineer\"]\n",
    )
    .unwrap();
    let err = refused(&project, &["--from", "team.toml"]);
    same_text(
        "stderr",
        &err,
        "error: team.toml:3:1: unknown key `strat`\n  \
         |\n\
         3 | strat = 2026-11-27\n  \
         | ^\n  \
         help: did you mean `start`?\n",
    );
}

#[test]
fn a_misspelled_variable_in_a_project_template_names_file_line_and_column() {
    let project = Project::new();
    project.write(
        ".mlteam/templates/en/role.md.hbs",
        "# {{role.name}}\n\nHeld by {{role.holdrs}}\n",
    );
    let err = refused(&project, &["--yes"]);
    same_text(
        "stderr",
        &err,
        "error: demo/.mlteam/templates/en/role.md.hbs:3:9: `role.holdrs` is not in the data (templates render in strict mode)\n  \
         |\n\
         3 | Held by {{role.holdrs}}\n  \
         |         ^\n  \
         help: `mlteam templates context` prints the data a template receives\n",
    );
}

#[test]
fn an_unknown_kind_is_named_with_the_kinds_there_are() {
    let err = refused(&Project::new(), &["--yes", "--kind", "prodcut"]);
    assert_eq!(
        err,
        "error: --kind: unknown project kind `prodcut`; did you mean `product`? (use one of: `product`, `delivery`, `research`)\n"
    );
    let err = refused(&Project::new(), &["--yes", "--start", "9999-12-31"]);
    assert_eq!(
        err,
        "error: --start: `9999-12-31` is outside the years 1970 to 9000\n"
    );
    let project = Project::new();
    project.init(&[]);
    let manifest = project
        .file("mlteam.toml")
        .replace("kind = \"product\"", "kind = \"reseach\"");
    project.write("mlteam.toml", &manifest);
    let before = project.snapshot();
    let output = project.run(&["sync"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "error: demo/mlteam.toml:14:8: unknown project kind `reseach`; did you mean `research`?\n   |\n14 | kind = \"reseach\"\n   |        ^\n  help: use one of: `product`, `delivery`, `research`\n"
    );
    assert_eq!(project.snapshot(), before);
}
