//! What comes in: the answers of `init` (flags or the prompt), `mlteam.toml` (read, checked
//! against the catalog, edited in place), a hand-edited matrix to import, and the stubs' front
//! matter. Each input is turned into the model, with every problem said at its file and line.

pub(crate) mod answers;
pub(crate) mod edit;
pub(crate) mod file;
pub(crate) mod front_matter;
pub(crate) mod import;
pub mod manifest;
pub(crate) mod prompt;
pub(crate) mod values;
