//! Whether a browser is there: false in the build-time renderer (src/bin/prerender.rs, native),
//! where the adapters answer as a first visit would (see `browser/mod.rs`). A module of its
//! own so that every adapter can read it without importing the module that declares them.

pub(super) const IN_BROWSER: bool = cfg!(target_arch = "wasm32");
