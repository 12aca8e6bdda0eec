//! The small commands around the main job: the role catalog, shell completions, the man page.

use crate::support::{Project, stdout};

#[test]
fn roles_list_shows_every_role_in_both_languages() {
    let project = Project::new();
    let en = stdout(&project.cmd().args(["roles", "list"]).output().unwrap());
    for id in [
        "product-manager",
        "ml-applied-scientist",
        "business-consultant",
    ] {
        assert!(en.contains(id), "{id} in {en}");
    }
    assert!(en.starts_with("Management\n  product-manager "), "{en}");
    let zh = stdout(
        &project
            .cmd()
            .args(["roles", "list", "--lang", "zh"])
            .output()
            .unwrap(),
    );
    assert!(zh.starts_with("管理层角色\n"), "{zh}");
    assert!(zh.contains("机器学习应用科学家"), "{zh}");
}

#[test]
fn completions_for_every_shell() {
    let project = Project::new();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = project.cmd().args(["completions", shell]).output().unwrap();
        assert!(output.status.success(), "{shell}");
        assert!(stdout(&output).contains("init"), "{shell}");
    }
}

#[test]
fn the_man_page_renders() {
    let output = Project::new().cmd().arg("man").output().unwrap();
    assert!(output.status.success());
    let page = stdout(&output);
    assert!(
        page.starts_with(".ie \\n(.g .ds Aq"),
        "{}",
        &page[..80.min(page.len())]
    );
    assert!(page.contains(".TH mlteam"), "roff title");
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let project = Project::new();
    let plain = stdout(
        &project
            .cmd()
            .args(["init", "demo", "--yes", "--dry-run"])
            .output()
            .unwrap(),
    );
    assert!(!plain.contains('\u{1b}'), "NO_COLOR and a pipe: no escapes");
    let always = project
        .cmd()
        .args(["init", "demo", "--yes", "--dry-run", "--color", "always"])
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    let coloured = stdout(&always);
    assert!(
        coloured.contains("\u{1b}[32mwould create\u{1b}[0m  mlteam.toml"),
        "{}",
        &coloured[..200.min(coloured.len())]
    );
    let never = project
        .cmd()
        .args(["init", "demo", "--yes", "--dry-run", "--color", "never"])
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    assert!(!stdout(&never).contains('\u{1b}'));
}
