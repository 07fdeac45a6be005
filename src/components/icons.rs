//! Generated category icons. We have no photographs of the products, and an image shown
//! next to a product would read as *that* product, so each group gets a simple drawn icon.

use leptos::prelude::*;
use ocop_core::model::ProductGroup;

#[component]
pub fn GroupIcon(group: ProductGroup) -> impl IntoView {
    // 24×24 strokes, drawn with currentColor so they follow the theme and contrast rules.
    let path = match group {
        // a bowl with steam
        ProductGroup::Food => "M3 12h18a9 9 0 0 1-18 0Z M8 8c0-2 2-2 2-4 M13 8c0-2 2-2 2-4",
        // a cup with a handle
        ProductGroup::Beverage => "M5 7h11v7a5 5 0 0 1-5 5h-1a5 5 0 0 1-5-5Z M16 9h2a2 2 0 0 1 0 5h-2",
        // a leaf with its vein
        ProductGroup::Herbal => "M5 19C5 9 11 4 20 4c0 9-5 15-15 15Z M5 19 14 10",
        // a shirt
        ProductGroup::Textile => "M8 4 3 7l2 4 3-1v10h8V10l3 1 2-4-5-3a4 4 0 0 1-8 0Z",
        // a gem
        ProductGroup::Souvenir => "M6 4h12l3 5-9 11L3 9Z M3 9h18 M9 4l3 16 3-16",
        // a house among hills
        ProductGroup::RuralTourism => "M2 20c4-6 8-6 10-3 M12 20V11l5-4 5 4v9Z M15 20v-4h4v4",
    };
    view! {
        <svg
            class=format!("group-icon group-{}", group.key())
            viewBox="0 0 24 24"
            width="40"
            height="40"
            aria-hidden="true"
            focusable="false"
        >
            <path
                d=path
                fill="none"
                stroke="currentColor"
                stroke-width="1.8"
                stroke-linecap="round"
                stroke-linejoin="round"
            />
        </svg>
    }
}
