//! `mlteam init --yes` and its flags: the tree it writes, read back from disk.

use std::collections::BTreeSet;

use crate::support::{Finish, Project, creation_diffs, plan_and_diffs, same_text, stdout};

const CORE_TEAM: [&str; 6] = [
    "product-manager",
    "project-manager",
    "data-scientist",
    "ml-engineer",
    "data-engineer",
    "devops-engineer",
];

fn manifest(project: &Project) -> toml::Table {
    toml::from_str(&project.file("mlteam.toml")).expect("mlteam.toml is TOML")
}

fn strings(value: &toml::Value) -> Vec<String> {
    value
        .as_array()
        .expect("an array")
        .iter()
        .map(|v| v.as_str().expect("a string").to_string())
        .collect()
}

#[test]
fn defaults_write_a_complete_skeleton_for_the_core_team() {
    let project = Project::new();
    project
        .cmd()
        .args(["init", "demo", "--yes"])
        .finish()
        .ok()
        .stdout("created  mlteam.toml\n\
                 created  docs/team/README.md\n\
                 created  docs/team/raci.md\n\
                 created  docs/team/roles/product-manager.md\n\
                 created  docs/team/roles/project-manager.md\n\
                 created  docs/team/roles/data-scientist.md\n\
                 created  docs/team/roles/ml-engineer.md\n\
                 created  docs/team/roles/data-engineer.md\n\
                 created  docs/team/roles/devops-engineer.md\n\
                 created  docs/deliverables/prd.md\n\
                 created  docs/deliverables/project-charter.md\n\
                 created  docs/deliverables/risk-register.md\n\
                 created  docs/deliverables/decision-log.md\n\
                 created  docs/deliverables/data-analysis-report.md\n\
                 created  docs/deliverables/model-report.md\n\
                 created  docs/deliverables/responsible-ai-review.md\n\
                 created  docs/deliverables/model-card.md\n\
                 created  docs/deliverables/evaluation-report.md\n\
                 created  docs/deliverables/inference-system-design.md\n\
                 created  docs/deliverables/integration-spec.md\n\
                 created  docs/deliverables/data-warehouse-design.md\n\
                 created  docs/deliverables/data-pipeline-spec.md\n\
                 created  docs/deliverables/datasheet.md\n\
                 created  docs/deliverables/devops-guide.md\n\
                 created  docs/deliverables/infrastructure-plan.md\n\
                 created  docs/deliverables/deployment-plan.md\n\
                 created  docs/meetings/standup.md\n\
                 created  docs/meetings/sprint-planning.md\n\
                 created  docs/meetings/weekly-sync.md\n\
                 created  docs/meetings/experiment-review.md\n\
                 created  docs/meetings/model-release-review.md\n\
                 created  docs/meetings/project-review.md\n\
                 created  docs/meetings/retrospective.md\n\
                 created  docs/meetings/ops-review.md\n\
                 created  docs/meetings/calendar.ics\n\
                 created  docs/checklist.md\n\
                 created  docs/plan.md\n\
                 \n\
                 Wrote 37 files to demo.\n\
                 Next: read demo/docs/team/README.md, name people in demo/mlteam.toml, and start filling the stubs in demo/docs/deliverables/.\n")
        .stderr("");

    let m = manifest(&project);
    assert_eq!(m["project"]["name"].as_str(), Some("demo"));
    assert_eq!(m["project"]["start"].to_string(), "2026-11-27");
    assert_eq!(m["project"]["timezone"].as_str(), Some("UTC"));
    assert_eq!(strings(&m["team"]["roles"]), CORE_TEAM);

    let files: BTreeSet<String> = project.snapshot().into_keys().collect();
    for expected in [
        "demo/mlteam.toml",
        "demo/docs/team/README.md",
        "demo/docs/team/raci.md",
        "demo/docs/checklist.md",
    ] {
        assert!(
            files.contains(expected),
            "{expected} missing from {files:?}"
        );
    }
    for role in CORE_TEAM {
        assert!(
            files.contains(&format!("demo/docs/team/roles/{role}.md")),
            "card of {role}"
        );
    }
    for deliverable in ["prd", "data-analysis-report", "deployment-plan"] {
        assert!(
            files.contains(&format!("demo/docs/deliverables/{deliverable}.md")),
            "stub {deliverable}"
        );
    }
    for meeting in ["standup", "weekly-sync", "project-review"] {
        assert!(
            files.contains(&format!("demo/docs/meetings/{meeting}.md")),
            "meeting {meeting}"
        );
    }
    assert!(files.contains("demo/docs/meetings/calendar.ics"));
    // Every document an ML product needs is there, whoever owns it on this team...
    for deliverable in [
        "model-card",
        "datasheet",
        "evaluation-report",
        "risk-register",
        "decision-log",
        "responsible-ai-review",
    ] {
        assert!(
            files.contains(&format!("demo/docs/deliverables/{deliverable}.md")),
            "stub {deliverable}"
        );
    }
    // ...and nothing of a customer delivery: no bid, no on-site work.
    for deliverable in [
        "product-whitepaper",
        "solution-proposal",
        "implementation-plan",
    ] {
        assert!(
            !files.contains(&format!("demo/docs/deliverables/{deliverable}.md")),
            "stub {deliverable}"
        );
    }
    assert!(m["project"]["kind"].as_str() == Some("product"));
}

