//! The catalog: tone-insensitive search, faceted filters with counts, removable chips,
//! sorting and pages. All of it lives in the URL query, so back/forward restore a view and
//! a copied link (or a kiosk QR code) reproduces it. The rules are in `ocop_core::catalog`
//! and `ocop_core::search`; this file only renders them and turns clicks into URLs.

use crate::app::use_app_data;
use crate::components::facets::{ActiveFilters, FacetPanel};
use crate::components::lang_of;
use crate::components::product_card::ProductCard;
use crate::i18n::*;
use crate::state::use_visitor;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;
use ocop_core::catalog::{restrict_to, CatalogQuery, CatalogResults, SortOrder};
use std::sync::Arc;

/// Small pages keep the DOM light on phones and kiosks whatever the dataset size.
pub const PER_PAGE: usize = 24;

/// Turns a query into the catalog URL, keeping the `lang` parameter so shared links open
/// in the sender's language.
pub fn catalog_href(query: &CatalogQuery, lang: Option<String>) -> String {
    let mut params = ParamsMap::new();
    for (key, value) in query.to_query_pairs() {
        params.insert(key, value);
    }
    if let Some(lang) = lang {
        params.insert("lang", lang);
    }
    format!("/{}", params.to_query_string())
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
    lang: Memo<Option<String>>,
    pending: StoredValue<Option<gloo_timers::callback::Timeout>, LocalStorage>,
}

impl CatalogNav {
    pub fn query(&self) -> Memo<CatalogQuery> {
        self.query
    }

    /// Drops a URL update still waiting for typing to pause.
    fn cancel_pending(&self) {
        // `try_`: also called while the catalog is being torn down.
        self.pending.try_update_value(|p| {
            if let Some(timeout) = p.take() {
                timeout.cancel();
            }
        });
    }

