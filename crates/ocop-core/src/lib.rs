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
//! * [`places`]: spots and sales points as one kind of place, linked both ways to products and routes.
//! * [`travel`]: estimated distances and times between places (road factor, speeds, ferries).
//! * [`optimise`]: the shortest visiting order with the first stop fixed (exact, then heuristic).
//! * [`trip`]: "My trip": the visitor's ordered stops, edits with undo, storage and share codecs.
//! * [`shopping`]: the shopping list (quantities, notes, ticks, undo) and its storage codec.
//! * [`shopping_plan`]: where to buy each item (grouped in trip order), the estimated total,
//!   the list as plain text.
//! * [`stored`]: the documents kept on the device (list, trip): opening, backups, other tabs.
//! * [`share`]: the share code that carries a list and a trip in a link's `#` fragment.
//! * [`qr`]: the QR code of a share link, as a module matrix and an SVG path.
//! * [`kiosk`]: kiosk idle countdown and reset timing, the attract screen's featured items.
//! * [`export`]: Google Maps directions links and GPX files for a trip.
//! * [`pace`]: long work (validating, indexing) that pauses for the page and reports progress.
//! * [`unicode`]: canonical decomposition, NFC and combining marks for Latin letters.
//! * [`seo`]: pre-rendered pages' URLs, heads (Open Graph, JSON-LD), sitemap and robots.txt.
//! * [`audit`]: whole-dataset checks the bundled data is held to (route detours, places the
//!   outline puts at sea, missing translations, mixed-script Chinese names).
//! * [`import`]: the province office's spreadsheet rows → a dataset and a report of refused rows.
//! * [`diff`]: products added, removed, re-rated and renamed between two datasets.

pub mod audit;
pub mod catalog;
pub mod config;
pub mod diff;
pub mod export;
pub mod format;
pub mod geo;
pub mod import;
pub mod itinerary;
pub mod kiosk;
pub mod map_spots;
pub mod model;
pub mod network;
pub mod optimise;
pub mod pace;
pub mod places;
pub mod qr;
pub mod search;
pub mod seo;
pub mod share;
pub mod shopping;
pub mod shopping_plan;
pub mod source;
pub mod stored;
#[cfg(feature = "synth")]
pub mod synth;
#[cfg(test)]
pub(crate) mod test_fixtures;
pub mod text;
pub mod travel;
pub mod trip;
pub mod unicode;
pub mod url;
pub mod validate;
pub mod where_to_buy;

pub use model::Dataset;
pub use text::{Lang, LocalText};
