//! Writing: a plan of file changes (created, regions updated, left alone and why), the generated
//! regions and their digests, and the one careful writer that carries a plan out inside the
//! project folder (confinement, lock, journal, temporary file and rename, rollback, signals),
//! plus where exports go and the bounds on what is read.

pub mod apply;
pub mod eol;
pub mod journal;
pub mod lock;
pub mod plan;
pub mod read;
pub mod region;
pub mod root;
pub mod seal;
pub mod signal;
pub mod sink;
