//! The catalog's facet panel.
//!
//! Every option shows its count under the *other* active filters (computed in
//! `ocop_core::catalog`), so a visitor sees before tapping how many products a choice
//! leaves. Rows are keyed and read their count and state reactively, so toggling one
//! checkbox never re-creates the row under the visitor's finger (or keyboard focus).

use super::nav::use_catalog_nav;
use crate::browser::page;
use crate::components::labels;
use crate::components::lang_of;
use crate::i18n::*;
use crate::state::{use_app_data, use_visitor, AppData};
use leptos::prelude::*;
use ocop_core::catalog::{
    group_from_key, producer_type_from_key, BuyFilter, CatalogQuery, CatalogResults, Facet, PriceBand,
    StarFilter,
};
use ocop_core::geo;
use std::sync::Arc;

/// One option of a facet as shown: its URL key, label, count and whether it is selected.
#[derive(Clone, Debug, PartialEq)]
struct FacetOption {
    facet: Facet,
    key: String,
    label: String,
    count: usize,
    checked: bool,
    /// Subcategories sit under the groups, in the same "Category" fieldset.
    nested: bool,
}

/// The label of a facet value given by its URL key (also used for the chips).
pub(super) fn value_label(i18n: labels::I18n, data: &AppData, facet: Facet, key: &str) -> String {
    let lang = lang_of(i18n.get_locale());
    match facet {
        Facet::Group => group_from_key(key).map(|g| labels::group(i18n, g)),
        Facet::Subcategory => Some(labels::subcategory(i18n, key)),
        Facet::Stars => StarFilter::from_key(key).map(|s| labels::star_filter(i18n, s)),
        Facet::Area => geo::district(key).map(|d| d.name().get(lang).to_string()),
        Facet::Buy => BuyFilter::from_key(key).map(|b| match b {
            BuyFilter::SalesPoint(id) => match data.dataset().sales_point(&id) {
                Some(point) => point.name.get(lang).to_string(),
                None => id,
            },
            BuyFilter::Online(channel) => {
                let name = labels::channel(i18n, channel);
                t_string!(i18n, online_prefix, name).to_string()
            }
        }),
        Facet::Month => key.parse().ok().map(|m| labels::month(i18n, m)),
        Facet::Price => PriceBand::from_key(key).map(|b| labels::price_band(i18n, b)),
        Facet::ProducerType => producer_type_from_key(key).map(|t| labels::producer_type(i18n, t)),
    }
    .unwrap_or_else(|| key.to_string())
}

/// How many options a facet shows before "Show all": long lists (hundreds of sales points
/// in a big dataset) would bury the other facets and cost a DOM node per option.
const COLLAPSED_OPTIONS: usize = 10;

/// The options to show, and how many there are in all.
fn options(
    facet: Facet,
    results: &CatalogResults,
    query: &CatalogQuery,
    i18n: labels::I18n,
    data: &AppData,
    expanded: bool,
) -> (Vec<FacetOption>, usize) {
    let f = &results.facets;
    let pairs: Vec<(String, usize)> = match facet {
        Facet::Group => f.groups.iter().map(|(g, n)| (g.key().to_string(), *n)).collect(),
        Facet::Subcategory => f.subcategories.clone(),
        Facet::Stars => f.stars.iter().map(|(s, n)| (s.key().to_string(), *n)).collect(),
        Facet::Area => f.areas.clone(),
        Facet::Buy => f.buy.iter().map(|(b, n)| (b.key(), *n)).collect(),
        Facet::Price => f.prices.iter().map(|(b, n)| (b.key().to_string(), *n)).collect(),
        Facet::ProducerType => f
            .producer_types
            .iter()
            .map(|(t, n)| (ocop_core::catalog::producer_type_key(*t).to_string(), *n))
            .collect(),
        Facet::Month => Vec::new(),
    };
    let selected: Vec<String> = query
        .chips()
        .into_iter()
        .filter(|c| c.facet == facet)
        .map(|c| c.value)
        .collect();
    let total = pairs.len();
    // Collapsed: the first options in facet order, plus every selected one (so it can be
    // unselected). Labels are only computed for what is shown.
    let shown = pairs
        .into_iter()
        .enumerate()
        .filter(|(i, (key, _))| expanded || *i < COLLAPSED_OPTIONS || selected.contains(key))
        .map(|(_, (key, count))| FacetOption {
            facet,
            label: value_label(i18n, data, facet, &key),
            checked: selected.contains(&key),
            key,
            count,
            nested: facet == Facet::Subcategory,
        })
        .collect();
    (shown, total)
}

