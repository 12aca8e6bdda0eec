//! Every value is escaped for the format it lands in, and what can never be right is refused at
//! its flag or its line of mlteam.toml: the attacks that once broke the manifest, the HTML
//! export, the matrix tables and the region markers.

use crate::support::{Finish, Project, same_text};

/// A project of an ML engineer and a data scientist, Ada holding the first.
fn project() -> Project {
    let project = Project::new();
    project.init(&[
        "--roles",
        "ml-engineer,data-scientist",
        "--member",
        "Ada <ada@example.com>=ml-engineer",
    ]);
    project
}

/// `mlteam.toml` with `extra` at its end; returns the 1-based line where `extra` begins.
fn append(project: &Project, extra: &str) -> usize {
    let text = project.file("mlteam.toml");
    project.write("mlteam.toml", &format!("{text}{extra}"));
    text.lines().count() + 1
}

/// A custom role `prompt-engineer` on the team, with `keys` in its table.
fn custom_role(project: &Project, keys: &str) -> usize {
    let text = project
        .file("mlteam.toml")
        .replace("roles = [\n", "roles = [\n  \"prompt-engineer\",\n");
    project.write("mlteam.toml", &text);
    append(
        project,
        &format!(
            "\n[[custom.role]]\nid = \"prompt-engineer\"\ngroup = \"research-engineering\"\ncovers = [\"ml-engineer\"]\n{keys}\n"
        ),
    ) + 5
}

/// `sync` refuses with exit 2, its whole `stderr` is `expected`, and nothing on disk changed.
#[track_caller]
fn sync_refuses(project: &Project, expected: &str) {
    let before = project.snapshot();
    project
        .mlteam(&["sync"])
        .code(2)
        .stdout("")
        .stderr(expected);
    assert_eq!(project.snapshot(), before, "files changed after a refusal");
}

#[test]
fn a_project_name_cannot_add_a_member_to_the_manifest() {
    let project = Project::new();
    let before = project.snapshot();
    project
        .cmd()
        .args(["init", "demo", "--yes", "--name"])
        .arg("x\n[[member]]\nname = \"Eve\"\nroles = [\"ml-engineer\"]")
        .finish()
        .code(2)
        .stderr("error: --name: the project name holds a line break; it must be one line\n");
    assert_eq!(project.snapshot(), before);

    // The same name written into mlteam.toml by hand is refused at its line.
    let project = self::project();
    let text = project.file("mlteam.toml");
    let line = text.lines().position(|l| l.starts_with("name = ")).unwrap() + 1;
    project.write(
        "mlteam.toml",
        &text.replacen("name = \"demo\"", "name = \"x\\n[[member]]\"", 1),
    );
    sync_refuses(
        &project,
        &format!(
            "error: demo/mlteam.toml:{line}:8: the project name holds a line break; it must be \
             one line\n  \
             |\n\
             {line} | name = \"x\\n[[member]]\"\n  \
             |        ^\n"
        ),
    );
}

#[test]
fn a_manifest_comment_keeps_a_value_on_its_line() {
    // A name that is fine as a name still never leaves its comment line in the manifest.
    let project = Project::new();
    project.init(&["--name", "x # [[member]] name = \"Eve\""]);
    let manifest = project.file("mlteam.toml");
    let parsed: toml::Table = toml::from_str(&manifest).unwrap();
    assert!(parsed.get("member").is_none(), "{manifest}");
    assert_eq!(
        parsed["project"]["name"].as_str(),
        Some("x # [[member]] name = \"Eve\"")
    );
}

#[test]
fn people_with_broken_addresses_or_names_are_refused_at_their_flag() {
    let project = Project::new();
    let before = project.snapshot();
    project
        .cmd()
        .args(["init", "demo", "--yes", "--roles", "ml-engineer", "--member"])
        .arg("Ada <ada|x@example.com>=ml-engineer")
        .arg("--member")
        .arg("Bo\u{7}=ml-engineer")
        .arg("--description")
        .arg("one\ntwo")
        .finish()
        .code(2)
        .stderr(
            "error: --description: the description holds a line break; it must be one line\n\
             --member: `ada|x@example.com` is not a plain email address (like ada@example.com)\n\
             --member: `Bo\\u{7}` holds a line break or a control character; a person's name is one line of plain text\n",
        );
    assert_eq!(project.snapshot(), before);
}

