//! Edits to `mlteam.toml` that keep a person's comments, order and formatting (toml_edit).

use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, TableLike, Value};

use crate::model::team::Member;

pub struct Editor {
    doc: DocumentMut,
}

impl Editor {
    pub fn parse(text: &str) -> anyhow::Result<Editor> {
        text.parse::<DocumentMut>()
            .map(|doc| Editor { doc })
            .map_err(|e| {
                let message = crate::words::Msg::verbatim(e.to_string());
                crate::diag::failed(crate::msg!("manifest.syntax", message = message))
            })
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

    /// Appends `item` to the list at `table.key` unless it is there. In a list written one item
    /// per line, the new item gets a line and its own comment like the others.
    pub fn push_to_list(&mut self, table: &str, key: &str, item: &str, comment: &str) {
        let table = self.table(table);
        let value = table
            .entry(key)
            .or_insert_with(|| toml_edit::value(Array::new()));
        let Some(array) = value.as_array_mut() else {
            return;
        };
        if array.iter().any(|v| v.as_str() == Some(item)) {
            return;
        }
        let one_per_line = array.iter().any(|v| {
            v.decor()
                .prefix()
                .and_then(|p| p.as_str())
                .is_some_and(|p| p.contains('\n'))
        });
        if !one_per_line {
            array.push(item);
            return;
        }
        // The comment after the last item's comma is the array's trailing text: it moves in front
        // of the new item, whose own comment becomes the new trailing text.
        let trailing = array
            .trailing()
            .as_str()
            .unwrap_or("")
            .trim_end_matches([' ', '\n'])
            .to_string();
        let mut value = Value::from(item);
        value.decor_mut().set_prefix(format!("{trailing}\n  "));
        array.push_formatted(value);
        array.set_trailing(format!(" # {comment}\n"));
        array.set_trailing_comma(true);
    }

    /// Removes `item` from the list at `table.key`, with the comment that follows it on its line.
    pub fn remove_from_list(&mut self, table: &str, key: &str, item: &str) {
        let Some(array) = self.table(table).get_mut(key).and_then(Item::as_array_mut) else {
            return;
        };
        remove_item(array, item);
    }

    /// Gives the member called `name` these roles, adding a `[[member]]` when there is none.
    pub fn add_member_roles(&mut self, name: &str, roles: &[String]) {
        if self.doc.get("member").is_none() {
            self.add_first_member(name);
        }
        let mut found = false;
        let same = |other: &str| other.trim().eq_ignore_ascii_case(name.trim());
        for member in self.members() {
            if member.get("name").and_then(Item::as_str).is_some_and(same) {
                add_roles(member, roles);
                found = true;
                break;
            }
        }
        if found {
            return;
        }
        match self.doc.get_mut("member") {
            Some(Item::ArrayOfTables(tables)) => {
                let mut table = Table::new();
                table.insert("name", toml_edit::value(name));
                add_roles(&mut table, roles);
                tables.push(table);
            }
            Some(Item::Value(Value::Array(array))) => {
                let mut table = toml_edit::InlineTable::new();
                table.insert("name", Value::from(name));
                add_roles(&mut table, roles);
                array.push(table);
            }
            _ => {}
        }
    }

    /// Every member, whether written as `[[member]]` tables or as `member = [{ … }]`.
    fn members(&mut self) -> Vec<&mut dyn TableLike> {
        match self.doc.get_mut("member") {
            Some(Item::ArrayOfTables(tables)) => {
                tables.iter_mut().map(|t| t as &mut dyn TableLike).collect()
            }
            Some(Item::Value(Value::Array(array))) => array
                .iter_mut()
                .filter_map(|v| v.as_inline_table_mut().map(|t| t as &mut dyn TableLike))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The first `[[member]]` goes after `[team]`, under the comments that explain members (which
    /// the parser hands to the table that follows them), not at the end of the file.
    fn add_first_member(&mut self, name: &str) {
        let mut table = Table::new();
        table.insert("name", toml_edit::value(name));
        table.insert("roles", toml_edit::value(Array::new()));
        let team_position = self
            .doc
            .get("team")
            .and_then(Item::as_table)
            .and_then(Table::position);
        if let (Some(position), Some(next)) = (
            team_position,
            self.doc.get_mut("meetings").and_then(Item::as_table_mut),
        ) {
            let comments = next
                .decor()
                .prefix()
                .and_then(|p| p.as_str())
                .unwrap_or("\n")
                .to_string();
            table.decor_mut().set_prefix(comments);
            next.decor_mut().set_prefix("\n");
            table.set_position(Some(position));
        }
        let mut members = ArrayOfTables::new();
        members.push(table);
        self.doc.insert("member", Item::ArrayOfTables(members));
    }

    /// Takes `role` away from every member.
    pub fn remove_member_role(&mut self, role: &str) {
        for member in self.members() {
            if let Some(array) = member.get_mut("roles").and_then(Item::as_array_mut) {
                remove_item(array, role);
            }
        }
    }

    /// Sets (or with `None`, removes) one cell of `[raci.overrides]`.
    pub fn set_override(&mut self, activity: &str, role: &str, letter: Option<&str>) {
        let inline = matches!(self.doc.get("raci"), Some(Item::Value(_)));
        let raci = self.table("raci");
        if raci.get("overrides").is_none() {
            // Inside `raci = { … }` only an inline table may go.
            let empty = if inline {
                toml_edit::value(toml_edit::InlineTable::new())
            } else {
                toml_edit::table()
            };
            raci.insert("overrides", empty);
        }
        let Some(overrides) = raci.get_mut("overrides").and_then(Item::as_table_like_mut) else {
            return;
        };
        match letter {
            Some(letter) => {
                let row = overrides
                    .entry(activity)
                    .or_insert(toml_edit::value(toml_edit::InlineTable::new()));
                if let Some(row) = row.as_inline_table_mut() {
                    row.insert(role, Value::from(letter));
                } else if let Some(row) = row.as_table_like_mut() {
                    row.insert(role, toml_edit::value(letter));
                }
            }
            None => {
                let empty = match overrides
                    .get_mut(activity)
                    .and_then(Item::as_table_like_mut)
                {
                    Some(row) => {
                        row.remove(role);
                        row.is_empty()
                    }
                    None => false,
                };
                if empty {
                    overrides.remove(activity);
                }
            }
        }
    }

    /// The top-level table `name`, written `[name]` or `name = { … }`; a new `[name]` when
    /// missing. (Anything else under that name would have failed the manifest's own checks.)
    fn table(&mut self, name: &str) -> &mut dyn TableLike {
        let item = self.doc.entry(name).or_insert_with(toml_edit::table);
        if item.as_table_like().is_none() {
            *item = toml_edit::table();
        }
        item.as_table_like_mut()
            .expect("a table or an inline table")
    }

    pub fn finish(self) -> String {
        self.doc.to_string()
    }
}

fn add_roles(member: &mut dyn TableLike, roles: &[String]) {
    if member.get("roles").is_none() {
        member.insert("roles", toml_edit::value(Array::new()));
    }
    if let Some(array) = member.get_mut("roles").and_then(Item::as_array_mut) {
        for role in roles {
            if !array.iter().any(|v| v.as_str() == Some(role)) {
                array.push(role.as_str());
            }
        }
    }
}

/// Removes `item`; the comment on its line (kept in the next item's prefix, or the trailing
/// text for the last one) goes with it.
fn remove_item(array: &mut Array, item: &str) {
    let Some(index) = array.iter().position(|v| v.as_str() == Some(item)) else {
        return;
    };
    let prefix = array
        .get(index)
        .and_then(|v| v.decor().prefix())
        .and_then(|p| p.as_str())
        .unwrap_or("")
        .to_string();
    array.remove(index);
    if let Some(next) = array.get_mut(index) {
        next.decor_mut().set_prefix(prefix);
    } else if prefix.contains('\n') {
        array.set_trailing(format!("{}\n", prefix.trim_end_matches([' ', '\n'])));
    }
    if array.is_empty() {
        array.set_trailing("");
        array.set_trailing_comma(false);
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

    const ROLES: &str =
        "# who\n[team]\n# the team\nroles = [\n  \"a\", # A\n  \"b\", # B\n  \"c\", # C\n]\n";

    #[test]
    fn a_pushed_item_gets_its_own_line_and_comment() {
        let mut editor = Editor::parse(ROLES).unwrap();
        editor.push_to_list("team", "roles", "d", "D");
        editor.push_to_list("team", "roles", "a", "A again");
        assert_eq!(
            editor.finish(),
            ROLES.replace("  \"c\", # C\n", "  \"c\", # C\n  \"d\", # D\n")
        );
    }

    #[test]
    fn a_removed_item_takes_its_comment_along() {
        for (item, expected) in [
            ("a", ROLES.replace("  \"a\", # A\n", "")),
            ("b", ROLES.replace("  \"b\", # B\n", "")),
            ("c", ROLES.replace("  \"c\", # C\n", "")),
        ] {
            let mut editor = Editor::parse(ROLES).unwrap();
            editor.remove_from_list("team", "roles", item);
            assert_eq!(editor.finish(), expected, "removing {item}");
        }
    }

    #[test]
    fn overrides_are_set_and_cleared_cell_by_cell() {
        let text = "[raci]\nmax_accountable = 8\n\n# hand-set letters\n[raci.overrides]\n# prd = { x = \"R\" }\n";
        let mut editor = Editor::parse(text).unwrap();
        editor.set_override("prd", "product-manager", Some("A/R"));
        editor.set_override("prd", "ml-engineer", Some("C"));
        editor.set_override("eda", "data-scientist", Some("R"));
        editor.set_override("eda", "data-scientist", None);
        let out = editor.finish();
        assert_eq!(
            out,
            "[raci]\nmax_accountable = 8\n\n# hand-set letters\n[raci.overrides]\n\
             prd = { product-manager = \"A/R\", ml-engineer = \"C\" }\n# prd = { x = \"R\" }\n"
        );
        assert!(!out.contains("eda"), "{out}");
    }

    #[test]
    fn members_are_written_whole_and_replaced() {
        let text = "[team]\nroles = [\"a\"]\n\n[[member]]\nname = \"Old\"\nroles = [\"a\"]\n";
        let mut editor = Editor::parse(text).unwrap();
        editor.set_members(&[
            Member {
                name: "Ada".into(),
                email: Some("ada@example.com".into()),
                github: Some("ada-l".into()),
                roles: vec!["a".into(), "b".into()],
            },
            Member {
                name: "Bo".into(),
                email: None,
                github: None,
                roles: Vec::new(),
            },
        ]);
        assert_eq!(
            editor.finish(),
            "[team]\nroles = [\"a\"]\n\n[[member]]\nname = \"Ada\"\nemail = \"ada@example.com\"\n\
             github = \"ada-l\"\nroles = [\"a\", \"b\"]\n\n[[member]]\nname = \"Bo\"\nroles = []\n"
        );
        let mut editor = Editor::parse(text).unwrap();
        editor.set_members(&[]);
        assert_eq!(editor.finish(), "[team]\nroles = [\"a\"]\n");
    }

    /// The first member goes under `[team]`, below the comments about members, not at the end.
    #[test]
    fn the_first_member_goes_where_the_comments_say() {
        let text =
            "[team]\nroles = [\"a\"]\n\n# People: one [[member]] each.\n[meetings]\nkeep = []\n";
        let mut editor = Editor::parse(text).unwrap();
        editor.add_member_roles("Ada", &["a".into()]);
        assert_eq!(
            editor.finish(),
            "[team]\nroles = [\"a\"]\n\n# People: one [[member]] each.\n[[member]]\nname = \"Ada\"\n\
             roles = [\"a\"]\n\n[meetings]\nkeep = []\n"
        );
    }

    #[test]
    fn members_gain_roles_or_are_added() {
        let text = "[[member]]\nname = \"Ada\"\nroles = [\"ml-engineer\"]\n";
        let mut editor = Editor::parse(text).unwrap();
        editor.add_member_roles("Ada", &["data-scientist".into()]);
        editor.add_member_roles("Bo", &["devops-engineer".into()]);
        editor.remove_member_role("ml-engineer");
        let out = editor.finish();
        assert_eq!(
            out,
            "[[member]]\nname = \"Ada\"\nroles = [\"data-scientist\"]\n\n[[member]]\nname = \"Bo\"\nroles = [\"devops-engineer\"]\n"
        );
    }

    #[test]
    fn inline_tables_are_edited_not_replaced() {
        let text = "team = { roles = [\"a\", \"b\"] }\nraci = { max_accountable = 3 }\nmember = [{ name = \"Ada\", roles = [\"a\"] }]\n";
        let mut editor = Editor::parse(text).unwrap();
        editor.push_to_list("team", "roles", "c", "C");
        editor.remove_from_list("team", "roles", "a");
        editor.set_override("prd", "b", Some("R"));
        editor.add_member_roles("Ada", &["c".into()]);
        editor.add_member_roles("Bo", &["b".into()]);
        editor.remove_member_role("a");
        let out = editor.finish();
        let doc: toml::Table = toml::from_str(&out).unwrap();
        assert_eq!(doc["team"]["roles"].as_array().unwrap().len(), 2, "{out}");
        assert_eq!(
            doc["raci"]["max_accountable"].as_integer(),
            Some(3),
            "{out}"
        );
        assert_eq!(
            doc["raci"]["overrides"]["prd"]["b"].as_str(),
            Some("R"),
            "{out}"
        );
        assert_eq!(
            doc["member"][0]["roles"].as_array().unwrap().len(),
            1,
            "{out}"
        );
        assert_eq!(doc["member"][1]["name"].as_str(), Some("Bo"), "{out}");
    }

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