/// The commonest team: four roles, two people holding two each (issue: documents that fit the
/// team you have).
const FOUR_ROLES: &str = "product-manager,data-scientist,ml-engineer,data-engineer";

#[test]
fn the_whole_tree_for_a_four_role_product_team() {
    let project = Project::new();
    project.init(&[
        "--roles",
        FOUR_ROLES,
        "--name",
        "Fraud detection",
        "--description",
        "Card-fraud scoring for the payments team",
        "--member",
        "Ada Lovelace <ada@example.com> @ada-l=data-scientist,ml-engineer",
        "--member",
        "Bo Li <bo@example.com> @boli=product-manager,data-engineer",
    ]);
    insta::assert_snapshot!("tree_four_roles", redact(&project.tree()));
}

#[test]
fn the_whole_tree_for_a_delivery_project_with_every_role() {
    let project = Project::new();
    project.init(&[
        "--kind",
        "delivery",
        "--roles",
        "all",
        "--name",
        "Smart grid forecasting",
        "--member",
        "Ada Lovelace <ada@example.com>=ml-engineer,data-scientist",
        "--member",
        "Bo Li <bo@example.com>=project-manager",
        "--member",
        "Chen Jing=product-manager",
    ]);
    insta::assert_snapshot!("tree_delivery_all_roles", redact(&project.tree()));
}

#[test]
fn the_whole_tree_for_a_lone_data_scientist() {
    let project = Project::new();
    project.init(&[
        "--roles",
        "data-scientist",
        "--member",
        "Ada=data-scientist",
    ]);
    insta::assert_snapshot!("tree_lone_data_scientist", redact(&project.tree()));
}

#[test]
fn the_whole_tree_in_chinese() {
    let project = Project::new();
    project.init(&[
        "--lang",
        "zh",
        "--name",
        "风控模型",
        "--roles",
        FOUR_ROLES,
        "--member",
        "李雷 <lilei@example.com>=product-manager,data-engineer",
        "--member",
        "韩梅梅=data-scientist,ml-engineer",
    ]);
    let manifest = project.file("mlteam.toml");
    assert!(manifest.contains("lang = \"zh\""), "{manifest}");
    insta::assert_snapshot!("tree_zh_four_roles", redact(&project.tree()));
}

