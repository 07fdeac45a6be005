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

/// The app's destinations, each with a drawn icon for the tab bar and the top bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Destination {
    Products,
    Map,
    Routes,
    Trip,
    List,
    About,
}

/// A destination's icon: decorative, the link it is in carries the name.
///
/// Its `<svg>` repeats `GroupIcon`'s on purpose: with every attribute a literal, the view
/// compiles to a static template; one shared icon component taking the size and stroke as
/// props cost 2.3 KiB brotli of first-load wasm (572.1 → 574.4 KiB, measured by the size
/// gate), for twelve lines saved.
#[component]
pub fn DestinationIcon(destination: Destination) -> impl IntoView {
    let path = match destination {
        // a shopping bag
        Destination::Products => "M5 8h14l-1 12H6Z M9 8V6a3 3 0 0 1 6 0v2",
        // a folded map
        Destination::Map => "M3 6l6-2 6 2 6-2v14l-6 2-6-2-6 2Z M9 4v14 M15 6v14",
        // two pins joined by a winding road
        Destination::Routes => {
            "M4 18a2 2 0 1 0 4 0a2 2 0 1 0-4 0 M16 6a2 2 0 1 0 4 0a2 2 0 1 0-4 0 \
             M8 18h6a3 3 0 0 0 0-6h-4a3 3 0 0 1 0-6h6"
        }
        // a suitcase
        Destination::Trip => "M4 8h16v11H4Z M9 8V5h6v3 M4 13h16",
        // a checklist
        Destination::List => {
            "M10 6h10 M10 12h10 M10 18h10 M4 6l1.5 1.5L8 5 M4 12l1.5 1.5L8 11 M4 18l1.5 1.5L8 17"
        }
        // an "i" in a circle
        Destination::About => "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18 M12 11v6 M12 7v.5",
    };
    view! {
        <svg class="nav-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
            <path
                d=path
                fill="none"
                stroke="currentColor"
                stroke-width="2"
                stroke-linecap="round"
                stroke-linejoin="round"
            />
        </svg>
    }
}
