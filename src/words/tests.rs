use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::*;
use crate::model::progress::Status;

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    for entry in fs_err::read_dir(dir).expect("readable folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files(&path, ext, out);
        } else if path.to_string_lossy().ends_with(ext) {
            out.push(path);
        }
    }
}

fn sources(folder: &str, ext: &str) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    files(&root.join(folder), ext, &mut paths);
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = fs_err::read_to_string(&p).expect("readable file");
            let shown = p.strip_prefix(root).unwrap_or(&p).display().to_string();
            (shown, text)
        })
        .collect()
}

/// `"a.b"` string literals of Rust source, with the 1-based line and what precedes the quote.
fn dotted_literals(text: &str) -> Vec<(usize, &str, &str)> {
    let is_key = |s: &str| {
        s.split('.').count() > 1
            && s.split('.').all(|part| {
                !part.is_empty()
                    && part
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            })
    };
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('"').map(|i| from + i) {
        let Some(close) = text[open + 1..].find('"').map(|i| open + 1 + i) else {
            break;
        };
        let literal = &text[open + 1..close];
        if is_key(literal) {
            let line = text[..open].matches('\n').count() + 1;
            out.push((line, literal, text[..open].trim_end()));
            from = close + 1;
        } else {
            from = open + 1;
        }
    }
    out
}

/// Every key the code hands to [`Words`]: each literal given to `get`, `try_get`, `fill` or
/// `count`, and each literal that names a section of the word file elsewhere (a key chosen
/// through a variable, such as `word("plan.created", "plan.would_create")`), file names aside.
fn keys_in_code() -> Vec<(String, String)> {
    let sections: BTreeSet<String> = Words::new(Lang::En)
        .keys()
        .filter_map(|k| k.split('.').next().map(String::from))
        .collect();
    let file_types = [
        "md", "toml", "ics", "hbs", "json", "csv", "html", "rs", "txt",
    ];
    let mut out = Vec::new();
    for (file, text) in sources("src", ".rs") {
        if file.ends_with("words/tests.rs") {
            continue;
        }
        for (line, literal, before) in dotted_literals(&text) {
            let given = [".get(", ".try_get(", ".fill(", ".count(", "msg!("]
                .iter()
                .any(|call| before.ends_with(call));
            let first = literal.split('.').next().unwrap_or_default();
            let last = literal.rsplit('.').next().unwrap_or_default();
            if given || (sections.contains(first) && !file_types.contains(&last)) {
                out.push((format!("{file}:{line}"), literal.to_string()));
            }
        }
    }
    out
}

/// Every `t "key"` of the built-in templates.
fn keys_in_templates() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (file, text) in sources("templates", ".hbs") {
        for (index, line) in text.lines().enumerate() {
            for opener in ["{{t \"", "{{~t \"", "(t \""] {
                for (at, _) in line.match_indices(opener) {
                    let rest = &line[at + opener.len()..];
                    if let Some(key) = rest.split('"').next() {
                        out.push((format!("{file}:{}", index + 1), key.to_string()));
                    }
                }
            }
        }
    }
    out
}

fn missing(used: &[(String, String)]) -> Vec<String> {
    let mut out = Vec::new();
    for lang in Lang::ALL {
        let words = Words::new(lang);
        for (at, key) in used {
            if words.try_get(key).is_none() {
                out.push(format!("{at}: `{key}` is not in {}", Words::file(lang)));
            }
        }
    }
    out
}

#[test]
fn every_key_the_code_uses_exists_in_both_languages() {
    let used = keys_in_code();
    assert!(
        used.iter().any(|(_, k)| k == "plan.would_create"),
        "the scan finds keys chosen through a variable: {used:?}"
    );
    assert!(used.len() > 60, "{used:?}");
    assert_eq!(missing(&used), Vec::<String>::new());
}

#[test]
fn every_key_the_templates_use_exists_in_both_languages() {
    let used = keys_in_templates();
    assert!(used.len() > 100, "{used:?}");
    assert_eq!(missing(&used), Vec::<String>::new());
}