/// `1`–`12` for the current month, so "This month" means the visitor's month.
fn current_month() -> u8 {
    page::this_month().1
}

#[component]
pub fn FacetPanel(results: Signal<Arc<CatalogResults>>) -> impl IntoView {
    let i18n = use_i18n();
    let nav = use_catalog_nav();
    let data = use_app_data();
    let open = RwSignal::new(false);

    let memo_for = |facets: &'static [Facet]| {
        let data = data.clone();
        let expanded = RwSignal::new(false);
        let options = Memo::new(move |_| {
            let results = results.get();
            let expanded = expanded.get();
            nav.query().with(|q| {
                let mut all = Vec::new();
                let mut total = 0;
                for facet in facets {
                    let (shown, n) = options(*facet, &results, q, i18n, &data, expanded);
                    all.extend(shown);
                    total += n;
                }
                (all, total)
            })
        });
        FacetOptions { options, expanded }
    };
    let active = move || nav.query().with(|q| q.chips().len());

    view! {
        <div class="filters">
            <button
                type="button"
                class="button filters-toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls="filters-panel"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {move || match active() {
                    0 => t_string!(i18n, filters).to_string(),
                    count => t_string!(i18n, filters_with_count, count).to_string(),
                }}
            </button>
            <div id="filters-panel" class="filters-panel" hidden=move || !open.get()>
                <CheckboxFacet
                    id="category"
                    legend=Signal::derive(move || t_string!(i18n, facet_category).to_string())
                    options=memo_for(&[Facet::Group, Facet::Subcategory])
                />
                <CheckboxFacet
                    id="stars"
                    legend=Signal::derive(move || t_string!(i18n, facet_stars).to_string())
                    options=memo_for(&[Facet::Stars])
                />
                <CheckboxFacet
                    id="area"
                    legend=Signal::derive(move || t_string!(i18n, facet_area).to_string())
                    options=memo_for(&[Facet::Area])
                />
                <CheckboxFacet
                    id="buy"
                    legend=Signal::derive(move || t_string!(i18n, facet_buy).to_string())
                    options=memo_for(&[Facet::Buy])
                />
                <SeasonFacet results />
                <TripFacet />
                <CheckboxFacet
                    id="price"
                    legend=Signal::derive(move || t_string!(i18n, facet_price).to_string())
                    options=memo_for(&[Facet::Price])
                />
                <CheckboxFacet
                    id="producer-type"
                    legend=Signal::derive(move || t_string!(i18n, facet_producer_type).to_string())
                    options=memo_for(&[Facet::ProducerType])
                />
            </div>
        </div>
    }
    .into_any()
}

/// "Only products on my trip": products made or sold at the trip's stops.
#[component]
fn TripFacet() -> impl IntoView {
    let i18n = use_i18n();
    let nav = use_catalog_nav();
    let trip = use_visitor().trip;
    let checked = move || nav.query().with(|q| q.on_trip);
    let toggle = move |_| {
        let mut q = nav.query().get_untracked();
        q.on_trip = !q.on_trip;
        q.page = 0;
        nav.go(q, false);
    };
    view! {
        <fieldset class="facet" data-testid="facet-trip">
            <legend>{t!(i18n, facet_trip)}</legend>
            <label class="check">
                <input type="checkbox" prop:checked=checked on:change=toggle />
                <span>{move || t_count!(i18n, only_on_my_trip, count = trip.with(|t| t.len()))}</span>
            </label>
        </fieldset>
    }
}

