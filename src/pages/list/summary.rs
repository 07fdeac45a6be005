//! The list's counts and estimated total.

use crate::components::lang_of;
use crate::i18n::*;
use crate::state::{use_app_data, use_visitor};
use leptos::prelude::*;
use ocop_core::format::format_vnd_range;
use ocop_core::shopping_plan::estimate;

/// Counts and the estimated total, saying which items it leaves out and why.
#[component]
pub fn ListSummary() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_app_data();
    let list = use_visitor().list;
    let lang = move || lang_of(i18n.get_locale());
    let total = Memo::new(move |_| list.with(|l| estimate(l, data.dataset())));
    let counts = move || {
        let (count, ticked) = list.with(|l| (l.len(), l.items().iter().filter(|i| i.checked).count()));
        t_count!(i18n, list_counts, count, ticked)
    };
    view! {
        <section class="list-summary" aria-labelledby="estimate-title" data-testid="list-estimate">
            <h2 id="estimate-title" class="visually-hidden">{t!(i18n, list_estimate_title)}</h2>
            <p>{counts}</p>
            {move || {
                let total = total.get();
                let amount = format_vnd_range(total.min_vnd, total.max_vnd, lang());
                let priced = total.priced;
                view! {
                    {total.has_prices().then(|| view! {
                        <p data-testid="list-total">
                            <strong>{t_count!(i18n, list_estimate, count = priced, amount)}</strong>
                        </p>
                    })}
                    {(total.unpriced > 0).then(|| {
                        let count = total.unpriced;
                        view! { <p data-testid="list-unpriced">{t_count!(i18n, list_unpriced, count)}</p> }
                    })}
                    {(total.unavailable > 0).then(|| {
                        let count = total.unavailable;
                        view! { <p>{t_count!(i18n, list_unavailable_count, count)}</p> }
                    })}
                    {total.has_prices().then(|| view! { <p class="muted">{t!(i18n, list_estimate_note)}</p> })}
                }
            }}
        </section>
    }
}
