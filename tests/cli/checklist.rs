//! `mlteam checklist`: progress read from the stubs' front matter, filtered, exported, gated.

use crate::support::{Finish, Project, stderr, stdout};

/// The digest on the checklist's begin marker.
/// The whole checklist page of the `demo` project: the intro a person may edit around the region,
/// then the region with its digest and `body`.
fn page(digest: &str, body: &str) -> String {
    format!(
        "# Deliverable checklist: demo\n\
         \n\
         Where each deliverable stands, read from the front matter of its stub (`status:` todo, draft,\n\
         review or done; `due:` a date, or empty for the end of its phase; `approved_by:` and\n\
         `approved_on:` once it is signed off). Run `mlteam checklist` after changing a stub to refresh\n\
         the list.\n\
         \n\
         <!-- mlteam:begin checklist digest={digest} -->\n\
         \n\
         {body}\
         \n\
         <!-- mlteam:end checklist -->\n"
    )
}

fn digest_of(project: &Project) -> String {
    let text = project.file("docs/checklist.md");
    let at = text.find("mlteam:begin checklist digest=").unwrap() + 30;
    text[at..at + 16].to_string()
}

fn checklist_region(project: &Project) -> String {
    let text = project.file("docs/checklist.md");
    text.split("<!-- mlteam:begin checklist")
        .nth(1)
        .unwrap()
        .split("<!-- mlteam:end checklist")
        .next()
        .unwrap()
        .to_string()
}

#[test]
fn status_changes_show_in_the_checklist_and_the_cards() {
    let project = Project::product_team("en");
    project.set("prd", "status", "done");
    project.set("model-report", "status", "review");
    project.set("model-report", "due", "2026-11-20");
    project
        .mlteam(&["checklist"])
        .ok()
        .stdout(
            "updated  docs/team/README.md                 (team)\n\
             updated  docs/team/roles/product-manager.md  (role)\n\
             updated  docs/team/roles/data-scientist.md   (role)\n\
             updated  docs/checklist.md                   (checklist)\n\
             updated  docs/plan.md                        (plan)\n",
        )
        .stderr("");
    // Grouped by phase with its dates; a date shows only where a stub sets its own, and a done
    // item shows its sign-off instead.
    assert_eq!(
        checklist_region(&project),
        format!(
            " digest={} -->\n{}",
            digest_of(&project),
            r#"
Overall: 1 of 14 done, 1 overdue.

## Discovery (2026-11-30 to 2026-12-20): 1 of 4 done

- Product manager (Bo Li)
  - [x] [Product requirements document (PRD)](deliverables/prd.md): done, **not signed off**
  - [ ] [Project charter](deliverables/project-charter.md): todo
  - [ ] [Risk register](deliverables/risk-register.md): todo
  - [ ] [Decision log](deliverables/decision-log.md): todo

## Data (2026-12-21 to 2027-02-14): 0 of 3 done

- Data scientist (Bo Li)
  - [ ] [Data analysis report](deliverables/data-analysis-report.md): todo
- ML engineer (Ada)
  - [ ] [Data pipeline specification](deliverables/data-pipeline-spec.md): todo
  - [ ] [Datasheet for the dataset](deliverables/datasheet.md): todo

## Modeling (2027-02-15 to 2027-03-28): 0 of 4 done

- Data scientist (Bo Li)
  - [ ] [Model report](deliverables/model-report.md): review, due 2026-11-20, **overdue**
  - [ ] [Responsible-AI review](deliverables/responsible-ai-review.md): todo
  - [ ] [Model card](deliverables/model-card.md): todo
  - [ ] [Model evaluation report](deliverables/evaluation-report.md): todo

## Deployment (2027-03-29 to 2027-04-25): 0 of 3 done

- ML engineer (Ada)
  - [ ] [Inference system design](deliverables/inference-system-design.md): todo
  - [ ] [Integration specification](deliverables/integration-spec.md): todo
  - [ ] [Deployment plan](deliverables/deployment-plan.md): todo

"#
        )
    );
    let card = project.file("docs/team/roles/data-scientist.md");
    let table: Vec<&str> = card.lines().filter(|l| l.starts_with("| [")).collect();
    assert_eq!(
        table,
        [
            "| [Data analysis report](../../deliverables/data-analysis-report.md) | todo | 2027-02-14 (end of Data) |",
            "| [Model report](../../deliverables/model-report.md) | review (overdue) | 2026-11-20 |",
            "| [Responsible-AI review](../../deliverables/responsible-ai-review.md) | todo | 2027-03-28 (end of Modeling) |",
            "| [Model card](../../deliverables/model-card.md) | todo | 2027-03-28 (end of Modeling) |",
            "| [Model evaluation report](../../deliverables/evaluation-report.md) | todo | 2027-03-28 (end of Modeling) |",
        ]
    );
    assert!(
        project
            .file("docs/team/README.md")
            .contains("[Product requirements document (PRD)](../deliverables/prd.md) (done)")
    );
    // Nothing else changed: a second run writes nothing.
    let before = project.snapshot();
    assert!(
        project
            .run(&["checklist"])
            .output()
            .unwrap()
            .status
            .success()
    );
    assert_eq!(project.snapshot(), before);
}

