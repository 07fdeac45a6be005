//! The OCOP Quảng Ninh web app (Leptos, client-side rendered).
//!
//! This crate is the imperative shell: components and browser I/O. The rules (dataset
//! format and validation, fallback chain, config, trips, lists) live in the `ocop-core`
//! crate and are tested natively; the components here only show their results.
//!
//! A one-way stack (docs/architecture.md, enforced by xtask/tests/architecture.rs):
//! `app` → `pages` → [`components`] → [`state`] → [`browser`] → `ocop-core`. This file
//! declares them, re-exports `App` for `main.rs`, and defines `t_count!`.

// The server renderer (feature `ssr`) computes the layout of each page's nested view types,
// which goes deeper than rustc's default limit of 128 on the catalog page.
#![recursion_limit = "256"]

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

/// `t_string!` for a message with a count: the message's `one` or `other` form, by the
/// language's plural rule (`ocop_core::text::Lang::plural`). Such messages are objects in
/// `locales/*.json`: `"products_count": { "one": "{{ count }} product", "other": "… products" }`.
///
/// `t_count!(i18n, products_count, count = n)`, or `t_count!(i18n, key, count)` for a variable
/// named `count`; other arguments follow as in `t_string!`.
macro_rules! t_count {
    ($i18n:expr, $key:ident, count = $count:expr $(, $name:ident $(= $value:expr)?)* $(,)?) => {{
        let i18n = $i18n;
        let count = $count;
        match $crate::state::language::lang_of(i18n.get_locale()).plural(count as u64) {
            ocop_core::text::Plural::One => {
                $crate::i18n::t_string!(i18n, $key.one, count $(, $name $(= $value)?)*).to_string()
            }
            ocop_core::text::Plural::Other => {
                $crate::i18n::t_string!(i18n, $key.other, count $(, $name $(= $value)?)*).to_string()
            }
        }
    }};
    ($i18n:expr, $key:ident, $count:ident $(, $($rest:tt)*)?) => {
        t_count!($i18n, $key, count = $count $(, $($rest)*)?)
    };
}

mod app;
pub mod browser;
pub mod components;
mod pages;
pub mod state;

pub use app::{first_screen_part, App};
pub use state::AppData;
