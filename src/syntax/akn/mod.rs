//! AKN4UN (Akoma Ntoso for the United Nations), the XML in which the UN
//! publishes its resolutions: export of the parsed tree, import of an official
//! file as text, and the structure reading that the structure gate compares.

pub mod export;
pub mod import;
pub mod kinds;

pub use export::{Metadata, export, metadata};