#[test]
fn overdue_is_judged_against_today() {
    let project = Project::product_team("en");
    project.set("prd", "due", "2026-11-28");
    let region = |today: &str| {
        project
            .run(&["checklist", "--phase", "discovery"])
            .env("MLTEAM_TODAY", today)
            .finish()
            .ok()
            .stderr("")
    };
    // Due today is not overdue.
    region("2026-11-28").stdout(&page("c45cac4981c60429", "Overall: 0 of 4 done.\n\
                                 \n\
                                 ## Discovery (2026-11-30 to 2026-12-20): 0 of 4 done\n\
                                 \n\
                                 - Product manager (Bo Li)\n  \
                                 - [ ] [Product requirements document (PRD)](deliverables/prd.md): todo, due 2026-11-28\n  \
                                 - [ ] [Project charter](deliverables/project-charter.md): todo\n  \
                                 - [ ] [Risk register](deliverables/risk-register.md): todo\n  \
                                 - [ ] [Decision log](deliverables/decision-log.md): todo\n"));
    region("2026-11-29").stdout(&page("bccbed186760e445", "Overall: 0 of 4 done, 1 overdue.\n\
                                 \n\
                                 ## Discovery (2026-11-30 to 2026-12-20): 0 of 4 done\n\
                                 \n\
                                 - Product manager (Bo Li)\n  \
                                 - [ ] [Product requirements document (PRD)](deliverables/prd.md): todo, due 2026-11-28, **overdue**\n  \
                                 - [ ] [Project charter](deliverables/project-charter.md): todo\n  \
                                 - [ ] [Risk register](deliverables/risk-register.md): todo\n  \
                                 - [ ] [Decision log](deliverables/decision-log.md): todo\n"));
}