/// A facet's shown options (with the total before collapsing) and its "Show all" state.
#[derive(Clone, Copy)]
struct FacetOptions {
    options: Memo<(Vec<FacetOption>, usize)>,
    expanded: RwSignal<bool>,
}

#[component]
fn CheckboxFacet(id: &'static str, legend: Signal<String>, options: FacetOptions) -> impl IntoView {
    let i18n = use_i18n();
    let FacetOptions { options, expanded } = options;
    let rows = Memo::new(move |_| options.with(|(shown, _)| shown.clone()));
    let total = move || options.with(|(_, total)| *total);
    let collapsible = move || expanded.get() || total() > rows.with(|r| r.len());
    view! {
        <fieldset class="facet" data-testid=format!("facet-{id}")>
            <legend>{legend}</legend>
            <ul>
                <For each=move || rows.get() key=|o| (o.facet, o.key.clone()) let:option>
                    <FacetRow option options=rows />
                </For>
            </ul>
            <Show when=collapsible>
                <button type="button" class="link-button" on:click=move |_| expanded.update(|e| *e = !*e)>
                    {move || {
                        if expanded.get() {
                            t_string!(i18n, show_fewer).to_string()
                        } else {
                            t_string!(i18n, show_all, count = total()).to_string()
                        }
                    }}
                </button>
            </Show>
        </fieldset>
    }
}

#[component]
fn FacetRow(option: FacetOption, options: Memo<Vec<FacetOption>>) -> impl IntoView {
    let nav = use_catalog_nav();
    let FacetOption {
        facet, key, nested, ..
    } = option;
    let current = {
        let key = key.clone();
        move || options.with(|all| all.iter().find(|o| o.facet == facet && o.key == key).cloned())
    };
    let checked = {
        let current = current.clone();
        move || current().is_some_and(|o| o.checked)
    };
    let count = {
        let current = current.clone();
        move || current().map_or(0, |o| o.count)
    };
    let label = move || current().map(|o| o.label).unwrap_or_default();
    let is_empty = {
        let count = count.clone();
        move || count() == 0
    };
    let on_change = move |_| {
        let q = nav.query().get_untracked();
        nav.go(q.toggled(facet, &key), false);
    };
    view! {
        <li class:facet-sub=nested>
            <label class="facet-option" class:is-empty=is_empty>
                <input type="checkbox" prop:checked=checked on:change=on_change />
                <span>{label}</span>
                <span class="count">{count}</span>
            </label>
        </li>
    }
}

/// "In season": any time, this month, or a chosen month, each with its count.
#[component]
fn SeasonFacet(results: Signal<Arc<CatalogResults>>) -> impl IntoView {
    let i18n = use_i18n();
    let nav = use_catalog_nav();
    let now = current_month();
    let legend = move || t_string!(i18n, facet_season).to_string();
    let on_change = move |ev| {
        let value = event_target_value(&ev);
        let mut q = nav.query().get_untracked();
        q.month = match value.as_str() {
            "now" => Some(now),
            other => other.parse().ok().filter(|m| (1..=12).contains(m)),
        };
        q.page = 0;
        nav.go(q, false);
    };
    let selected = move || nav.query().with(|q| q.month);
    let count = move |m: u8| results.with(|r| r.facets.months[(m - 1) as usize]);
    view! {
        <fieldset class="facet" data-testid="facet-season">
            <legend>{legend}</legend>
            <select aria-label=legend on:change=on_change>
                <option value="" selected=move || selected().is_none()>
                    {t!(i18n, season_any)}
                </option>
                <option value="now">
                    {move || {
                        let month = labels::month(i18n, now);
                        format!("{} ({})", t_string!(i18n, season_this_month, month), count(now))
                    }}
                </option>
                {(1..=12u8)
                    .map(|m| {
                        view! {
                            <option value=m.to_string() selected=move || selected() == Some(m)>
                                {move || format!("{} ({})", labels::month(i18n, m), count(m))}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </fieldset>
    }
}
