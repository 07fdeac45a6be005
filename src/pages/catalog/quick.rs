//! Quick filters above the results: the three a visitor asks for most ("the best", "what is
//! in season now", "what can I buy on my way"), one tap each instead of opening the filters.
//! Each is a toggle (`aria-pressed`) over the same URL state as the filter panel, so a pressed
//! chip, the panel's checkbox and the address always agree.

use super::nav::use_catalog_nav;
use crate::browser::page;
use crate::i18n::*;
use crate::state::use_visitor;
use leptos::prelude::*;
use ocop_core::catalog::{CatalogQuery, Facet, StarFilter};

/// Which quick filter a chip toggles.
#[derive(Clone, Copy)]
enum Quick {
    FiveStars,
    InSeason,
    OnTrip,
}

impl Quick {
    fn is_on(self, q: &CatalogQuery, month: u8) -> bool {
        match self {
            Quick::FiveStars => q.stars.contains(&StarFilter::Five),
            Quick::InSeason => q.month == Some(month),
            Quick::OnTrip => q.on_trip,
        }
    }

    fn toggled(self, q: &CatalogQuery, month: u8) -> CatalogQuery {
        let on = self.is_on(q, month);
        let mut next = match self {
            Quick::FiveStars => q.toggled(Facet::Stars, StarFilter::Five.key()),
            Quick::InSeason => CatalogQuery {
                month: (!on).then_some(month),
                ..q.clone()
            },
            Quick::OnTrip => CatalogQuery {
                on_trip: !on,
                ..q.clone()
            },
        };
        next.page = 0;
        next
    }
}

#[component]
pub fn QuickFilters() -> impl IntoView {
    let i18n = use_i18n();
    let trip = use_visitor().trip;
    let nav = use_catalog_nav();
    // "On my trip" only once the trip has a stop (or the link asks for it): with no stop it
    // would only ever empty the list.
    let trip_shown = move || !trip.with(|t| t.is_empty()) || nav.query().with(|q| q.on_trip);
    view! {
        <ul class="quick-filters" aria-label=move || t_string!(i18n, quick_filters).to_string() data-testid="quick-filters">
            <QuickChip quick=Quick::FiveStars label=Signal::derive(move || t_string!(i18n, quick_five_stars).to_string()) />
            <QuickChip quick=Quick::InSeason label=Signal::derive(move || t_string!(i18n, quick_in_season).to_string()) />
            <Show when=trip_shown>
                <QuickChip quick=Quick::OnTrip label=Signal::derive(move || t_string!(i18n, on_my_trip_chip).to_string()) />
            </Show>
        </ul>
    }
}

#[component]
fn QuickChip(quick: Quick, label: Signal<String>) -> impl IntoView {
    let nav = use_catalog_nav();
    let month = page::this_month().1;
    let pressed = move || nav.query().with(|q| quick.is_on(q, month));
    view! {
        <li>
            <button
                type="button"
                class="chip quick-chip"
                aria-pressed=move || pressed().to_string()
                on:click=move |_| nav.go(quick.toggled(&nav.query().get_untracked(), month), false)
            >
                {label}
            </button>
        </li>
    }
}
