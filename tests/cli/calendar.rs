//! `docs/meetings/calendar.ics`: RFC 5545 that calendar programs import.

use crate::support::{Project, same_text};

/// Content lines with folding undone, after checking the physical lines.
fn content_lines(ics: &str) -> Vec<String> {
    assert!(ics.ends_with("\r\n"), "ends with CRLF");
    let physical: Vec<&str> = ics.strip_suffix("\r\n").unwrap().split("\r\n").collect();
    let mut lines: Vec<String> = Vec::new();
    for line in physical {
        assert!(!line.contains('\n'), "bare LF in {line:?}");
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        match line.strip_prefix(' ') {
            Some(rest) => lines
                .last_mut()
                .expect("a fold continues a line")
                .push_str(rest),
            None => lines.push(line.to_string()),
        }
    }
    lines
}

/// An event's content lines, one a line, as a text to compare whole.
fn text(event: &[String]) -> String {
    event.iter().map(|l| format!("{l}\n")).collect()
}

fn events(lines: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut current: Option<Vec<String>> = None;
    for line in lines {
        match line.as_str() {
            "BEGIN:VEVENT" => current = Some(Vec::new()),
            "END:VEVENT" => out.push(current.take().expect("an open event")),
            _ => {
                if let Some(event) = current.as_mut() {
                    event.push(line.clone());
                }
            }
        }
    }
    out
}

#[test]
fn recurring_events_in_the_projects_timezone() {
    let project = Project::new();
    project.init(&[
        "--roles",
        "project-manager,data-scientist,ml-engineer",
        "--member",
        "Bo Li <bo@example.com>=project-manager",
        "--member",
        "Lovelace, Ada <ada@example.com>=ml-engineer",
        "--member",
        "Chen=data-scientist",
        "--meetings",
        "standup,weekly-sync,project-review",
    ]);
    let lines = content_lines(&project.file("docs/meetings/calendar.ics"));
    assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
    for required in [
        "VERSION:2.0",
        "TZID:Europe/Berlin",
        "BEGIN:VTIMEZONE",
        "END:VTIMEZONE",
    ] {
        assert!(lines.iter().any(|l| l == required), "{required}");
    }
    for kind in ["VCALENDAR", "VTIMEZONE", "VEVENT", "STANDARD", "DAYLIGHT"] {
        let begins = lines
            .iter()
            .filter(|l| **l == format!("BEGIN:{kind}"))
            .count();
        let ends = lines
            .iter()
            .filter(|l| **l == format!("END:{kind}"))
            .count();
        assert_eq!(begins, ends, "{kind}");
    }

    let (events, milestones): (Vec<_>, Vec<_>) = events(&lines)
        .into_iter()
        .partition(|e| !e.iter().any(|l| l.starts_with("UID:gate-")));
    assert_eq!(events.len(), 3);
    // Each phase review is an all-day milestone on the last day of its phase, which a calendar
    // shows as free time.
    let milestone = |e: &Vec<String>| {
        let get = |key: &str| e.iter().find_map(|l| l.strip_prefix(key)).unwrap_or("");
        [
            get("UID:"),
            get("DTSTART;VALUE=DATE:"),
            get("DTEND;VALUE=DATE:"),
            get("TRANSP:"),
            get("SUMMARY:"),
        ]
        .join(" ")
    };
    assert_eq!(
        milestones.iter().map(milestone).collect::<Vec<_>>(),
        [
            "gate-data.demo@mlteam 20270214 20270215 TRANSPARENT Data checkpoint: go or no-go",
            "gate-modeling.demo@mlteam 20270328 20270329 TRANSPARENT Model release review",
            "gate-deployment.demo@mlteam 20270425 20270426 TRANSPARENT Go-live",
        ]
    );
    // Chen has no email: no attendee.
    same_text(
        "the stand-up",
        &text(&events[0]),
        "UID:standup.demo@mlteam\n\
         DTSTAMP:20261127T000000Z\n\
         SEQUENCE:0\n\
         DTSTART;TZID=Europe/Berlin:20261130T093000\n\
         DURATION:PT15M\n\
         RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;WKST=MO\n\
         SUMMARY:Daily stand-up\n\
         DESCRIPTION:A short daily check on progress and blockers\\, so that people can help each other the same day.\\n\\nAgenda:\\n1. What was finished since yesterday\\n2. What is planned for today\\n3. Blockers and who can help remove them\\n4. State of running training and data jobs\n\
         ORGANIZER;CN=Bo Li:mailto:bo@example.com\n\
         ATTENDEE;CN=\"Lovelace, Ada\";ROLE=REQ-PARTICIPANT:mailto:ada@example.com\n",
    );
    // First Monday on or after the start (2026-11-30, a Monday).
    same_text(
        "the project review",
        &text(&events[2]),
        "UID:project-review.demo@mlteam\n\
         DTSTAMP:20261127T000000Z\n\
         SEQUENCE:0\n\
         DTSTART;TZID=Europe/Berlin:20261207T150000\n\
         DURATION:PT1H30M\n\
         RRULE:FREQ=MONTHLY;BYDAY=1MO;WKST=MO\n\
         SUMMARY:Project review\n\
         DESCRIPTION:A phase gate: examine what the phase delivered and decide whether the project moves on to the next one.\\n\\nAgenda:\\n1. Deliverables produced in this phase\\n2. Variance in scope\\, schedule and cost\\n3. Quality of the work delivered\\n4. Risks and change requests\\n5. Decision: next phase\\, rework or stop\n\
         ORGANIZER;CN=Bo Li:mailto:bo@example.com\n\
         ATTENDEE;CN=\"Lovelace, Ada\";ROLE=REQ-PARTICIPANT:mailto:ada@example.com\n",
    );
    for event in &events {
        for property in [
            "UID:",
            "DTSTAMP:",
            "DTSTART;TZID=",
            "DURATION:",
            "RRULE:",
            "SUMMARY:",
        ] {
            assert_eq!(
                event.iter().filter(|l| l.starts_with(property)).count(),
                1,
                "{property} in {event:?}"
            );
        }
    }
}

