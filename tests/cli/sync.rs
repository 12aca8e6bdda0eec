//! Keeping the docs true as the team changes: `sync`, `raci`, `roles add/remove`, `raci import`,
//! `check` — and never losing a line a person wrote.

use crate::support::{Project, stderr, stdout};

fn four_roles() -> Project {
    let project = Project::new();
    project.init(&[
        "--roles",
        "product-manager,data-scientist,ml-engineer,data-engineer",
        "--member",
        "Ada <ada@example.com>=ml-engineer",
    ]);
    project
}

/// Lines people add in places mlteam must never touch.
fn write_by_hand(project: &Project) -> Vec<(&'static str, &'static str)> {
    let notes = vec![
        ("docs/team/raci.md", "Escalation goes to Ada first."),
        ("docs/team/README.md", "We meet in room 4."),
        ("docs/deliverables/prd.md", "The fraud rate is 0.3% today."),
        (
            "docs/meetings/standup.md",
            "### 2026-12-01\n\n- Decisions: ship the baseline",
        ),
        (
            "docs/team/roles/ml-engineer.md",
            "Ada is on call in even weeks.",
        ),
    ];
    for (path, line) in &notes {
        let text = project.file(path);
        project.write(path, &format!("{text}\n{line}\n"));
    }
    let manifest = project
        .file("mlteam.toml")
        .replace("[team]\n", "[team]\n# Reviewed with HR on 2026-11-20.\n");
    project.write("mlteam.toml", &manifest);
    notes
}

fn assert_kept(project: &Project, notes: &[(&str, &str)]) {
    for (path, line) in notes {
        assert!(project.file(path).contains(line), "{path} lost {line:?}");
    }
    assert!(
        project
            .file("mlteam.toml")
            .contains("# Reviewed with HR on 2026-11-20.\n"),
        "manifest comment lost"
    );
}

#[test]
fn a_second_sync_writes_nothing() {
    let project = four_roles();
    let first = project.run(&["sync"]).output().unwrap();
    assert!(first.status.success());
    let before = project.snapshot();
    let second = project.run(&["sync"]).output().unwrap();
    assert!(second.status.success());
    assert_eq!(project.snapshot(), before, "bytes and modification times");
    let out = stdout(&second);
    assert!(
        out.lines().all(|l| l.trim_start().starts_with("unchanged")),
        "{out}"
    );
    assert!(out.contains("unchanged  docs/team/raci.md"), "{out}");
}

#[test]
fn sync_brings_regions_up_to_date_and_keeps_the_rest() {
    let project = four_roles();
    let notes = write_by_hand(&project);
    let manifest = project.file("mlteam.toml").replace(
        "  \"data-engineer\", # Data engineer\n",
        "  \"data-engineer\", # Data engineer\n  \"devops-engineer\",\n",
    );
    project.write("mlteam.toml", &manifest);
    let output = project.run(&["sync"]).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    let out = stdout(&output);
    assert!(out.contains("updated  docs/team/raci.md"), "{out}");
    assert!(out.contains("(region raci-matrix)"), "{out}");
    assert!(
        out.contains("created  docs/team/roles/devops-engineer.md"),
        "{out}"
    );
    assert!(
        out.contains("created  docs/deliverables/deployment-plan.md"),
        "{out}"
    );
    assert!(project.file("docs/team/raci.md").contains("| DevOps |"));
    assert_kept(&project, &notes);
}