#[test]
fn people_with_broken_addresses_or_names_are_refused_at_their_line() {
    let project = project();
    let text = project.file("mlteam.toml");
    let line = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let (name, email) = (line("name = \"Ada\""), line("email = "));
    project.write(
        "mlteam.toml",
        &text
            .replace("name = \"Ada\"", "name = \"Ada\\u001b[2J\"")
            .replace("ada@example.com", "ada@example.com>"),
    );
    // Both are said, each at its line, top to bottom.
    sync_refuses(
        &project,
        &format!(
            "error: demo/mlteam.toml:{name}:8: the name holds the control character U+001B; it \
             must be plain text\n   \
             |\n\
             {name} | name = \"Ada\\u001b[2J\"\n   \
             |        ^\n\
             demo/mlteam.toml:{email}:9: `ada@example.com>` does not look like an email \
             address\n   \
             |\n\
             {email} | email = \"ada@example.com>\"\n   \
             |         ^\n"
        ),
    );
}

#[test]
fn a_role_code_that_is_not_short_and_alphanumeric_is_refused() {
    let project = project();
    let line = custom_role(
        &project,
        "name = \"Prompt engineer\"\ncode = \"<img src=x onerror=alert(1)>\"",
    );
    let refused = format!(
        "error: demo/mlteam.toml:{line}:8: [[custom.role]]: role code `<img src=x \
         onerror=alert(1)>` is not 1 to 8 letters and digits (like `MLE`)\n    \
         |\n\
         {line} | code = \"<img src=x onerror=alert(1)>\"\n    \
         |        ^\n",
        line = line + 1
    );
    sync_refuses(&project, &refused);
    // Nor is anything exported.
    project
        .mlteam(&["raci", "--format", "html", "-o", "-"])
        .code(2)
        .stdout("")
        .stderr(&refused);
}

/// The tags of an HTML text, lower-cased: what a parser would make elements of.
fn tags(html: &str) -> Vec<String> {
    html.split('<')
        .skip(1)
        .filter_map(|rest| {
            let name: String = rest
                .trim_start_matches('/')
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect();
            (!name.is_empty()).then(|| name.to_ascii_lowercase())
        })
        .collect()
}

#[test]
fn values_in_the_html_export_are_text() {
    let project = project();
    custom_role(
        &project,
        "name = \"<img src=x onerror=alert(1)>\"\ncode = \"PE\"\nsummary = \"<script>alert(2)</script>\"",
    );
    let text = project.file("mlteam.toml").replace(
        "description = \"\"",
        "description = \"</p><img src=y onerror=alert(3)>\"",
    );
    project.write("mlteam.toml", &text);
    project.mlteam(&["sync", "-q"]).ok();
    let html = project
        .mlteam(&["raci", "--format", "html", "-o", "-"])
        .ok()
        .stdout;
    let allowed = [
        "html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "ul", "li", "span",
        "small", "table", "thead", "tbody", "tr", "th", "td",
    ];
    let found = tags(&html);
    assert!(
        found.iter().all(|t| allowed.contains(&t.as_str())),
        "{found:?}"
    );
    assert!(!found.contains(&"img".to_string()));
    // Every line the hostile values land on, whole.
    let landed: String = html
        .lines()
        .filter(|l| l.contains("alert"))
        .map(|l| format!("{l}\n"))
        .collect();
    same_text(
        "the lines of the values",
        &landed,
        "<p class=\"meta\">&lt;/p&gt;&lt;img src&#x3D;y onerror&#x3D;alert(3)&gt; · starts 2026-11-30 · 3 roles on the team · 25 activities</p>\n\
         <tr><th>Phase</th><th>Activity</th><th class=\"role\" title=\"Data scientist\">Data scientist</th><th class=\"role\" title=\"ML engineer\">ML engineer · Ada</th><th class=\"role\" title=\"&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;\">&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;</th></tr>\n",
    );
}

