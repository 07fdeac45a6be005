//! Every place the filters leave, as a list folded under the map ("All 46 places"): the
//! keyboard and screen-reader way through the map, and what remains if the map cannot load.
//! Folded because, open, it made the page ~8,900 px tall on a phone; the search box above
//! the map finds a place faster.

use super::view::MapView;
use crate::components::labels;
use crate::components::lang_of;
use crate::components::trip_parts::{AddToTrip, SeasonBadge};
use crate::i18n::*;
use crate::state::language::localized;
use crate::state::use_app_data;
use leptos::prelude::*;
use leptos_router::components::A;
use ocop_core::places::{place, place_path};
use ocop_core::trip::stop_key;

#[component]
pub fn PlaceList(view: MapView) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || lang_of(i18n.get_locale());
    let data = use_app_data();
    let rows = move || {
        let dataset = data.dataset();
        view.visible
            .get()
            .into_iter()
            .filter_map(|stop| place(dataset, &stop))
            .map(|p| {
                let name = p.name.clone();
                let title = p.name.clone();
                let kind = p.kind.key();
                let count = data.places.products_at(&p.stop).len();
                let months = p.season_months.to_vec();
                view! {
                    <li class="place-row" data-testid="place-row" data-key=stop_key(&p.stop)>
                        <span class=format!("kind-swatch pin-{kind}") aria-hidden="true"></span>
                        <div class="place-row-body">
                            <A href=localized(&place_path(&p.stop))>{move || title.get(lang()).to_string()}</A>
                            <p class="muted">
                                {move || labels::place_kind(i18n, kind)} " · "
                                {move || t_count!(i18n, products_linked, count)} " "
                                <SeasonBadge months />
                            </p>
                        </div>
                        <AddToTrip stop=p.stop.clone() name=Signal::derive(move || name.get(lang()).to_string()) />
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <details class="place-list-box" data-testid="place-list">
            <summary>
                <span class="place-list-title">
                    {move || t_count!(i18n, map_all_places, count = view.visible.with(Vec::len))}
                </span>
            </summary>
            <ul class="plain place-list">{rows}</ul>
        </details>
    }
}
