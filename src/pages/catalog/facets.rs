//! The catalog's facet panel.
//!
//! Every option shows its count under the *other* active filters (computed in
//! `ocop_core::catalog`), so a visitor sees before tapping how many products a choice
//! leaves. Rows are keyed and read their count and state reactively, so toggling one
//! checkbox never re-creates the row under the visitor's finger (or keyboard focus).

use super::nav::use_catalog_nav;
use super::quick::QuickFilters;
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
use ocop_core::model::ProductGroup;
use std::sync::Arc;

/// One option of a facet as shown: its URL key, label, count and whether it is selected.
#[derive(Clone, Debug, PartialEq)]
struct FacetOption {
    facet: Facet,
    key: String,
    label: String,
    count: usize,
    checked: bool,
    /// The category group a subcategory is drawn under (`ocop_core`'s `category_tree`).
    parent: Option<ProductGroup>,
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
            parent: None,
        })
        .collect();
    (shown, total)
}

/// `1`–`12` for the current month, so "This month" means the visitor's month.
fn current_month() -> u8 {
    page::this_month().1
}

/// The toggle that opens the filters on phones, the sheet's close button and its "Show N
/// results" button: the first and last stops of the sheet's keyboard loop.
const TOGGLE_ID: &str = "filters-toggle";
const CLOSE_ID: &str = "filters-close";
const SHOW_ID: &str = "filters-show";

/// The filters: on phones a full-screen sheet (a modal dialog opened by the toggle: Tab stays
/// inside, Escape or the close button shut it and focus goes back to the toggle) with the
/// most used facets first and the rest behind disclosures, so results are one tap away
/// ("Show N results") instead of 2,300 px down (issue 19). From 64rem (desktop, kiosk) the
/// toggle is hidden and the same facets are a side panel, all open (style/main.css).
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
    let active = move || nav.query().with(|q| q.chips().len() + usize::from(q.on_trip));
    let close = move || {
        open.set(false);
        page::focus(TOGGLE_ID);
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if !open.get_untracked() {
            return;
        }
        let key = ev.key();
        if key == "Escape" {
            ev.prevent_default();
            close();
        } else if key == "Tab" {
            let (edge, wrap_to) = if ev.shift_key() {
                (CLOSE_ID, SHOW_ID)
            } else {
                (SHOW_ID, CLOSE_ID)
            };
            if page::focused_id() == edge {
                ev.prevent_default();
                page::focus(wrap_to);
            }
        }
    };
    let legend = move |text: fn(labels::I18n) -> String| Signal::derive(move || text(i18n));
    let (stars, area, buy) = (
        memo_for(&[Facet::Stars]),
        memo_for(&[Facet::Area]),
        memo_for(&[Facet::Buy]),
    );
    let (price, producer_type) = (memo_for(&[Facet::Price]), memo_for(&[Facet::ProducerType]));
    let buy_legend = legend(|i| t_string!(i, facet_buy).to_string());
    let trip_legend = legend(|i| t_string!(i, facet_trip).to_string());
    let price_legend = legend(|i| t_string!(i, facet_price).to_string());
    let producer_legend = legend(|i| t_string!(i, facet_producer_type).to_string());

    view! {
        <div class="filters">
            <div class="filters-bar">
                <button
                    type="button"
                    id=TOGGLE_ID
                    class="button filters-toggle"
                    aria-haspopup="dialog"
                    aria-expanded=move || open.get().to_string()
                    aria-controls="filters-panel"
                    on:click=move |_| {
                        open.set(true);
                        page::focus_soon(CLOSE_ID);
                    }
                >
                    {move || match active() {
                        0 => t_string!(i18n, filters).to_string(),
                        count => t_string!(i18n, filters_with_count, count).to_string(),
                    }}
                </button>
                <QuickFilters />
            </div>
            <div
                id="filters-panel"
                class="filters-panel"
                class:is-sheet=move || open.get()
                hidden=move || !open.get()
                role=move || open.get().then_some("dialog")
                aria-modal=move || open.get().then_some("true")
                aria-labelledby=move || open.get().then_some("filters-title")
                on:keydown=on_keydown
            >
                <Show when=move || open.get()>
                    <div class="sheet-head">
                        <h2 id="filters-title">{t!(i18n, filters)}</h2>
                        <button
                            type="button"
                            id=CLOSE_ID
                            class="sheet-close"
                            aria-label=move || t_string!(i18n, filters_close).to_string()
                            on:click=move |_| close()
                        >
                            <span aria-hidden="true">"×"</span>
                        </button>
                    </div>
                </Show>
                <CategoryFacet results />
                <CheckboxFacet id="stars" legend=legend(|i| t_string!(i, facet_stars).to_string()) options=stars />
                <SeasonFacet results />
                <CheckboxFacet id="area" legend=legend(|i| t_string!(i, facet_area).to_string()) options=area />
                <MoreFacet id="buy" legend=buy_legend>
                    <CheckboxFacet id="buy" legend=buy_legend options=buy />
                </MoreFacet>
                <MoreFacet id="trip" legend=trip_legend>
                    <TripFacet />
                </MoreFacet>
                <MoreFacet id="price" legend=price_legend>
                    <CheckboxFacet id="price" legend=price_legend options=price />
                </MoreFacet>
                <MoreFacet id="producer-type" legend=producer_legend>
                    <CheckboxFacet id="producer-type" legend=producer_legend options=producer_type />
                </MoreFacet>
                <Show when=move || open.get()>
                    <div class="sheet-foot">
                        <button type="button" id=SHOW_ID class="button" on:click=move |_| close()>
                            {move || t_count!(i18n, show_results, count = results.with(|r| r.total()))}
                        </button>
                    </div>
                </Show>
            </div>
        </div>
    }
    .into_any()
}

