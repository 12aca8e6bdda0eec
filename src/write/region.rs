//! Generated regions (SPEC §5): `<!-- mlteam:begin NAME digest=HEX -->` … `<!-- mlteam:end NAME -->`
//! in Markdown, `# mlteam:begin NAME digest=HEX` … `# mlteam:end NAME` in files whose comments
//! start with `#` (CODEOWNERS). The digest records the body as written, so a body that no longer
//! matches was edited by hand.

use std::ops::Range;

use sha2::{Digest, Sha256};

use crate::msg;
use crate::words::Msg;

/// How a file writes its markers: (comment opener, closer).
const STYLES: [(&str, &str); 2] = [("<!-- ", " -->"), ("# ", "")];

/// `mlteam:begin …` or `mlteam:end …` inside a marker line of either style, with the opener and
/// closer to write it back the same way.
fn marker<'l>(line: &'l str, word: &str) -> Option<(&'l str, (&'static str, &'static str))> {
    STYLES.iter().find_map(|&(open, close)| {
        let rest = line.strip_prefix(open)?.trim_start().strip_prefix(word)?;
        let rest = rest.strip_suffix(close.trim_start())?;
        Some((rest.trim(), (open, close)))
    })
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    pub name: String,
    pub digest: Option<String>,
    /// `key=value` words of the begin marker besides the digest: what mlteam recorded when it
    /// wrote the region (the owner it assigned a stub, say).
    pub attrs: Vec<(String, String)>,
    /// 1-based line of the begin marker.
    pub line: usize,
    /// The begin marker's line, newline included.
    pub begin: Range<usize>,
    /// Everything between the markers' lines.
    pub body: Range<usize>,
}

