//! How the catalog's state reaches the URL: every query, filter, sort and page lives in
//! the address, so back/forward restore a view and a copied link (or a kiosk QR code)
//! reproduces it.

use crate::browser::page;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;
use ocop_core::catalog::CatalogQuery;
use ocop_core::Lang;

/// Small pages keep the DOM light on phones and kiosks whatever the dataset size.
pub const PER_PAGE: usize = 24;

/// Turns a query into the catalog URL in the page's language, so shared links open in the
/// sender's language.
pub fn catalog_href(query: &CatalogQuery, lang: Lang) -> String {
    let mut params = ParamsMap::new();
    for (key, value) in query.to_query_pairs() {
        params.insert(key, value);
    }
    lang.localize(&format!("/{}", params.to_query_string()))
}

/// How long typing must pause before the URL catches up with the search box. Results
/// update on every keystroke; only the address bar (and router) wait, which keeps routing
/// work out of the keystroke path on slow phones.
const URL_DEBOUNCE_MS: u32 = 300;

/// Writes catalog state to the URL: `replace` while typing (no history entry per
/// keystroke), push for everything the visitor commits to (so Back undoes it).
#[derive(Clone, Copy)]
pub struct CatalogNav {
    /// What is on screen: the URL's query, with the text the visitor is typing.
    query: Memo<CatalogQuery>,
    lang: Lang,
    pending: StoredValue<Option<page::Timer>, LocalStorage>,
}

/// The catalog's [`CatalogNav`], provided by the catalog page to its parts.
pub fn use_catalog_nav() -> CatalogNav {
    expect_context::<CatalogNav>()
}

impl CatalogNav {
    /// `query`: what is on screen; `lang`: the page's language, kept in every link.
    pub fn new(query: Memo<CatalogQuery>, lang: Lang) -> Self {
        CatalogNav {
            query,
            lang,
            pending: StoredValue::new_local(None),
        }
    }

    pub fn query(&self) -> Memo<CatalogQuery> {
        self.query
    }

    /// Drops a URL update still waiting for typing to pause.
    pub fn cancel_pending(&self) {
        // `try_`: also called while the catalog is being torn down.
        self.pending.try_update_value(|p| {
            if let Some(timeout) = p.take() {
                timeout.cancel();
            }
        });
    }

    /// Replaces the URL once typing pauses.
    pub fn go_when_idle(&self, query: CatalogQuery) {
        let nav = *self;
        // The timer fires outside the component; the router is found through its owner.
        let owner = Owner::current();
        let timeout = page::Timer::after(URL_DEBOUNCE_MS, move || {
            // The visitor may have left the catalog meanwhile (tapped a product right after
            // typing): then the update is stale and must not bring them back.
            let still_here = Lang::split_path(&page::path()) == (nav.lang, "/");
            if nav.pending.try_set_value(None).is_some() || !still_here {
                return;
            }
            if let Some(owner) = &owner {
                owner.with(|| nav.go(query, true));
            }
        });
        self.cancel_pending();
        self.pending.set_value(Some(timeout));
    }

    pub fn go(&self, query: CatalogQuery, replace: bool) {
        self.cancel_pending();
        let href = catalog_href(&query, self.lang);
        use_navigate()(
            &href,
            NavigateOptions {
                replace,
                scroll: false,
                ..NavigateOptions::default()
            },
        );
    }
}
