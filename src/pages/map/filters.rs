//! The map's filters: kinds of place, a product, the visit month, and "hide out of season".

use super::view::MapView;
use crate::components::labels;
use crate::components::lang_of;
use crate::components::trip_parts::MonthPicker;
use crate::i18n::*;
use crate::state::{use_app_data, use_visitor};
use leptos::prelude::*;
use ocop_core::places::KIND_KEYS;

#[component]
pub fn MapFilters(view: MapView) -> impl IntoView {
    let i18n = use_i18n();
    let visit_month = use_visitor().visit_month;
    let kind_filters = KIND_KEYS
        .iter()
        .map(|&key| {
            let checked = move || view.kinds.with(|k| k.contains(&key));
            let toggle = move |_| {
                let mut now = view.kinds.get_untracked();
                if let Some(i) = now.iter().position(|k| *k == key) {
                    now.remove(i);
                } else {
                    now.push(key);
                }
                view.set_param("kind", Some(now.join(",")));
            };
            view! {
                <label class=format!("check kind-check pin-{key}")>
                    <input type="checkbox" prop:checked=checked on:change=toggle />
                    <span class="kind-swatch" aria-hidden="true"></span>
                    <span>{move || labels::place_kind(i18n, key)}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <form class="map-filters" on:submit=|ev| ev.prevent_default() aria-label=move || t_string!(i18n, map_filters).to_string()>
            <fieldset>
                <legend>{t!(i18n, map_filter_kind)}</legend>
                {kind_filters}
            </fieldset>
            <label class="field">
                <span>{t!(i18n, map_filter_product)}</span>
                <select
                    prop:value=move || view.param("product").unwrap_or_default()
                    on:change=move |ev| view.set_param("product", Some(event_target_value(&ev)))
                >
                    <option value="">{t!(i18n, map_any_product)}</option>
                    <ProductOptions />
                </select>
            </label>
            <MonthPicker />
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=view.season_only
                    disabled=move || visit_month.get().is_none()
                    on:change=move |_| view.set_param("season", (!view.season_only.get_untracked()).then(|| "1".to_string()))
                />
                <span>{t!(i18n, map_hide_out_of_season)}</span>
            </label>
        </form>
    }
}

/// The products that have at least one place, by name, for the product filter.
#[component]
fn ProductOptions() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_app_data();
    move || {
        let lang = lang_of(i18n.get_locale());
        let mut options: Vec<(String, String)> = data
            .dataset()
            .products
            .iter()
            .enumerate()
            .filter(|(i, _)| data.places.places_of(*i).next().is_some())
            .map(|(_, p)| (p.id.clone(), p.name.get(lang).to_string()))
            .collect();
        options.sort_by(|a, b| a.1.cmp(&b.1));
        options
            .into_iter()
            .map(|(id, name)| view! { <option value=id>{name}</option> })
            .collect_view()
    }
}
