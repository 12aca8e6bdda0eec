//! A sentence not yet said: the key of a word and the values to fill into it. The layers below
//! the commands return these instead of English strings; the edge says them in the run's
//! language ([`Words::say`]). `Display` says them in English, for tests and logs.

use std::fmt;

use super::Words;
use crate::words::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// A word of `templates/<lang>/words.toml` with its `{name}`s filled in. A value named
    /// `count` that is 1 picks the word's `_one` form where the language has one.
    Word {
        key: &'static str,
        args: Vec<(&'static str, Arg)>,
    },
    /// Another program's words, said as they stand: the TOML parser's, the system's.
    Verbatim(String),
    /// Several sentences in one, joined by `list.sentences` ("; ").
    All(Vec<Msg>),
}

/// A value filled into a word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    /// A sentence of its own, said in the same language (a reason, a "did you mean").
    Said(Box<Msg>),
    /// Items joined by the language's list separator.
    List(Vec<String>),
}

impl Msg {
    pub fn new(key: &'static str, args: Vec<(&'static str, Arg)>) -> Msg {
        Msg::Word { key, args }
    }

    pub fn verbatim(text: impl Into<String>) -> Msg {
        Msg::Verbatim(text.into())
    }

    /// Several problems said as one: the one itself when there is one.
    pub fn all(mut msgs: Vec<Msg>) -> Msg {
        if msgs.len() == 1 {
            msgs.remove(0)
        } else {
            Msg::All(msgs)
        }
    }

    /// Nothing: what an optional part of a sentence (a "did you mean") is when it has none.
    pub fn none() -> Msg {
        Msg::Verbatim(String::new())
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Msg::Verbatim(text) if text.is_empty())
    }

    /// The word's key, when it is one.
    pub fn key(&self) -> Option<&'static str> {
        match self {
            Msg::Word { key, .. } => Some(key),
            Msg::Verbatim(_) | Msg::All(_) => None,
        }
    }
}

impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Words::new(Lang::En).say(self))
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_string())
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Arg {
        Arg::Text(text.clone())
    }
}

impl From<Msg> for Arg {
    fn from(msg: Msg) -> Arg {
        Arg::Said(Box::new(msg))
    }
}

impl From<Vec<String>> for Arg {
    fn from(items: Vec<String>) -> Arg {
        Arg::List(items)
    }
}

impl From<Vec<&str>> for Arg {
    fn from(items: Vec<&str>) -> Arg {
        Arg::List(items.into_iter().map(String::from).collect())
    }
}

impl From<&[String]> for Arg {
    fn from(items: &[String]) -> Arg {
        Arg::List(items.to_vec())
    }
}

impl From<jiff::civil::Date> for Arg {
    fn from(date: jiff::civil::Date) -> Arg {
        Arg::Text(date.to_string())
    }
}

macro_rules! numbers {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Text(n.to_string())
            }
        }
    )*};
}

numbers!(usize, u64, u32, u16, u8, i64, i32, i16, i8);

/// `msg!("key", name = value, ...)`: a [`Msg`] of the word `key`, each value turned into an
/// [`Arg`] (text, a number, a date, another `Msg`, a list).
#[macro_export]
macro_rules! msg {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::words::Msg::new(
            $key,
            vec![$((stringify!($name), $crate::words::Arg::from($value))),*],
        )
    };
}