/// SPEC §6: a project fresh from `init` has no errors, for every kind and team, with people
/// named one per role, several roles per person, or none.
#[test]
fn a_fresh_project_passes_its_own_check() {
    let teams: [&[&str]; 6] = [
        &["data-scientist"],
        &["business-consultant"],
        &[
            "product-manager",
            "data-scientist",
            "ml-engineer",
            "data-engineer",
        ],
        &["project-manager", "delivery-engineer"],
        &[
            "ml-researcher",
            "ml-engineer",
            "devops-engineer",
            "data-analyst",
            "big-data-engineer",
        ],
        &[
            "product-manager",
            "project-manager",
            "ai-product-manager",
            "data-scientist",
            "ml-researcher",
            "ml-engineer",
            "ml-applied-scientist",
            "data-engineer",
            "data-analyst",
            "big-data-engineer",
            "software-engineer",
            "devops-engineer",
            "delivery-engineer",
            "business-consultant",
        ],
    ];
    let names = [
        "Ada", "Bo", "Chen", "Dana", "Eli", "Fei", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lea", "Mo",
        "Noor",
    ];
    for kind in ["product", "delivery", "research"] {
        for roles in teams {
            let one_each: Vec<String> = roles
                .iter()
                .zip(names)
                .map(|(role, name)| format!("{name}={role}"))
                .collect();
            let in_pairs: Vec<String> = roles
                .chunks(2)
                .zip(names)
                .map(|(pair, name)| format!("{name}={}", pair.join(",")))
                .collect();
            for people in [Vec::new(), one_each, in_pairs] {
                let project = Project::new();
                let roles = roles.join(",");
                let mut args = vec!["--kind", kind, "--roles", roles.as_str()];
                for person in &people {
                    args.extend(["--member", person.as_str()]);
                }
                project.init(&args);
                let check = project.mlteam(&["check"]);
                assert_eq!(
                    check.code,
                    Some(0),
                    "{kind} {roles} {people:?}\n{}{}",
                    check.stdout,
                    check.stderr
                );
            }
        }
    }
}

fn redact(tree: &str) -> String {
    tree.replace(
        &format!("mlteam {}", env!("CARGO_PKG_VERSION")),
        "mlteam [VERSION]",
    )
}

#[test]
fn the_same_answers_give_the_same_bytes() {
    let args = [
        "--roles",
        "all",
        "--member",
        "Ada <ada@example.com>=ml-engineer",
    ];
    let (a, b) = (Project::new(), Project::new());
    a.init(&args);
    b.init(&args);
    assert_eq!(a.tree(), b.tree());
}

#[test]
fn every_written_matrix_keeps_the_raci_rules() {
    let teams = [
        "all",
        "business-consultant",
        "data-analyst",
        "product-manager,devops-engineer",
        "ml-researcher,delivery-engineer,big-data-engineer",
    ];
    for kind in ["product", "delivery", "research"] {
        for team in teams {
            let project = Project::new();
            project.init(&["--kind", kind, "--roles", team]);
            let json: serde_json::Value =
                serde_json::from_str(&project.mlteam(&["raci", "--format", "json"]).ok().stdout)
                    .unwrap();
            let activities = json["activities"].as_array().unwrap().len();
            let raci = project.file("docs/team/raci.md");
            let region = raci
                .split("<!-- mlteam:begin raci-matrix")
                .nth(1)
                .expect("region")
                .split("## Covers")
                .next()
                .unwrap();
            let rows: Vec<&str> = region
                .lines()
                .filter(|l| {
                    l.starts_with("| ") && !l.starts_with("| Activity") && !l.starts_with("| ---")
                })
                .collect();
            assert_eq!(rows.len(), activities, "{kind} {team}");
            for row in rows {
                let cells: Vec<&str> = row
                    .trim_matches('|')
                    .split('|')
                    .skip(1)
                    .map(str::trim)
                    .collect();
                let letter = |c: &&str| {
                    c.split(' ')
                        .next()
                        .unwrap_or("")
                        .trim_end_matches('*')
                        .to_string()
                };
                let accountable = cells
                    .iter()
                    .filter(|c| matches!(letter(c).as_str(), "A" | "A/R"))
                    .count();
                let responsible = cells
                    .iter()
                    .filter(|c| matches!(letter(c).as_str(), "R" | "A/R"))
                    .count();
                assert_eq!(accountable, 1, "{kind} {team}: {row}");
                assert!(responsible >= 1, "{kind} {team}: {row}");
            }
        }
    }
}

