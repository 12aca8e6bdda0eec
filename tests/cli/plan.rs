//! The schedule and what is built on it (SPEC §4, §7, §8): due dates from the phases, `docs/plan.md`
//! with its gantt chart, the gate milestones in the calendar, and `mlteam status` in text, JSON
//! and HTML.

use crate::support::{Project, Snapshot, stdout};

/// Four weeks in (the start is Monday 2026-11-30): two documents signed off, one late, two due
/// within the fortnight, one moved out by hand.
const FOUR_WEEKS_IN: &str = "2026-12-28";

fn four_weeks_in(lang: &str) -> Project {
    let project = Project::product_team(lang);
    for (id, key, value) in [
        ("prd", "status", "done"),
        ("prd", "approved_by", "Bo Li"),
        ("prd", "approved_on", "2026-12-18"),
        ("project-charter", "status", "done"),
        ("project-charter", "approved_by", "Bo Li"),
        ("project-charter", "approved_on", "2026-12-19"),
        ("risk-register", "status", "review"),
        ("decision-log", "status", "draft"),
        ("decision-log", "due", "2027-01-05"),
        ("data-analysis-report", "status", "draft"),
        ("datasheet", "due", "2027-01-08"),
    ] {
        project.set(id, key, value);
    }
    project
        .run(&["sync"])
        .env("MLTEAM_TODAY", FOUR_WEEKS_IN)
        .assert()
        .success();
    project
}

/// The due date of each deliverable as the checklist export reports it, with whether the
/// schedule gave it.
fn due_dates(project: &Project) -> Vec<String> {
    let out = project
        .mlteam(&["checklist", "--format", "json"])
        .ok()
        .stdout;
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    json["phases"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["items"].as_array().unwrap().iter())
        .map(|i| {
            format!(
                "{} {} {}",
                i["deliverable"].as_str().unwrap(),
                i["due"].as_str().unwrap_or("-"),
                if i["due_from_schedule"] == true {
                    "schedule"
                } else {
                    "stub"
                }
            )
        })
        .collect()
}

#[test]
fn due_dates_come_from_the_schedule_unless_a_stub_sets_one() {
    let project = Project::product_team("en");
    project.set("datasheet", "due", "2027-01-08");
    assert_eq!(
        due_dates(&project),
        [
            "prd 2026-12-20 schedule",
            "project-charter 2026-12-20 schedule",
            "risk-register 2026-12-20 schedule",
            "decision-log 2026-12-20 schedule",
            "data-analysis-report 2027-02-14 schedule",
            "data-pipeline-spec 2027-02-14 schedule",
            "datasheet 2027-01-08 stub",
            "model-report 2027-03-28 schedule",
            "responsible-ai-review 2027-03-28 schedule",
            "model-card 2027-03-28 schedule",
            "evaluation-report 2027-03-28 schedule",
            "inference-system-design 2027-04-25 schedule",
            "integration-spec 2027-04-25 schedule",
            "deployment-plan 2027-04-25 schedule",
        ]
    );

    // A later start and a longer data phase move every date the schedule gives, and only those.
    let manifest = project
        .file("mlteam.toml")
        .replace("start = 2026-11-30", "start = 2027-01-04")
        .replace("# data = \"8w\"", "data = \"10w\"");
    project.write("mlteam.toml", &manifest);
    project.mlteam(&["sync"]).ok();
    assert_eq!(
        due_dates(&project),
        [
            "prd 2027-01-24 schedule",
            "project-charter 2027-01-24 schedule",
            "risk-register 2027-01-24 schedule",
            "decision-log 2027-01-24 schedule",
            "data-analysis-report 2027-04-04 schedule",
            "data-pipeline-spec 2027-04-04 schedule",
            "datasheet 2027-01-08 stub",
            "model-report 2027-05-16 schedule",
            "responsible-ai-review 2027-05-16 schedule",
            "model-card 2027-05-16 schedule",
            "evaluation-report 2027-05-16 schedule",
            "inference-system-design 2027-06-13 schedule",
            "integration-spec 2027-06-13 schedule",
            "deployment-plan 2027-06-13 schedule",
        ]
    );
    // The stubs still leave `due` to the schedule: nothing was written into them.
    assert!(
        project
            .file("docs/deliverables/prd.md")
            .contains("\ndue:\n")
    );
    let card = project.file("docs/team/roles/ml-engineer.md");
    let rows: Vec<&str> = card.lines().filter(|l| l.starts_with("| [")).collect();
    assert_eq!(
        rows,
        [
            "| [Data pipeline specification](../../deliverables/data-pipeline-spec.md) | todo | 2027-04-04 (end of Data) |",
            "| [Datasheet for the dataset](../../deliverables/datasheet.md) | todo | 2027-01-08 |",
            "| [Inference system design](../../deliverables/inference-system-design.md) | todo | 2027-06-13 (end of Deployment) |",
            "| [Integration specification](../../deliverables/integration-spec.md) | todo | 2027-06-13 (end of Deployment) |",
            "| [Deployment plan](../../deliverables/deployment-plan.md) | todo | 2027-06-13 (end of Deployment) |",
        ]
    );
}

