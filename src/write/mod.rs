//! Writing: a plan of file changes (created, regions updated, left alone and why), the generated
//! regions and their digests, and the one careful writer that carries a plan out inside the
//! project folder (confinement, temporary file and rename, rollback, signals).

pub mod apply;
pub mod plan;
pub mod region;
pub mod root;
pub mod seal;
pub mod signal;