#[test]
fn a_lone_business_consultant_sees_the_gaps() {
    let project = Project::new();
    project.init(&["--roles", "business-consultant"]);
    let raci = project.file("docs/team/raci.md");
    assert!(
        raci.contains(
            "## Gaps\n\nThese activities have letters of roles that no cover chain reaches"
        ),
        "{raci}"
    );
    assert!(
        raci.contains("- Data pipelines and data warehouse: "),
        "{raci}"
    );
}

#[test]
fn stubs_begin_with_front_matter_the_checklist_can_read() {
    let project = Project::new();
    project.init(&["--kind", "delivery", "--roles", "all"]);
    let stubs = fs_err::read_dir(project.path("docs/deliverables")).unwrap();
    let mut count = 0;
    for stub in stubs {
        let text = fs_err::read_to_string(stub.unwrap().path()).unwrap();
        let front = text
            .strip_prefix("---\n")
            .and_then(|t| t.split("\n---\n").next())
            .expect("front matter");
        let keys: Vec<&str> = front.lines().filter_map(|l| l.split(':').next()).collect();
        assert_eq!(
            keys,
            [
                "deliverable",
                "title",
                "owner",
                "contributors",
                "phase",
                "status",
                "due",
                "approved_by",
                "approved_on"
            ]
        );
        assert!(front.contains("\nstatus: todo\n"));
        assert!(text.matches("\n## ").count() >= 5, "sections in {front}");
        count += 1;
    }
    assert_eq!(count, 33);
    let checklist = project.file("docs/checklist.md");
    assert!(checklist.contains("Overall: 0 of 33 done."), "{checklist}");
    assert!(
        checklist
            .contains("  - [ ] [Product requirements document (PRD)](deliverables/prd.md): todo"),
        "{checklist}"
    );
}

#[test]
fn existing_files_are_skipped_and_kept() {
    let project = Project::new();
    project.write("docs/team/raci.md", "# Our own matrix\n");
    project.write(
        "docs/deliverables/prd.md",
        "---\nstatus: review\n---\nmine\n",
    );
    project
        .cmd()
        .args(["init", "demo", "--yes"])
        .finish()
        .ok()
        .stdout("created  mlteam.toml\n\
                 created  docs/team/README.md\n\
                 skipped  docs/team/raci.md                             (already exists; left as it is)\n\
                 created  docs/team/roles/product-manager.md\n\
                 created  docs/team/roles/project-manager.md\n\
                 created  docs/team/roles/data-scientist.md\n\
                 created  docs/team/roles/ml-engineer.md\n\
                 created  docs/team/roles/data-engineer.md\n\
                 created  docs/team/roles/devops-engineer.md\n\
                 skipped  docs/deliverables/prd.md                      (already exists; left as it is)\n\
                 created  docs/deliverables/project-charter.md\n\
                 created  docs/deliverables/risk-register.md\n\
                 created  docs/deliverables/decision-log.md\n\
                 created  docs/deliverables/data-analysis-report.md\n\
                 created  docs/deliverables/model-report.md\n\
                 created  docs/deliverables/responsible-ai-review.md\n\
                 created  docs/deliverables/model-card.md\n\
                 created  docs/deliverables/evaluation-report.md\n\
                 created  docs/deliverables/inference-system-design.md\n\
                 created  docs/deliverables/integration-spec.md\n\
                 created  docs/deliverables/data-warehouse-design.md\n\
                 created  docs/deliverables/data-pipeline-spec.md\n\
                 created  docs/deliverables/datasheet.md\n\
                 created  docs/deliverables/devops-guide.md\n\
                 created  docs/deliverables/infrastructure-plan.md\n\
                 created  docs/deliverables/deployment-plan.md\n\
                 created  docs/meetings/standup.md\n\
                 created  docs/meetings/sprint-planning.md\n\
                 created  docs/meetings/weekly-sync.md\n\
                 created  docs/meetings/experiment-review.md\n\
                 created  docs/meetings/model-release-review.md\n\
                 created  docs/meetings/project-review.md\n\
                 created  docs/meetings/retrospective.md\n\
                 created  docs/meetings/ops-review.md\n\
                 created  docs/meetings/calendar.ics\n\
                 created  docs/checklist.md\n\
                 created  docs/plan.md\n\
                 \n\
                 Wrote 35 files to demo.\n\
                 Left 2 existing files as they were.\n\
                 Next: read demo/docs/team/README.md, name people in demo/mlteam.toml, and start filling the stubs in demo/docs/deliverables/.\n")
        .stderr("");
    assert_eq!(project.file("docs/team/raci.md"), "# Our own matrix\n");
    // The checklist reads the stub that was already there.
    assert!(
        project
            .file("docs/checklist.md")
            .contains("[Product requirements document (PRD)](deliverables/prd.md): review")
    );
}

