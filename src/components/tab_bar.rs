//! The primary destinations — Products, Map, Routes, My trip, List — with the trip's and the
//! list's counts. On a phone it is a tab bar at the bottom of the screen, in thumb's reach
//! (48 px targets, clear of the home indicator); on tablets and kiosks the same links run
//! along the top (style/main.css). One element either way, so there is one navigation
//! landmark and one count of each.

use crate::components::icons::{Destination, DestinationIcon};
use crate::i18n::*;
use crate::state::language::localized_href;
use crate::state::use_visitor;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn TabBar() -> impl IntoView {
    let i18n = use_i18n();
    let visitor = use_visitor();
    let trip = Signal::derive(move || visitor.trip.with(|t| t.len()));
    let list = Signal::derive(move || visitor.list.with(|l| l.len()));
    view! {
        <nav class="tab-bar" aria-label=move || t_string!(i18n, nav_main).to_string()>
            <ul>
                <Tab href="/" destination=Destination::Products>{t!(i18n, nav_catalog)}</Tab>
                <Tab href="/map" destination=Destination::Map>{t!(i18n, nav_map)}</Tab>
                <Tab href="/routes" destination=Destination::Routes>{t!(i18n, nav_routes)}</Tab>
                <Tab href="/trip" destination=Destination::Trip count=(trip, "trip-count")>{t!(i18n, nav_trip)}</Tab>
                <Tab href="/list" destination=Destination::List count=(list, "list-count")>{t!(i18n, nav_list)}</Tab>
            </ul>
        </nav>
    }
    .into_any()
}

/// One destination, in the page's language: icon, label, and a count (with its test id) where there is one.
#[component]
fn Tab(
    href: &'static str,
    destination: Destination,
    #[prop(optional)] count: Option<(Signal<usize>, &'static str)>,
    children: Children,
) -> impl IntoView {
    view! {
        <li>
            // The catalog's link is current on the catalog only, not on every page under it.
            <A href=localized_href(href) exact=href == "/" attr:class="tab">
                <DestinationIcon destination />
                <span class="tab-label">{children()}</span>
                // After the label, so the link reads "My trip 2"; drawn on the icon on phones,
                // and not at all while it is 0.
                {count.map(|(count, test_id)| {
                    view! {
                        <span class="count" class=("count-zero", move || count.get() == 0) data-testid=test_id>
                            {count}
                        </span>
                    }
                })}
            </A>
        </li>
    }
}
