//! The product list. Faceted search, sorting and paging come with the catalog issue; for
//! now every loaded product is listed, national 5★ first, then by stars and name.

use crate::app::use_app_data;
use crate::components::product_card::ProductCard;
use crate::i18n::*;
use leptos::prelude::*;
use ocop_core::model::Product;

#[component]
pub fn Catalog() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_app_data();
    let mut products: Vec<Product> = data.validated.dataset.products.clone();
    products.sort_by(|a, b| {
        b.rating
            .stars
            .cmp(&a.rating.stars)
            .then_with(|| b.rating.is_national().cmp(&a.rating.is_national()))
            .then_with(|| a.name.vi.cmp(&b.name.vi))
    });
    let count = products.len();
    view! {
        <section aria-labelledby="catalog-title">
            <h1 id="catalog-title">{t!(i18n, catalog_title)}</h1>
            <p class="results-count" aria-live="polite" data-testid="results-count">
                {t!(i18n, products_count, count)}
            </p>
            <ul class="product-list" data-testid="product-list">
                {products.into_iter().map(|product| view! { <ProductCard product /> }).collect_view()}
            </ul>
        </section>
    }
}
