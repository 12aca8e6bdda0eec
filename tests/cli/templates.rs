//! Templates: the project's own versions under `.mlteam/templates/`, `templates list`, `export`
//! and `context`.

use crate::support::{Project, stderr, stdout};

#[test]
fn a_project_template_replaces_the_built_in_one() {
    let project = Project::new();
    project.write(
        ".mlteam/templates/en/role.md.hbs",
        "# {{role.name}}\n\nOur own card. Owns {{len role.deliverables}} documents.\n",
    );
    project.init(&["--roles", "ml-engineer"]);
    assert_eq!(
        project.file("docs/team/roles/ml-engineer.md"),
        "# ML engineer\n\nOur own card. Owns 14 documents.\n"
    );
}

/// `templates list`: each page of each language with the file that renders it.
fn listed(project: &Project, args: &[&str]) -> Vec<(String, String)> {
    let mut all = vec!["templates", "list"];
    all.extend(args);
    stdout(&project.run(&all).output().unwrap())
        .lines()
        .filter_map(|l| {
            let (name, origin) = l.split_once("  ")?;
            Some((name.trim().to_string(), origin.trim().to_string()))
        })
        .collect()
}

fn origin(listed: &[(String, String)], page: &str) -> Option<String> {
    listed
        .iter()
        .find(|(name, _)| name == page)
        .map(|(_, origin)| origin.clone())
}

