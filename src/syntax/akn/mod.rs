//! Akoma Ntoso for the UN (AKN4UN), the XML in which the UN publishes resolutions.

pub mod import;
