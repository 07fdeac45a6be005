//! The catalog: tone-insensitive search, faceted filters with counts, removable chips,
//! sorting and pages. All of it lives in the URL query, so back/forward restore a view and
//! a copied link (or a kiosk QR code) reproduces it. The rules are in `ocop_core::catalog`
//! and `ocop_core::search`; this file only renders them and turns clicks into URLs.

mod chips;
mod facets;
pub mod nav;
mod pagination;
mod results;
mod search;

use crate::browser::page;
use crate::components::lang_of;
use crate::i18n::*;
use crate::state::language::page_lang;
use crate::state::{use_app_data, use_visitor};
use chips::ActiveFilters;
use facets::FacetPanel;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use nav::CatalogNav;
use ocop_core::catalog::{restrict_to, CatalogQuery, CatalogResults};
use pagination::Pagination;
use results::{ResultList, ResultsToolbar};
use search::SearchBox;
pub use search::SEARCH_INPUT_ID;
use std::sync::Arc;

#[component]
pub fn Catalog() -> impl IntoView {
    let i18n = use_i18n();
    let query_map = use_query_map();
    let url_query = Memo::new(move |_| {
        query_map.with(|m| CatalogQuery::from_query_pairs(m.into_iter().map(|(k, v)| (k.as_ref(), v))))
    });
    // The box shows what the visitor typed; results follow it at once, the URL when typing
    // pauses. Back/forward change the URL first, so the box follows the URL then.
    let text = RwSignal::new(url_query.get_untracked().text);
    let query = Memo::new(move |_| {
        let mut q = url_query.get();
        let typed = text.get();
        if q.text != typed {
            q.text = typed;
            q.page = 0;
        }
        q
    });
    let nav = CatalogNav::new(query, page_lang());
    provide_context(nav);
    // Leaving the catalog (tapping a product right after typing) must not let a waiting
    // URL update fire later and bring the visitor back here.
    on_cleanup(move || nav.cancel_pending());
    Effect::new(move |previous: Option<String>| {
        let url_text = url_query.with(|q| q.text.clone());
        // Only a change of the URL itself (back/forward, a link) overrides the box.
        if previous.is_some_and(|p| p != url_text) && url_text != text.get_untracked() {
            nav.cancel_pending();
            text.set(url_text.clone());
        }
        url_text
    });
    let results = catalog_results(query);
    view! {
        <section aria-labelledby="catalog-title" class="catalog">
            <h1 id="catalog-title">{t!(i18n, catalog_title)}</h1>
            <SearchBox text />
            <div class="catalog-layout">
                <FacetPanel results />
                <div class="catalog-results">
                    <ResultsToolbar results />
                    <ActiveFilters />
                    <ResultList results />
                    <Pagination results />
                </div>
            </div>
        </section>
    }
    .into_any()
}

/// Search and facet counts for `query`, recomputed only when it (or, with the "on my trip"
/// filter, the trip) changes.
fn catalog_results(query: Memo<CatalogQuery>) -> Memo<Arc<CatalogResults>> {
    let i18n = use_i18n();
    let data = use_app_data();
    let trip = use_visitor().trip;
    Memo::new(move |_| {
        // A User Timing entry per query: `cargo xtask bench` (bench/report.mjs) reads these to
        // report search + facet time in the browser, separately from rendering.
        let trip_products = || trip.with(|t| data.places.products_for(t.stops()));
        page::measure("catalog-query", || {
            query.with(|q| {
                let mut hits: Option<Vec<(usize, u32)>> = data
                    .search
                    .search(&q.text)
                    .map(|hits| hits.iter().map(|h| (h.index, h.score)).collect());
                if q.on_trip {
                    hits = Some(restrict_to(hits, &trip_products()));
                }
                // Name order follows the names on screen, so the language is an input too.
                Arc::new(
                    data.catalog
                        .run_in(q, hits.as_deref(), lang_of(i18n.get_locale())),
                )
            })
        })
    })
}
