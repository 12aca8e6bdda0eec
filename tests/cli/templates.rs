//! Templates: the project's own versions under `.mlteam/templates/`, `templates list`, `export`
//! and `context`.

use crate::support::{Project, creation_diffs, plan_and_diffs, same_text, stdout};

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
    project
        .mlteam(&["templates", "export", "--lang", "en"])
        .ok()
        .stdout("skipped  .mlteam/templates/pages/raci.md.hbs  (already exists; left as it is)\n")
        .stderr("");
    assert_eq!(
        project.file(".mlteam/templates/pages/raci.md.hbs"),
        "mine\n"
    );

    // The shared templates serve every language; the manifest's is per language.
    project
        .mlteam(&["templates", "list"])
        .ok()
        .stdout(
            "en/calendar.ics    demo/.mlteam/templates/pages/calendar.ics.hbs\n\
             en/checklist.md    demo/.mlteam/templates/pages/checklist.md.hbs\n\
             en/codeowners      demo/.mlteam/templates/pages/codeowners.hbs\n\
             en/deliverable.md  demo/.mlteam/templates/pages/deliverable.md.hbs\n\
             en/meeting.md      demo/.mlteam/templates/pages/meeting.md.hbs\n\
             en/mlteam.toml     demo/.mlteam/templates/en/mlteam.toml.hbs\n\
             en/plan.md         demo/.mlteam/templates/pages/plan.md.hbs\n\
             en/raci.html       demo/.mlteam/templates/pages/raci.html.hbs\n\
             en/raci.md         demo/.mlteam/templates/pages/raci.md.hbs\n\
             en/role.md         demo/.mlteam/templates/pages/role.md.hbs\n\
             en/status.html     demo/.mlteam/templates/pages/status.html.hbs\n\
             en/team.md         demo/.mlteam/templates/pages/team.md.hbs\n\
             zh/calendar.ics    demo/.mlteam/templates/pages/calendar.ics.hbs\n\
             zh/checklist.md    demo/.mlteam/templates/pages/checklist.md.hbs\n\
             zh/codeowners      demo/.mlteam/templates/pages/codeowners.hbs\n\
             zh/deliverable.md  demo/.mlteam/templates/pages/deliverable.md.hbs\n\
             zh/meeting.md      demo/.mlteam/templates/pages/meeting.md.hbs\n\
             zh/mlteam.toml     templates/zh/mlteam.toml.hbs\n\
             zh/plan.md         demo/.mlteam/templates/pages/plan.md.hbs\n\
             zh/raci.html       demo/.mlteam/templates/pages/raci.html.hbs\n\
             zh/raci.md         demo/.mlteam/templates/pages/raci.md.hbs\n\
             zh/role.md         demo/.mlteam/templates/pages/role.md.hbs\n\
             zh/status.html     demo/.mlteam/templates/pages/status.html.hbs\n\
             zh/team.md         demo/.mlteam/templates/pages/team.md.hbs\n",
        )
        .stderr("");
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
    project
        .mlteam(&["templates", "list", "--lang", "en"])
        .ok()
        .stdout(
            "en/calendar.ics    templates/pages/calendar.ics.hbs\n\
             en/checklist.md    templates/pages/checklist.md.hbs\n\
             en/codeowners      templates/pages/codeowners.hbs\n\
             en/deliverable.md  templates/pages/deliverable.md.hbs\n\
             en/meeting.md      templates/pages/meeting.md.hbs\n\
             en/mlteam.toml     templates/en/mlteam.toml.hbs\n\
             en/plan.md         templates/pages/plan.md.hbs\n\
             en/raci.html       templates/pages/raci.html.hbs\n\
             en/raci.md         demo/.mlteam/templates/en/raci.md.hbs\n\
             en/role.md         templates/pages/role.md.hbs\n\
             en/status.html     templates/pages/status.html.hbs\n\
             en/team.md         templates/pages/team.md.hbs\n\
             (unused)           demo/.mlteam/templates/en/raci.mdd.hbs\n",
        )
        .stderr("");
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

    project
        .mlteam(&["templates", "context", "docs/team/roles/ml-enginer.md"])
        .code(2)
        .stdout("")
        .stderr("error: demo: `docs/team/roles/ml-enginer.md` is not a page of this project; did you mean `docs/team/roles/ml-engineer.md`?\n  \
                 help: give an output path such as docs/team/raci.md or docs/team/roles/<role>.md\n");
}

#[test]
fn export_has_a_dry_run() {
    // `--lang zh` picks the templates; what is said is in the project's language, English.
    let project = Project::new();
    project.init(&[]);
    let before = project.snapshot();
    let run = project
        .mlteam(&["templates", "export", "--lang", "zh", "--dry-run"])
        .ok()
        .stderr("");
    assert_eq!(project.snapshot(), before);
    let (plan, diffs) = plan_and_diffs(&run.stdout);
    same_text(
        "the plan",
        plan,
        "would create  .mlteam/templates/pages/calendar.ics.hbs\n\
         would create  .mlteam/templates/pages/checklist.md.hbs\n\
         would create  .mlteam/templates/pages/codeowners.hbs\n\
         would create  .mlteam/templates/pages/deliverable.md.hbs\n\
         would create  .mlteam/templates/pages/meeting.md.hbs\n\
         would create  .mlteam/templates/pages/plan.md.hbs\n\
         would create  .mlteam/templates/pages/raci.html.hbs\n\
         would create  .mlteam/templates/pages/raci.md.hbs\n\
         would create  .mlteam/templates/pages/role.md.hbs\n\
         would create  .mlteam/templates/pages/status.html.hbs\n\
         would create  .mlteam/templates/pages/team.md.hbs\n\
         would create  .mlteam/templates/zh/mlteam.toml.hbs\n",
    );
    // Then each template as a diff from nothing to what the export writes.
    project
        .mlteam(&["templates", "export", "--lang", "zh", "-q"])
        .ok()
        .stdout("")
        .stderr("");
    same_text("the diffs", diffs, &creation_diffs(&project, plan));
}

/// A broken override is said at its line and column, in our words rather than the parser's
/// list of grammar rules, and nothing is written.
#[test]
fn a_broken_template_is_pointed_at_where_it_breaks() {
    let project = Project::new();
    project.init(&["--roles", "ml-engineer"]);
    project.write(
        ".mlteam/templates/en/role.md.hbs",
        "# Card\n\nOwner: {{role.name}\n\nMore text.\n",
    );
    let before = project.snapshot();
    project.mlteam(&["sync"]).code(2).stdout("").stderr(
        "error: demo/.mlteam/templates/en/role.md.hbs:3:19: template error: the handlebars syntax breaks here\n  \
         |\n\
         3 | Owner: {{role.name}\n  \
         |                   ^\n  \
         help: every `{{` needs its `}}`, and every `{{#block …}}` its `{{/block}}`\n",
    );
    assert_eq!(project.snapshot(), before);
}
