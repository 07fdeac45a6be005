//! The results: their count (in a polite live region), the sort order, and the products of
//! the current page.

use super::nav::{use_catalog_nav, PER_PAGE};
use crate::components::product_card::ProductCard;
use crate::i18n::*;
use crate::state::use_app_data;
use leptos::prelude::*;
use ocop_core::catalog::{CatalogResults, SortOrder};
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
        <Show
            when=move || results.with(|r| r.total() > 0)
            fallback=move || view! { <p class="no-results" data-testid="no-results">{t!(i18n, no_results)}</p> }
        >
            <ul class="product-list" data-testid="product-list">
                <For each=move || first_screen.get() key=|index| *index children=card.clone() />
                <For each=move || rest.get() key=|index| *index children=card.clone() />
            </ul>
        </Show>
    }
}