#[test]
fn a_hand_edited_region_stops_sync_until_forced() {
    let project = four_roles();
    let raci = project.file("docs/team/raci.md");
    let edited = raci.replacen(
        "| Discovery | Write the PRD |",
        "| Discovery | Write the PRD, carefully |",
        1,
    );
    project.write("docs/team/raci.md", &edited);
    let before = project.snapshot();
    let output = project.run(&["sync"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert_eq!(
        stderr(&output),
        "error: demo/docs/team/raci.md:27: region `raci-matrix` was edited by hand\n  \
         help: run `mlteam raci import` to keep the edit in mlteam.toml, or add --force to overwrite it\n\
         nothing was written\n"
    );
    assert_eq!(project.snapshot(), before);

    let forced = project.run(&["sync", "--force"]).output().unwrap();
    assert!(forced.status.success(), "{forced:?}");
    assert_eq!(project.file("docs/team/raci.md"), raci);
}

#[test]
fn removed_markers_leave_the_file_alone_and_say_so() {
    let project = four_roles();
    let readme = project.file("docs/team/README.md");
    let unmarked: String = readme
        .lines()
        .filter(|l| !l.starts_with("<!-- mlteam:"))
        .map(|l| format!("{l}\n"))
        .collect();
    project.write("docs/team/README.md", &unmarked);
    project.write(
        "mlteam.toml",
        &project
            .file("mlteam.toml")
            .replace("name = \"demo\"", "name = \"renamed\""),
    );
    let output = project.run(&["sync"]).output().unwrap();
    assert!(output.status.success());
    assert!(
        stdout(&output).contains("skipped  docs/team/README.md"),
        "{}",
        stdout(&output)
    );
    assert!(
        stdout(&output).contains("(markers of team removed; left as it is)"),
        "{}",
        stdout(&output)
    );
    assert_eq!(project.file("docs/team/README.md"), unmarked);
}

#[test]
fn the_import_round_trip_keeps_a_changed_letter() {
    let project = four_roles();
    let raci = project.file("docs/team/raci.md");
    // Feature engineering: give the ML engineer the R the data engineer had.
    let row = raci
        .lines()
        .find(|l| l.contains("| Feature engineering |"))
        .unwrap()
        .to_string();
    assert_eq!(
        row,
        "| Modeling | Feature engineering | | A/R (for MLAS) | I | R |"
    );
    project.write(
        "docs/team/raci.md",
        &raci.replace(&row, "| Modeling | Feature engineering | | A/R | R | C |"),
    );

    let output = project.run(&["raci", "import"]).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    assert!(
        stdout(&output).contains("2 letters differ from the catalog's defaults"),
        "{}",
        stdout(&output)
    );
    assert!(
        project
            .file("mlteam.toml")
            .contains("feature-engineering = { ml-engineer = \"R\", data-engineer = \"C\" }")
    );
    let synced = project.run(&["sync"]).output().unwrap();
    assert!(synced.status.success(), "{synced:?}");
    assert!(
        project
            .file("docs/team/raci.md")
            .contains("| Modeling | Feature engineering | | A/R (for MLAS) | R\\* | C\\* |")
    );
    assert!(project.run(&["check"]).output().unwrap().status.success());

    // Putting the default back removes the override.
    let raci = project.file("docs/team/raci.md");
    project.write(
        "docs/team/raci.md",
        &raci.replace(
            "| Modeling | Feature engineering | | A/R (for MLAS) | R\\* | C\\* |",
            "| Modeling | Feature engineering | | A/R | I | R |",
        ),
    );
    assert!(
        project
            .run(&["raci", "import"])
            .output()
            .unwrap()
            .status
            .success()
    );
    assert!(
        !project
            .file("mlteam.toml")
            .contains("feature-engineering =")
    );
}

#[test]
fn an_import_that_breaks_the_rules_is_refused_by_row() {
    let project = four_roles();
    let raci = project.file("docs/team/raci.md");
    let row = raci
        .lines()
        .find(|l| l.contains("| Feature engineering |"))
        .unwrap()
        .to_string();
    project.write(
        "docs/team/raci.md",
        &raci.replace(&row, "| Modeling | Feature engineering | | A/R | A | C |"),
    );
    let before = project.snapshot();
    let output = project.run(&["raci", "import"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "error: demo/docs/team/raci.md:44: row `Feature engineering` has 2 roles accountable (A); keep exactly one\n"
    );
    assert_eq!(project.snapshot(), before);
}

#[test]
fn roles_come_and_go_and_nothing_written_is_lost() {
    let project = four_roles();
    let notes = write_by_hand(&project);
    // 4 roles, then 5, then 6; the third call puts a second person on a role the team has.
    for (role, holder) in [
        ("devops-engineer", "Bo"),
        ("project-manager", "Dana"),
        ("ml-engineer", "Chen"),
    ] {
        let output = project
            .run(&["roles", "add", role, "--holder", holder])
            .output()
            .unwrap();
        assert!(output.status.success(), "{role}: {output:?}");
        assert_kept(&project, &notes);
        assert!(project.exists(&format!("docs/team/roles/{role}.md")));
    }
    let team: toml::Table = toml::from_str(&project.file("mlteam.toml")).unwrap();
    assert_eq!(team["team"]["roles"].as_array().unwrap().len(), 6);
    let card = project.file("docs/team/roles/ml-engineer.md");
    assert!(
        card.contains("**Held by:** Ada (<ada@example.com>), Chen"),
        "{card}"
    );
    let manifest = project.file("mlteam.toml");
    assert!(
        manifest.contains("  \"project-manager\", # Project manager\n]"),
        "{manifest}"
    );
    assert!(
        manifest.contains("[[member]]\nname = \"Bo\"\nroles = [\"devops-engineer\"]\n"),
        "{manifest}"
    );
    assert!(
        manifest.contains("[[member]]\nname = \"Dana\"\nroles = [\"project-manager\"]\n"),
        "{manifest}"
    );
    let ada_too = project
        .run(&[
            "roles",
            "add",
            "data-scientist",
            "--holder",
            "Ada",
            "--dry-run",
        ])
        .output()
        .unwrap();
    assert!(
        stdout(&ada_too)
            .contains("-roles = [\"ml-engineer\"]\n+roles = [\"ml-engineer\", \"data-scientist\"]"),
        "{}",
        stdout(&ada_too)
    );

    let prd = project.file("docs/deliverables/prd.md");
    let output = project
        .run(&["roles", "remove", "product-manager"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let out = stdout(&output);
    assert!(out.contains("orphaned  docs/deliverables/prd.md"), "{out}");
    assert!(
        out.contains("(its owner, Product manager, is not on the team; kept)"),
        "{out}"
    );
    assert_eq!(project.file("docs/deliverables/prd.md"), prd);
    assert!(!project.file("mlteam.toml").contains("\"product-manager\""));
    assert_kept(&project, &notes);
    // The docs are up to date; the one thing check still says is that Dana, now covering for the
    // product manager too, carries more than the default limit.
    let check = project.run(&["check"]).output().unwrap();
    assert_eq!(check.status.code(), Some(1));
    let report = stdout(&check);
    assert!(report.starts_with("demo/mlteam.toml:40:8: Dana is accountable for 9 activities, more than max_accountable = 8\n"), "{report}");
    assert_eq!(stderr(&check), "error: 1 problem found\n");
}

#[test]
fn unknown_roles_change_nothing() {
    let project = four_roles();
    let before = project.snapshot();
    let output = project
        .run(&["roles", "add", "devops-enginer"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "error: roles add: unknown role `devops-enginer`; did you mean `devops-engineer`?\n  help: `mlteam roles list` shows the role ids\n"
    );
    let output = project
        .run(&["roles", "remove", "devops-engineer"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("`devops-engineer` is not on the team"),
        "{}",
        stderr(&output)
    );
    assert_eq!(project.snapshot(), before);
}

#[test]
fn dry_runs_print_diffs_and_write_nothing() {
    let project = four_roles();
    let before = project.snapshot();
    let output = project
        .run(&["roles", "add", "data-analyst", "--dry-run"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let out = stdout(&output);
    assert!(out.contains("would update  mlteam.toml"), "{out}");
    assert!(
        out.contains("would create  docs/team/roles/data-analyst.md"),
        "{out}"
    );
    assert!(
        out.contains("+  \"data-analyst\", # Data analyst\n"),
        "{out}"
    );
    assert!(out.ends_with("Dry run: nothing was written.\n"), "{out}");
    for args in [
        &["sync", "--dry-run"][..],
        &["raci", "--dry-run"],
        &["raci", "import", "--dry-run"],
    ] {
        assert!(
            project.run(args).output().unwrap().status.success(),
            "{args:?}"
        );
    }
    assert_eq!(project.snapshot(), before);
}

#[test]
fn check_lists_every_problem_with_its_place() {
    let project = four_roles();
    let clean = project.run(&["check"]).output().unwrap();
    assert!(clean.status.success(), "{}", stdout(&clean));
    assert_eq!(
        stdout(&clean),
        "No problems found: the manifest is sound and the docs are up to date.\n"
    );

    fs_err::remove_file(project.path("docs/deliverables/prd.md")).unwrap();
    let stub = project
        .file("docs/deliverables/datasheet.md")
        .replace("status: todo", "status: started");
    project.write("docs/deliverables/datasheet.md", &stub);
    let raci =
        project
            .file("docs/team/raci.md")
            .replacen("| Write the PRD |", "| Write the PRD! |", 1);
    project.write("docs/team/raci.md", &raci);
    let output = project.run(&["check"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert!(
        out.contains("demo/docs/team/raci.md:27: region `raci-matrix` was edited by hand\n"),
        "{out}"
    );
    assert!(
        out.contains(
            "demo/docs/deliverables/prd.md: missing: the stub of a deliverable the team owes"
        ),
        "{out}"
    );
    assert!(out.contains("demo/docs/deliverables/datasheet.md:7: `status` must be one of todo, draft, review, done\n"), "{out}");
    assert_eq!(stderr(&output), "error: 6 problems found\n", "{out}");
}

#[test]
fn check_reports_team_problems_in_the_manifest() {
    let project = Project::new();
    project.init(&[
        "--roles",
        "business-consultant",
        "--member",
        "Ada=business-consultant",
    ]);
    let output = project.run(&["check"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert!(
        out.contains("demo/mlteam.toml:19:9: gap: no role on the team covers for Data engineer; Business consultant has its letters by default in 14 activities (ML problem framing and success metrics; Feasibility study of the algorithm; Project charter and project plan; …)\n"),
        "{out}"
    );
    assert!(
        out.contains("Ada is accountable for 30 activities, more than max_accountable = 8"),
        "{out}"
    );
}

#[test]
fn a_malformed_manifest_is_shown_where_it_breaks() {
    let project = four_roles();
    let manifest = project
        .file("mlteam.toml")
        .replace("max_accountable = 8", "max_accountable = eight");
    project.write("mlteam.toml", &manifest);
    let before = project.snapshot();
    let output = project.run(&["sync"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.starts_with("error: demo/mlteam.toml:54:19: string values must be quoted"),
        "{err}"
    );
    assert!(err.contains("max_accountable = eight"), "{err}");
    assert_eq!(project.snapshot(), before);
    let output = project.run(&["check"]).output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "check reports it as a problem"
    );
}

#[test]
fn exports_parse_back() {
    let project = four_roles();
    let csv = stdout(&project.run(&["raci", "--format", "csv"]).output().unwrap());
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "activity",
            "phase",
            "Product manager",
            "Data scientist",
            "ML engineer",
            "Data engineer"
        ]
    );
    assert_eq!(reader.records().count(), 30);
    assert!(csv.contains("\r\n"), "RFC 4180 line ends");

    let output = project
        .run(&["raci", "--format", "json", "-o", "matrix.json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_str(&project.file("matrix.json")).unwrap();
    assert_eq!(json["schema"], 1);
    assert_eq!(json["roles"][2]["holders"][0], "Ada");
    let prd = json["activities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "prd")
        .unwrap();
    assert_eq!(
        prd["cells"][0],
        serde_json::json!({"role": "product-manager", "letter": "A/R", "covers": ["ai-product-manager"], "overridden": false})
    );

    // The CSV goes back in: change a letter, import it.
    let edited = csv.replacen(
        "Write the PRD,Discovery,A/R,C,C,",
        "Write the PRD,Discovery,A/R,R,C,",
        1,
    );
    assert_ne!(edited, csv);
    project.write("edited.csv", &edited);
    let output = project
        .run(&["raci", "import", "edited.csv"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    assert!(
        project
            .file("mlteam.toml")
            .contains("prd = { data-scientist = \"R\" }"),
        "{}",
        project.file("mlteam.toml")
    );
}

#[test]
fn the_html_export_is_one_self_contained_page() {
    let project = Project::new();
    project.init(&[
        "--roles",
        "product-manager,ml-engineer",
        "--name",
        "Fraud <detection> & co",
    ]);
    let output = project.run(&["raci", "--format", "html"]).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    let html = stdout(&output);
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n"),
        "{}",
        &html[..60]
    );
    assert!(html.contains("<title>RACI matrix: Fraud &lt;detection&gt; &amp; co</title>"));
    assert_eq!(html.matches("<tr><td class=\"phase\">").count(), 30);
    for external in ["src=", "href=", "http://", "https://", "@import", "url("] {
        assert!(!html.contains(external), "an external resource: {external}");
    }
    assert!(html.contains("@media print"));
    let zh = stdout(
        &project
            .run(&["raci", "--format", "html", "--lang", "zh"])
            .output()
            .unwrap(),
    );
    assert!(
        zh.starts_with("<!DOCTYPE html>\n<html lang=\"zh\">\n"),
        "--lang chooses the export's language"
    );
    assert!(
        zh.contains(
            "<th>阶段</th><th>活动</th><th class=\"role\" title=\"产品经理\">产品经理</th>"
        ),
        "{zh}"
    );
}

#[test]
fn codeowners_follow_the_owner_roles_and_keep_other_rules() {
    let project = Project::new();
    project.init(&[
        "--roles",
        "product-manager,ml-engineer",
        "--member",
        "Ada @ada-l=ml-engineer",
        "--member",
        "Bo @bo=product-manager",
    ]);
    let owners = project.file(".github/CODEOWNERS");
    assert!(
        owners.contains("\n/docs/deliverables/prd.md @bo\n"),
        "{owners}"
    );
    assert!(
        owners.contains("\n/docs/deliverables/inference-system-design.md @ada-l\n"),
        "{owners}"
    );
    project.write(".github/CODEOWNERS", &format!("{owners}/src/ @ada-l\n"));
    // The product manager leaves: the ML engineer covers, so Ada reviews the PRD.
    let output = project
        .run(&["roles", "remove", "product-manager"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let owners = project.file(".github/CODEOWNERS");
    assert!(
        owners.ends_with("# mlteam:end codeowners\n/src/ @ada-l\n"),
        "{owners}"
    );
    assert!(!owners.contains("@bo"), "{owners}");
}

#[test]
fn meetings_lists_the_cadence_and_writes_a_calendar() {
    let project = four_roles();
    let output = project.run(&["meetings"]).output().unwrap();
    assert!(output.status.success());
    let list = stdout(&output);
    assert!(list.starts_with("Daily stand-up "), "{list}");
    assert!(
        list.lines().any(|l| l.starts_with("Project review")
            && l.contains("Monthly, on the first Monday")
            && l.ends_with("15:00–16:30  Product manager")),
        "{list}"
    );
    let output = project
        .run(&["meetings", "--ics", "team.ics"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(
        project.file("team.ics"),
        project.file("docs/meetings/calendar.ics")
    );
}

#[test]
fn custom_roles_activities_and_deliverables_join_the_docs() {
    let project = four_roles();
    let manifest = project.file("mlteam.toml").replace(
        "  \"data-engineer\", # Data engineer\n",
        "  \"data-engineer\", # Data engineer\n  \"prompt-engineer\",\n",
    ) + r#"
[[custom.role]]
id = "prompt-engineer"
name = "Prompt engineer"
group = "research-engineering"
summary = "Designs, tests and versions the prompts of LLM features"
responsibilities = ["Write and evaluate prompts"]
covers = ["ml-engineer"]

[[custom.activity]]
id = "prompt-evaluation"
name = "Prompt evaluation"
phase = "modeling"
raci = { prompt-engineer = "A/R", ml-engineer = "C" }

[[custom.deliverable]]
id = "prompt-library"
title = "Prompt library"
owner = "prompt-engineer"
contributors = ["ml-engineer"]
phase = "modeling"
sections = ["Prompts", { title = "Evaluation", hint = "How each prompt is scored, and on what data." }]
"#;
    project.write("mlteam.toml", &manifest);
    let output = project.run(&["sync"]).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    let stub = project.file("docs/deliverables/prompt-library.md");
    assert!(
        stub.starts_with(
            "---\ndeliverable: prompt-library\ntitle: \"Prompt library\"\nowner: prompt-engineer\n"
        ),
        "{stub}"
    );
    assert!(
        stub.contains("## Evaluation\n\n> How each prompt is scored, and on what data.\n"),
        "{stub}"
    );
    let raci = project.file("docs/team/raci.md");
    assert!(
        raci.contains("| Modeling | Prompt evaluation | | | C | | A/R |"),
        "{raci}"
    );
    assert!(project.exists("docs/team/roles/prompt-engineer.md"));
    assert!(project.run(&["check"]).output().unwrap().status.success());

    // A custom entry is checked like a built-in one, at its line.
    let broken = project
        .file("mlteam.toml")
        .replace("covers = [\"ml-engineer\"]", "covers = [\"ml-enginer\"]");
    project.write("mlteam.toml", &broken);
    let output = project.run(&["sync"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output)
            .contains("[[custom.role]]: unknown role `ml-enginer`; did you mean `ml-engineer`?"),
        "{}",
        stderr(&output)
    );
}
