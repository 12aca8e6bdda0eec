//! The words of the interactive prompt and the command summaries, in English and Chinese, kept as
//! data in `templates/<lang>/ui.toml`.

use std::collections::BTreeMap;

use crate::assets;
use crate::model::text::Lang;

pub struct Words {
    words: BTreeMap<String, String>,
}

impl Words {
    pub fn new(lang: Lang) -> Words {
        let text = assets::text(&format!("{lang}/ui.toml")).unwrap_or_default();
        let table: toml::Table = toml::from_str(text).unwrap_or_default();
        let mut words = BTreeMap::new();
        flatten("", &toml::Value::Table(table), &mut words);
        Words { words }
    }

    /// The text for `key`; the key itself when missing (a test keeps both languages complete).
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.words.get(key).map_or(key, String::as_str)
    }

    /// The text for `key` with each `{name}` replaced.
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        args.iter()
            .fold(self.get(key).to_string(), |text, (name, value)| {
                text.replace(&format!("{{{name}}}"), value)
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

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.words.keys()
    }
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
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_the_same_words() {
        let (en, zh) = (Words::new(Lang::En), Words::new(Lang::Zh));
        // A `_one` form exists only where a language says one thing differently (English).
        let (en, zh): (Vec<&String>, Vec<&String>) = (
            en.keys().filter(|k| !k.ends_with("_one")).collect(),
            zh.keys().collect(),
        );
        assert!(!en.is_empty());
        assert_eq!(en, zh);
    }
}
