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

#[test]
fn export_copies_the_templates_out_and_never_clobbers() {
    let project = Project::new();
    project.init(&[]);
    let output = project
        .run(&["templates", "export", "--lang", "en"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let exported = project.file(".mlteam/templates/en/raci.md.hbs");
    assert!(exported.contains("<!-- mlteam:begin raci-matrix -->"));
    assert!(
        !project.exists(".mlteam/templates/zh"),
        "only the language asked for"
    );

    project.write(".mlteam/templates/en/raci.md.hbs", "mine\n");
    let output = project
        .run(&["templates", "export", "--lang", "en"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(
        stdout(&output).contains("skipped  .mlteam/templates/en/raci.md.hbs"),
        "{}",
        stdout(&output)
    );
    assert_eq!(project.file(".mlteam/templates/en/raci.md.hbs"), "mine\n");

    let listed = stdout(&project.run(&["templates", "list"]).output().unwrap());
    let origin = |name: &str| {
        listed.lines().find_map(|l| {
            l.split_whitespace()
                .collect::<Vec<_>>()
                .split_first()
                .filter(|(n, _)| **n == name)
                .map(|(_, o)| o.join(" "))
        })
    };
    assert_eq!(
        origin("en/raci.md").as_deref(),
        Some("demo/.mlteam/templates/en/raci.md.hbs"),
        "{listed}"
    );
    assert_eq!(
        origin("zh/role.md").as_deref(),
        Some("templates/zh/role.md.hbs"),
        "{listed}"
    );
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
    let project = Project::new();
    project.init(&[]);
    let before = project.snapshot();
    let output = project
        .run(&["templates", "export", "--lang", "zh", "--dry-run"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(
        stdout(&output).contains("将创建  .mlteam/templates/zh/raci.md.hbs"),
        "{}",
        stdout(&output)
    );
    assert_eq!(project.snapshot(), before);
}