#[test]
fn a_deleted_stub_is_missing_and_a_bad_status_is_named() {
    let project = Project::product_team("en");
    fs_err::remove_file(project.path("docs/deliverables/integration-spec.md")).unwrap();
    let output = project
        .run(&["checklist", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let items: Vec<&serde_json::Value> = json["phases"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["items"].as_array().unwrap())
        .collect();
    let status = |id: &str| {
        items
            .iter()
            .find(|i| i["deliverable"] == id)
            .map(|i| i["status"].clone())
    };
    assert_eq!(status("integration-spec"), Some("missing".into()));
    // The data engineer is not on this team: the ML engineer covers for it and owns the
    // datasheet; the warehouse design waits for a data engineer.
    assert_eq!(status("datasheet"), Some("todo".into()));
    assert_eq!(status("data-warehouse-design"), None);
    project
        .mlteam(&["checklist", "--role", "ml-engineer"])
        .ok()
        .stdout(&page(
            "a0f6887fd61ed40a",
            "Overall: 0 of 5 done.\n\
                 \n\
                 ## Data (2026-12-21 to 2027-02-14): 0 of 2 done\n\
                 \n\
                 - ML engineer (Ada)\n  \
                 - [ ] [Data pipeline specification](deliverables/data-pipeline-spec.md): todo\n  \
                 - [ ] [Datasheet for the dataset](deliverables/datasheet.md): todo\n\
                 \n\
                 ## Deployment (2027-03-29 to 2027-04-25): 0 of 3 done\n\
                 \n\
                 - ML engineer (Ada)\n  \
                 - [ ] [Inference system design](deliverables/inference-system-design.md): todo\n  \
                 - [ ] [Integration specification](deliverables/integration-spec.md): missing\n  \
                 - [ ] [Deployment plan](deliverables/deployment-plan.md): todo\n",
        ))
        .stderr("");
    project.set("data-analysis-report", "status", "finished");
    let output = project
        .run(&["checklist", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        stderr(&output),
        "warning: demo/docs/deliverables/data-analysis-report.md:7: `status` must be one of todo, draft, review, done\n"
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let report = json["phases"][1]["items"][0].clone();
    assert_eq!(
        (report["deliverable"].as_str(), report["status"].as_str()),
        (Some("data-analysis-report"), Some("unreadable"))
    );
}

#[test]
fn filters_by_role_phase_and_person() {
    let project = Project::product_team("en");
    let md = |args: &[&str]| {
        let mut all = vec!["checklist"];
        all.extend(args);
        project.mlteam(&all).ok().stderr("")
    };
    md(&["--role", "ml-engineer"]).stdout(&page("15d67807585f3f64", "Overall: 0 of 5 done.\n\
                                           \n\
                                           ## Data (2026-12-21 to 2027-02-14): 0 of 2 done\n\
                                           \n\
                                           - ML engineer (Ada)\n  \
                                           - [ ] [Data pipeline specification](deliverables/data-pipeline-spec.md): todo\n  \
                                           - [ ] [Datasheet for the dataset](deliverables/datasheet.md): todo\n\
                                           \n\
                                           ## Deployment (2027-03-29 to 2027-04-25): 0 of 3 done\n\
                                           \n\
                                           - ML engineer (Ada)\n  \
                                           - [ ] [Inference system design](deliverables/inference-system-design.md): todo\n  \
                                           - [ ] [Integration specification](deliverables/integration-spec.md): todo\n  \
                                           - [ ] [Deployment plan](deliverables/deployment-plan.md): todo\n"));
    md(&["--phase", "modeling"]).stdout(&page("9f229850c7a57bf0", "Overall: 0 of 4 done.\n\
                                         \n\
                                         ## Modeling (2027-02-15 to 2027-03-28): 0 of 4 done\n\
                                         \n\
                                         - Data scientist (Bo Li)\n  \
                                         - [ ] [Model report](deliverables/model-report.md): todo\n  \
                                         - [ ] [Responsible-AI review](deliverables/responsible-ai-review.md): todo\n  \
                                         - [ ] [Model card](deliverables/model-card.md): todo\n  \
                                         - [ ] [Model evaluation report](deliverables/evaluation-report.md): todo\n"));
    md(&["--person", "bo li"]).stdout(&page("617d26cd6fa1f2b0", "Overall: 0 of 9 done.\n\
                                       \n\
                                       ## Discovery (2026-11-30 to 2026-12-20): 0 of 4 done\n\
                                       \n\
                                       - Product manager (Bo Li)\n  \
                                       - [ ] [Product requirements document (PRD)](deliverables/prd.md): todo\n  \
                                       - [ ] [Project charter](deliverables/project-charter.md): todo\n  \
                                       - [ ] [Risk register](deliverables/risk-register.md): todo\n  \
                                       - [ ] [Decision log](deliverables/decision-log.md): todo\n\
                                       \n\
                                       ## Data (2026-12-21 to 2027-02-14): 0 of 1 done\n\
                                       \n\
                                       - Data scientist (Bo Li)\n  \
                                       - [ ] [Data analysis report](deliverables/data-analysis-report.md): todo\n\
                                       \n\
                                       ## Modeling (2027-02-15 to 2027-03-28): 0 of 4 done\n\
                                       \n\
                                       - Data scientist (Bo Li)\n  \
                                       - [ ] [Model report](deliverables/model-report.md): todo\n  \
                                       - [ ] [Responsible-AI review](deliverables/responsible-ai-review.md): todo\n  \
                                       - [ ] [Model card](deliverables/model-card.md): todo\n  \
                                       - [ ] [Model evaluation report](deliverables/evaluation-report.md): todo\n"));
    // Filters print; they never rewrite the shared file.
    assert!(checklist_region(&project).contains("Overall: 0 of 14 done."));
}

#[test]
fn a_stub_may_hand_its_deliverable_to_another_owner() {
    let project = Project::product_team("en");
    project.set("integration-spec", "owner", "data-scientist");
    project
        .mlteam(&["checklist", "--role", "data-scientist"])
        .ok()
        .stdout(&page(
            "5f84a7805363060b",
            "Overall: 0 of 6 done.\n\
                 \n\
                 ## Data (2026-12-21 to 2027-02-14): 0 of 1 done\n\
                 \n\
                 - Data scientist (Bo Li)\n  \
                 - [ ] [Data analysis report](deliverables/data-analysis-report.md): todo\n\
                 \n\
                 ## Modeling (2027-02-15 to 2027-03-28): 0 of 4 done\n\
                 \n\
                 - Data scientist (Bo Li)\n  \
                 - [ ] [Model report](deliverables/model-report.md): todo\n  \
                 - [ ] [Responsible-AI review](deliverables/responsible-ai-review.md): todo\n  \
                 - [ ] [Model card](deliverables/model-card.md): todo\n  \
                 - [ ] [Model evaluation report](deliverables/evaluation-report.md): todo\n\
                 \n\
                 ## Deployment (2027-03-29 to 2027-04-25): 0 of 1 done\n\
                 \n\
                 - Data scientist (Bo Li)\n  \
                 - [ ] [Integration specification](deliverables/integration-spec.md): todo\n",
        ))
        .stderr("");
    project.set("integration-spec", "owner", "data-scientst");
    // An unknown owner falls back to the team's.
    project
        .mlteam(&["checklist", "--role", "ml-engineer"])
        .ok()
        .stdout(&page("15d67807585f3f64", "Overall: 0 of 5 done.\n\
                 \n\
                 ## Data (2026-12-21 to 2027-02-14): 0 of 2 done\n\
                 \n\
                 - ML engineer (Ada)\n  \
                 - [ ] [Data pipeline specification](deliverables/data-pipeline-spec.md): todo\n  \
                 - [ ] [Datasheet for the dataset](deliverables/datasheet.md): todo\n\
                 \n\
                 ## Deployment (2027-03-29 to 2027-04-25): 0 of 3 done\n\
                 \n\
                 - ML engineer (Ada)\n  \
                 - [ ] [Inference system design](deliverables/inference-system-design.md): todo\n  \
                 - [ ] [Integration specification](deliverables/integration-spec.md): todo\n  \
                 - [ ] [Deployment plan](deliverables/deployment-plan.md): todo\n"))
        .stderr("warning: demo/docs/deliverables/integration-spec.md:4: owner: unknown role `data-scientst`; did you mean `data-scientist`?\n");
}

#[test]
fn every_format_parses_back() {
    let project = Project::product_team("en");
    project.set("prd", "status", "done");
    project.set("prd", "due", "2026-12-01");
    let output = project
        .run(&["checklist", "--format", "json", "-o", "progress.json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_str(&project.file("progress.json")).unwrap();
    assert_eq!(
        (
            json["schema"].as_u64(),
            json["total"].as_u64(),
            json["done"].as_u64()
        ),
        (Some(1), Some(14), Some(1))
    );
    assert_eq!(
        json["phases"][0]["items"][0],
        serde_json::json!({
            "deliverable": "prd", "title": "Product requirements document (PRD)", "path": "docs/deliverables/prd.md",
            "owner": "product-manager", "owner_name": "Product manager", "people": ["Bo Li"],
            "status": "done", "due": "2026-12-01", "due_from_schedule": false, "overdue": false,
            "approved_by": null, "approved_on": null
        })
    );
    assert_eq!(
        (&json["phases"][0]["start"], &json["phases"][0]["end"]),
        (&"2026-11-30".into(), &"2026-12-20".into())
    );
    assert_eq!(
        (
            &json["phases"][0]["items"][1]["due"],
            &json["phases"][0]["items"][1]["due_from_schedule"]
        ),
        (&"2026-12-20".into(), &true.into())
    );

    let csv = stdout(
        &project
            .run(&["checklist", "--format", "csv"])
            .output()
            .unwrap(),
    );
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "phase",
            "deliverable",
            "title",
            "owner",
            "people",
            "status",
            "due",
            "due_from_schedule",
            "overdue",
            "path",
            "approved_by",
            "approved_on"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 14);
    assert_eq!(
        rows[0].iter().collect::<Vec<_>>(),
        [
            "discovery",
            "prd",
            "Product requirements document (PRD)",
            "product-manager",
            "Bo Li",
            "done",
            "2026-12-01",
            "false",
            "false",
            "docs/deliverables/prd.md",
            "",
            ""
        ]
    );

    project
        .mlteam(&["checklist", "--format", "md"])
        .ok()
        .stdout(&page("952dc915da30f6c9", "Overall: 1 of 14 done.\n\
                 \n\
                 ## Discovery (2026-11-30 to 2026-12-20): 1 of 4 done\n\
                 \n\
                 - Product manager (Bo Li)\n  \
                 - [x] [Product requirements document (PRD)](deliverables/prd.md): done, **not signed off**\n  \
                 - [ ] [Project charter](deliverables/project-charter.md): todo\n  \
                 - [ ] [Risk register](deliverables/risk-register.md): todo\n  \
                 - [ ] [Decision log](deliverables/decision-log.md): todo\n\
                 \n\
                 ## Data (2026-12-21 to 2027-02-14): 0 of 3 done\n\
                 \n\
                 - Data scientist (Bo Li)\n  \
                 - [ ] [Data analysis report](deliverables/data-analysis-report.md): todo\n\
                 - ML engineer (Ada)\n  \
                 - [ ] [Data pipeline specification](deliverables/data-pipeline-spec.md): todo\n  \
                 - [ ] [Datasheet for the dataset](deliverables/datasheet.md): todo\n\
                 \n\
                 ## Modeling (2027-02-15 to 2027-03-28): 0 of 4 done\n\
                 \n\
                 - Data scientist (Bo Li)\n  \
                 - [ ] [Model report](deliverables/model-report.md): todo\n  \
                 - [ ] [Responsible-AI review](deliverables/responsible-ai-review.md): todo\n  \
                 - [ ] [Model card](deliverables/model-card.md): todo\n  \
                 - [ ] [Model evaluation report](deliverables/evaluation-report.md): todo\n\
                 \n\
                 ## Deployment (2027-03-29 to 2027-04-25): 0 of 3 done\n\
                 \n\
                 - ML engineer (Ada)\n  \
                 - [ ] [Inference system design](deliverables/inference-system-design.md): todo\n  \
                 - [ ] [Integration specification](deliverables/integration-spec.md): todo\n  \
                 - [ ] [Deployment plan](deliverables/deployment-plan.md): todo\n"))
        .stderr("");
}

#[test]
fn check_gates_a_phase_review() {
    let project = Project::product_team("en");
    let gate = |phase: &str| project.mlteam(&["checklist", "--check", "--phase", phase]);
    gate("discovery")
        .code(1)
        .stdout(
            "demo/docs/deliverables/prd.md: todo, due 2026-12-20; Discovery, owned by Product manager (Bo Li)\n\
             demo/docs/deliverables/project-charter.md: todo, due 2026-12-20; Discovery, owned by Product manager (Bo Li)\n\
             demo/docs/deliverables/risk-register.md: todo, due 2026-12-20; Discovery, owned by Product manager (Bo Li)\n\
             demo/docs/deliverables/decision-log.md: todo, due 2026-12-20; Discovery, owned by Product manager (Bo Li)\n",
        )
        .stderr("error: 4 of 4 deliverables are not done\n");
    for deliverable in ["prd", "project-charter", "risk-register", "decision-log"] {
        project.set(deliverable, "status", "done");
    }
    let before = project.snapshot();
    gate("discovery")
        .ok()
        .stdout("All 4 listed deliverables are done.\n")
        .stderr("");
    assert_eq!(project.snapshot(), before, "--check writes nothing");
    gate("modeling").code(1);
    // A gate that matches nothing passes nothing: an in-house product has no delivery phase.
    gate("delivery")
        .code(2)
        .stdout("")
        .stderr(
            "error: checklist --check: no deliverable of this project matches --phase delivery: there is nothing to check\n  \
             help: `mlteam checklist --format md -o -` lists every deliverable with its phase and owner\n",
        );
    project
        .run(&[
            "checklist",
            "--check",
            "--person",
            "Ada",
            "--phase",
            "discovery",
        ])
        .finish()
        .code(2);
}

#[test]
fn unknown_filters_get_a_suggestion() {
    let project = Project::product_team("en");
    let cases = [
        (
            &["--role", "ml-enginer"][..],
            "error: --role: unknown role `ml-enginer`; did you mean `ml-engineer`?\n",
        ),
        (
            &["--phase", "modelling"],
            "error: --phase: unknown phase `modelling`; did you mean `modeling`?\n",
        ),
        (
            &["--person", "Ada Lovelace"],
            "error: --person: nobody called `Ada Lovelace` is on the team; did you mean `Ada`?\n  help: people are the [[member]] entries of mlteam.toml\n",
        ),
    ];
    for (args, expected) in cases {
        let mut all = vec!["checklist"];
        all.extend(args);
        let output = project.run(&all).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&output), expected);
    }
}

#[test]
fn a_stub_that_is_not_text_is_reported_never_guessed() {
    let project = Project::product_team("en");
    fs_err::write(
        project.path("docs/deliverables/prd.md"),
        b"\xff\xfe not text",
    )
    .unwrap();
    project
        .mlteam(&["sync"])
        .ok()
        .stdout(
            "updated  docs/team/README.md                 (team)\n\
         updated  docs/team/roles/product-manager.md  (role)\n\
         skipped  docs/deliverables/prd.md            (not UTF-8 text; left as it is)\n\
         updated  docs/checklist.md                   (checklist)\n",
        )
        .stderr("");
    assert_eq!(
        fs_err::read(project.path("docs/deliverables/prd.md")).unwrap(),
        b"\xff\xfe not text"
    );
    let output = project
        .run(&["checklist", "--check", "--phase", "discovery"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "warning: demo/docs/deliverables/prd.md:1: the file is not UTF-8 text\n\
         error: 4 of 4 deliverables are not done\n"
    );
    assert_eq!(
        stdout(&output),
        "demo/docs/deliverables/prd.md: unreadable, due 2026-12-20; Discovery, owned by Product manager (Bo Li)\n\
         demo/docs/deliverables/project-charter.md: todo, due 2026-12-20; Discovery, owned by Product manager (Bo Li)\n\
         demo/docs/deliverables/risk-register.md: todo, due 2026-12-20; Discovery, owned by Product manager (Bo Li)\n\
         demo/docs/deliverables/decision-log.md: todo, due 2026-12-20; Discovery, owned by Product manager (Bo Li)\n"
    );
    project
        .mlteam(&["check"])
        .code(1)
        .stdout("demo/docs/deliverables/prd.md:1: the file is not UTF-8 text\n")
        .stderr("error: 1 problem found\n");
}

/// SPEC §8: a deliverable `done` needs a sign-off by a person holding the role accountable for
/// its activity, and `check` says so at the stub's line.
#[test]
fn done_needs_a_sign_off_by_the_accountable_role() {
    let project = Project::product_team("en");
    // The PRD's activity: the product manager is accountable (covering for the AI product
    // manager), and Bo Li holds it.
    project.set("prd", "status", "done");
    project.mlteam(&["checklist"]).ok();
    project.mlteam(&["check"]).code(1).stdout(
        "demo/docs/deliverables/prd.md:7: `status` is done, but nobody signed the document off\n  \
         help: set approved_by to a person holding Product manager and approved_on to the date they signed it off\n",
    );
    project.set("prd", "approved_by", "Ada Lovelace");
    project.mlteam(&["checklist"]).ok();
    project.mlteam(&["check"]).code(1).stdout(
        "demo/docs/deliverables/prd.md:9: approved_by: nobody called `Ada Lovelace` is on the team; did you mean `Ada`?\n  \
         help: people are the [[member]] entries of mlteam.toml\n\
         demo/docs/deliverables/prd.md:10: approved_by is set, but approved_on is empty\n  \
         help: set approved_on to the date of the sign-off, like 2026-12-01\n",
    );
    project.set("prd", "approved_by", "ada");
    project.set("prd", "approved_on", "2026-12-02");
    project.mlteam(&["checklist"]).ok();
    project.mlteam(&["check"]).code(1).stdout(
        "demo/docs/deliverables/prd.md:9: approved_by: Ada does not hold Product manager, the role that signs this document off\n  \
         help: the sign-off belongs to a person holding Product manager\n",
    );
    project.set("prd", "approved_by", "bo li");
    project.mlteam(&["checklist"]).ok();
    project
        .mlteam(&["check"])
        .ok()
        .stdout("No problems found: the manifest is sound and the docs are up to date.\n");
    assert!(checklist_region(&project).contains(
        "  - [x] [Product requirements document (PRD)](deliverables/prd.md): done, signed off by bo li on 2026-12-02\n"
    ));
    project.set("prd", "approved_on", "2 December");
    project.mlteam(&["checklist"]).ok();
    project.mlteam(&["check"]).code(1).stdout(
        "demo/docs/deliverables/prd.md:10: `approved_on` is `2 December`, not a date like 2026-12-31\n",
    );
}

/// A stub that cannot be read is `unreadable` everywhere progress shows, never `missing`: in the
/// checklist page, the role card and the export alike.
#[test]
fn an_unreadable_stub_is_unreadable_on_every_page() {
    let project = Project::product_team("en");
    fs_err::write(project.path("docs/deliverables/prd.md"), b"\xff\xfe").unwrap();
    project.mlteam(&["checklist"]).ok();
    let line = |file: &str, needle: &str| -> String {
        project
            .file(file)
            .lines()
            .find(|l| l.contains(needle))
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(
        line("docs/checklist.md", "(deliverables/prd.md)"),
        "  - [ ] [Product requirements document (PRD)](deliverables/prd.md): unreadable"
    );
    assert_eq!(
        line("docs/team/roles/product-manager.md", "deliverables/prd.md)"),
        "| [Product requirements document (PRD)](../../deliverables/prd.md) | unreadable | 2026-12-20 (end of Discovery) |"
    );
    let csv = project
        .mlteam(&["checklist", "--format", "csv"])
        .ok()
        .stdout;
    assert!(
        csv.lines().nth(1).unwrap().starts_with(
            "discovery,prd,Product requirements document (PRD),product-manager,Bo Li,unreadable,"
        ),
        "{csv}"
    );
}
