//! The OCOP Quảng Ninh web app (Leptos, client-side rendered).
//!
//! This crate is the imperative shell: components and browser I/O. The rules (dataset
//! format and validation, fallback chain, config) live in the `ocop-core` crate and are
//! tested natively; the components here only show their results.

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

mod app;
pub mod browser;
pub mod components;
pub mod kiosk;
mod pages;
pub mod state;

pub use app::{App, AppData};
