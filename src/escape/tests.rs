use proptest::prelude::*;

use super::*;
use crate::input::import::cells;
use crate::render::ics;
use crate::write::region;

/// Text a person might type, hostile punctuation, markers and line breaks included.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ a-zA-Z0-9\\\\`*_{}\\[\\]<>()#+\\-.!|~&$=@:;'\"/\t\n\r]{0,40}",
        "(<!-- |# |\\\\|  )?mlteam:(begin|end) [a-z]{1,8}( -->)?",
    ]
}

#[test]
fn markdown_escapes_what_markdown_would_read() {
    assert_eq!(markdown("Fraud detection"), "Fraud detection");
    assert_eq!(
        markdown("Product requirements document (PRD): v1.2, Ada's; 50/50"),
        "Product requirements document (PRD): v1.2, Ada's; 50/50"
    );
    assert_eq!(markdown("a | b"), "a \\| b");
    assert_eq!(markdown("*x* _y_ `z`"), "\\*x\\* \\_y\\_ \\`z\\`");
    assert_eq!(
        markdown("<img src=x onerror=alert(1)>"),
        "\\<img src=x onerror=alert(1)\\>"
    );
    assert_eq!(markdown("[a](javascript:x)"), "\\[a\\](javascript:x)");
    assert_eq!(markdown("- item"), "\\- item");
    assert_eq!(markdown("12. item"), "12\\. item");
    assert_eq!(markdown("3)"), "3\\)");
    assert_eq!(markdown("7.7"), "7.7", "a number opens no list");
    assert_eq!(markdown("2026-11-30"), "2026-11-30");
    assert_eq!(markdown("a\nb\r\nc"), "a b  c");
    assert_eq!(
        markdown("<!-- mlteam:begin x -->"),
        "\\<!-- mlteam\\:begin x --\\>"
    );
    assert_eq!(markdown("机器学习工程师（MLE）"), "机器学习工程师（MLE）");
    assert_eq!(
        markdown("see https://x.org, www.y.org or a@b.org; awww.z"),
        "see https\\://x.org, www\\.y.org or a\\@b.org; awww.z"
    );
}

#[test]
fn one_line_values_stay_on_their_line() {
    assert_eq!(
        line("x\n[[member]]\nname = \"Eve\""),
        "x [[member]] name = \"Eve\""
    );
    assert_eq!(line("a\u{2028}b\u{85}c\u{7}d"), "a b c d");
}

#[test]
fn toml_strings_stay_on_one_line() {
    assert_eq!(toml("demo"), "\"demo\"");
    assert_eq!(toml("a \"b\""), "'a \"b\"'");
    assert_eq!(toml("x\n[[member]]"), "\"x\\n[[member]]\"");
}

#[test]
fn csv_cells_that_start_a_formula_get_a_quote() {
    for (given, written) in [
        ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'=x", "''=x"),
        ("Model training", "Model training"),
        ("'quoted'", "'quoted'"),
        ("A/R", "A/R"),
        ("", ""),
    ] {
        assert_eq!(csv_cell(given), written, "{given:?}");
        assert_eq!(csv_cell_back(written), given, "{written:?}");
    }
}

fn html_unescape(text: &str) -> String {
    [
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&#x27;", "'"),
        ("&#x60;", "`"),
        ("&#x3D;", "="),
        ("&amp;", "&"),
    ]
    .iter()
    .fold(text.to_string(), |t, (entity, c)| t.replace(entity, c))
}

/// RFC 5545 §3.3.11, read back.
fn ics_unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            },
            (c, false) => out.push(c),
        }
    }
    out
}

proptest! {
    /// A Markdown-escaped value in a table cell reads back, through the cell reader of
    /// `raci import`, as the value on one line.
    #[test]
    fn markdown_table_cells_read_back(s in text()) {
        let row = format!("| {} | {} |", markdown(&s), markdown("x|y"));
        let read = cells(&row);
        prop_assert_eq!(read.len(), 2, "{}", row);
        let expected = line(&s);
        prop_assert_eq!(read[0].as_str(), expected.trim());
        prop_assert_eq!(read[1].as_str(), "x|y");
    }

    /// No value can write a region marker, at the start of a line or after a heading's `# `.
    #[test]
    fn no_markdown_value_makes_a_marker(s in text()) {
        for before in ["", "# ", "<!-- ", "- ", "   "] {
            let page = format!("{before}{}\n", markdown(&s));
            prop_assert_eq!(region::parse(&page), Ok(Vec::new()), "{}", page);
        }
    }

    #[test]
    fn markdown_unescapes_to_the_line(s in text()) {
        prop_assert_eq!(markdown_unescape(&markdown(&s)), line(&s));
    }

    #[test]
    fn html_text_reads_back(s in text()) {
        let escaped = html(&s);
        prop_assert!(!escaped.contains(['<', '>', '"', '\'']));
        prop_assert_eq!(html_unescape(&escaped), s);
    }

    #[test]
    fn one_line_is_one_line(s in text()) {
        prop_assert_eq!(line(&s).lines().count().max(1), 1);
    }

    #[test]
    fn csv_cells_read_back(cells in prop::collection::vec(text(), 1..5)) {
        let mut writer = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::CRLF)
            .from_writer(Vec::new());
        let written: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        for cell in &written {
            prop_assert!(!cell.starts_with(FORMULA_START), "{:?}", cell);
        }
        writer.write_record(&written).unwrap();
        let bytes = writer.into_inner().unwrap();
        let mut reader = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(bytes.as_slice());
        let record = reader.records().next().unwrap().unwrap();
        let read: Vec<&str> = record.iter().map(csv_cell_back).collect();
        prop_assert_eq!(read, cells.iter().map(String::as_str).collect::<Vec<_>>());
    }

    /// iCalendar TEXT (RFC 5545 §3.3.11): escaped, then read back, is the text without the
    /// control characters a TEXT value cannot hold.
    #[test]
    fn ics_text_reads_back(s in text()) {
        let escaped = ics::escape_text(&s);
        prop_assert!(!escaped.contains(['\n', '\r']));
        let kept: String = s.chars().filter(|c| !c.is_control() || *c == '\n' || *c == '\t').collect();
        prop_assert_eq!(ics_unescape(&escaped), kept);
    }
}