/// A word nobody says is a sentence that drifted from the code (or a key misspelt where it is
/// used, which the tests above catch the other way round). A status's word is chosen by its
/// name (`status.{status}`), and a `_one` form with the word it is the singular of.
#[test]
fn every_word_is_used() {
    let used: BTreeSet<String> = keys_in_code()
        .into_iter()
        .chain(keys_in_templates())
        .map(|(_, key)| key)
        .collect();
    let said = |key: &str| {
        used.contains(key)
            || key.starts_with("status.")
            || key
                .strip_suffix("_one")
                .is_some_and(|base| used.contains(base))
    };
    for lang in Lang::ALL {
        let unused: Vec<&String> = Words::new(lang).keys().filter(|k| !said(k)).collect();
        assert_eq!(unused, Vec::<&String>::new(), "{}", Words::file(lang));
    }
}

#[test]
fn every_status_has_a_word() {
    let used: Vec<(String, String)> = Status::WRITTEN
        .iter()
        .chain(&[Status::Missing, Status::Unreadable])
        .map(|s| ("status".to_string(), format!("status.{s}")))
        .collect();
    assert_eq!(missing(&used), Vec::<String>::new());
}

#[test]
fn both_languages_have_the_same_words() {
    let (en, zh) = (Words::new(Lang::En), Words::new(Lang::Zh));
    // A `_one` form exists only where a language says one thing differently (English).
    let (en_keys, zh_keys): (Vec<&String>, Vec<&String>) = (
        en.keys().filter(|k| !k.ends_with("_one")).collect(),
        zh.keys().collect(),
    );
    assert!(!en_keys.is_empty());
    assert_eq!(en_keys, zh_keys);
}

/// A value the code fills in is one both languages say: a `{name}` only one language has would
/// be printed as it is, or refused by `t`.
#[test]
fn both_languages_fill_in_the_same_values() {
    let (en, zh) = (Words::new(Lang::En), Words::new(Lang::Zh));
    for key in zh.keys() {
        let names = |text: &str| -> BTreeSet<String> {
            placeholders(text).into_iter().map(String::from).collect()
        };
        assert_eq!(
            names(en.get(key)),
            names(zh.get(key)),
            "the `{{…}}`s of `{key}` differ between the languages"
        );
    }
}

#[test]
fn a_sentence_is_said_in_either_language() {
    let (en, zh) = (Words::new(Lang::En), Words::new(Lang::Zh));
    let both = |m: &Msg| (en.say(m), zh.say(m));
    let one = crate::msg!("diag.problems_found", count = 1usize);
    assert_eq!(both(&one), ("1 problem found".into(), "发现1个问题".into()));
    let unknown = |id: &str, near: &str| {
        crate::msg!(
            "unknown.role",
            id = id,
            hint = crate::msg!("ids.did_you_mean", id = near)
        )
    };
    assert_eq!(
        both(&Msg::all(vec![unknown("a", "b"), unknown("c", "d")])),
        (
            "unknown role `a`; did you mean `b`?; unknown role `c`; did you mean `d`?".into(),
            "未知的角色`a`；是不是想写`b`？；未知的角色`c`；是不是想写`d`？".into()
        )
    );
    let list = crate::msg!("shape.one_of", ids = vec!["`en`", "`zh`"]);
    assert_eq!(
        both(&list),
        (
            "use one of: `en`, `zh`".into(),
            "可取的值：`en`、`zh`".into()
        )
    );
    // Another program's words are said as they are, and a value is never taken for a slot.
    assert_eq!(zh.say(&Msg::verbatim("duplicate key")), "duplicate key");
    let typed = crate::msg!("unknown.role", id = "{hint}", hint = Msg::none());
    assert_eq!(en.say(&typed), "unknown role `{hint}`");
}

#[test]
fn fill_replaces_each_name_once_and_keeps_other_braces() {
    let text = fill("{a} and {b} {not a name} {c}", |name| match name {
        "a" => Some("{b}"),
        "b" => Some("B"),
        _ => None,
    });
    assert_eq!(text, "{b} and B {not a name} {c}");
    assert_eq!(placeholders("{a} {b_c} {D} {}"), ["a", "b_c"]);
}

#[test]
#[should_panic(expected = "no word `no.such.key` in templates/en/words.toml")]
fn a_missing_word_is_a_bug_not_text() {
    Words::new(Lang::En).get("no.such.key");
}