#[test]
fn a_pipe_in_a_name_keeps_the_tables_and_the_import_whole() {
    let project = project();
    custom_role(&project, "name = \"Prompt | eval engineer\"\ncode = \"PE\"");
    append(
        &project,
        "\n[[custom.activity]]\nid = \"prompt-library\"\nname = \"Prompts | *evals* `x`\"\nphase = \"modeling\"\nraci = { prompt-engineer = \"A/R\", ml-engineer = \"C\" }\n",
    );
    project.mlteam(&["sync", "-q"]).ok();
    let raci = project.file("docs/team/raci.md");
    let row = raci
        .lines()
        .find(|l| l.contains("Prompts"))
        .expect("the custom activity has a row");
    assert_eq!(row, "| Prompts \\| \\*evals\\* \\`x\\` | | C | A/R |");
    assert!(
        raci.contains("- **PE**: [Prompt \\| eval engineer](roles/prompt-engineer.md)"),
        "{raci}"
    );

    project
        .mlteam(&["raci", "import"])
        .ok()
        .stdout(
            "Nothing to change: all 29 files are up to date.\n\
             Imported demo/docs/team/raci.md: 0 letters differ from the catalog's defaults and are kept in [raci.overrides].\n",
        );
    project.write(
        "docs/team/raci.md",
        &raci.replace(row, "| Prompts \\| \\*evals\\* \\`x\\` | | R | A/R |"),
    );
    project.mlteam(&["raci", "import", "-q"]).ok();
    assert!(
        project
            .file("mlteam.toml")
            .contains("prompt-library = { ml-engineer = \"R\" }")
    );
    project.mlteam(&["check"]).ok();
}

#[test]
fn marker_like_values_are_written_as_text() {
    let project = Project::new();
    project.init(&[
        "--roles",
        "ml-engineer",
        "--name",
        "# mlteam:end team",
        "--description",
        "<!-- mlteam:begin team -->",
    ]);
    let readme = project.file("docs/team/README.md");
    assert!(
        readme
            .starts_with("# \\# mlteam\\:end team: the team\n\n\\<!-- mlteam\\:begin team --\\>\n"),
        "{readme}"
    );
    append(
        &project,
        "\n[[member]]\nname = \"<!-- mlteam:end role -->\"\nroles = [\"ml-engineer\"]\n",
    );
    project.mlteam(&["sync", "-q"]).ok();
    assert!(
        project
            .file("docs/team/roles/ml-engineer.md")
            .contains("- **Held by:** \\<!-- mlteam\\:end role --\\>\n")
    );
    project.mlteam(&["check"]).ok();
    let before = project.snapshot();
    project.mlteam(&["sync"]).ok();
    assert_eq!(project.snapshot(), before, "a second sync writes nothing");
}

#[test]
fn ids_windows_cannot_check_out_are_refused() {
    let project = project();
    let line = append(
        &project,
        "\n[[custom.deliverable]]\nid = \"aux\"\ntitle = \"Aux\"\nowner = \"ml-engineer\"\nphase = \"modeling\"\n\n[[custom.meeting]]\nid = \"com1\"\nname = \"Com\"\nrrule = \"FREQ=WEEKLY;BYDAY=MO\"\nduration = \"PT30M\"\nchair = \"ml-engineer\"\n",
    );
    let problems = format!(
        "demo/mlteam.toml:{aux}:6: [[custom.deliverable]]: id `aux` is a device name on Windows, \
         where a file of that name cannot be checked out; choose another id\n   \
         |\n\
         {aux} | id = \"aux\"\n   \
         |      ^\n\
         demo/mlteam.toml:{com1}:6: [[custom.meeting]]: id `com1` is a device name on Windows, \
         where a file of that name cannot be checked out; choose another id\n    \
         |\n\
         {com1} | id = \"com1\"\n    \
         |      ^\n",
        aux = line + 2,
        com1 = line + 8
    );
    sync_refuses(&project, &format!("error: {problems}"));
    project
        .mlteam(&["check"])
        .code(1)
        .stdout(&problems)
        .stderr("error: 2 problems found\n");
}

