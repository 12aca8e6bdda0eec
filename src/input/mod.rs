//! What comes in: the answers of `init` (flags or the prompt), `mlteam.toml` (read, checked
//! against the catalog, edited in place), a hand-edited matrix to import, and the stubs' front
//! matter. Each input is turned into the model, with every problem said at its file and line.

pub mod answers;
pub mod edit;
pub mod file;
pub mod front_matter;
pub mod import;
pub mod manifest;
pub mod prompt;
pub mod values;
