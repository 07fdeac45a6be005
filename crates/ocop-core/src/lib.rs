//! Pure domain logic for the OCOP Quảng Ninh app.
//!
//! Everything here is plain Rust with no `web-sys` or `leptos` imports ("functional core,
//! imperative shell"): the web app and the `cargo xtask data …` tools call the very same
//! functions, and the rules are unit-tested natively in milliseconds.
//!
//! * [`model`]: the versioned dataset format (products, producers, spots, sales points, routes).
//! * [`validate`]: parse + validate a dataset; bad records are dropped with a [`validate::Issue`]
//!   naming their JSON path, broken references are reported, an unknown major schema is refused.
//! * [`config`]: the deploy-time `config.json` (dataset URL, allowed remote origins, limits).
//! * [`source`]: which dataset to show when the remote one fails (remote → cached → bundled).
//! * [`text`]: languages and localised strings with a Vietnamese fallback.
//! * [`geo`]: the province's districts and bounding box.

pub mod catalog;
pub mod config;
pub mod format;
pub mod geo;
pub mod model;
pub mod search;
pub mod source;
#[cfg(feature = "synth")]
pub mod synth;
pub mod text;
pub mod url;
pub mod validate;

pub use model::Dataset;
pub use text::{Lang, LocalText};