#[test]
fn event_ids_do_not_change_between_runs() {
    let (a, b) = (Project::new(), Project::new());
    a.init(&[]);
    b.init(&["--member", "Ada <ada@example.com>=ml-engineer"]);
    let uids = |p: &Project| -> Vec<String> {
        content_lines(&p.file("docs/meetings/calendar.ics"))
            .into_iter()
            .filter(|l| l.starts_with("UID:"))
            .collect()
    };
    assert_eq!(uids(&a), uids(&b));
}

/// When an event changes its SEQUENCE grows and its DTSTAMP moves, so a calendar program that
/// imports the file again updates the event; an unchanged event keeps both, and the file its
/// bytes.
#[test]
fn a_changed_event_gets_a_new_sequence_and_stamp() {
    let project = Project::new();
    project.init(&["--meetings", "standup,weekly-sync"]);
    let event = |uid: &str| {
        let lines = content_lines(&project.file("docs/meetings/calendar.ics"));
        assert!(lines.contains(&"METHOD:PUBLISH".to_string()));
        events(&lines)
            .into_iter()
            .find(|e| e.iter().any(|l| l.starts_with(&format!("UID:{uid}."))))
            .expect("event")
    };
    let stamp_and_sequence = |uid: &str| {
        let e = event(uid);
        let get = |key: &str| {
            e.iter()
                .find_map(|l| l.strip_prefix(key))
                .unwrap()
                .to_string()
        };
        (get("DTSTAMP:"), get("SEQUENCE:"))
    };
    assert_eq!(
        stamp_and_sequence("standup"),
        ("20261127T000000Z".into(), "0".into())
    );
    // Days later, the stand-up moves to nine o'clock.
    let manifest =
        project.file("mlteam.toml") + "\n[meetings.overrides.standup]\ntime = \"09:00\"\n";
    project.write("mlteam.toml", &manifest);
    project
        .run(&["sync"])
        .env("MLTEAM_TODAY", "2026-12-05")
        .assert()
        .success();
    assert_eq!(
        stamp_and_sequence("standup"),
        ("20261205T000000Z".into(), "1".into())
    );
    assert_eq!(
        stamp_and_sequence("weekly-sync"),
        ("20261127T000000Z".into(), "0".into()),
        "an unchanged event keeps its stamp"
    );
    // On another day the plan may list other overdue items; the calendar stays as it was.
    let calendar = || project.snapshot().remove("demo/docs/meetings/calendar.ics");
    let before = calendar();
    project
        .run(&["sync"])
        .env("MLTEAM_TODAY", "2026-12-09")
        .assert()
        .success();
    assert_eq!(calendar(), before, "nothing changed: nothing written");
}

/// A rule with BYMONTHDAY and BYDAY (every Friday the 13th) starts on a Friday the 13th; a
/// meeting with neither purpose nor agenda has no description.
#[test]
fn friday_the_thirteenth_starts_on_one() {
    let project = Project::new();
    project.init(&["--meetings", "none"]);
    let manifest = project
        .file("mlteam.toml")
        .replace("keep = [\n]", "keep = [\"luck\"]")
        + "\n[[custom.meeting]]\nid = \"luck\"\nname = \"Luck review\"\nrrule = \"FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR\"\nduration = \"PT30M\"\nchair = \"project-manager\"\n";
    project.write("mlteam.toml", &manifest);
    project.run(&["sync"]).assert().success();
    let event = events(&content_lines(&project.file("docs/meetings/calendar.ics")))
        .into_iter()
        .next()
        .expect("one event");
    same_text(
        "the event",
        &text(&event),
        "UID:luck.demo@mlteam\n\
         DTSTAMP:20261127T000000Z\n\
         SEQUENCE:0\n\
         DTSTART;TZID=Europe/Berlin:20270813T100000\n\
         DURATION:PT30M\n\
         RRULE:FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13;WKST=MO\n\
         SUMMARY:Luck review\n",
    );
}