#[test]
fn dry_run_prints_the_plan_and_diffs_and_writes_nothing() {
    let project = Project::new();
    let before = project.snapshot();
    let run = project
        .cmd()
        .args([
            "init",
            "demo",
            "--yes",
            "--dry-run",
            "--roles",
            "ml-engineer",
        ])
        .finish()
        .ok()
        .stderr("");
    assert_eq!(project.snapshot(), before);
    // The plan: every file init would write, in the order it writes them.
    let (plan, diffs) = plan_and_diffs(&run.stdout);
    same_text(
        "the plan",
        plan,
        "would create  mlteam.toml\n\
         would create  docs/team/README.md\n\
         would create  docs/team/raci.md\n\
         would create  docs/team/roles/ml-engineer.md\n\
         would create  docs/deliverables/prd.md\n\
         would create  docs/deliverables/project-charter.md\n\
         would create  docs/deliverables/risk-register.md\n\
         would create  docs/deliverables/decision-log.md\n\
         would create  docs/deliverables/data-analysis-report.md\n\
         would create  docs/deliverables/model-report.md\n\
         would create  docs/deliverables/responsible-ai-review.md\n\
         would create  docs/deliverables/model-card.md\n\
         would create  docs/deliverables/evaluation-report.md\n\
         would create  docs/deliverables/inference-system-design.md\n\
         would create  docs/deliverables/integration-spec.md\n\
         would create  docs/deliverables/data-pipeline-spec.md\n\
         would create  docs/deliverables/datasheet.md\n\
         would create  docs/deliverables/deployment-plan.md\n\
         would create  docs/meetings/standup.md\n\
         would create  docs/meetings/sprint-planning.md\n\
         would create  docs/meetings/weekly-sync.md\n\
         would create  docs/meetings/model-release-review.md\n\
         would create  docs/meetings/project-review.md\n\
         would create  docs/meetings/retrospective.md\n\
         would create  docs/meetings/calendar.ics\n\
         would create  docs/checklist.md\n\
         would create  docs/plan.md\n",
    );
    // Then each file as a diff from nothing to what init writes, and the last word.
    project
        .cmd()
        .args(["init", "demo", "--yes", "--roles", "ml-engineer", "-q"])
        .finish()
        .ok()
        .stdout("")
        .stderr("");
    same_text("the diffs", diffs, &creation_diffs(&project, plan));
}

#[test]
fn from_takes_the_team_of_another_project() {
    let first = Project::new();
    first.init(&[
        "--roles",
        "data-scientist,ml-engineer",
        "--member",
        "Ada <ada@example.com>=ml-engineer",
        "--meetings",
        "standup",
    ]);
    let mut edited = first.file("mlteam.toml");
    edited = edited.replace("[team]\n", "[team]\n# our usual squad\n");
    first.write("mlteam.toml", &edited);

    let second = Project::new();
    second
        .cmd()
        .args(["init", "demo", "--name", "Second", "--from"])
        .arg(first.path("mlteam.toml"))
        .assert()
        .success();
    let m = manifest(&second);
    assert_eq!(m["project"]["name"].as_str(), Some("Second"));
    assert_eq!(m["project"]["start"].to_string(), "2026-11-27");
    assert_eq!(
        strings(&m["team"]["roles"]),
        ["data-scientist", "ml-engineer"]
    );
    assert_eq!(m["member"][0]["name"].as_str(), Some("Ada"));
    assert_eq!(strings(&m["meetings"]["keep"]), ["standup"]);
    assert!(
        second.file("mlteam.toml").contains("# our usual squad\n"),
        "comments travel along"
    );
    assert!(second.exists("docs/meetings/standup.md"));
    assert!(!second.exists("docs/meetings/weekly-sync.md"));
}