#[test]
fn custom_names_are_one_line_in_each_language() {
    let project = project();
    let line = custom_role(
        &project,
        "name = { en = \"Prompt engineer\", zh = \"提示词\\n工程师\" }\ncode = \"PE\"",
    );
    sync_refuses(
        &project,
        &format!(
            "error: demo/mlteam.toml:{line}:39: [[custom.role]]: the name holds a line break; it \
             must be one line\n    \
             |\n\
             {line} | name = {{ en = \"Prompt engineer\", zh = \"提示词\\n工程师\" }}\n    \
             |                                       ^\n"
        ),
    );
}

#[test]
fn csv_cells_that_would_run_as_formulas_are_neutralised_and_read_back() {
    let project = project();
    append(
        &project,
        "\n[[custom.activity]]\nid = \"formula\"\nname = \"=HYPERLINK(\\\"http://x\\\")\"\nphase = \"modeling\"\nraci = { ml-engineer = \"A/R\" }\n\n[[custom.deliverable]]\nid = \"sums\"\ntitle = \"@SUM(1+1)\"\nowner = \"ml-engineer\"\nphase = \"modeling\"\n",
    );
    project.mlteam(&["sync", "-q"]).ok();
    let csv = project
        .mlteam(&["raci", "--format", "csv", "-o", "-"])
        .ok()
        .stdout("activity,phase,Data scientist,ML engineer\r\n\
                 Industry trends and competitor research,Discovery,A/R,\r\n\
                 ML problem framing and success metrics,Discovery,A/R,I\r\n\
                 Feasibility study of the algorithm,Discovery,A/R,C\r\n\
                 Write the PRD,Discovery,A/R,C\r\n\
                 Project charter and project plan,Discovery,A/R,R\r\n\
                 \"Progress tracking, risk control and decision records\",Discovery,A/R,R\r\n\
                 Data source inventory and data dictionary,Data,C,A/R\r\n\
                 Data pipelines and data warehouse,Data,C,A/R\r\n\
                 Data security and storage,Data,I,A/R\r\n\
                 \"Data cleaning, labelling and quality monitoring\",Data,R,A/R\r\n\
                 Exploratory analysis and data value report,Data,A/R,C\r\n\
                 Data checkpoint (go or no-go),Data,A/R,C\r\n\
                 Feature engineering,Modeling,A/R,R\r\n\
                 \"Model selection, training, tuning and experiment tracking\",Modeling,A/R,R\r\n\
                 Model evaluation report and model card,Modeling,A/R,I\r\n\
                 \"Responsible-AI review: privacy, fairness, security and compliance sign-off\",Modeling,A/R,R\r\n\
                 Inference system design and deployment,Deployment,C,A/R\r\n\
                 Integration of the inference system with the software,Deployment,I,A/R\r\n\
                 \"DevOps process, CI/CD and infrastructure\",Deployment,I,A/R\r\n\
                 Integration and system testing,Deployment,C,A/R\r\n\
                 Production release,Deployment,C,A/R\r\n\
                 \"Monitoring of models, data and systems, drift included\",Operations,C,A/R\r\n\
                 Incident response and on-call,Operations,I,A/R\r\n\
                 Model iteration and retraining,Operations,R,A/R\r\n\
                 Product iteration and user experience,Operations,A/R,C\r\n\
                 \"'=HYPERLINK(\"\"http://x\"\")\",Modeling,,A/R\r\n")
        .stderr("")
        .stdout;
    // --raw-csv leaves the formula as it is, and changes nothing else.
    project
        .mlteam(&["raci", "--format", "csv", "--raw-csv", "-o", "-"])
        .ok()
        .stdout(&csv.replace("\"'=HYPERLINK", "\"=HYPERLINK"))
        .stderr("");
    project
        .mlteam(&["checklist", "--format", "csv", "-o", "-"])
        .ok()
        .stdout("phase,deliverable,title,owner,people,status,due,due_from_schedule,overdue,path,approved_by,approved_on\r\n\
                 discovery,prd,Product requirements document (PRD),data-scientist,,todo,2026-12-20,true,false,docs/deliverables/prd.md,,\r\n\
                 discovery,project-charter,Project charter,data-scientist,,todo,2026-12-20,true,false,docs/deliverables/project-charter.md,,\r\n\
                 discovery,risk-register,Risk register,data-scientist,,todo,2026-12-20,true,false,docs/deliverables/risk-register.md,,\r\n\
                 discovery,decision-log,Decision log,data-scientist,,todo,2026-12-20,true,false,docs/deliverables/decision-log.md,,\r\n\
                 data,data-analysis-report,Data analysis report,data-scientist,,todo,2027-02-14,true,false,docs/deliverables/data-analysis-report.md,,\r\n\
                 data,data-pipeline-spec,Data pipeline specification,ml-engineer,Ada,todo,2027-02-14,true,false,docs/deliverables/data-pipeline-spec.md,,\r\n\
                 data,datasheet,Datasheet for the dataset,ml-engineer,Ada,todo,2027-02-14,true,false,docs/deliverables/datasheet.md,,\r\n\
                 modeling,model-report,Model report,data-scientist,,todo,2027-03-28,true,false,docs/deliverables/model-report.md,,\r\n\
                 modeling,responsible-ai-review,Responsible-AI review,data-scientist,,todo,2027-03-28,true,false,docs/deliverables/responsible-ai-review.md,,\r\n\
                 modeling,model-card,Model card,data-scientist,,todo,2027-03-28,true,false,docs/deliverables/model-card.md,,\r\n\
                 modeling,evaluation-report,Model evaluation report,data-scientist,,todo,2027-03-28,true,false,docs/deliverables/evaluation-report.md,,\r\n\
                 modeling,sums,'@SUM(1+1),ml-engineer,Ada,todo,2027-03-28,true,false,docs/deliverables/sums.md,,\r\n\
                 deployment,inference-system-design,Inference system design,ml-engineer,Ada,todo,2027-04-25,true,false,docs/deliverables/inference-system-design.md,,\r\n\
                 deployment,integration-spec,Integration specification,ml-engineer,Ada,todo,2027-04-25,true,false,docs/deliverables/integration-spec.md,,\r\n\
                 deployment,deployment-plan,Deployment plan,ml-engineer,Ada,todo,2027-04-25,true,false,docs/deliverables/deployment-plan.md,,\r\n")
        .stderr("");

    // The neutralised export reads back: a changed letter is imported, the rest is unchanged.
    project.write(
        "matrix.csv",
        &csv.replace(",Modeling,,A/R\r\n", ",Modeling,R,A/R\r\n"),
    );
    project.mlteam(&["raci", "import", "matrix.csv", "-q"]).ok();
    assert!(
        project
            .file("mlteam.toml")
            .contains("formula = { data-scientist = \"R\" }"),
        "{}",
        project.file("mlteam.toml")
    );
}

/// Values cannot break markers, so when markers are broken, the template is to blame: the
/// message names the file that renders the page.
#[test]
fn broken_markers_are_blamed_on_the_template_that_wrote_them() {
    let project = project();
    project.write(
        ".mlteam/templates/pages/team.md.hbs",
        "# {{project.name}}\n\n<!-- mlteam:begin team -->\n",
    );
    let before = project.snapshot();
    project.mlteam(&["sync"]).code(2).stdout("").stderr("error: demo/.mlteam/templates/pages/team.md.hbs: renders docs/team/README.md with broken mlteam markers: line 3: region `team` is never closed\n  \
                                                         help: every `mlteam:begin NAME` marker needs its `mlteam:end NAME` on a later line\n");
    assert_eq!(project.snapshot(), before);
}
