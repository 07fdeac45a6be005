//! The applied filters as removable chips, with "Clear all". The three the quick filters
//! toggle (5★, in season this month, on my trip) show there, pressed, instead.

use super::facets::value_label;
use super::nav::use_catalog_nav;
use crate::browser::page;
use crate::i18n::*;
use crate::state::use_app_data;
use leptos::prelude::*;
use ocop_core::catalog::{Chip, Facet};

/// The applied filters as removable chips, with "Clear all".
#[component]
pub fn ActiveFilters() -> impl IntoView {
    let i18n = use_i18n();
    let nav = use_catalog_nav();
    let data = use_app_data();
    // What a pressed quick filter already shows (quick.rs) is not repeated here.
    let this_month = page::this_month().1.to_string();
    let chips = Memo::new(move |_| {
        nav.query().with(|q| {
            let mut chips = q.chips();
            let quick = |c: &Chip| match c.facet {
                Facet::Stars => c.value == "5",
                Facet::Month => c.value == this_month,
                _ => false,
            };
            chips.retain(|c| !quick(c));
            chips
        })
    });
    move || {
        let list = chips.get();
        (!list.is_empty()).then(|| {
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
