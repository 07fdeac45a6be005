//! What search engines and link previews see: every page's URL, its `<head>` (title,
//! description, canonical and language alternates, Open Graph, JSON-LD), the sitemap and
//! `robots.txt`, and the string work that puts a head into trunk's built `index.html`.
//!
//! The app renders in the browser, so a crawler or a chat app fetching a link would see only
//! the loading screen. The build therefore pre-renders every page to static HTML (the
//! `prerender` binary); this module decides *what* goes into each page's head, with no web
//! dependencies, so it is unit-tested natively like the rest of `ocop-core`.
//!
//! Why it looks the way it does:
//!
//! * **Wording lives here, in Rust** ([`words`]), not in `locales/*.json`: the app's
//!   translation files are compiled into the wasm, whose size is gated by
//!   `bench/budgets.json`, and head text is only ever needed at build time. Nothing in this
//!   module is called by the app at run time, so the linker drops it from the wasm.
//! * **Languages are in the path** ([`Lang::path_prefix`](crate::Lang::path_prefix)):
//!   Vietnamese at the root, English under `/en`, Chinese under `/zh`, so each language
//!   version has its own URL that `hreflang` alternates can name.
//! * **Canonical URLs end in a slash** (`/p/cha-muc/`): pages are written as
//!   `dir/index.html` ([`Page::file`]), which every static host serves at `dir/`; without
//!   the slash most hosts answer with a redirect first, and a canonical URL should be the
//!   one that answers `200` directly.
//! * **Honesty rules of the data hold here too**: stars are stated only when a source states
//!   them ([`Evidence::StarStated`](crate::model::Evidence)); an unconfirmed product is never
//!   called OCOP; the rating is an `award`, never an `aggregateRating` or review; an offer
//!   appears only with a sourced price; estimated (`approximate`) coordinates are left out
//!   of the structured data, which has no way to say "about here".
//!
//! The pieces:
//!
//! * [`SiteUrl`]: the absolute origin (and base path) the site is deployed at.
//! * [`Page`]: every page of the app, its path, its file under `dist/`, and back.
//! * [`page_head`] → [`PageHead`] → [`PageHead::to_html`]: the tags of one page's head.
//! * [`sitemap_xml`], [`robots_txt`].
//! * [`html`]: put a head and a language into the built `index.html`, escaping.

mod head;
pub mod html;
mod jsonld;
mod noscript;
mod page;
mod site;
mod sitemap;
pub mod words;

pub use head::{page_head, Alternate, PageHead, DESCRIPTION_MAX, OG_IMAGE_HEIGHT, OG_IMAGE_WIDTH};
pub use noscript::noscript_note;
pub use page::Page;
pub use site::SiteUrl;
pub use sitemap::{robots_txt, sitemap_xml};
