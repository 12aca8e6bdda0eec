//! The words of mlteam in each language, kept as data in `templates/<lang>/words.toml`: the
//! prompt, command summaries, findings, warnings and errors (through [`Words`], and [`Msg`] for
//! the layers that only know what to say, not in which language), and the words of the pages
//! (through the templates' `t` helper). A key that is not there is a bug, never text to print: a
//! test checks that every key the code and the templates use exists in both languages, and that
//! every key is used.

use std::collections::BTreeMap;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::assets;

mod lang;
mod msg;
pub use lang::Lang;
pub use msg::{Arg, Msg};

#[derive(Clone, Copy)]
pub struct Words {
    lang: Lang,
    words: &'static BTreeMap<String, String>,
}

impl Words {
    /// The words of `lang`, read once per process.
    pub fn new(lang: Lang) -> Words {
        static CACHE: [OnceLock<BTreeMap<String, String>>; 2] = [OnceLock::new(), OnceLock::new()];
        let slot = &CACHE[Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)];
        Words {
            lang,
            words: slot.get_or_init(|| load(lang)),
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The file the words come from, as a message names it.
    pub fn file(lang: Lang) -> String {
        format!("templates/{lang}/words.toml")
    }

    /// The text for `key`, when the word file has it.
    pub fn try_get(&self, key: &str) -> Option<&'static str> {
        self.words.get(key).map(String::as_str)
    }

    /// The text for `key`. A missing key is a bug in mlteam (the word-file test catches it), so
    /// it stops the program rather than print a key for a word.
    pub fn get(&self, key: &str) -> &'static str {
        self.try_get(key)
            .unwrap_or_else(|| panic!("no word `{key}` in {}", Words::file(self.lang)))
    }

    /// The text for `key` with each `{name}` replaced, in one pass: a value that holds `{x}`
    /// stays as it is.
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        fill(self.get(key), |name| {
            args.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
        })
    }

    /// The text for `key` when `count` things are meant: `{key}_one` for exactly one where the
    /// language has such a form, else `key`; `{count}` is filled in with the others.
    pub fn count(&self, key: &str, count: usize, args: &[(&str, &str)]) -> String {
        let one = format!("{key}_one");
        let key = if count == 1 && self.words.contains_key(&one) {
            one.as_str()
        } else {
            key
        };
        let count = count.to_string();
        let mut all = vec![("count", count.as_str())];
        all.extend_from_slice(args);
        self.fill(key, &all)
    }

    /// A [`Msg`] said in this language: its values filled in (a `Msg` among them said first, a
    /// list joined by `list.separator`), the `_one` form taken when `count` is 1.
    pub fn say(&self, msg: &Msg) -> String {
        let (key, args) = match msg {
            Msg::Verbatim(text) => return text.clone(),
            Msg::All(msgs) => {
                let said: Vec<String> = msgs.iter().map(|m| self.say(m)).collect();
                return said.join(self.get("list.sentences"));
            }
            Msg::Word { key, args } => (*key, args),
        };
        let values: Vec<(&str, String)> = args
            .iter()
            .map(|(name, arg)| {
                let value = match arg {
                    Arg::Text(text) => text.clone(),
                    Arg::Said(msg) => self.say(msg),
                    Arg::List(items) => items.join(self.get("list.separator")),
                };
                (*name, value)
            })
            .collect();
        let one = format!("{key}_one");
        let single = values.iter().any(|(n, v)| *n == "count" && v == "1");
        let key = if single && self.words.contains_key(&one) {
            one.as_str()
        } else {
            key
        };
        fill(self.get(key), |name| {
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.as_str())
        })
    }

    pub fn keys(&self) -> impl Iterator<Item = &'static String> {
        self.words.keys()
    }
}

/// `text` with every `{name}` that `value` knows replaced, in one pass; other braces are kept.
pub fn fill<'v>(text: &str, value: impl Fn(&str) -> Option<&'v str>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name = after
            .find('}')
            .map(|close| &after[..close])
            .filter(|n| is_placeholder(n));
        match name.and_then(|n| value(n).map(|v| (n, v))) {
            Some((name, v)) => {
                out.push_str(v);
                rest = &after[name.len() + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}`s of a word.
pub fn placeholders(text: &str) -> Vec<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .filter(|name| is_placeholder(name))
        .collect()
}

fn is_placeholder(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
}

fn load(lang: Lang) -> BTreeMap<String, String> {
    let file = Words::file(lang);
    let text =
        assets::text(&format!("{lang}/words.toml")).unwrap_or_else(|| panic!("{file} is embedded"));
    let table: toml::Table = toml::from_str(text).unwrap_or_else(|e| panic!("{file}: {e}"));
    let mut words = BTreeMap::new();
    flatten("", &toml::Value::Table(table), &mut words);
    words
}

fn flatten(prefix: &str, value: &toml::Value, out: &mut BTreeMap<String, String>) {
    match value {
        toml::Value::Table(table) => {
            for (key, value) in table {
                let key = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                flatten(&key, value, out);
            }
        }
        toml::Value::String(s) => {
            out.insert(prefix.to_string(), s.clone());
        }
        other => {
            out.insert(prefix.to_string(), other.to_string());
        }
    }
}

/// The language of the run, once `run` has chosen it (0: not yet; else 1 + its index in
/// [`Lang::ALL`]): what the edge says errors in, and what is said out of turn where no `Words`
/// can be handed down (a signal's notice, a recovered journal's warning deep in the writer, a
/// template helper's error). `init` changes it when the answers pick the project's language.
static RUN: AtomicUsize = AtomicUsize::new(0);

pub fn set_run(lang: Lang) {
    let index = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    RUN.store(index + 1, Ordering::SeqCst);
}

/// The run's words (English before [`set_run`]).
pub fn of_run() -> Words {
    let lang = RUN
        .load(Ordering::SeqCst)
        .checked_sub(1)
        .and_then(|i| Lang::ALL.get(i).copied())
        .unwrap_or(Lang::En);
    Words::new(lang)
}

/// The words of `lang`, else of the language the locale asks for.
pub fn chosen(lang: Option<Lang>) -> Words {
    Words::new(lang.unwrap_or_else(guess_lang))
}

/// The language the person at the terminal most likely reads: Chinese when the locale says so.
pub fn guess_lang() -> Lang {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()));
    match locale {
        Some(l) if l.starts_with("zh") => Lang::Zh,
        _ => Lang::En,
    }
}

#[cfg(test)]
mod tests;