/// A facet the phone sheet keeps closed until asked (a disclosure): the most used ones stay
/// open above it. From 64rem the button is hidden and the facet always shown.
#[component]
fn MoreFacet(id: &'static str, legend: Signal<String>, children: Children) -> impl IntoView {
    let expanded = RwSignal::new(false);
    let body = format!("more-{id}");
    view! {
        <div class="facet-more">
            <button
                type="button"
                class="facet-more-toggle"
                aria-expanded=move || expanded.get().to_string()
                aria-controls=body.clone()
                on:click=move |_| expanded.update(|e| *e = !*e)
            >
                {legend}
            </button>
            <div id=body class="facet-more-body" class:is-open=move || expanded.get()>
                {children()}
            </div>
        </div>
    }
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
                <ShowAllToggle expanded total=Signal::derive(total) />
            </Show>
        </fieldset>
    }
}

/// One option; a category group holds its subcategories' list (`children`) in its item.
#[component]
fn FacetRow(
    option: FacetOption,
    options: Memo<Vec<FacetOption>>,
    #[prop(optional)] children: Option<ChildrenFn>,
) -> impl IntoView {
    let nav = use_catalog_nav();
    let FacetOption { facet, key, .. } = option;
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
        <li>
            <label class="facet-option" class:is-empty=is_empty>
                <input type="checkbox" prop:checked=checked on:change=on_change />
                <span>{label}</span>
                <span class="count">{count}</span>
            </label>
            {children.map(|c| c())}
        </li>
    }
}

/// How many subcategories a group shows before "Show all": its biggest, so the sheet stays
/// short and the common ones (seafood, tea) are one tap away.
const SUBS_PER_GROUP: usize = 3;