#[test]
fn force_replaces_the_manifest_and_nothing_else() {
    let project = Project::new();
    project.init(&["--roles", "ml-engineer"]);
    project.write("docs/team/README.md", "kept\n");
    project
        .cmd()
        .args([
            "init",
            "demo",
            "--yes",
            "--force",
            "--roles",
            "ml-engineer,data-engineer",
        ])
        .finish()
        .ok()
        .stdout("replaced  mlteam.toml\n \
                 skipped  docs/team/README.md                           (already exists; left as it is)\n \
                 skipped  docs/team/raci.md                             (already exists; left as it is)\n \
                 skipped  docs/team/roles/ml-engineer.md                (already exists; left as it is)\n \
                 created  docs/team/roles/data-engineer.md\n \
                 skipped  docs/deliverables/prd.md                      (already exists; left as it is)\n \
                 skipped  docs/deliverables/project-charter.md          (already exists; left as it is)\n \
                 skipped  docs/deliverables/risk-register.md            (already exists; left as it is)\n \
                 skipped  docs/deliverables/decision-log.md             (already exists; left as it is)\n \
                 skipped  docs/deliverables/data-analysis-report.md     (already exists; left as it is)\n \
                 skipped  docs/deliverables/model-report.md             (already exists; left as it is)\n \
                 skipped  docs/deliverables/responsible-ai-review.md    (already exists; left as it is)\n \
                 skipped  docs/deliverables/model-card.md               (already exists; left as it is)\n \
                 skipped  docs/deliverables/evaluation-report.md        (already exists; left as it is)\n \
                 skipped  docs/deliverables/inference-system-design.md  (already exists; left as it is)\n \
                 skipped  docs/deliverables/integration-spec.md         (already exists; left as it is)\n \
                 created  docs/deliverables/data-warehouse-design.md\n \
                 skipped  docs/deliverables/data-pipeline-spec.md       (already exists; left as it is)\n \
                 skipped  docs/deliverables/datasheet.md                (already exists; left as it is)\n \
                 skipped  docs/deliverables/deployment-plan.md          (already exists; left as it is)\n \
                 skipped  docs/meetings/standup.md                      (already exists; left as it is)\n \
                 skipped  docs/meetings/sprint-planning.md              (already exists; left as it is)\n \
                 skipped  docs/meetings/weekly-sync.md                  (already exists; left as it is)\n \
                 skipped  docs/meetings/model-release-review.md         (already exists; left as it is)\n \
                 skipped  docs/meetings/project-review.md               (already exists; left as it is)\n \
                 skipped  docs/meetings/retrospective.md                (already exists; left as it is)\n \
                 skipped  docs/meetings/calendar.ics                    (already exists; left as it is)\n \
                 skipped  docs/checklist.md                             (already exists; left as it is)\n \
                 skipped  docs/plan.md                                  (already exists; left as it is)\n\
                 \n\
                 Wrote 3 files to demo.\n\
                 Left 26 existing files as they were.\n\
                 Next: read demo/docs/team/README.md, name people in demo/mlteam.toml, and start filling the stubs in demo/docs/deliverables/.\n")
        .stderr("");
    assert!(
        project
            .file("mlteam.toml")
            .contains("\"data-engineer\", # Data engineer")
    );
    assert_eq!(project.file("docs/team/README.md"), "kept\n");
    assert!(project.exists("docs/team/roles/data-engineer.md"));
}

#[test]
fn quiet_prints_nothing_on_success() {
    let project = Project::new();
    let output = project
        .cmd()
        .args(["init", "demo", "--yes", "--quiet"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(
        (
            stdout(&output).as_str(),
            crate::support::stderr(&output).as_str()
        ),
        ("", "")
    );
}
