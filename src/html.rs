//! The RACI matrix as one self-contained HTML5 page (SPEC §10).

use anyhow::Result;

use crate::team::Team;

pub fn matrix(_team: &Team) -> Result<String> {
    anyhow::bail!("the HTML export is not built yet; use --format md, csv or json")
}