/// The category facet drawn as the hierarchy it is: each group an item of the list with its
/// subcategories in a nested list ([`ocop_core::catalog::CatalogIndex::category_tree`]), so
/// "Seafood" reads as a kind of food, not as part of the group above it.
fn category_options(
    results: &CatalogResults,
    query: &CatalogQuery,
    i18n: labels::I18n,
    data: &AppData,
    expanded: bool,
) -> (Vec<FacetOption>, usize, usize) {
    let (tree, unplaced) = data.catalog.category_tree(&results.facets);
    let selected: Vec<(Facet, String)> = query.chips().into_iter().map(|c| (c.facet, c.value)).collect();
    let option = |facet, key: String, count, parent| FacetOption {
        facet,
        label: value_label(i18n, data, facet, &key),
        checked: selected.contains(&(facet, key.clone())),
        key,
        count,
        parent,
    };
    let mut shown = Vec::new();
    let mut hidden = 0;
    let total = tree.iter().map(|b| 1 + b.subcategories.len()).sum::<usize>() + unplaced.len();
    for branch in tree {
        shown.push(option(
            Facet::Group,
            branch.group.key().to_string(),
            branch.count,
            None,
        ));
        let mut biggest: Vec<usize> = (0..branch.subcategories.len()).collect();
        biggest.sort_by_key(|&i| std::cmp::Reverse(branch.subcategories[i].1));
        biggest.truncate(SUBS_PER_GROUP);
        for (i, (key, count)) in branch.subcategories.into_iter().enumerate() {
            let checked = selected.contains(&(Facet::Subcategory, key.clone()));
            if expanded || checked || biggest.contains(&i) {
                shown.push(option(Facet::Subcategory, key, count, Some(branch.group)));
            } else {
                hidden += 1;
            }
        }
    }
    for (key, count) in unplaced {
        shown.push(option(Facet::Subcategory, key, count, None));
    }
    (shown, hidden, total)
}

#[component]
fn CategoryFacet(results: Signal<Arc<CatalogResults>>) -> impl IntoView {
    let i18n = use_i18n();
    let nav = use_catalog_nav();
    let data = use_app_data();
    let expanded = RwSignal::new(false);
    let all = Memo::new(move |_| {
        let results = results.get();
        nav.query()
            .with(|q| category_options(&results, q, i18n, &data, expanded.get()))
    });
    let rows = Memo::new(move |_| all.with(|(shown, _, _)| shown.clone()));
    let hidden = move || all.with(|(_, hidden, _)| *hidden);
    let total = move || all.with(|(_, _, total)| *total);
    let collapsible = move || expanded.get() || hidden() > 0;
    let top = move || {
        rows.with(|r| {
            r.iter()
                .filter(|o| o.parent.is_none())
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    view! {
        <fieldset class="facet" data-testid="facet-category">
            <legend>{move || t_string!(i18n, facet_category).to_string()}</legend>
            <ul class="facet-tree">
                <For each=top key=|o| (o.facet, o.key.clone()) let:option>
                    {
                        let group = (option.facet == Facet::Group).then(|| group_from_key(&option.key)).flatten();
                        let subs = move || {
                            rows.with(|r| r.iter().filter(|o| group.is_some() && o.parent == group).cloned().collect::<Vec<_>>())
                        };
                        view! {
                            <FacetRow option options=rows>
                                <Show when=move || !subs().is_empty()>
                                    <ul class="facet-subs">
                                        <For each=subs key=|o| o.key.clone() let:sub>
                                            <FacetRow option=sub options=rows />
                                        </For>
                                    </ul>
                                </Show>
                            </FacetRow>
                        }
                    }
                </For>
            </ul>
            <Show when=collapsible>
                <ShowAllToggle expanded total=Signal::derive(total) />
            </Show>
        </fieldset>
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

/// "Show all N" / "Show fewer" under a facet whose long tail is folded.
#[component]
fn ShowAllToggle(expanded: RwSignal<bool>, total: Signal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button type="button" class="link-button" on:click=move |_| expanded.update(|e| *e = !*e)>
            {move || {
                if expanded.get() {
                    t_string!(i18n, show_fewer).to_string()
                } else {
                    t_string!(i18n, show_all, count = total.get()).to_string()
                }
            }}
        </button>
    }
}