#[test]
fn a_phase_may_have_fixed_dates() {
    let project = Project::product_team("en");
    let manifest = project.file("mlteam.toml").replace(
        "# data = \"8w\"",
        "data = { start = 2027-01-04, end = 2027-02-26 }",
    );
    project.write("mlteam.toml", &manifest);
    project.mlteam(&["sync"]).ok();
    let plan = project.file("docs/plan.md");
    let phases: Vec<&str> = plan
        .lines()
        .skip_while(|l| !l.starts_with("| Phase |"))
        .take_while(|l| l.starts_with('|'))
        .collect();
    // The gap between discovery and data is allowed; modeling follows the fixed end.
    assert_eq!(
        phases,
        [
            "| Phase | Start | End | Weeks | Gate at the end | Done |",
            "| --- | --- | --- | --: | --- | --: |",
            "| Discovery | 2026-11-30 | 2026-12-20 | 3 | – | 0/4 |",
            "| Data | 2027-01-04 | 2027-02-26 | 7.7 | Data checkpoint: go or no-go | 0/3 |",
            "| Modeling | 2027-02-27 | 2027-04-09 | 6 | Model release review | 0/4 |",
            "| Deployment | 2027-04-10 | 2027-05-07 | 4 | Go-live | 0/3 |",
            "| Operations | 2027-05-08 | 2027-07-02 | 8 | – | – |",
        ]
    );
}

/// A bad `[schedule]` line stops every command at that line, exit 2, and writes nothing.
#[test]
fn a_bad_schedule_is_refused_at_its_line() {
    let project = Project::product_team("en");
    let manifest = project.file("mlteam.toml");
    let line = manifest
        .lines()
        .position(|l| l.starts_with("# discovery = "))
        .unwrap()
        + 1;
    let help_phases = "  help: the phases of a `product` project are `discovery`, `data`, `modeling`, `deployment`, `operations`\n";
    let help_length = "  help: write a length like `discovery = \"3w\"`, or dates like `data = { start = 2027-01-04, end = 2027-02-12 }`\n";
    let help_order =
        "  help: give each phase a length like \"3w\", or dates that follow the phase before it\n";
    let cases: [(&str, usize, String); 7] = [
        (
            "discovery = \"3x\"",
            13,
            format!(
                "[schedule] discovery: `3x` is not a length like \"3w\" (weeks) or \"10d\" (days)\n{help_length}"
            ),
        ),
        (
            "discovry = \"3w\"",
            1,
            format!("unknown phase `discovry`; did you mean `discovery`?\n{help_phases}"),
        ),
        (
            "delivery = \"2w\"",
            1,
            format!("a project of kind `product` has no phase `delivery`\n{help_phases}"),
        ),
        (
            "data = \"-2w\"",
            8,
            format!(
                "[schedule] data: `-2w` is not a length like \"3w\" (weeks) or \"10d\" (days)\n{help_length}"
            ),
        ),
        (
            "data = \"0w\"",
            8,
            format!("[schedule] data: `0w` is not a length from 1 day to 520 weeks\n{help_length}"),
        ),
        (
            "data = { start = 2027-01-04, end = 2027-01-01 }",
            8,
            format!(
                "[schedule] data: the phase ends on 2027-01-01, before it starts on 2027-01-04\n{help_order}"
            ),
        ),
        (
            "data = { start = 2026-12-01, end = 2027-01-30 }",
            8,
            format!(
                "[schedule] data: the phase starts on 2026-12-01, before the discovery phase ends on 2026-12-20\n{help_order}"
            ),
        ),
    ];
    for (entry, column, message) in cases {
        let text = manifest.replace("# discovery = \"3w\"  # Discovery", entry);
        assert_ne!(text, manifest);
        project.write("mlteam.toml", &text);
        let before: Snapshot = project.snapshot();
        let (first, rest) = message.split_once('\n').unwrap();
        let pointer = format!("{}^", " ".repeat(column - 1));
        let expected = format!(
            "error: demo/mlteam.toml:{line}:{column}: {first}\n   |\n{line} | {entry}\n   | {pointer}\n{rest}"
        );
        for command in [&["sync"][..], &["status"], &["checklist"]] {
            project.mlteam(command).code(2).stdout("").stderr(&expected);
            assert_eq!(project.snapshot(), before, "{command:?} with {entry}");
        }
    }
}