#[test]
fn export_copies_the_templates_out_and_never_clobbers() {
    let project = Project::new();
    project.init(&[]);
    let output = project
        .run(&["templates", "export", "--lang", "en"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let exported = project.file(".mlteam/templates/pages/raci.md.hbs");
    assert!(exported.contains("<!-- mlteam:begin raci-matrix -->"));
    assert_eq!(
        project.file(".mlteam/templates/en/mlteam.toml.hbs"),
        fs_err::read_to_string("templates/en/mlteam.toml.hbs").unwrap()
    );
    assert!(
        !project.exists(".mlteam/templates/zh"),
        "only the language asked for"
    );
    // What was exported renders what the built-in templates render.
    let before = project.snapshot();
    project.mlteam(&["sync"]).ok();
    assert_eq!(project.snapshot(), before);

    project.write(".mlteam/templates/pages/raci.md.hbs", "mine\n");
    let output = project
        .run(&["templates", "export", "--lang", "en"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(
        stdout(&output).contains("skipped  .mlteam/templates/pages/raci.md.hbs"),
        "{}",
        stdout(&output)
    );
    assert_eq!(
        project.file(".mlteam/templates/pages/raci.md.hbs"),
        "mine\n"
    );

    let listed = listed(&project, &[]);
    assert_eq!(
        origin(&listed, "en/raci.md").as_deref(),
        Some("demo/.mlteam/templates/pages/raci.md.hbs"),
        "{listed:?}"
    );
    // The shared templates serve every language; the manifest's is per language.
    assert_eq!(
        origin(&listed, "zh/role.md").as_deref(),
        Some("demo/.mlteam/templates/pages/role.md.hbs"),
        "{listed:?}"
    );
    assert_eq!(
        origin(&listed, "zh/mlteam.toml").as_deref(),
        Some("templates/zh/mlteam.toml.hbs"),
        "{listed:?}"
    );
}

/// SPEC §9, the order a page's template is picked in: the project's `L/P`, the project's
/// `pages/P`, the built-in `L/P`, the built-in `pages/P`.
#[test]
fn a_language_override_beats_a_shared_one_which_beats_the_built_in() {
    let card = |lang: &str, language_override: bool| {
        let project = Project::new();
        project.write(
            ".mlteam/templates/pages/role.md.hbs",
            "# {{role.name}}\n\nShared by every language.\n",
        );
        if language_override {
            project.write(
                ".mlteam/templates/en/role.md.hbs",
                "# {{role.name}}\n\nEnglish only.\n",
            );
        }
        project.init(&["--roles", "ml-engineer", "--lang", lang]);
        let listed = listed(&project, &[]);
        (
            project.file("docs/team/roles/ml-engineer.md"),
            origin(&listed, &format!("{lang}/role.md")).unwrap(),
        )
    };
    assert_eq!(
        card("en", true),
        (
            "# ML engineer\n\nEnglish only.\n".to_string(),
            "demo/.mlteam/templates/en/role.md.hbs".to_string()
        )
    );
    assert_eq!(
        card("zh", true),
        (
            "# 机器学习工程师\n\nShared by every language.\n".to_string(),
            "demo/.mlteam/templates/pages/role.md.hbs".to_string()
        )
    );
    assert_eq!(
        card("en", false),
        (
            "# ML engineer\n\nShared by every language.\n".to_string(),
            "demo/.mlteam/templates/pages/role.md.hbs".to_string()
        )
    );
}

#[test]
fn a_template_that_renders_no_page_is_listed_as_unused() {
    let project = Project::new();
    project.init(&[]);
    project.write(".mlteam/templates/en/raci.mdd.hbs", "typo\n");
    project.write(".mlteam/templates/en/raci.md.hbs", "{{project.name}}\n");
    let listed = listed(&project, &["--lang", "en"]);
    assert_eq!(
        origin(&listed, "(unused)").as_deref(),
        Some("demo/.mlteam/templates/en/raci.mdd.hbs"),
        "{listed:?}"
    );
    assert_eq!(
        origin(&listed, "en/raci.md").as_deref(),
        Some("demo/.mlteam/templates/en/raci.md.hbs")
    );
    assert!(listed.iter().all(|(name, _)| !name.starts_with("zh/")));
}

/// A shared template written before a project's language changed keeps working in the other
/// language: the words come from the page's language.
#[test]
fn an_exported_shared_template_speaks_the_projects_language() {
    let project = Project::new();
    project.init(&["--lang", "zh", "--roles", "ml-engineer"]);
    let before = project.file("docs/team/raci.md");
    project.mlteam(&["templates", "export"]).ok();
    project.mlteam(&["sync"]).ok();
    assert_eq!(project.file("docs/team/raci.md"), before);
    assert!(before.starts_with("# RACI矩阵：demo\n"), "{before}");
}

#[test]
fn context_prints_the_data_a_template_sees() {
    let project = Project::new();
    project.init(&[
        "--roles",
        "ml-engineer,data-scientist",
        "--member",
        "Ada=ml-engineer",
    ]);
    let team: serde_json::Value = serde_json::from_str(&stdout(
        &project.run(&["templates", "context"]).output().unwrap(),
    ))
    .unwrap();
    assert_eq!(team["project"]["name"], "demo");
    assert_eq!(team["roles"][1]["id"], "ml-engineer");
    assert_eq!(team["roles"][1]["holders"], "Ada");
    assert_eq!(team["matrix"]["rows"].as_array().unwrap().len(), 25);

    let page: serde_json::Value = serde_json::from_str(&stdout(
        &project
            .run(&["templates", "context", "docs/team/roles/ml-engineer.md"])
            .output()
            .unwrap(),
    ))
    .unwrap();
    assert_eq!(page["page"]["path"], "docs/team/roles/ml-engineer.md");
    assert_eq!(page["role"]["code"], "MLE");

    let output = project
        .run(&["templates", "context", "docs/team/roles/ml-enginer.md"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("did you mean `docs/team/roles/ml-engineer.md`?"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn export_has_a_dry_run() {
    // `--lang zh` picks the templates; what is said is in the project's language, English.
    let project = Project::new();
    project.init(&[]);
    let before = project.snapshot();
    let output = project
        .run(&["templates", "export", "--lang", "zh", "--dry-run"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(
        stdout(&output).contains("would create  .mlteam/templates/pages/raci.md.hbs"),
        "{}",
        stdout(&output)
    );
    assert_eq!(project.snapshot(), before);
}
