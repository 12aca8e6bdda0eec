//! `mlteam status --html FILE`: the project's state as one self-contained page.

use anyhow::Result;

use crate::model::team::Team;
use crate::view::status::Status;
use crate::write::root::Root;

pub fn html(_team: &Team, _status: &Status, _root: &Root) -> Result<String> {
    anyhow::bail!("status --html is not built yet")
}