/// The region of `docs/plan.md`, without its begin marker's digest.
fn plan_region(project: &Project) -> String {
    let text = project.file("docs/plan.md");
    let begin = text.find("<!-- mlteam:begin plan").unwrap();
    let end = text.find("<!-- mlteam:end plan -->").unwrap();
    let region = &text[begin..end];
    let marker_end = region.find('\n').unwrap();
    let marker = &region[..marker_end];
    let as_of = marker
        .split(" as-of=")
        .nth(1)
        .unwrap()
        .trim_end_matches(" -->");
    format!("as of {as_of}{}", &region[marker_end..])
}

#[test]
fn the_plan_four_weeks_in() {
    insta::assert_snapshot!("plan_four_weeks_in_en", plan_region(&four_weeks_in("en")));
    insta::assert_snapshot!("plan_four_weeks_in_zh", plan_region(&four_weeks_in("zh")));
}

/// One line of a gantt block as Mermaid's grammar reads it (mermaid/src/diagrams/gantt/parser
/// /gantt.jison): a keyword line, `section` and its name, or a task `title :data` where the
/// title has no `:` and the data no `#` or `;`.
#[derive(Debug, PartialEq)]
enum GanttLine {
    Setting,
    Section(String),
    Task {
        title: String,
        tags: Vec<String>,
        id: String,
        start: String,
        end: String,
    },
}

fn gantt_line(line: &str) -> Result<GanttLine, String> {
    let line = line.trim();
    for setting in [
        "gantt",
        "dateFormat YYYY-MM-DD",
        "axisFormat %m-%d",
        "todayMarker off",
    ] {
        if line == setting {
            return Ok(GanttLine::Setting);
        }
    }
    if let Some(name) = line.strip_prefix("section ") {
        if name.is_empty() || name.contains([':', ';', '#']) {
            return Err(format!("a section name Mermaid cannot read: {line}"));
        }
        return Ok(GanttLine::Section(name.into()));
    }
    let (title, data) = line
        .split_once(" :")
        .ok_or_else(|| format!("neither a setting, a section nor a task: {line}"))?;
    if title.trim().is_empty() || title.contains(':') {
        return Err(format!("a task title Mermaid cannot read: {line}"));
    }
    if data.contains(['#', ';']) {
        return Err(format!("task data Mermaid cannot read: {line}"));
    }
    let parts: Vec<&str> = data.split(", ").collect();
    let (tags, rest) = parts.split_at(parts.len().saturating_sub(3));
    let [id, start, end] = rest else {
        return Err(format!("a task without id, start and end: {line}"));
    };
    for tag in tags {
        if !["done", "active", "crit", "milestone"].contains(tag) {
            return Err(format!("unknown tag `{tag}`: {line}"));
        }
    }
    if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(format!("an id Mermaid cannot refer to: {line}"));
    }
    let date = |d: &str| {
        d.parse::<jiff::civil::Date>()
            .map_err(|e| format!("{d}: {e} in {line}"))
    };
    let start_day = date(start)?;
    if *end != "0d" && date(end)? <= start_day {
        return Err(format!("a bar that ends before it starts: {line}"));
    }
    Ok(GanttLine::Task {
        title: title.trim().into(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        id: id.to_string(),
        start: start.to_string(),
        end: end.to_string(),
    })
}

