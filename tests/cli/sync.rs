//! Keeping the docs true as the team changes: `sync`, `raci`, `roles add/remove`, `raci import`,
//! `check` — and never losing a line a person wrote.

use crate::support::{Finish, Project, plan_and_diffs, same_text};

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

/// The diff a dry run prints for the file at `path`: from its `--- ` line to the next file's.
fn diff_of<'a>(out: &'a str, path: &str) -> &'a str {
    let plus = out
        .find(&format!("\n+++ b/{path}\n"))
        .unwrap_or_else(|| panic!("a diff of {path} in {out}"));
    let start = out[..plus].rfind('\n').map_or(0, |at| at + 1);
    let after = plus + 1;
    let end = ["\n--- a/", "\n--- /dev/null\n", "\nDry run: "]
        .iter()
        .filter_map(|next| out[after..].find(next))
        .min()
        .map_or(out.len(), |at| after + at + 1);
    &out[start..end]
}

/// An HTML page's lines up to its style sheet: the doctype, the language, the title.
fn head_of(html: &str) -> String {
    html.lines()
        .take_while(|l| *l != "<style>")
        .map(|l| format!("{l}\n"))
        .collect()
}

/// The header row of the matrix in an HTML page.
fn header_row(html: &str) -> &str {
    html.lines()
        .find(|l| l.starts_with("<tr><th>"))
        .expect("a header row")
}

#[test]
fn a_second_sync_writes_nothing() {
    let project = four_roles();
    let first = project.run(&["sync"]).output().unwrap();
    assert!(first.status.success());
    let before = project.snapshot();
    project
        .mlteam(&["sync"])
        .ok()
        .stdout("Nothing to change: all 31 files are up to date.\n")
        .stderr("");
    assert_eq!(project.snapshot(), before, "bytes and modification times");
    project
        .mlteam(&["sync", "-v"])
        .ok()
        .stdout(
            "unchanged  docs/team/README.md\n\
             unchanged  docs/team/raci.md\n\
             unchanged  docs/team/roles/product-manager.md\n\
             unchanged  docs/team/roles/data-scientist.md\n\
             unchanged  docs/team/roles/ml-engineer.md\n\
             unchanged  docs/team/roles/data-engineer.md\n\
             unchanged  docs/deliverables/prd.md\n\
             unchanged  docs/deliverables/project-charter.md\n\
             unchanged  docs/deliverables/risk-register.md\n\
             unchanged  docs/deliverables/decision-log.md\n\
             unchanged  docs/deliverables/data-analysis-report.md\n\
             unchanged  docs/deliverables/model-report.md\n\
             unchanged  docs/deliverables/responsible-ai-review.md\n\
             unchanged  docs/deliverables/model-card.md\n\
             unchanged  docs/deliverables/evaluation-report.md\n\
             unchanged  docs/deliverables/inference-system-design.md\n\
             unchanged  docs/deliverables/integration-spec.md\n\
             unchanged  docs/deliverables/data-warehouse-design.md\n\
             unchanged  docs/deliverables/data-pipeline-spec.md\n\
             unchanged  docs/deliverables/datasheet.md\n\
             unchanged  docs/deliverables/deployment-plan.md\n\
             unchanged  docs/meetings/standup.md\n\
             unchanged  docs/meetings/sprint-planning.md\n\
             unchanged  docs/meetings/weekly-sync.md\n\
             unchanged  docs/meetings/experiment-review.md\n\
             unchanged  docs/meetings/model-release-review.md\n\
             unchanged  docs/meetings/project-review.md\n\
             unchanged  docs/meetings/retrospective.md\n\
             unchanged  docs/meetings/calendar.ics\n\
             unchanged  docs/checklist.md\n\
             unchanged  docs/plan.md\n",
        )
        .stderr("");
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
    // The DevOps engineer joins: its own documents appear, and the deployment plan, which the
    // ML engineer held while covering for it, moves to it.
    project.mlteam(&["sync"]).ok().stdout(
        "updated  docs/team/README.md                           (team)\n\
         updated  docs/team/raci.md                             (legend, raci-matrix)\n\
         updated  docs/team/roles/ml-engineer.md                (role)\n\
         updated  docs/team/roles/data-engineer.md              (role)\n\
         created  docs/team/roles/devops-engineer.md\n\
         updated  docs/deliverables/inference-system-design.md  (front matter, header)\n\
         created  docs/deliverables/devops-guide.md\n\
         created  docs/deliverables/infrastructure-plan.md\n\
         updated  docs/deliverables/deployment-plan.md          (front matter, header)\n\
         updated  docs/meetings/standup.md                      (meeting)\n\
         updated  docs/meetings/sprint-planning.md              (meeting)\n\
         updated  docs/meetings/weekly-sync.md                  (meeting)\n\
         updated  docs/meetings/model-release-review.md         (meeting)\n\
         updated  docs/meetings/project-review.md               (meeting)\n\
         updated  docs/meetings/retrospective.md                (meeting)\n\
         updated  docs/checklist.md                             (checklist)\n\
         updated  docs/plan.md                                  (plan)\n",
    );
    assert!(project.file("docs/team/raci.md").contains("| DevOps |"));
    assert!(
        project
            .file("docs/deliverables/deployment-plan.md")
            .contains("\nowner: devops-engineer\n")
    );
    assert_kept(&project, &notes);
}