impl Region {
    /// The body no longer matches the digest written with it.
    pub fn edited(&self, text: &str) -> bool {
        self.digest.as_deref() != Some(digest(&text[self.body.clone()]).as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkerError {
    pub line: usize,
    pub message: Msg,
}

/// 16 hex digits of the SHA-256 of the body, line endings normalised (a checkout with CRLF is not
/// an edit).
pub fn digest(body: &str) -> String {
    let hash = Sha256::digest(body.replace("\r\n", "\n").as_bytes());
    hash.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// The attribute that records the day a region's dates were reckoned from (`docs/plan.md` lists
/// what is overdue "as of" it). It says when, not what: a new day alone does not rewrite a region.
pub const AS_OF: &str = "as-of";

/// `text` with `key=value` words added to the begin marker of region `name`; the text as it is
/// when it has no such region.
pub fn record(text: &str, name: &str, attrs: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    for raw in text.split_inclusive('\n') {
        let line = raw.trim_end_matches(['\n', '\r']);
        match marker(line.trim(), "mlteam:begin ") {
            Some((rest, (open, close))) if rest.split_whitespace().next() == Some(name) => {
                let words: String = attrs.iter().map(|(k, v)| format!(" {k}={v}")).collect();
                out.push_str(&format!("{open}mlteam:begin {rest}{words}{close}"));
                out.push_str(&raw[line.len()..]);
            }
            _ => out.push_str(raw),
        }
    }
    out
}

/// The regions of a text, in order; markers that do not pair up are an error.
pub fn parse(text: &str) -> Result<Vec<Region>, MarkerError> {
    let mut regions: Vec<Region> = Vec::new();
    type Open = (
        String,
        Option<String>,
        Vec<(String, String)>,
        usize,
        Range<usize>,
    );
    let mut open: Option<Open> = None;
    let mut offset = 0;
    for (index, raw) in text.split_inclusive('\n').enumerate() {
        let line_no = index + 1;
        let line = raw.trim();
        let span = offset..offset + raw.len();
        offset += raw.len();
        if let Some((rest, _)) = marker(line, "mlteam:begin ") {
            let mut words = rest.split_whitespace();
            let name = words.next().unwrap_or_default().to_string();
            let mut digest = None;
            let mut attrs = Vec::new();
            for (key, value) in words.filter_map(|w| w.split_once('=')) {
                if key == "digest" {
                    digest = Some(value.to_string());
                } else {
                    attrs.push((key.to_string(), value.to_string()));
                }
            }
            if let Some((open_name, _, _, open_line, _)) = &open {
                return Err(MarkerError {
                    line: line_no,
                    message: msg!(
                        "region.nested",
                        name = name,
                        open = open_name.as_str(),
                        line = *open_line
                    ),
                });
            }
            if name.is_empty() {
                return Err(MarkerError {
                    line: line_no,
                    message: msg!("region.no_name"),
                });
            }
            if regions.iter().any(|r| r.name == name) {
                return Err(MarkerError {
                    line: line_no,
                    message: msg!("region.twice", name = name),
                });
            }
            open = Some((name, digest, attrs, line_no, span));
        } else if let Some((rest, _)) = marker(line, "mlteam:end ") {
            let name = rest.trim();
            match open.take() {
                Some((open_name, digest, attrs, open_line, begin)) if open_name == name => {
                    regions.push(Region {
                        name: open_name,
                        digest,
                        attrs,
                        line: open_line,
                        body: begin.end..span.start,
                        begin,
                    });
                }
                Some((open_name, _, _, open_line, _)) => {
                    return Err(MarkerError {
                        line: line_no,
                        message: msg!(
                            "region.wrong_end",
                            name = name,
                            open = open_name.as_str(),
                            line = open_line
                        ),
                    });
                }
                None => {
                    return Err(MarkerError {
                        line: line_no,
                        message: msg!("region.never_began", name = name),
                    });
                }
            }
        }
    }
    match open {
        Some((name, _, _, line, _)) => Err(MarkerError {
            line,
            message: msg!("region.never_closed", name = name.as_str()),
        }),
        None => Ok(regions),
    }
}

/// Writes each region's digest into its begin marker, from the body as it stands; the marker's
/// other `key=value` words follow the digest.
pub fn seal(text: &str) -> Result<String, MarkerError> {
    let regions = parse(text)?;
    let mut out = String::with_capacity(text.len() + regions.len() * 24);
    let mut at = 0;
    for region in &regions {
        out.push_str(&text[at..region.begin.start]);
        let newline = if text[region.begin.clone()].ends_with("\r\n") {
            "\r\n"
        } else {
            "\n"
        };
        let (_, (open, close)) =
            marker(text[region.begin.clone()].trim(), "mlteam:begin ").expect("a begin marker");
        let attrs: String = region
            .attrs
            .iter()
            .map(|(k, v)| format!(" {k}={v}"))
            .collect();
        out.push_str(&format!(
            "{open}mlteam:begin {} digest={}{attrs}{close}{newline}",
            region.name,
            digest(&text[region.body.clone()])
        ));
        at = region.begin.end;
    }
    out.push_str(&text[at..]);
    Ok(out)
}

/// What bringing a file's regions up to date would do.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Splice {
    pub text: String,
    /// Regions whose body changes.
    pub updated: Vec<String>,
    /// Regions edited by hand (kept as they are unless forced).
    pub edited: Vec<(String, usize)>,
    /// Regions the new rendering has that the file lacks: its markers were removed.
    pub missing: Vec<String>,
}

/// Replaces the body of every region of `current` that `fresh` (a new rendering, sealed) also
/// has; every byte outside the regions stays as it is. A region edited by hand is kept unless
/// `force`, and reported either way.
pub fn splice(
    current: &str,
    fresh: &str,
    force: bool,
) -> Result<Splice, (&'static str, MarkerError)> {
    let old = parse(current).map_err(|e| ("current", e))?;
    let new = parse(fresh).map_err(|e| ("rendered", e))?;
    let mut out = Splice::default();
    let mut at = 0;
    for region in &old {
        let Some(replacement) = new.iter().find(|n| n.name == region.name) else {
            continue;
        };
        let new_body = &fresh[replacement.body.clone()];
        let edited = region.edited(current);
        if edited {
            out.edited.push((region.name.clone(), region.line));
        }
        let lasting = |attrs: &[(String, String)]| -> Vec<(String, String)> {
            attrs.iter().filter(|(k, _)| k != AS_OF).cloned().collect()
        };
        let same = &current[region.body.clone()] == new_body
            && lasting(&region.attrs) == lasting(&replacement.attrs)
            && !edited;
        if same || (edited && !force) {
            continue;
        }
        out.text.push_str(&current[at..region.begin.start]);
        let newline = if current[region.begin.clone()].ends_with("\r\n") {
            "\r\n"
        } else {
            "\n"
        };
        out.text
            .push_str(fresh[replacement.begin.clone()].trim_end_matches(['\n', '\r']));
        out.text.push_str(newline);
        out.text.push_str(new_body);
        at = region.body.end;
        out.updated.push(region.name.clone());
    }
    out.text.push_str(&current[at..]);
    out.missing = new
        .iter()
        .filter(|n| !old.iter().any(|o| o.name == n.name))
        .map(|n| n.name.clone())
        .collect();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sealed(text: &str) -> String {
        seal(text).unwrap()
    }

    const PAGE: &str = "# Title\n\nmine\n\n<!-- mlteam:begin table -->\n\n| a |\n\n<!-- mlteam:end table -->\n\nmore of mine\n";

    #[test]
    fn seal_writes_a_digest_that_parse_checks() {
        let text = sealed(PAGE);
        let regions = parse(&text).unwrap();
        assert_eq!(regions.len(), 1);
        assert_eq!(regions[0].line, 5);
        assert_eq!(&text[regions[0].body.clone()], "\n| a |\n\n");
        assert!(!regions[0].edited(&text));
        assert!(
            parse(&text.replace("| a |", "| b |")).unwrap()[0]
                .edited(&text.replace("| a |", "| b |"))
        );
        assert_eq!(sealed(&text), text, "sealing twice changes nothing");
    }

    #[test]
    fn hash_comment_markers_work_the_same() {
        let text = sealed(
            "# ours\n# mlteam:begin owners\n/docs/a.md @ada\n# mlteam:end owners\n/src @bo\n",
        );
        assert!(
            text.starts_with("# ours\n# mlteam:begin owners digest="),
            "{text}"
        );
        let regions = parse(&text).unwrap();
        assert_eq!(
            (regions[0].name.as_str(), &text[regions[0].body.clone()]),
            ("owners", "/docs/a.md @ada\n")
        );
        let fresh = sealed("# mlteam:begin owners\n/docs/a.md @cy\n# mlteam:end owners\n");
        let out = splice(&text, &fresh, false).unwrap();
        assert!(
            out.text
                .ends_with("/docs/a.md @cy\n# mlteam:end owners\n/src @bo\n"),
            "{}",
            out.text
        );
        assert_eq!(
            sealed("<!-- mlteam:begin x -->\n<!-- mlteam:end x -->\n")
                .lines()
                .next(),
            Some("<!-- mlteam:begin x digest=e3b0c44298fc1c14 -->")
        );
    }

    #[test]
    fn attributes_ride_on_the_begin_marker() {
        let text = sealed(
            "<!-- mlteam:begin header owner=data-scientist -->\nbody\n<!-- mlteam:end header -->\n",
        );
        assert!(
            text.starts_with("<!-- mlteam:begin header digest=")
                && text.contains(" owner=data-scientist -->\n"),
            "{text}"
        );
        let region = &parse(&text).unwrap()[0];
        assert_eq!(
            region.attrs,
            [("owner".to_string(), "data-scientist".to_string())]
        );
        assert!(!region.edited(&text));
        // A new value of an attribute alone is an update.
        let fresh = sealed(
            "<!-- mlteam:begin header owner=ml-engineer -->\nbody\n<!-- mlteam:end header -->\n",
        );
        let out = splice(&text, &fresh, false).unwrap();
        assert_eq!(
            (out.text.as_str(), out.updated.as_slice()),
            (fresh.as_str(), &["header".to_string()][..])
        );
    }

    #[test]
    fn a_new_day_alone_does_not_rewrite_a_region() {
        let page = "<!-- mlteam:begin plan -->\nlate: none\n<!-- mlteam:end plan -->\n";
        let on = |day: &str, text: &str| sealed(&record(text, "plan", &[(AS_OF, day)]));
        let written = on("2026-11-27", page);
        assert_eq!(
            written.lines().next().unwrap(),
            format!(
                "<!-- mlteam:begin plan digest={} as-of=2026-11-27 -->",
                digest("late: none\n")
            )
        );
        let same = splice(&written, &on("2026-12-01", page), false).unwrap();
        assert_eq!(
            (same.text.as_str(), same.updated.len()),
            (written.as_str(), 0)
        );
        let later = on("2026-12-21", &page.replace("none", "the PRD"));
        let changed = splice(&written, &later, false).unwrap();
        assert_eq!(
            (changed.text.as_str(), changed.updated.len()),
            (later.as_str(), 1)
        );
    }

    #[test]
    fn record_adds_words_to_one_marker_only() {
        let text =
            "# mlteam:begin owners\r\nx\r\n# mlteam:end owners\r\n<!-- mlteam:begin plan -->\n";
        assert_eq!(
            record(text, "owners", &[("a", "1"), ("b", "2")]),
            "# mlteam:begin owners a=1 b=2\r\nx\r\n# mlteam:end owners\r\n<!-- mlteam:begin plan -->\n"
        );
        assert_eq!(record(text, "own", &[("a", "1")]), text);
    }

    #[test]
    fn crlf_checkouts_are_not_edits() {
        let text = sealed(PAGE).replace('\n', "\r\n");
        assert!(!parse(&text).unwrap()[0].edited(&text));
    }

    #[test]
    fn splice_replaces_bodies_and_keeps_the_rest() {
        let current = sealed(PAGE).replace("more of mine", "more of mine, edited");
        let fresh = sealed(&PAGE.replace("| a |", "| a |\n| b |"));
        let out = splice(&current, &fresh, false).unwrap();
        assert_eq!(out.updated, ["table"]);
        assert!(out.text.contains("| a |\n| b |\n"));
        assert!(out.text.contains("more of mine, edited"));
        assert_eq!(
            splice(&out.text, &fresh, false).unwrap().updated,
            Vec::<String>::new()
        );
    }

    #[test]
    fn hand_edits_are_kept_unless_forced() {
        let current = sealed(PAGE).replace("| a |", "| mine |");
        let fresh = sealed(&PAGE.replace("| a |", "| b |"));
        let kept = splice(&current, &fresh, false).unwrap();
        assert_eq!(
            (kept.text.as_str(), kept.edited.as_slice()),
            (current.as_str(), &[("table".to_string(), 5)][..])
        );
        let forced = splice(&current, &fresh, true).unwrap();
        assert_eq!(forced.text, fresh);
    }

    #[test]
    fn removed_markers_are_reported() {
        let current = "# Title\n\n| a |\n";
        let out = splice(current, &sealed(PAGE), false).unwrap();
        assert_eq!(
            (out.text.as_str(), out.missing.as_slice()),
            (current, &["table".to_string()][..])
        );
        // Of two regions, the one whose markers are gone.
        let two = "<!-- mlteam:begin a -->\nx\n<!-- mlteam:end a -->\n<!-- mlteam:begin b -->\ny\n<!-- mlteam:end b -->\n";
        let one = sealed(two.split_once("<!-- mlteam:begin b").unwrap().0);
        let out = splice(&one, &sealed(two), false).unwrap();
        assert_eq!(out.missing, ["b"]);
    }

    #[test]
    fn broken_markers_are_errors_with_a_line() {
        let err = |text: &str| parse(text).unwrap_err();
        assert_eq!(err("<!-- mlteam:begin a -->\n").line, 1);
        assert_eq!(
            err("x\n<!-- mlteam:end a -->\n").message.to_string(),
            "region `a` ends but never began"
        );
        let nested = err("<!-- mlteam:begin a -->\n<!-- mlteam:begin b -->\n");
        assert_eq!(nested.line, 2);
        assert!(
            err("<!-- mlteam:begin a -->\n<!-- mlteam:end b -->\n")
                .message
                .to_string()
                .contains("`a`")
        );
    }

    mod properties {
        use proptest::prelude::*;

        use super::super::*;

        /// Text a person might write around the regions: any lines but marker lines, CRLF or
        /// LF, possibly none at all.
        fn prose() -> impl Strategy<Value = String> {
            let line = prop_oneof![
                "[^\\r\\n]{0,40}",
                Just("<!-- a comment -->".to_string()),
                Just("| a | b |".to_string())
            ];
            (prop::collection::vec(line, 0..6), any::<bool>()).prop_map(|(lines, crlf)| {
                let end = if crlf { "\r\n" } else { "\n" };
                lines
                    .into_iter()
                    .filter(|l| !l.trim_start().starts_with("<!-- mlteam:"))
                    .map(|l| l + end)
                    .collect()
            })
        }

        fn body() -> impl Strategy<Value = String> {
            prop::collection::vec("[^\\r\\n]{0,30}", 0..5).prop_map(|lines| {
                lines
                    .into_iter()
                    .filter(|l| !l.contains("mlteam:"))
                    .map(|l| l + "\n")
                    .collect()
            })
        }

        fn region(name: &str, body: &str) -> String {
            format!("<!-- mlteam:begin {name} -->\n{body}<!-- mlteam:end {name} -->\n")
        }

        /// A document: prose, region `a`, prose, region `b`, prose.
        fn document(outside: &[String; 3], a: &str, b: &str) -> String {
            seal(&format!(
                "{}{}{}{}{}",
                outside[0],
                region("a", a),
                outside[1],
                region("b", b),
                outside[2]
            ))
            .unwrap()
        }

        proptest! {
            #[test]
            fn regeneration_keeps_every_byte_outside_the_regions(
                outside in [prose(), prose(), prose()],
                old_a in body(), old_b in body(), new_a in body(), new_b in body(),
            ) {
                let current = document(&outside, &old_a, &old_b);
                let fresh = document(&[String::new(), "\n".into(), String::new()], &new_a, &new_b);
                let once = splice(&current, &fresh, false).unwrap();
                prop_assert_eq!(&once.text, &document(&outside, &new_a, &new_b));
                prop_assert!(once.edited.is_empty());
                let twice = splice(&once.text, &fresh, false).unwrap();
                prop_assert_eq!(&twice.text, &once.text);
                prop_assert!(twice.updated.is_empty());
            }

            #[test]
            fn a_hand_edit_is_never_overwritten_without_force(
                outside in [prose(), prose(), prose()],
                old_a in body(), edit in "[^\\r\\n]{1,20}", new_a in body(), b in body(),
            ) {
                let current = document(&outside, &old_a, &b);
                let edited = current.replacen(&format!("{}\n", region_begin(&current, "a")), &format!("{}\n{edit}\n", region_begin(&current, "a")), 1);
                let fresh = document(&outside, &new_a, &b);
                let kept = splice(&edited, &fresh, false).unwrap();
                prop_assert_eq!(&kept.text, &edited);
                prop_assert_eq!(kept.edited.len(), 1);
                let forced = splice(&edited, &fresh, true).unwrap();
                prop_assert_eq!(&forced.text, &fresh);
            }
        }

        fn region_begin(text: &str, name: &str) -> String {
            let regions = parse(text).unwrap();
            let r = regions.iter().find(|r| r.name == name).unwrap();
            text[r.begin.clone()].trim_end().to_string()
        }
    }
}
