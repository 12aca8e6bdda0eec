//! The text rules of RFC 5545 for a rendered calendar: TEXT and parameter values escaped, content
//! lines folded at 75 octets (never inside a UTF-8 character), CRLF after every line.

/// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newline escaped, other
/// control characters (a carriage return among them) left out.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            // A TEXT value holds no control character but a tab (RFC 5545 §3.3.11).
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// A parameter value (RFC 5545 §3.2): quoted when it holds `;`, `:` or `,`; it cannot hold `"`.
pub fn param_value(text: &str) -> String {
    let clean: String = text
        .chars()
        .filter(|c| *c != '"' && !c.is_control())
        .collect();
    if clean.contains([';', ':', ',']) {
        format!("\"{clean}\"")
    } else {
        clean
    }
}

/// The events of a freshly rendered calendar, with the `SEQUENCE` and `DTSTAMP` each had in the
/// calendar written before (`old`, as on disk): kept when the event is the same, the sequence one
/// higher (and the new stamp) when it changed, so calendar programs re-importing the file
/// update the event (RFC 5546 §2.1.4). New events keep what `rendered` says.
pub fn carry_over(rendered: &str, old: Option<&str>) -> String {
    let Some(old) = old else {
        return rendered.to_string();
    };
    let unfolded = old.replace("\r\n ", "").replace("\r\n\t", "");
    let before = events(&unfolded);
    let mut out = String::with_capacity(rendered.len());
    let mut event: Vec<&str> = Vec::new();
    let mut inside = false;
    for line in rendered.lines() {
        if line.trim_end() == "BEGIN:VEVENT" {
            inside = true;
        }
        if !inside {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        event.push(line);
        if line.trim_end() == "END:VEVENT" {
            inside = false;
            let uid = value(&event, "UID").unwrap_or_default();
            let (stamp, sequence) = match before.iter().find(|e| value(e, "UID") == Some(uid)) {
                Some(was) if content(was) == content(&event) => (
                    value(was, "DTSTAMP").map(String::from),
                    value(was, "SEQUENCE").unwrap_or("0").to_string(),
                ),
                Some(was) => {
                    let n: u32 = value(was, "SEQUENCE")
                        .and_then(|s| s.parse().ok())
                        .unwrap_or(0);
                    (None, (n + 1).to_string())
                }
                None => (None, "0".to_string()),
            };
            for line in event.drain(..) {
                match line.split_once(':') {
                    Some(("DTSTAMP", _)) if stamp.is_some() => {
                        out.push_str(&format!("DTSTAMP:{}", stamp.as_deref().unwrap_or_default()));
                    }
                    Some(("SEQUENCE", _)) => out.push_str(&format!("SEQUENCE:{sequence}")),
                    _ => out.push_str(line),
                }
                out.push('\n');
            }
        }
    }
    out
}

/// The events of a calendar, as their content lines.
fn events(text: &str) -> Vec<Vec<&str>> {
    let mut out = Vec::new();
    let mut event: Option<Vec<&str>> = None;
    for line in text.lines() {
        let line = line.trim_end();
        match (line, event.as_mut()) {
            ("BEGIN:VEVENT", _) => event = Some(vec![line]),
            ("END:VEVENT", Some(e)) => {
                e.push(line);
                out.extend(event.take());
            }
            (_, Some(e)) => e.push(line),
            _ => {}
        }
    }
    out
}

/// The value of the first property `name` of an event.
fn value<'a>(event: &[&'a str], name: &str) -> Option<&'a str> {
    event.iter().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        (key == name).then_some(value.trim_end())
    })
}

/// What an event says, its stamp and sequence aside, as `finish` writes it.
fn content<'a>(event: &[&'a str]) -> Vec<&'a str> {
    event
        .iter()
        .map(|l| l.trim_end())
        .filter(|l| !l.is_empty() && !l.starts_with("DTSTAMP:") && !l.starts_with("SEQUENCE:"))
        .collect()
}

/// The rendered template as content lines: blank lines dropped, each line folded at 75 octets
/// (never inside a UTF-8 character), CRLF after every line.
pub fn finish(rendered: &str) -> String {
    let mut out = String::with_capacity(rendered.len() + rendered.len() / 20);
    for line in rendered
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty())
    {
        let mut width = 0;
        for c in line.chars() {
            if width + c.len_utf8() > 75 {
                out.push_str("\r\n ");
                width = 1;
            }
            out.push(c);
            width += c.len_utf8();
        }
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_long_lines_without_splitting_characters() {
        let line = format!("DESCRIPTION:{}", "数据".repeat(40));
        let out = finish(&format!("BEGIN:VEVENT\n\n{line}\nEND:VEVENT\n"));
        assert!(out.starts_with("BEGIN:VEVENT\r\nDESCRIPTION:"));
        for physical in out.split("\r\n") {
            assert!(
                physical.len() <= 75,
                "{physical:?} is {} octets",
                physical.len()
            );
        }
        let unfolded = out.replace("\r\n ", "");
        assert!(unfolded.contains(&line));
        assert!(out.ends_with("END:VEVENT\r\n"));
    }

    #[test]
    fn quotes_parameters_that_need_it() {
        assert_eq!(param_value("Ada Lovelace"), "Ada Lovelace");
        assert_eq!(param_value("Lovelace, Ada \"AL\""), "\"Lovelace, Ada AL\"");
    }

    #[test]
    fn escapes_text() {
        assert_eq!(escape_text("a, b; c\\d\nnext"), "a\\, b\\; c\\\\d\\nnext");
    }
}