/// The stub's header and owner follow the team; a person's own choice of owner and every line
/// they wrote in the body stay, byte for byte.
#[test]
fn stubs_follow_the_team_and_keep_what_people_wrote() {
    let project = four_roles();
    let plan = "docs/deliverables/deployment-plan.md";
    let card = "docs/deliverables/model-card.md";
    // The model card is the ML researcher's: the data scientist holds it on this team.
    let text = project.file(card);
    assert!(text.contains("\nowner: data-scientist\n"), "{text}");
    assert!(text.contains("- **Owner:** [Data scientist](../team/roles/data-scientist.md), covering for ML researcher, a role this team does not have\n"), "{text}");
    // A person hands the model card to the ML engineer and writes in both stubs.
    let mine = "\nOur baseline is logistic regression.\n";
    project.write(
        card,
        &(text.replace("\nowner: data-scientist\n", "\nowner: ml-engineer\n") + mine),
    );
    project.write(plan, &(project.file(plan) + mine));
    let body = |path: &str| {
        project
            .file(path)
            .split("<!-- mlteam:end header -->")
            .nth(1)
            .unwrap()
            .to_string()
    };
    let (card_body, plan_body) = (body(card), body(plan));

    for role in ["ml-researcher", "devops-engineer"] {
        project
            .mlteam(&["roles", "add", role, "--holder", "Dana"])
            .ok();
    }
    // The researcher joined, but a person chose the card's owner: it stays theirs.
    let text = project.file(card);
    assert!(text.contains("\nowner: ml-engineer\n"), "{text}");
    assert!(
        text.contains("- **Owner:** [ML engineer](../team/roles/ml-engineer.md) (Ada)\n"),
        "{text}"
    );
    // The plan followed its work to the DevOps engineer, header and all.
    let text = project.file(plan);
    assert!(text.contains("\nowner: devops-engineer\n"), "{text}");
    assert!(
        text.contains("- **Owner:** [DevOps engineer](../team/roles/devops-engineer.md) (Dana)\n"),
        "{text}"
    );
    assert_eq!(body(card), card_body, "the body is the person's");
    assert_eq!(body(plan), plan_body, "the body is the person's");

    // The DevOps engineer leaves again: the plan goes back to the ML engineer covering for it,
    // and nothing is deleted.
    project.mlteam(&["roles", "remove", "devops-engineer"]).ok();
    let text = project.file(plan);
    assert!(text.contains("\nowner: ml-engineer\n"), "{text}");
    assert!(project.exists("docs/deliverables/devops-guide.md"));
    assert_eq!(body(plan), plan_body);
    project.mlteam(&["check"]).ok();
}

/// Changing the kind adds what the new kind needs and keeps, and reports, what no longer applies.
#[test]
fn a_new_kind_adds_its_documents_and_keeps_the_old_ones() {
    let project = four_roles();
    let manifest = project
        .file("mlteam.toml")
        .replace("kind = \"product\"", "kind = \"delivery\"");
    project.write("mlteam.toml", &manifest);
    project.mlteam(&["sync"]).ok().stdout(" updated  docs/team/README.md                                (team)\n \
                                           updated  docs/team/raci.md                                  (raci-matrix)\n \
                                           updated  docs/team/roles/product-manager.md                 (role)\n \
                                           updated  docs/team/roles/data-scientist.md                  (role)\n \
                                           updated  docs/team/roles/ml-engineer.md                     (role)\n \
                                           updated  docs/team/roles/data-engineer.md                   (role)\n \
                                           created  docs/deliverables/product-whitepaper.md\n \
                                           created  docs/deliverables/solution-proposal.md\n \
                                           created  docs/deliverables/delivery-plan.md\n \
                                           created  docs/deliverables/project-log.md\n \
                                           created  docs/deliverables/requirements-research-report.md\n \
                                           created  docs/deliverables/project-plan.md\n \
                                           created  docs/deliverables/implementation-plan.md\n \
                                           created  docs/deliverables/exit-report.md\n\
                                           replaced  docs/meetings/calendar.ics\n \
                                           updated  docs/checklist.md                                  (checklist)\n \
                                           updated  docs/plan.md                                       (plan)\n").stderr("");
    let manifest = project
        .file("mlteam.toml")
        .replace("kind = \"delivery\"", "kind = \"research\"");
    project.write("mlteam.toml", &manifest);
    project.mlteam(&["sync"]).ok().stdout(" updated  docs/team/README.md                                (team)\n \
                                           updated  docs/team/raci.md                                  (raci-matrix)\n \
                                           updated  docs/team/roles/product-manager.md                 (role)\n \
                                           updated  docs/team/roles/data-scientist.md                  (role)\n \
                                           updated  docs/team/roles/ml-engineer.md                     (role)\n \
                                           updated  docs/team/roles/data-engineer.md                   (role)\n \
                                           created  docs/deliverables/research-paper.md\n\
                                           replaced  docs/meetings/calendar.ics\n \
                                           updated  docs/checklist.md                                  (checklist)\n \
                                           updated  docs/plan.md                                       (plan)\n\
                                           orphaned  docs/deliverables/data-pipeline-spec.md            (the project is now of kind Research, which does not call for it; kept)\n\
                                           orphaned  docs/deliverables/data-warehouse-design.md         (the project is now of kind Research, which does not call for it; kept)\n\
                                           orphaned  docs/deliverables/delivery-plan.md                 (the project is now of kind Research, which does not call for it; kept)\n\
                                           orphaned  docs/deliverables/deployment-plan.md               (the project is now of kind Research, which does not call for it; kept)\n\
                                           orphaned  docs/deliverables/exit-report.md                   (the project is now of kind Research, which does not call for it; kept)\n\
                                           orphaned  docs/deliverables/implementation-plan.md           (the project is now of kind Research, which does not call for it; kept)\n\
                                           orphaned  docs/deliverables/inference-system-design.md       (the project is now of kind Research, which does not call for it; kept)\n\
                                           orphaned  docs/deliverables/integration-spec.md              (the project is now of kind Research, which does not call for it; kept)\n\
                                           orphaned  docs/deliverables/prd.md                           (the project is now of kind Research, which does not call for it; kept)\n\
                                           orphaned  docs/deliverables/product-whitepaper.md            (the project is now of kind Research, which does not call for it; kept)\n\
                                           orphaned  docs/deliverables/project-charter.md               (the project is now of kind Research, which does not call for it; kept)\n\
                                           orphaned  docs/deliverables/project-log.md                   (the project is now of kind Research, which does not call for it; kept)\n\
                                           orphaned  docs/deliverables/project-plan.md                  (the project is now of kind Research, which does not call for it; kept)\n\
                                           orphaned  docs/deliverables/requirements-research-report.md  (the project is now of kind Research, which does not call for it; kept)\n\
                                           orphaned  docs/deliverables/responsible-ai-review.md         (the project is now of kind Research, which does not call for it; kept)\n\
                                           orphaned  docs/deliverables/risk-register.md                 (the project is now of kind Research, which does not call for it; kept)\n\
                                           orphaned  docs/deliverables/solution-proposal.md             (the project is now of kind Research, which does not call for it; kept)\n").stderr("");
    assert!(project.exists("docs/deliverables/solution-proposal.md"));
    assert!(project.file("docs/team/raci.md").contains("### Modeling\n"));
    assert!(
        !project
            .file("docs/team/raci.md")
            .contains("### Deployment\n")
    );
}

