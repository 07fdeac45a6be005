//! The place search box above the map: names in every language, typed with or without
//! tones (`ocop_core::map_spots::find_places`). Picking a result flies the map there and
//! opens the place's sheet.

use super::view::MapView;
use crate::components::labels;
use crate::components::lang_of;
use crate::i18n::*;
use crate::state::use_app_data;
use leptos::prelude::*;
use ocop_core::map_spots::find_places;
use ocop_core::model::StopRef;
use ocop_core::places::place;
use ocop_core::trip::stop_key;
use ocop_core::LocalText;

/// Enough to choose from on a phone without pushing the map off the screen.
const SHOWN: usize = 6;

#[component]
pub fn MapSearch(view: MapView, on_pick: Callback<StopRef>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || lang_of(i18n.get_locale());
    let data = use_app_data();
    let query = RwSignal::new(String::new());
    // The places the filters leave, searched by name.
    let results = Memo::new(move |_| {
        let dataset = data.dataset();
        let typed = query.get();
        view.visible.with(|visible| {
            let places: Vec<_> = visible.iter().filter_map(|s| place(dataset, s)).collect();
            let names: Vec<LocalText> = places.iter().map(|p| p.name.clone()).collect();
            find_places(&names, &typed, SHOWN)
                .into_iter()
                .map(|i| {
                    (
                        places[i].stop.clone(),
                        places[i].name.clone(),
                        places[i].kind.key(),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let status = move || {
        let typed = query.get();
        if typed.trim().is_empty() {
            return String::new();
        }
        match results.with(Vec::len) {
            0 => t_string!(i18n, map_search_none, query = typed).to_string(),
            count => t_count!(i18n, map_search_found, count),
        }
    };
    let rows = move || {
        results
            .get()
            .into_iter()
            .map(|(stop, name, kind)| {
                let key = stop_key(&stop);
                let pick = move |_| {
                    query.set(String::new());
                    on_pick.run(stop.clone());
                };
                view! {
                    <li>
                        <button type="button" class="map-search-result" data-key=key on:click=pick>
                            <span class=format!("kind-swatch pin-{kind}") aria-hidden="true"></span>
                            <span class="map-search-name">{move || name.get(lang()).to_string()}</span>
                            <span class="muted">{move || labels::place_kind(i18n, kind)}</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <form class="map-search" role="search" on:submit=move |ev| {
            ev.prevent_default();
            if let Some((stop, _, _)) = results.with_untracked(|r| r.first().cloned()) {
                query.set(String::new());
                on_pick.run(stop);
            }
        }>
            <label class="field">
                <span>{t!(i18n, map_search)}</span>
                <input
                    type="search"
                    id="map-search"
                    autocomplete="off"
                    enterkeyhint="search"
                    aria-describedby="map-search-status"
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))
                />
            </label>
            <p id="map-search-status" class="muted map-search-status" role="status">{status}</p>
            <ul class="plain map-search-results">{rows}</ul>
        </form>
    }
}
