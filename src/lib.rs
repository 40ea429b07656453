//! unres: a language server and linter for United Nations resolutions.
//!
//! The crate is layered (see `ARCHITECTURE.md`): [`text`] → [`syntax`] →
//! [`analysis`] → [`server`] / [`cli`]. Each layer knows only the ones before it;
//! only [`server`] knows LSP types.

pub mod analysis;
pub mod cli;
pub mod server;
pub mod syntax;
pub mod text;