fn gantt(project: &Project) -> Vec<GanttLine> {
    let text = project.file("docs/plan.md");
    let block = text
        .split("```mermaid\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .expect("a mermaid block");
    block
        .lines()
        .map(|l| gantt_line(l).unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

#[test]
fn the_gantt_chart_keeps_to_mermaids_grammar() {
    for lang in ["en", "zh"] {
        let project = four_weeks_in(lang);
        let lines = gantt(&project);
        let tasks: Vec<(String, Vec<String>, String, String)> = lines
            .iter()
            .filter_map(|l| match l {
                GanttLine::Task {
                    tags,
                    id,
                    start,
                    end,
                    ..
                } => Some((id.clone(), tags.clone(), start.clone(), end.clone())),
                _ => None,
            })
            .collect();
        let mut ids: Vec<&String> = tasks.iter().map(|t| &t.0).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), tasks.len(), "ids are unique");
        let task = |id: &str| {
            let (_, tags, start, end) = tasks.iter().find(|t| t.0 == id).unwrap();
            format!("{} {start} {end}", tags.join(","))
        };
        // Done is grey, draft and review are active, late is critical; a bar ends the day
        // after its due date (Mermaid's end is exclusive); a gate is a milestone on the last day.
        assert_eq!(task("prd"), "done 2026-11-30 2026-12-21");
        assert_eq!(task("risk_register"), "active,crit 2026-11-30 2026-12-21");
        assert_eq!(task("decision_log"), "active 2026-11-30 2027-01-06");
        assert_eq!(task("datasheet"), " 2026-12-21 2027-01-09");
        assert_eq!(task("gate_data"), "milestone 2027-02-14 0d");
        let sections = lines
            .iter()
            .filter(|l| matches!(l, GanttLine::Section(_)))
            .count();
        assert_eq!(
            sections, 4,
            "{lang}: one section per phase with deliverables"
        );
    }
}

#[test]
fn milestones_read_back_as_all_day_events() {
    use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime};
    let project = Project::product_team("zh");
    let calendar: Calendar = project
        .file("docs/meetings/calendar.ics")
        .parse()
        .expect("an iCalendar parser reads the file");
    let gates: Vec<String> = calendar
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) if e.get_uid()?.starts_with("gate-") => Some(e),
            _ => None,
        })
        .map(|e| {
            let day = |d: Option<DatePerhapsTime>| match d {
                Some(DatePerhapsTime::Date(day)) => day.to_string(),
                other => format!("not a date: {other:?}"),
            };
            format!(
                "{} {} {} {}",
                e.get_uid().unwrap(),
                day(e.get_start()),
                day(e.get_end()),
                e.get_summary().unwrap()
            )
        })
        .collect();
    assert_eq!(
        gates,
        [
            "gate-data.demo@mlteam 2027-02-14 2027-02-15 数据可行性评审：继续还是终止",
            "gate-modeling.demo@mlteam 2027-03-28 2027-03-29 模型上线评审",
            "gate-deployment.demo@mlteam 2027-04-25 2027-04-26 正式上线",
        ]
    );
}

#[test]
fn status_in_text_four_weeks_in() {
    for lang in ["en", "zh"] {
        let project = four_weeks_in(lang);
        let output = project
            .run(&["status"])
            .env("MLTEAM_TODAY", FOUR_WEEKS_IN)
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        insta::assert_snapshot!(format!("status_four_weeks_in_{lang}"), stdout(&output));
        let output = project
            .run(&["status", "--person", "ada"])
            .env("MLTEAM_TODAY", FOUR_WEEKS_IN)
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        insta::assert_snapshot!(format!("status_ada_four_weeks_in_{lang}"), stdout(&output));
    }
}

#[test]
fn status_as_json_four_weeks_in() {
    let project = four_weeks_in("en");
    let output = project
        .run(&["status", "--format", "json"])
        .env("MLTEAM_TODAY", FOUR_WEEKS_IN)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let list = |key: &str| -> Vec<String> {
        json[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| format!("{} {} {}", i["deliverable"], i["due"], i["days"]))
            .collect()
    };
    assert_eq!(
        (&json["schema"], &json["today"], &json["current"]["phase"]),
        (&1.into(), &FOUR_WEEKS_IN.into(), &"data".into())
    );
    assert_eq!((&json["total"], &json["done"]), (&14.into(), &2.into()));
    assert_eq!(list("overdue"), ["\"risk-register\" \"2026-12-20\" -8"]);
    assert_eq!(
        list("due_soon"),
        [
            "\"decision-log\" \"2027-01-05\" 8",
            "\"datasheet\" \"2027-01-08\" 11",
        ]
    );
    let people: Vec<String> = json["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            format!(
                "{} open={} A={} R={}",
                p["name"],
                p["open"].as_array().unwrap().len(),
                p["accountable"],
                p["responsible"]
            )
        })
        .collect();
    assert_eq!(
        people,
        ["\"Ada\" open=5 A=12 R=15", "\"Bo Li\" open=7 A=13 R=15"]
    );
}

