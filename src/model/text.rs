//! Catalog text that carries both languages the documentation can be written in.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use crate::words::Lang;

/// A text in English and Chinese. In a project's own `mlteam.toml` a plain string is accepted too:
/// it is then used for both languages.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    pub en: String,
    pub zh: String,
}

impl Text {
    pub fn same(s: impl Into<String>) -> Text {
        let s = s.into();
        Text {
            en: s.clone(),
            zh: s,
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        struct TextVisitor;

        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string, or a table with `en` and `zh` strings")
            }

            fn visit_str<E: de::Error>(self, s: &str) -> Result<Text, E> {
                Ok(Text::same(s))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let (mut en, mut zh) = (None, None);
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "en" => en = Some(map.next_value::<String>()?),
                        "zh" => zh = Some(map.next_value::<String>()?),
                        other => return Err(de::Error::unknown_field(other, &["en", "zh"])),
                    }
                }
                match (en, zh) {
                    (Some(en), Some(zh)) => Ok(Text { en, zh }),
                    (Some(one), None) | (None, Some(one)) => Ok(Text::same(one)),
                    (None, None) => Err(de::Error::missing_field("en")),
                }
            }
        }

        deserializer.deserialize_any(TextVisitor)
    }
}