/// Letters changed in mlteam.toml: `raci` brings up to date every page that shows them — the
/// matrix, the role cards, the headers of the stubs — so that `check` is clean after it. It
/// writes no stub that is missing: that is `sync`'s work.
#[test]
fn raci_refreshes_every_page_that_shows_the_letters() {
    let project = four_roles();
    let manifest = project.file("mlteam.toml").replacen(
        "[raci.overrides]\n",
        "[raci.overrides]\nml-problem-framing = { data-engineer = \"R\" }\n\
         eda-value-report = { ml-engineer = \"A/R\", data-scientist = \"C\" }\n",
        1,
    );
    project.write("mlteam.toml", &manifest);
    project.mlteam(&["raci"]).ok().stderr("").stdout(
        "updated  docs/team/raci.md                          (raci-matrix)\n\
         updated  docs/team/roles/data-scientist.md          (role)\n\
         updated  docs/team/roles/ml-engineer.md             (role)\n\
         updated  docs/team/roles/data-engineer.md           (role)\n\
         updated  docs/deliverables/data-analysis-report.md  (header)\n",
    );
    project.mlteam(&["check"]).ok();

    std::fs::remove_file(project.path("docs/deliverables/prd.md")).unwrap();
    project.mlteam(&["raci"]).ok();
    assert!(!project.exists("docs/deliverables/prd.md"));
}

#[test]
fn a_hand_edited_region_stops_sync_until_forced() {
    let project = four_roles();
    let raci = project.file("docs/team/raci.md");
    let edited = raci.replacen("| Write the PRD |", "| Write the PRD, carefully |", 1);
    project.write("docs/team/raci.md", &edited);
    let before = project.snapshot();
    project.mlteam(&["sync"]).code(1).stdout("").stderr(
        "error: demo/docs/team/raci.md:33: region `raci-matrix` was edited by hand\n  \
         help: run `mlteam raci import` to keep the edit in mlteam.toml, or add --force to overwrite it\n\
         nothing was written\n",
    );
    assert_eq!(project.snapshot(), before);

    project.mlteam(&["sync", "--force"]).ok();
    assert_eq!(project.file("docs/team/raci.md"), raci);
}

