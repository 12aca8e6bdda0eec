//! Edits to `mlteam.toml` that keep a person's comments, order and formatting (toml_edit).

use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, Value};

use crate::manifest::Member;

pub struct Editor {
    doc: DocumentMut,
}

impl Editor {
    pub fn parse(text: &str) -> Result<Editor, String> {
        text.parse::<DocumentMut>()
            .map(|doc| Editor { doc })
            .map_err(|e| e.to_string())
    }

    /// Sets `table.key`, keeping the comments around an existing value.
    pub fn set(&mut self, table: &str, key: &str, value: impl Into<Value>) {
        let mut value = value.into();
        let table = self.table(table);
        match table.get_mut(key) {
            // Replacing the value alone keeps the key, and with it the comments above the line.
            Some(item) => {
                if let Some(old) = item.as_value() {
                    *value.decor_mut() = old.decor().clone();
                }
                *item = Item::Value(value);
            }
            None => {
                table.insert(key, Item::Value(value));
            }
        }
    }

    /// Sets `table.key` to a list of strings, one per line as the generated manifest writes it.
    pub fn set_list(&mut self, table: &str, key: &str, items: &[String]) {
        let mut array: Array = items.iter().map(String::as_str).collect();
        for value in array.iter_mut() {
            value.decor_mut().set_prefix("\n  ");
        }
        array.set_trailing("\n");
        array.set_trailing_comma(true);
        self.set(table, key, array);
    }

    /// Replaces every `[[member]]`.
    pub fn set_members(&mut self, members: &[Member]) {
        let mut tables = ArrayOfTables::new();
        for member in members {
            let mut table = Table::new();
            table.insert("name", toml_edit::value(member.name.as_str()));
            if let Some(email) = &member.email {
                table.insert("email", toml_edit::value(email.as_str()));
            }
            if let Some(github) = &member.github {
                table.insert("github", toml_edit::value(github.as_str()));
            }
            let roles: Array = member.roles.iter().map(String::as_str).collect();
            table.insert("roles", toml_edit::value(roles));
            tables.push(table);
        }
        if tables.is_empty() {
            self.doc.remove("member");
        } else {
            self.doc.insert("member", Item::ArrayOfTables(tables));
        }
    }

    fn table(&mut self, name: &str) -> &mut Table {
        let item = self.doc.entry(name).or_insert_with(toml_edit::table);
        if !item.is_table() {
            *item = toml_edit::table();
        }
        item.as_table_mut().expect("made a table above")
    }

    pub fn finish(self) -> String {
        self.doc.to_string()
    }
}

/// A TOML local date.
pub fn date(date: jiff::civil::Date) -> Value {
    Value::from(toml_edit::Datetime {
        date: Some(toml_edit::Date {
            year: date.year() as u16,
            month: date.month() as u8,
            day: date.day() as u8,
        }),
        time: None,
        offset: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_keep_comments_and_order() {
        let text = "# top\n[project]\nname = \"old\" # the name\nlang = \"en\"\n\n[team]\n# who\nroles = [\"a\"]\n";
        let mut editor = Editor::parse(text).unwrap();
        editor.set("project", "name", "new");
        editor.set_list("team", "roles", &["x".into(), "y".into()]);
        let out = editor.finish();
        assert_eq!(
            out,
            "# top\n[project]\nname = \"new\" # the name\nlang = \"en\"\n\n[team]\n# who\nroles = [\n  \"x\",\n  \"y\",\n]\n"
        );
    }
}