#[test]
fn the_status_page_is_one_self_contained_html5_file() {
    for lang in ["en", "zh"] {
        let project = four_weeks_in(lang);
        project
            .run(&["status", "--html", "status.html"])
            .env("MLTEAM_TODAY", FOUR_WEEKS_IN)
            .assert()
            .success()
            .stdout("");
        let text = project.file("status.html");
        assert!(text.starts_with("<!DOCTYPE html>"), "{lang}");
        let page = scraper::Html::parse_document(&text);
        assert_eq!(
            page.errors,
            Vec::<std::borrow::Cow<str>>::new(),
            "{lang}: parse errors"
        );
        let select = |css: &str| scraper::Selector::parse(css).unwrap();
        let html = page.select(&select("html")).next().unwrap();
        assert_eq!(
            html.value().attr("lang"),
            Some(if lang == "zh" { "zh-CN" } else { "en" })
        );
        assert_eq!(
            page.select(&select("script")).count(),
            0,
            "{lang}: no script"
        );
        assert_eq!(
            page.select(&select("link, iframe, object, embed")).count(),
            0
        );
        for element in page.select(&select("[src], [href]")) {
            for attr in ["src", "href"] {
                let value = element.value().attr(attr).unwrap_or("");
                assert!(
                    value.is_empty() || value.starts_with('#'),
                    "{lang}: an external reference {attr}={value}"
                );
            }
        }
        assert!(
            !text.contains("url("),
            "{lang}: no resource loaded by the style sheet"
        );
        assert!(
            page.select(&select("svg")).count() >= 1,
            "{lang}: the timeline is inline SVG"
        );
        // What the page says, text node by text node: progress, late items, people, the
        // timeline's labels, the heatmap and the roles no one covers.
        let said: Vec<&str> = page
            .select(&select("body"))
            .next()
            .unwrap()
            .text()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .collect();
        insta::assert_snapshot!(format!("status_page_text_{lang}"), said.join("\n"));
    }
}

/// The overdue and due-soon lists depend on the day: `check` judges the docs as of the day they
/// were written, and only advises a sync when the day has moved them.
#[test]
fn a_passing_day_is_advice_for_check_not_an_error() {
    let project = Project::product_team("en");
    let check = |day: &str, strict: bool| {
        let mut args = vec!["check"];
        if strict {
            args.push("--strict");
        }
        project
            .run(&args)
            .env("MLTEAM_TODAY", day)
            .assert()
            .get_output()
            .clone()
    };
    let later = "2026-12-09";
    let output = check(later, false);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output),
        "demo/docs/plan.md: warning: overdue and due-soon items are as of 2026-11-27; today 1 file would change\n  \
         help: run `mlteam sync` to bring them up to today\n\
         No problems found: the manifest is sound and the docs are up to date (the warning above is advice; --strict counts it as a problem).\n"
    );
    assert_eq!(check(later, true).status.code(), Some(1));
    // The same day a day later: nothing moves in or out of the lists, nothing is rewritten.
    let before = project.snapshot();
    project
        .run(&["sync"])
        .env("MLTEAM_TODAY", "2026-11-28")
        .assert()
        .success();
    assert_eq!(project.snapshot(), before);
    project
        .run(&["sync"])
        .env("MLTEAM_TODAY", later)
        .assert()
        .success();
    assert_eq!(
        stdout(&check(later, false)),
        "No problems found: the manifest is sound and the docs are up to date.\n"
    );
    // A late item stays late from one day to the next: the plan does not count the days.
    project.set("prd", "due", "2026-12-01");
    let sync = |day: &str| {
        project
            .run(&["sync"])
            .env("MLTEAM_TODAY", day)
            .assert()
            .success();
    };
    sync(later);
    let before = project.snapshot();
    sync("2026-12-10");
    assert_eq!(project.snapshot(), before);
}

/// `status` marks whom `check` would call overloaded: the same rule, in the people's lines.
#[test]
fn status_marks_an_overloaded_person() {
    let project = Project::new();
    project.init(&[
        "--roles",
        "product-manager,data-scientist,ml-engineer",
        "--member",
        "Ada <ada@example.com>=ml-engineer",
        "--member",
        "Bo Li=product-manager,data-scientist",
        "--member",
        "Cy=ml-engineer",
    ]);
    let out = project.mlteam(&["status"]).ok().stdout;
    let people: Vec<&str> = out.lines().skip_while(|l| *l != "People").collect();
    assert_eq!(
        people,
        [
            "People",
            "  Ada    5 open, accountable for 12, responsible for 15; next: Daily stand-up on 2026-11-30 at 09:30",
            "  Bo Li  9 open, accountable for 13, responsible for 15 (overloaded); next: Daily stand-up on 2026-11-30 at 09:30",
            "  Cy     5 open, accountable for 12, responsible for 15; next: Daily stand-up on 2026-11-30 at 09:30",
        ]
    );
}