/// A note typed inside the matrix region is never dropped by an import: it is refused by line.
#[test]
fn an_import_refuses_to_drop_text_it_did_not_read() {
    let project = four_roles();
    let raci = project.file("docs/team/raci.md");
    project.write(
        "docs/team/raci.md",
        &raci.replacen(
            "\n### Data\n",
            "\nEscalation goes to Ada first.\n\n### Data\n",
            1,
        ),
    );
    project.mlteam(&["sync"]).code(1);
    let before = project.snapshot();
    project.mlteam(&["raci", "import"]).code(2).stderr(
        "error: demo/docs/team/raci.md:46: this line is inside the `raci-matrix` region but not part of a table: importing would drop it\n  \
         help: move it below the `<!-- mlteam:end raci-matrix -->` line, where the notes are yours, then import again\n",
    );
    assert_eq!(project.snapshot(), before);
    // Text squeezed into a cell is refused too, naming the cell.
    project.write(
        "docs/team/raci.md",
        &raci.replacen(
            "| Write the PRD | A/R (for AIPM) | C |",
            "| Write the PRD | A/R (ask Bo) | C |",
            1,
        ),
    );
    project.mlteam(&["raci", "import"]).code(2).stderr(
        "error: demo/docs/team/raci.md:42: row `Write the PRD`, column product-manager: `A/R (ask Bo)` is not a RACI letter, and the import would lose the rest of the cell; write R, A, C, I or A/R, or leave it empty\n",
    );
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
    project.mlteam(&["sync"]).ok().stdout(" skipped  docs/team/README.md                           (markers of team removed; left as it is)\n \
                                           updated  docs/deliverables/prd.md                      (header)\n \
                                           updated  docs/deliverables/project-charter.md          (header)\n \
                                           updated  docs/deliverables/risk-register.md            (header)\n \
                                           updated  docs/deliverables/decision-log.md             (header)\n \
                                           updated  docs/deliverables/data-analysis-report.md     (header)\n \
                                           updated  docs/deliverables/model-report.md             (header)\n \
                                           updated  docs/deliverables/responsible-ai-review.md    (header)\n \
                                           updated  docs/deliverables/model-card.md               (header)\n \
                                           updated  docs/deliverables/evaluation-report.md        (header)\n \
                                           updated  docs/deliverables/inference-system-design.md  (header)\n \
                                           updated  docs/deliverables/integration-spec.md         (header)\n \
                                           updated  docs/deliverables/data-warehouse-design.md    (header)\n \
                                           updated  docs/deliverables/data-pipeline-spec.md       (header)\n \
                                           updated  docs/deliverables/datasheet.md                (header)\n \
                                           updated  docs/deliverables/deployment-plan.md          (header)\n\
                                           replaced  docs/meetings/calendar.ics\n").stderr("");
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
    assert_eq!(row, "| Feature engineering | | A/R | C | R |");
    project.write(
        "docs/team/raci.md",
        &raci.replace(&row, "| Feature engineering | | A/R | R | C |"),
    );

    project
        .mlteam(&["raci", "import"])
        .ok()
        .stdout("updated  mlteam.toml\n\
                 updated  docs/team/roles/ml-engineer.md    (role)\n\
                 updated  docs/team/roles/data-engineer.md  (role)\n\
                 updated  docs/team/raci.md                 (raci-matrix)\n\
                 Imported demo/docs/team/raci.md: 2 letters differ from the catalog's defaults and are kept in [raci.overrides].\n")
        .stderr("");
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
            .contains("| Feature engineering | | A/R | R\\* | C\\* |")
    );
    assert!(project.run(&["check"]).output().unwrap().status.success());

    // Putting the default back removes the override.
    let raci = project.file("docs/team/raci.md");
    project.write(
        "docs/team/raci.md",
        &raci.replace(
            "| Feature engineering | | A/R | R\\* | C\\* |",
            "| Feature engineering | | A/R | C | R |",
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

/// An import reads a table by what it is: the matrix copied under another name is Markdown. A
/// table from any file but the matrix page itself leaves a hand edit on that page standing, and
/// so stops the write.
#[test]
fn an_import_reads_a_table_by_what_it_is() {
    let project = four_roles();
    let raci = project.file("docs/team/raci.md");
    let moved = raci.replace(
        "| Feature engineering | | A/R | C | R |",
        "| Feature engineering | | A/R | R | C |",
    );
    project.write("matrix.txt", &moved);
    project.mlteam(&["raci", "import", "matrix.txt", "-q"]).ok();
    assert!(
        project
            .file("mlteam.toml")
            .contains("feature-engineering = { ml-engineer = \"R\", data-engineer = \"C\" }")
    );

    let csv = project.mlteam(&["raci", "--format", "csv"]).ok().stdout;
    project.write("matrix.csv", &csv);
    let raci = project.file("docs/team/raci.md");
    let edited = raci.replacen("| Write the PRD |", "| Write the PRD, carefully |", 1);
    project.write("docs/team/raci.md", &edited);
    let before = project.snapshot();
    for file in ["matrix.csv", "matrix.txt"] {
        project
            .mlteam(&["raci", "import", file])
            .code(1)
            .stdout("")
            .stderr(
                "error: demo/docs/team/raci.md:33: region `raci-matrix` was edited by hand\n  \
                 help: run `mlteam raci import` to keep the edit in mlteam.toml, or add --force to overwrite it\n\
                 nothing was written\n",
            );
        assert_eq!(project.snapshot(), before, "{file}");
    }
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
        &raci.replace(&row, "| Feature engineering | | A/R | A | C |"),
    );
    let before = project.snapshot();
    project.mlteam(&["raci", "import"]).code(2).stderr(
        "error: demo/docs/team/raci.md:61: row `Feature engineering` has 2 roles accountable (A); keep exactly one\n",
    );
    assert_eq!(project.snapshot(), before);
    // A row given twice is refused too, naming both lines.
    project.write(
        "docs/team/raci.md",
        &format!("{}\n", raci.replacen(&row, &format!("{row}\n{row}"), 1)),
    );
    project.mlteam(&["raci", "import"]).code(2).stderr(
        "error: demo/docs/team/raci.md:62: row `Feature engineering` appears twice, at lines 61 and 62\n  help: keep one row per activity\n",
    );
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
        .mlteam(&[
            "roles",
            "add",
            "data-scientist",
            "--holder",
            "Ada",
            "--dry-run",
        ])
        .ok()
        .stderr("");
    same_text(
        "the plan",
        plan_and_diffs(&ada_too.stdout).0,
        " would update  mlteam.toml\n \
         would update  docs/team/README.md                         (team)\n \
         would update  docs/team/raci.md                           (legend)\n \
         would update  docs/team/roles/data-scientist.md           (role)\n \
         would update  docs/deliverables/risk-register.md          (header)\n \
         would update  docs/deliverables/decision-log.md           (header)\n \
         would update  docs/deliverables/data-analysis-report.md   (header)\n \
         would update  docs/deliverables/model-report.md           (header)\n \
         would update  docs/deliverables/responsible-ai-review.md  (header)\n \
         would update  docs/deliverables/model-card.md             (header)\n \
         would update  docs/deliverables/evaluation-report.md      (header)\n \
         would update  docs/deliverables/data-pipeline-spec.md     (header)\n \
         would update  docs/deliverables/datasheet.md              (header)\n \
         would update  docs/meetings/standup.md                    (meeting)\n \
         would update  docs/meetings/sprint-planning.md            (meeting)\n \
         would update  docs/meetings/weekly-sync.md                (meeting)\n \
         would update  docs/meetings/experiment-review.md          (meeting)\n \
         would update  docs/meetings/model-release-review.md       (meeting)\n \
         would update  docs/meetings/project-review.md             (meeting)\n \
         would update  docs/meetings/retrospective.md              (meeting)\n\
         would replace  docs/meetings/calendar.ics\n \
         would update  docs/checklist.md                           (checklist)\n",
    );
    same_text(
        "the diff of mlteam.toml",
        diff_of(&ada_too.stdout, "mlteam.toml"),
        "--- a/mlteam.toml\n\
         +++ b/mlteam.toml\n\
         @@ -35,7 +35,7 @@\n \
         [[member]]\n \
         name = \"Ada\"\n \
         email = \"ada@example.com\"\n\
         -roles = [\"ml-engineer\"]\n\
         +roles = [\"ml-engineer\", \"data-scientist\"]\n \
         \n \
         [[member]]\n \
         name = \"Bo\"\n",
    );

    // The product manager leaves: nothing is deleted, its card is kept and reported, and its
    // documents move to the project manager, who covers for it; their bodies stay as they were.
    let body = |text: &str| {
        text.split("<!-- mlteam:end header -->")
            .nth(1)
            .unwrap()
            .to_string()
    };
    let prd = body(&project.file("docs/deliverables/prd.md"));
    project
        .mlteam(&["roles", "remove", "product-manager"])
        .ok()
        .stdout(" updated  mlteam.toml\n \
                 updated  docs/team/README.md                         (team)\n \
                 updated  docs/team/raci.md                           (legend, raci-matrix)\n \
                 updated  docs/team/roles/project-manager.md          (role)\n \
                 updated  docs/team/roles/data-scientist.md           (role)\n \
                 updated  docs/deliverables/prd.md                    (front matter, header)\n \
                 updated  docs/deliverables/project-charter.md        (front matter, header)\n \
                 updated  docs/deliverables/risk-register.md          (front matter, header)\n \
                 updated  docs/deliverables/decision-log.md           (front matter, header)\n \
                 updated  docs/deliverables/responsible-ai-review.md  (front matter, header)\n \
                 updated  docs/meetings/sprint-planning.md            (meeting)\n \
                 updated  docs/meetings/weekly-sync.md                (meeting)\n \
                 updated  docs/meetings/model-release-review.md       (meeting)\n \
                 updated  docs/meetings/project-review.md             (meeting)\n \
                 updated  docs/meetings/retrospective.md              (meeting)\n \
                 updated  docs/checklist.md                           (checklist)\n\
                 orphaned  docs/team/roles/product-manager.md          (this role is no longer on the team; kept)\n")
        .stderr("");
    let text = project.file("docs/deliverables/prd.md");
    assert!(text.contains("\nowner: project-manager\n"), "{text}");
    assert_eq!(body(&text), prd);
    assert!(!project.file("mlteam.toml").contains("\"product-manager\""));
    assert_kept(&project, &notes);
    project
        .mlteam(&["check"])
        .ok()
        .stdout("No problems found: the manifest is sound and the docs are up to date.\n");
    // Dana held only the project manager's role: taking it away leaves her without one, and
    // `roles remove` says so.
    project
        .mlteam(&["roles", "remove", "project-manager"])
        .ok()
        .stderr("warning: Dana holds no role now; give them one in mlteam.toml, or remove their [[member]] entry\n");
    project.mlteam(&["check"]).code(1).stdout(
        "demo/mlteam.toml:43:8: Dana holds no role\n   |\n43 | name = \"Dana\"\n   |        ^\n  help: give Dana the roles they hold, or remove the [[member]] entry\n",
    );
}

#[test]
fn unknown_roles_change_nothing() {
    let project = four_roles();
    let before = project.snapshot();
    project
        .mlteam(&["roles", "add", "devops-enginer"])
        .code(2)
        .stdout("")
        .stderr(
            "error: roles add: unknown role `devops-enginer`; did you mean `devops-engineer`?\n  help: `mlteam roles list` shows the role ids\n",
        );
    project
        .mlteam(&["roles", "remove", "devops-engineer"])
        .code(2)
        .stdout("")
        .stderr("error: roles remove: `devops-engineer` is not on the team\n");
    assert_eq!(project.snapshot(), before);
}

#[test]
fn dry_runs_print_diffs_and_write_nothing() {
    let project = four_roles();
    let before = project.snapshot();
    let out = project
        .mlteam(&["roles", "add", "data-analyst", "--dry-run"])
        .ok()
        .stderr("")
        .stdout;
    same_text(
        "the plan",
        plan_and_diffs(&out).0,
        "would update  mlteam.toml\n\
         would update  docs/team/README.md                        (team)\n\
         would update  docs/team/raci.md                          (legend, raci-matrix)\n\
         would update  docs/team/roles/product-manager.md         (role)\n\
         would update  docs/team/roles/data-scientist.md          (role)\n\
         would create  docs/team/roles/data-analyst.md\n\
         would update  docs/deliverables/data-analysis-report.md  (front matter, header)\n\
         would update  docs/deliverables/evaluation-report.md     (front matter, header)\n\
         would create  docs/deliverables/insight-report.md\n\
         would update  docs/meetings/standup.md                   (meeting)\n\
         would update  docs/meetings/experiment-review.md         (meeting)\n\
         would update  docs/meetings/retrospective.md             (meeting)\n\
         would update  docs/checklist.md                          (checklist)\n\
         would update  docs/plan.md                               (plan)\n",
    );
    same_text(
        "the diff of mlteam.toml",
        diff_of(&out, "mlteam.toml"),
        "--- a/mlteam.toml\n\
         +++ b/mlteam.toml\n\
         @@ -25,6 +25,7 @@\n   \
         \"data-scientist\", # Data scientist\n   \
         \"ml-engineer\", # ML engineer\n   \
         \"data-engineer\", # Data engineer\n\
         +  \"data-analyst\", # Data analyst\n \
         ]\n \
         \n \
         # One [[member]] per person: name, optional email and github handle, and the roles they hold.\n",
    );
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
    project
        .mlteam(&["check"])
        .ok()
        .stdout("No problems found: the manifest is sound and the docs are up to date.\n")
        .stderr("");

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
    // The stub that cannot be read shows as unreadable on its owner's card and the overview:
    // those are out of date too.
    project.mlteam(&["check"]).code(1).stderr("error: 6 problems found\n").stdout(
        "demo/docs/team/raci.md:33: region `raci-matrix` was edited by hand\n  \
         help: run `mlteam raci import` to keep the edit in mlteam.toml, or add --force to overwrite it\n\
         demo/docs/deliverables/datasheet.md:7: `status` must be one of todo, draft, review, done\n\
         demo/docs/team/README.md: out of date (team); run `mlteam sync`\n\
         demo/docs/team/roles/data-engineer.md: out of date (role); run `mlteam sync`\n\
         demo/docs/deliverables/prd.md: missing: the stub of a deliverable the team owes; run `mlteam sync` to create it\n\
         demo/docs/checklist.md: out of date (checklist); run `mlteam sync`\n",
    );
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
    // The team's shape is advice: a warning, exit 0; --strict makes it a problem.
    let gap = "demo/mlteam.toml:23:9: warning: gap: no role on the team can cover for Product manager, Project manager, AI product manager, 10 more; Business consultant carries their letters by default in 25 activities (Industry trends and competitor research, ML problem framing and success metrics, Feasibility study of the algorithm, 22 more)\n   |\n23 | roles = [\n   |         ^\n  help: add roles that can do this work, or set the letters under [raci.overrides]\n";
    project.mlteam(&["check"]).ok().stdout(&format!(
        "{gap}No problems found: the manifest is sound and the docs are up to date (the warning above is advice; --strict counts it as a problem).\n"
    ));
    project
        .mlteam(&["check", "--strict"])
        .code(1)
        .stdout(gap)
        .stderr("error: 1 problem found\n");
}

/// Overload means something for small teams: a fixed cap of 8 flagged every team of two, a share
/// of an even split flags the one person who carries most of the sign-offs.
#[test]
fn overload_is_judged_against_an_even_share() {
    let project = Project::new();
    project.init(&[
        "--roles",
        "product-manager,data-scientist,ml-engineer,data-engineer",
        "--member",
        "Ada=product-manager,data-scientist,ml-engineer",
        "--member",
        "Bo=data-engineer",
    ]);
    let run = project.mlteam(&["check"]).ok();
    assert_eq!(
        run.stdout,
        "demo/mlteam.toml:33:8: warning: Ada is accountable for 21 of the 25 activities; more than 18 is a heavy share for a team of 2\n   |\n33 | name = \"Ada\"\n   |        ^\n  help: give some of Ada's roles to others, move letters under [raci.overrides], or raise [raci] max_share\n\
         No problems found: the manifest is sound and the docs are up to date (the warning above is advice; --strict counts it as a problem).\n"
    );
    // The limit is the team's to set.
    let manifest = project
        .file("mlteam.toml")
        .replace("max_share = 1.5", "max_share = 2");
    project.write("mlteam.toml", &manifest);
    project
        .mlteam(&["check"])
        .ok()
        .stdout("No problems found: the manifest is sound and the docs are up to date.\n");
    let manifest = project
        .file("mlteam.toml")
        .replace("max_share = 2", "max_share = 2\nmax_accountable = 5");
    project.write("mlteam.toml", &manifest);
    project.mlteam(&["check"]).ok().stdout("demo/mlteam.toml:33:8: warning: Ada is accountable for 21 of the 25 activities; more than 5 is a heavy share for a team of 2\n   \
                                            |\n\
                                            33 | name = \"Ada\"\n   \
                                            |        ^\n  \
                                            help: give some of Ada's roles to others, move letters under [raci.overrides], or raise [raci] max_share\n\
                                            No problems found: the manifest is sound and the docs are up to date (the warning above is advice; --strict counts it as a problem).\n").stderr("");
}

/// The same person twice, or a person holding nothing, is an error at the line.
#[test]
fn people_listed_twice_or_holding_nothing_are_errors() {
    let project = Project::new();
    project.init(&[
        "--roles",
        "data-scientist",
        "--member",
        "Ada=data-scientist",
    ]);
    let manifest = project.file("mlteam.toml").replace(
        "[meetings]\n",
        "[[member]]\nname = \"ADA \"\nroles = [\"data-scientist\"]\n\n[[member]]\nname = \"Bo\"\n\n[meetings]\n",
    );
    project.write("mlteam.toml", &manifest);
    project.mlteam(&["sync"]).ok();
    project
        .mlteam(&["check"])
        .code(1)
        .stdout("demo/mlteam.toml:34:8: ADA is listed twice, at lines 30 and 34\n   \
                 |\n\
                 34 | name = \"ADA \"\n   \
                 |        ^\n  \
                 help: merge the two [[member]] entries into one\n\
                 demo/mlteam.toml:38:8: Bo holds no role\n   \
                 |\n\
                 38 | name = \"Bo\"\n   \
                 |        ^\n  \
                 help: give Bo the roles they hold, or remove the [[member]] entry\n\
                 demo/mlteam.toml:30:8: warning: Ada is accountable for 25 of the 25 activities; more than 18 is a heavy share for a team of 2\n   \
                 |\n\
                 30 | name = \"Ada\"\n   \
                 |        ^\n  \
                 help: give some of Ada's roles to others, move letters under [raci.overrides], or raise [raci] max_share\n\
                 demo/mlteam.toml:34:8: warning: ADA is accountable for 25 of the 25 activities; more than 18 is a heavy share for a team of 2\n   \
                 |\n\
                 34 | name = \"ADA \"\n   \
                 |        ^\n  \
                 help: give some of ADA's roles to others, move letters under [raci.overrides], or raise [raci] max_share\n")
        .stderr("error: 2 problems found\n");
    // init refuses the same person twice at once.
    let other = Project::new();
    other
        .cmd()
        .args(["init", "demo", "--yes", "--roles", "data-scientist,ml-engineer", "--member", "Ada=data-scientist", "--member", "ada=ml-engineer"])
        .finish()
        .code(2)
        .stderr("error: --member: `Ada` and `ada` are the same person; give each person one --member with all their roles\n");
    assert!(!other.exists("mlteam.toml"));
}

#[test]
fn a_malformed_manifest_is_shown_where_it_breaks() {
    let project = four_roles();
    let manifest = project
        .file("mlteam.toml")
        .replace("max_share = 1.5", "max_share = eight");
    project.write("mlteam.toml", &manifest);
    let before = project.snapshot();
    let report = "demo/mlteam.toml:71:13: text must be in quotes\n   |\n71 | max_share = eight\n   |             ^\n";
    project
        .mlteam(&["sync"])
        .code(2)
        .stdout("")
        .stderr(&format!("error: {report}"));
    assert_eq!(project.snapshot(), before);
    project
        .mlteam(&["check"])
        .code(1)
        .stdout(report)
        .stderr("error: 1 problem found\n");
}

#[test]
fn exports_parse_back() {
    let project = four_roles();
    let csv = project
        .mlteam(&["raci", "--format", "csv"])
        .ok()
        .stdout("activity,phase,Product manager,Data scientist,ML engineer,Data engineer\r\n\
                 Industry trends and competitor research,Discovery,A/R,C,,\r\n\
                 ML problem framing and success metrics,Discovery,A,R,I,I\r\n\
                 Feasibility study of the algorithm,Discovery,C,A/R,C,C\r\n\
                 Write the PRD,Discovery,A/R,C,C,\r\n\
                 Project charter and project plan,Discovery,A/R,I,C,I\r\n\
                 \"Progress tracking, risk control and decision records\",Discovery,A/R,C,C,\r\n\
                 Data source inventory and data dictionary,Data,C,C,I,A/R\r\n\
                 Data pipelines and data warehouse,Data,I,C,C,A/R\r\n\
                 Data security and storage,Data,C,,C,A/R\r\n\
                 \"Data cleaning, labelling and quality monitoring\",Data,C,R,C,A/R\r\n\
                 Exploratory analysis and data value report,Data,C,A/R,,C\r\n\
                 Data checkpoint (go or no-go),Data,A,R,I,C\r\n\
                 Feature engineering,Modeling,,A/R,C,R\r\n\
                 \"Model selection, training, tuning and experiment tracking\",Modeling,I,A/R,R,\r\n\
                 Model evaluation report and model card,Modeling,C,A/R,I,\r\n\
                 \"Responsible-AI review: privacy, fairness, security and compliance sign-off\",Modeling,A,R,R,C\r\n\
                 Inference system design and deployment,Deployment,I,C,A/R,\r\n\
                 Integration of the inference system with the software,Deployment,C,,A/R,\r\n\
                 \"DevOps process, CI/CD and infrastructure\",Deployment,I,,A/R,C\r\n\
                 Integration and system testing,Deployment,C,,A/R,\r\n\
                 Production release,Deployment,C,,A/R,\r\n\
                 \"Monitoring of models, data and systems, drift included\",Operations,I,C,A/R,R\r\n\
                 Incident response and on-call,Operations,I,,A/R,C\r\n\
                 Model iteration and retraining,Operations,C,R,A/R,C\r\n\
                 Product iteration and user experience,Operations,A/R,C,C,\r\n")
        .stderr("")
        .stdout;
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
    assert_eq!(reader.records().count(), 25);

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
    let html = project
        .mlteam(&["raci", "--format", "html"])
        .ok()
        .stderr("")
        .stdout;
    // The page is long: its head, its header row and its rows are checked, each whole.
    same_text(
        "the head of the page",
        &head_of(&html),
        "<!DOCTYPE html>\n\
         <html lang=\"en\">\n\
         <head>\n\
         <meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>RACI matrix: Fraud &lt;detection&gt; &amp; co</title>\n",
    );
    assert_eq!(html.matches("<tr><td class=\"phase\">").count(), 25);
    // Nothing anywhere in it loads from elsewhere.
    for external in ["src=", "href=", "http://", "https://", "@import", "url("] {
        assert!(!html.contains(external), "an external resource: {external}");
    }
    assert!(html.lines().any(|l| l == "  @media print {"), "{html}");
    let zh = project
        .mlteam(&["raci", "--format", "html", "--lang", "zh"])
        .ok()
        .stderr("")
        .stdout;
    // --lang chooses the export's language.
    same_text(
        "the head of the page",
        &head_of(&zh),
        "<!DOCTYPE html>\n\
         <html lang=\"zh-CN\">\n\
         <head>\n\
         <meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>RACI矩阵：Fraud &lt;detection&gt; &amp; co</title>\n",
    );
    same_text(
        "the header row",
        header_row(&zh),
        "<tr><th>阶段</th><th>活动</th><th class=\"role\" title=\"产品经理\">产品经理</th><th class=\"role\" title=\"机器学习工程师\">机器学习工程师</th></tr>",
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
    same_text(
        ".github/CODEOWNERS",
        &owners,
        "# Who reviews the team's documents: GitHub requests a review from these people when a file\n\
         # changes. The part between the mlteam markers is generated from mlteam.toml by `mlteam sync`\n\
         # (each stub goes to the people holding its owner role); rules you add outside it are kept.\n\
         # mlteam:begin codeowners digest=ab101c8e7a50f8f4\n\
         /docs/deliverables/prd.md @bo\n\
         /docs/deliverables/project-charter.md @bo\n\
         /docs/deliverables/risk-register.md @bo\n\
         /docs/deliverables/decision-log.md @bo\n\
         /docs/deliverables/data-analysis-report.md @ada-l\n\
         /docs/deliverables/model-report.md @ada-l\n\
         /docs/deliverables/responsible-ai-review.md @ada-l\n\
         /docs/deliverables/model-card.md @ada-l\n\
         /docs/deliverables/evaluation-report.md @ada-l\n\
         /docs/deliverables/inference-system-design.md @ada-l\n\
         /docs/deliverables/integration-spec.md @ada-l\n\
         /docs/deliverables/data-pipeline-spec.md @ada-l\n\
         /docs/deliverables/datasheet.md @ada-l\n\
         /docs/deliverables/deployment-plan.md @ada-l\n\
         # mlteam:end codeowners\n",
    );
    project.write(".github/CODEOWNERS", &format!("{owners}/src/ @ada-l\n"));
    // The product manager leaves: the ML engineer covers, so Ada reviews the PRD.
    let output = project
        .run(&["roles", "remove", "product-manager"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    same_text(
        ".github/CODEOWNERS",
        &project.file(".github/CODEOWNERS"),
        "# Who reviews the team's documents: GitHub requests a review from these people when a file\n\
         # changes. The part between the mlteam markers is generated from mlteam.toml by `mlteam sync`\n\
         # (each stub goes to the people holding its owner role); rules you add outside it are kept.\n\
         # mlteam:begin codeowners digest=3b5e8d56e57bfb67\n\
         /docs/deliverables/prd.md @ada-l\n\
         /docs/deliverables/project-charter.md @ada-l\n\
         /docs/deliverables/risk-register.md @ada-l\n\
         /docs/deliverables/decision-log.md @ada-l\n\
         /docs/deliverables/data-analysis-report.md @ada-l\n\
         /docs/deliverables/model-report.md @ada-l\n\
         /docs/deliverables/responsible-ai-review.md @ada-l\n\
         /docs/deliverables/model-card.md @ada-l\n\
         /docs/deliverables/evaluation-report.md @ada-l\n\
         /docs/deliverables/inference-system-design.md @ada-l\n\
         /docs/deliverables/integration-spec.md @ada-l\n\
         /docs/deliverables/data-pipeline-spec.md @ada-l\n\
         /docs/deliverables/datasheet.md @ada-l\n\
         /docs/deliverables/deployment-plan.md @ada-l\n\
         # mlteam:end codeowners\n\
         /src/ @ada-l\n",
    );
}

#[test]
fn meetings_lists_the_cadence_and_writes_a_calendar() {
    let project = four_roles();
    project.mlteam(&["meetings"]).ok().stdout("Daily stand-up          Every weekday (Monday to Friday)  09:30–09:45  Product manager\n\
                                               Sprint planning         Every other Monday                10:00–12:00  Product manager\n\
                                               Weekly project meeting  Every Wednesday                   10:00–11:00  Product manager\n\
                                               Experiment review       Every Thursday                    14:00–15:00  Data scientist\n\
                                               Model release review    Monthly, on the last Thursday     10:00–11:30  Product manager\n\
                                               Project review          Monthly, on the first Monday      15:00–16:30  Product manager\n\
                                               Retrospective           Every other Friday                15:30–16:30  Product manager\n").stderr("");
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
        raci.contains("| Prompt evaluation | | | C | | A/R |"),
        "{raci}"
    );
    assert!(project.exists("docs/team/roles/prompt-engineer.md"));
    assert!(project.run(&["check"]).output().unwrap().status.success());

    // A custom entry is checked like a built-in one, at its line.
    let broken = project
        .file("mlteam.toml")
        .replace("covers = [\"ml-engineer\"]", "covers = [\"ml-enginer\"]");
    project.write("mlteam.toml", &broken);
    project.mlteam(&["sync"]).code(2).stdout("").stderr(
        "error: demo/mlteam.toml:105:10: [[custom.role]] covers: unknown role `ml-enginer`; did you mean `ml-engineer`?\n    \
         |\n\
         105 | covers = [\"ml-enginer\"]\n    \
         |          ^\n  \
         help: `mlteam roles list` shows the role ids\n",
    );
}

/// The generated parts of a stub and of the matrix page follow the people: a renamed person is
/// renamed in the legend and in every stub's header by the next sync.
#[test]
fn headers_and_legend_follow_the_people() {
    let project = four_roles();
    let manifest = project
        .file("mlteam.toml")
        .replace("name = \"Ada\"", "name = \"Ada Lovelace\"");
    project.write("mlteam.toml", &manifest);
    project.mlteam(&["check"]).code(1);
    project.mlteam(&["sync"]).ok();
    let raci = project.file("docs/team/raci.md");
    assert!(
        raci.contains("- **MLE**: [ML engineer](roles/ml-engineer.md) (Ada Lovelace)\n"),
        "{raci}"
    );
    let stub = project.file("docs/deliverables/inference-system-design.md");
    assert!(
        stub.contains("- **Owner:** [ML engineer](../team/roles/ml-engineer.md) (Ada Lovelace)\n"),
        "{stub}"
    );
    project.mlteam(&["check"]).ok();
}

/// A custom entry with a built-in id changes only what it sets.
#[test]
fn a_custom_entry_changes_only_the_keys_it_sets() {
    let project = four_roles();
    let manifest = project.file("mlteam.toml")
        + "\n[[custom.deliverable]]\nid = \"model-card\"\nowner = \"ml-engineer\"\ntitle.zh = \"模型说明卡\"\n";
    project.write("mlteam.toml", &manifest);
    project.mlteam(&["sync"]).ok();
    let card = project.file("docs/deliverables/model-card.md");
    assert!(card.contains("\nowner: ml-engineer\n"), "{card}");
    assert!(
        card.contains("\ntitle: \"Model card\"\n"),
        "the English title stays: {card}"
    );
    assert!(card.contains("\nphase: modeling\n"), "{card}");
    assert!(
        card.contains("\n## Model details\n"),
        "the sections stay: {card}"
    );
    // A custom entry naming an unknown kind is refused at its line.
    let manifest = project.file("mlteam.toml") + "kinds = [\"prodcut\"]\n";
    project.write("mlteam.toml", &manifest);
    project.mlteam(&["sync"]).code(2).stdout("").stderr(
        "error: demo/mlteam.toml:102:9: [[custom.deliverable]] kinds: unknown project kind `prodcut`; did you mean `product`?\n    \
         |\n\
         102 | kinds = [\"prodcut\"]\n    \
         |         ^\n",
    );
}

/// `--holder` finds a person already on the team whatever the case of the name.
#[test]
fn holder_finds_an_existing_member_ignoring_case() {
    let project = four_roles();
    project
        .mlteam(&["roles", "add", "data-analyst", "--holder", " ADA "])
        .ok();
    let manifest = project.file("mlteam.toml");
    assert!(
        manifest.contains("[[member]]\nname = \"Ada\"\nemail = \"ada@example.com\"\nroles = [\"ml-engineer\", \"data-analyst\"]\n"),
        "{manifest}"
    );
    assert_eq!(manifest.matches("\n[[member]]\n").count(), 1, "{manifest}");
}

/// A file mlteam cannot refresh is a problem for `check`, with what to do about it.
#[test]
fn check_says_how_to_mend_a_file_it_must_leave_alone() {
    let project = Project::new();
    project.init(&[]);
    let text = project.file("docs/team/README.md");
    let begin = text
        .lines()
        .find(|l| l.starts_with("<!-- mlteam:begin team"))
        .unwrap()
        .to_string();
    // The end marker's line once the begin marker's is gone.
    let end = text
        .lines()
        .position(|l| l == "<!-- mlteam:end team -->")
        .unwrap();
    project.write(
        "docs/team/README.md",
        &text.replace(&format!("{begin}\n"), ""),
    );
    project
        .mlteam(&["check"])
        .code(1)
        .stdout(&format!(
            "demo/docs/team/README.md: mlteam markers broken at line {end} (region `team` ends \
             but never began); left as it is\n  \
             help: mend the file (its mlteam markers in pairs, UTF-8 text, a regular file), or \
             move it away and run `mlteam sync` to write it anew\n"
        ))
        .stderr("error: 1 problem found\n");
}
