//! The catalog: tone-insensitive search, faceted filters with counts, removable chips,
//! sorting and pages. All of it lives in the URL query, so back/forward restore a view and
//! a copied link (or a kiosk QR code) reproduces it. The rules are in `ocop_core::catalog`
//! and `ocop_core::search`; this file only renders them and turns clicks into URLs.

mod chips;
mod facets;
pub mod nav;
mod pagination;
mod quick;
mod results;
mod search;

use crate::browser::page;
use crate::components::coverage::CoverageNote;
use crate::components::lang_of;
use crate::i18n::*;
use crate::state::hand_over::use_hand_over;
use crate::state::language::{localized, page_lang};
use crate::state::{use_app_data, use_visitor};
use chips::ActiveFilters;
use facets::FacetPanel;
use leptos::prelude::*;
use leptos_router::components::A;
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
    let settled = settle_while_typing(query, results);
    let rest_drawn = drawn_in_next_task();
    view! {
        <section aria-labelledby="catalog-title" class="catalog">
            <h1 id="catalog-title">{t!(i18n, catalog_title)}</h1>
            // One short line: a visitor meets "OCOP" and its stars on every card before
            // anything explains them (issue 19); the first card must stay above the fold.
            <p class="ocop-line">
                {t!(i18n, ocop_line)} " "
                <A href=localized("/about#what-is-ocop")>{t!(i18n, ocop_line_link)}</A>
            </p>
            <SearchBox text />
            <div class="catalog-layout">
                <Show when=move || rest_drawn.get()>
                    <FacetPanel results=settled />
                </Show>
                <div class="catalog-results">
                    <ResultsToolbar results />
                    <ActiveFilters />
                    <ResultList results settled rest_drawn />
                    <Pagination results />
                    // Under the results, not above: on a 360×640 phone the first card must
                    // stay above the fold (shell.spec.ts), and two lines here pushed it 70 px
                    // below it.
                    <CoverageNote />
                </div>
            </div>
        </section>
    }
    .into_any()
}

/// Whether the filters and the cards below the first screen are drawn: in the task after the
/// catalog's first screen, so that no one task draws the whole page (a long task at start,
/// docs/performance.md "Start-up"). Until then the pre-rendered page stays on screen
/// (`state::hand_over`), so the visitor sees one complete page, then the live one. Natively
/// (the build-time renderer) everything is drawn at once.
fn drawn_in_next_task() -> ReadSignal<bool> {
    use std::sync::atomic::{AtomicBool, Ordering};
    let drawn = RwSignal::new(true);
    let hand_over = use_hand_over();
    // Outside the reactive graph, so the cleanup can read it after the signals are gone.
    let fired = Arc::new(AtomicBool::new(false));
    let timer = page::in_next_task({
        let fired = fired.clone();
        move || {
            fired.store(true, Ordering::Relaxed);
            drawn.try_set(true);
            if let Some(h) = hand_over {
                h.release();
            }
        }
    });
    if let Some(timer) = timer {
        drawn.set(false);
        if let Some(h) = hand_over {
            h.hold();
        }
        // Dropped with the catalog, which cancels it; the hold is then released here.
        StoredValue::new_local(timer);
        on_cleanup(move || {
            if !fired.load(Ordering::Relaxed) {
                if let Some(h) = hand_over {
                    h.release();
                }
            }
        });
    }
    drawn.read_only()
}

/// How long typing must pause before the facet counts and the cards below the first screen
/// follow the results. The count and the first screen follow every keystroke; the rest,
/// drawn per keystroke, took most of a keystroke's time at 4× CPU (docs/performance.md,
/// "Typing"). A typist's keys come 100–300 ms apart; 200 ms lets a word finish first.
const TYPING_PAUSE_MS: u32 = 200;

/// `results` for what may wait while the visitor types: it follows `results` at once after
/// a click (a facet, the sort, a page), and [`TYPING_PAUSE_MS`] after the last keystroke when
/// the search text changed. Natively (the build-time renderer) effects do not run; it is
/// `results` as first computed.
fn settle_while_typing(
    query: Memo<CatalogQuery>,
    results: Memo<Arc<CatalogResults>>,
) -> Signal<Arc<CatalogResults>> {
    let settled = RwSignal::new(results.get_untracked());
    // A timer stops when dropped: replacing it, or leaving the catalog, cancels it.
    let pending = StoredValue::new_local(None::<page::Timer>);
    Effect::new(move |previous_text: Option<String>| {
        let latest = results.get();
        let text = query.with(|q| q.text.clone());
        if previous_text.is_some_and(|p| p != text) {
            let timer = page::Timer::after(TYPING_PAUSE_MS, move || {
                settled.try_set(results.get_untracked());
            });
            pending.set_value(Some(timer));
        } else {
            pending.set_value(None);
            settled.set(latest);
        }
        text
    });
    settled.into()
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
