//! The applied filters as removable chips, with "Clear all".

use super::facets::value_label;
use super::nav::use_catalog_nav;
use crate::i18n::*;
use crate::state::use_app_data;
use leptos::prelude::*;
use ocop_core::catalog::Chip;

/// The applied filters as removable chips, with "Clear all".
#[component]
pub fn ActiveFilters() -> impl IntoView {
    let i18n = use_i18n();
    let nav = use_catalog_nav();
    let data = use_app_data();
    let chips = Memo::new(move |_| nav.query().with(|q| q.chips()));
    let on_trip = Memo::new(move |_| nav.query().with(|q| q.on_trip));
    move || {
        let list = chips.get();
        (!list.is_empty() || on_trip.get()).then(|| {
            let data = data.clone();
            view! {
                <ul class="chips" aria-label=move || t_string!(i18n, active_filters).to_string() data-testid="chips">
                    {list
                        .into_iter()
                        .map(|chip: Chip| {
                            let data = data.clone();
                            let text = {
                                let chip = chip.clone();
                                move || value_label(i18n, &data, chip.facet, &chip.value)
                            };
                            let name = {
                                let text = text.clone();
                                move || t_string!(i18n, remove_filter, label = text()).to_string()
                            };
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="chip"
                                        aria-label=name
                                        on:click=move |_| {
                                            let q = nav.query().get_untracked();
                                            nav.go(q.without(&chip), false);
                                        }
                                    >
                                        {text}
                                        <span aria-hidden="true">" ×"</span>
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                    {on_trip.get().then(|| view! {
                        <li>
                            <button
                                type="button"
                                class="chip"
                                aria-label=move || t_string!(i18n, remove_filter, label = t_string!(i18n, on_my_trip_chip).to_string()).to_string()
                                on:click=move |_| {
                                    let mut q = nav.query().get_untracked();
                                    q.on_trip = false;
                                    q.page = 0;
                                    nav.go(q, false);
                                }
                            >
                                {t!(i18n, on_my_trip_chip)}
                                <span aria-hidden="true">" ×"</span>
                            </button>
                        </li>
                    })}
                    <li>
                        <button
                            type="button"
                            class="chip chip-clear"
                            on:click=move |_| nav.go(nav.query().get_untracked().cleared(), false)
                        >
                            {t!(i18n, clear_all)}
                        </button>
                    </li>
                </ul>
            }
        })
    }
}
