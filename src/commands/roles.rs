//! `mlteam roles list`: the catalog of roles, in the chosen language.

use std::io::Write as _;

use anyhow::Result;
use dialoguer::console::measure_text_width;

use super::lang_or_guess;
use crate::catalog::Catalog;
use crate::cli::Global;

pub fn list(global: &Global) -> Result<()> {
    let lang = lang_or_guess(global);
    let catalog = Catalog::builtin()?;
    let mut out = anstream::stdout();
    let id_width = catalog.roles.iter().map(|r| r.id.len()).max().unwrap_or(0);
    let name_width = catalog
        .roles
        .iter()
        .map(|r| measure_text_width(r.name.get(lang)))
        .max()
        .unwrap_or(0);
    let bold = anstyle::Style::new().bold();
    for group in &catalog.groups {
        writeln!(out, "{bold}{}{bold:#}", group.name.get(lang))?;
        for role in catalog.roles.iter().filter(|r| r.group == group.id) {
            let name = role.name.get(lang);
            let pad = name_width - measure_text_width(name);
            writeln!(
                out,
                "  {:id_width$}  {name}{:pad$}  {}",
                role.id,
                "",
                role.summary.get(lang)
            )?;
        }
    }
    Ok(())
}
