//! The results: their count (in a polite live region), the sort order, and the products of
//! the current page; when a search finds little, "did you mean", and when it finds nothing,
//! the nearest categories and popular searches instead of a dead end.

use super::nav::{catalog_href, use_catalog_nav, CatalogNav, PER_PAGE};
use crate::components::product_card::ProductCard;
use crate::components::{labels, lang_of};
use crate::i18n::*;
use crate::state::language::page_lang;
use crate::state::use_app_data;
use leptos::prelude::*;
use ocop_core::catalog::{CatalogQuery, CatalogResults, SortOrder};
use ocop_core::search::{popular_searches, Category};
use std::sync::Arc;

/// "24 products" and the sort order.
#[component]
pub fn ResultsToolbar(results: Memo<Arc<CatalogResults>>) -> impl IntoView {
    let i18n = use_i18n();
    let nav = use_catalog_nav();
    let total = move || results.with(|r| r.total());
    let on_sort = move |ev| {
        let mut q = nav.query().get_untracked();
        q.sort = SortOrder::from_key(&event_target_value(&ev)).unwrap_or_default();
        q.page = 0;
        nav.go(q, false);
    };
    let sort_option = move |order: SortOrder, label: String| {
        view! {
            <option value=order.key() selected=move || nav.query().with(|q| q.sort == order)>
                {label}
            </option>
        }
    };
    view! {
        <div class="toolbar">
            <p class="results-count" role="status" aria-live="polite" data-testid="results-count">
                {move || t_count!(i18n, products_count, count = total())}
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
    }
}

/// Cards drawn with every keystroke: the first screen on a phone and on a desktop. The rest
/// of the page follows when typing pauses (`settled`, see `settle_while_typing`).
const FIRST_SCREEN: usize = 8;

/// The products on the current page, or "no results". The first screen of cards follows
/// `results`; the rest follows `settled`, and is left out while the two differ (typing) and
/// until `rest_drawn` (the catalog's first task).
#[component]
pub fn ResultList(
    results: Memo<Arc<CatalogResults>>,
    settled: Signal<Arc<CatalogResults>>,
    rest_drawn: ReadSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let nav = use_catalog_nav();
    let data = use_app_data();
    // Keyed by index, so cards that stay on screen from one keystroke to the next are kept,
    // not rebuilt.
    let first_screen = Memo::new(move |_| {
        let page = nav.query().with(|q| q.page);
        results.with(|r| {
            r.page(page, PER_PAGE)
                .iter()
                .take(FIRST_SCREEN)
                .copied()
                .collect::<Vec<_>>()
        })
    });
    let rest = Memo::new(move |_| {
        if !rest_drawn.get() {
            return Vec::new();
        }
        let current = results.get();
        settled.with(|s| {
            if !Arc::ptr_eq(s, &current) {
                return Vec::new();
            }
            let page = nav.query().with(|q| q.page);
            s.page(page, PER_PAGE)
                .iter()
                .skip(FIRST_SCREEN)
                .copied()
                .collect::<Vec<_>>()
        })
    });
    let card = move |index: usize| {
        let product = data.dataset().products[index].clone();
        view! { <ProductCard product /> }
    };
    view! {
        <DidYouMean results />
        <Show
            when=move || results.with(|r| r.total() > 0)
            fallback=move || view! {
                <p class="no-results" data-testid="no-results">{t!(i18n, no_results)}</p>
                <ElsewhereOffers />
            }
        >
            <ul class="product-list" data-testid="product-list">
                <For each=move || first_screen.get() key=|index| *index children=card.clone() />
                <For each=move || rest.get() key=|index| *index children=card.clone() />
            </ul>
        </Show>
    }
}

/// A search with at most this many results may be a typo: "did you mean" is worked out.
const FEW_RESULTS: usize = 3;
/// Categories offered when a search finds nothing.
const NEAREST_CATEGORIES: usize = 4;

/// A link to a catalog view that goes through [`CatalogNav`] when clicked (dropping a URL
/// update still waiting for typing to pause), and is a plain link otherwise (a new tab).
fn query_link(nav: CatalogNav, query: CatalogQuery, label: String, class: &'static str) -> impl IntoView {
    let href = catalog_href(&query, page_lang());
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
            return;
        }
        ev.prevent_default();
        nav.go(query.clone(), false);
    };
    view! { <a href=href class=class on:click=on_click>{label}</a> }
}

/// "Did you mean: seafood" under a search that finds little, when a corrected search
/// (`ocop_core::search::SearchIndex::did_you_mean`) finds something. Its link runs the
/// corrected search, filters kept.
#[component]
fn DidYouMean(results: Memo<Arc<CatalogResults>>) -> impl IntoView {
    let i18n = use_i18n();
    let nav = use_catalog_nav();
    let data = use_app_data();
    let suggestion = Memo::new(move |_| {
        let few = results.with(|r| r.total() <= FEW_RESULTS);
        few.then(|| nav.query().with(|q| data.search.did_you_mean(&q.text)))
            .flatten()
    });
    move || {
        suggestion.get().map(|text| {
            let mut query = nav.query().get_untracked();
            query.text = text.clone();
            query.page = 0;
            view! {
                <p class="did-you-mean" data-testid="did-you-mean">
                    {t!(i18n, search_did_you_mean)}
                    " "
                    {query_link(nav, query, text, "did-you-mean-link")}
                </p>
            }
        })
    }
}

/// What a search that found nothing offers instead: the categories nearest to it (each a
/// link to the catalog filtered by it) and a few popular searches in the page's language.
#[component]
fn ElsewhereOffers() -> impl IntoView {
    let i18n = use_i18n();
    let nav = use_catalog_nav();
    let data = use_app_data();
    let categories = Memo::new(move |_| {
        nav.query()
            .with(|q| data.search.nearest_categories(&q.text, NEAREST_CATEGORIES))
    });
    let category_links = move || {
        categories
            .get()
            .into_iter()
            .map(|category| {
                let mut query = CatalogQuery::default();
                let label = match category {
                    Category::Group(group) => {
                        query.groups.insert(group);
                        labels::group(i18n, group)
                    }
                    Category::Sub(key) => {
                        query.subcategories.insert(key.to_string());
                        labels::subcategory(i18n, key)
                    }
                };
                view! { <li>{query_link(nav, query, label, "chip")}</li> }
            })
            .collect_view()
    };
    let popular_links = move || {
        popular_searches(lang_of(i18n.get_locale()))
            .iter()
            .map(|text| {
                let query = CatalogQuery {
                    text: text.to_string(),
                    ..CatalogQuery::default()
                };
                view! { <li>{query_link(nav, query, text.to_string(), "chip")}</li> }
            })
            .collect_view()
    };
    view! {
        <div class="search-elsewhere" data-testid="search-elsewhere">
            <p>{t!(i18n, search_try_categories)}</p>
            <ul class="chips" data-testid="nearest-categories">{category_links}</ul>
            <p>{t!(i18n, search_popular)}</p>
            <ul class="chips" data-testid="popular-searches">{popular_links}</ul>
        </div>
    }
}
