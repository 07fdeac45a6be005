//! The browser adapter: the only code in the app that calls `web_sys`, `js_sys` or
//! `wasm_bindgen` (and leptos's `window()`/`document()`) directly. Everything above it —
//! app state, components, pages — goes through these functions, so it can be rendered where
//! there is no browser (xtask/tests/architecture.rs enforces the rule; docs/architecture.md).
//!
//! Each function is plumbing only: what to fetch, store or show is decided elsewhere.
//!
//! The build-time renderer (src/bin/prerender.rs, native) runs the same pages with no browser
//! around them: there the adapters answer as a first visit would — nothing saved, online, no
//! preferred language, the path being rendered — so a pre-rendered page shows what a newcomer
//! sees, and the app takes over with the visitor's own state (docs/architecture.md).

pub mod fetch;
pub mod leaflet;
pub mod pace;
pub mod page;
pub mod pwa;
pub mod share_sheet;
pub mod storage;
mod target;
pub mod wake_lock;

pub use fetch::{save_cached_copy, BrowserPort, CACHE_KEY};
pub use page::copy_text;
pub use storage::{storage_get, storage_set, SaveFailure};
