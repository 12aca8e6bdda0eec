//! Writing: a plan of file changes (created, regions updated, left alone and why), the generated
//! regions and their digests, and the one careful writer that carries a plan out inside the
//! project folder (confinement, lock, journal, temporary file and rename, rollback, signals),
//! plus where exports go and the bounds on what is read.

pub(crate) mod apply;
pub(crate) mod eol;
pub(crate) mod journal;
pub(crate) mod lock;
pub(crate) mod plan;
pub(crate) mod read;
pub mod region;
pub(crate) mod root;
pub(crate) mod seal;
pub(crate) mod signal;
pub(crate) mod sink;