    /// Replaces the URL once typing pauses.
    fn go_when_idle(&self, query: CatalogQuery) {
        let nav = *self;
        // The timer fires outside the component; the router is found through its owner.
        let owner = Owner::current();
        let timeout = gloo_timers::callback::Timeout::new(URL_DEBOUNCE_MS, move || {
            // The visitor may have left the catalog meanwhile (tapped a product right after
            // typing): then the update is stale and must not bring them back.
            let still_here = window().location().pathname().is_ok_and(|p| p == "/");
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
        let href = catalog_href(&query, self.lang.get_untracked());
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

#[component]
pub fn Catalog() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_app_data();
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
    let lang = Memo::new(move |_| query_map.with(|m| m.get("lang")));
    let nav = CatalogNav {
        query,
        lang,
        pending: StoredValue::new_local(None),
    };
    provide_context(nav);
    // Leaving the catalog (tapping a product right after typing) must not let a waiting
    // URL update fire later and bring the visitor back here.
    on_cleanup(move || nav.cancel_pending());

    let visitor = use_visitor();
    // Search and facet counts, recomputed only when the query in the URL (or, with the
    // "on my trip" filter, the trip) changes.
    let results: Memo<Arc<CatalogResults>> = {
        let data = data.clone();
        Memo::new(move |_| {
            // A User Timing entry per query: `cargo xtask bench` (bench/report.mjs) reads these to
            // report search + facet time in the browser, separately from rendering. Only the
            // latest is kept: the browser keeps every entry until it is cleared, and a kiosk
            // runs thousands of queries a day (the soak run saw the JS heap creep up by them).
            let timing = window().performance();
            if let Some(p) = &timing {
                p.clear_measures_with_measure_name("catalog-query");
                let _ = p.mark("catalog-query-start");
            }
            let trip_products = || visitor.trip.with(|t| data.places.products_for(t.stops()));
            let results = query.with(|q| {
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
            });
            if let Some(p) = &timing {
                let _ = p.measure_with_start_mark("catalog-query", "catalog-query-start");
                p.clear_marks_with_mark_name("catalog-query-start");
            }
            results
        })
    };

    Effect::new(move |previous: Option<String>| {
        let url_text = url_query.with(|q| q.text.clone());
        // Only a change of the URL itself (back/forward, a link) overrides the box.
        if previous.is_some_and(|p| p != url_text) && url_text != text.get_untracked() {
            nav.cancel_pending();
            text.set(url_text.clone());
        }
        url_text
    });
    let on_input = move |ev| {
        text.set(event_target_value(&ev));
        nav.go_when_idle(query.get_untracked());
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut q = query.get_untracked();
        q.text = text.get_untracked();
        q.page = 0;
        nav.go(q, false);
    };

    let on_sort = move |ev| {
        let mut q = query.get_untracked();
        q.sort = SortOrder::from_key(&event_target_value(&ev)).unwrap_or_default();
        q.page = 0;
        nav.go(q, false);
    };
    let sort_option = move |order: SortOrder, label: String| {
        view! {
            <option value=order.key() selected=move || query.with(|q| q.sort == order)>
                {label}
            </option>
        }
    };

    let total = move || results.with(|r| r.total());
    // The products on the current page, keyed by index so cards that stay on screen from
    // one keystroke to the next are kept, not rebuilt.
    let page_items = Memo::new(move |_| {
        let page = query.with(|q| q.page);
        results.with(|r| r.page(page, PER_PAGE).to_vec())
    });
    let card = {
        let data = data.clone();
        move |index: usize| {
            let product = data.dataset().products[index].clone();
            view! { <ProductCard product /> }
        }
    };

    view! {
        <section aria-labelledby="catalog-title" class="catalog">
            <h1 id="catalog-title">{t!(i18n, catalog_title)}</h1>
            <form class="search-form" role="search" on:submit=on_submit>
                <label for="catalog-search">{t!(i18n, search_label)}</label>
                <input
                    id="catalog-search"
                    type="search"
                    autocomplete="off"
                    enterkeyhint="search"
                    placeholder=move || t_string!(i18n, search_placeholder).to_string()
                    prop:value=move || text.get()
                    on:input=on_input
                />
                <button type="submit" class="button">
                    {t!(i18n, search_button)}
                </button>
            </form>
            <div class="catalog-layout">
                <FacetPanel results />
                <div class="catalog-results">
                    <div class="toolbar">
                        <p class="results-count" role="status" aria-live="polite" data-testid="results-count">
                            {move || t_string!(i18n, products_count, count = total()).to_string()}
                        </p>
                        <label>
                            <span>{t!(i18n, sort_label)}</span>
                            <select on:change=on_sort data-testid="sort">
                                {move || sort_option(SortOrder::Relevance, t_string!(i18n, sort_relevance).to_string())}
                                {move || sort_option(SortOrder::Stars, t_string!(i18n, sort_stars).to_string())}
                                {move || sort_option(SortOrder::Name, t_string!(i18n, sort_name).to_string())}
                                {move || sort_option(SortOrder::PriceLow, t_string!(i18n, sort_price_low).to_string())}
                                {move || sort_option(SortOrder::PriceHigh, t_string!(i18n, sort_price_high).to_string())}
                            </select>
                        </label>
                    </div>
                    <ActiveFilters />
                    <Show
                        when=move || { total() > 0 }
                        fallback=move || view! { <p class="no-results" data-testid="no-results">{t!(i18n, no_results)}</p> }
                    >
                        <ul class="product-list" data-testid="product-list">
                            <For each=move || page_items.get() key=|index| *index children=card.clone() />
                        </ul>
                    </Show>
                    <Pagination results />
                </div>
            </div>
        </section>
    }
}

#[component]
fn Pagination(results: Memo<Arc<CatalogResults>>) -> impl IntoView {
    let i18n = use_i18n();
    let nav = expect_context::<CatalogNav>();
    let pages = move || results.with(|r| r.page_count(PER_PAGE));
    let page = move || nav.query().with(|q| q.page).min(pages().saturating_sub(1));
    let go = move |delta: isize| {
        let mut q = nav.query().get_untracked();
        q.page = (page() as isize + delta).max(0) as usize;
        nav.go(q, false);
        if let Some(top) = document().get_element_by_id("catalog-title") {
            top.scroll_into_view();
        }
    };
    move || {
        (pages() > 1).then(|| {
            let at_start = page() == 0;
            let at_end = page() + 1 >= pages();
            view! {
                <nav class="pagination" aria-label=move || t_string!(i18n, pagination).to_string()>
                    <button class="button" aria-disabled=at_start.to_string() disabled=at_start on:click=move |_| go(-1)>
                        {t!(i18n, previous_page)}
                    </button>
                    <span data-testid="page-of">{t_string!(i18n, page_of, page = page() + 1, pages = pages()).to_string()}</span>
                    <button class="button" aria-disabled=at_end.to_string() disabled=at_end on:click=move |_| go(1)>
                        {t!(i18n, next_page)}
                    </button>
                </nav>
            }
        })
    }
}
