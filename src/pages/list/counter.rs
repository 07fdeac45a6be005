//! "Show to seller": a full-screen view of one item or of the whole list, made to be held
//! up at a counter — the Vietnamese name large (`lang="vi"`), the quantity with its unit,
//! and a ready Vietnamese sentence (`ocop_core::shopping_plan::seller_phrase`), with the
//! visitor's own language small below. Everything comes from the list and the dataset
//! already in memory, so it works with no network. The screen is kept on while it is open,
//! where the browser allows (`browser::wake_lock`).

use crate::browser::wake_lock::ScreenAwake;
use crate::components::lang_of;
use crate::i18n::*;
use crate::state::{use_app_data, use_visitor};
use leptos::prelude::*;
use ocop_core::shopping_plan::{seller_phrase, vi_unit};

/// One line of the counter view, worked out once when it opens.
#[derive(Clone)]
struct CounterLine {
    vi_name: String,
    name: ocop_core::LocalText,
    /// "2 kg", or "2" when the unit is not known.
    amount: String,
    phrase: String,
}

/// A button that opens the counter view for `product`, or for the whole list when `None`;
/// closing it (button or Escape) puts focus back on the button.
#[component]
pub fn ShowToSeller(product: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let opener = NodeRef::<leptos::html::Button>::new();
    let close = Callback::new(move |()| {
        open.set(false);
        if let Some(button) = opener.get_untracked() {
            let _ = button.focus();
        }
    });
    let whole = product.is_none();
    let label = move || {
        if whole {
            t_string!(i18n, show_list_to_seller)
        } else {
            t_string!(i18n, show_to_seller)
        }
    };
    let class = if whole {
        "button"
    } else {
        "button button-secondary show-to-seller"
    };
    view! {
        <button type="button" class=class node_ref=opener on:click=move |_| open.set(true) data-testid="show-to-seller">
            {label}
        </button>
        {move || open.get().then(|| view! { <CounterView product=product.clone() close /> })}
    }
}

/// The full-screen view itself.
#[component]
fn CounterView(product: Option<String>, close: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || lang_of(i18n.get_locale());
    let data = use_app_data();
    let dataset = data.dataset();
    let lines: Vec<CounterLine> = use_visitor().list.with_untracked(|l| {
        l.items()
            .iter()
            .filter(|i| product.as_ref().is_none_or(|p| *p == i.product))
            .filter_map(|item| {
                let p = dataset.product(&item.product)?;
                let unit = p.price.as_ref().map(|price| price.unit.as_str());
                let amount = match unit.and_then(vi_unit) {
                    Some(unit) => format!("{} {unit}", item.quantity),
                    None => item.quantity.to_string(),
                };
                Some(CounterLine {
                    vi_name: p.name.vi.clone(),
                    name: p.name.clone(),
                    amount,
                    phrase: seller_phrase(item.quantity, unit, &p.name.vi),
                })
            })
            .collect()
    });
    // Held in the reactive arena (the handle is not `Send`), released when the view closes.
    let awake = StoredValue::new_local(ScreenAwake::request());
    on_cleanup(move || {
        awake.try_with_value(ScreenAwake::release);
    });
    let close_button = NodeRef::<leptos::html::Button>::new();
    // A modal view: Escape closes it, and Tab stays on its one control (the Close button)
    // instead of walking through the list hidden behind it.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| match ev.key().as_str() {
        "Escape" => close.run(()),
        "Tab" => {
            ev.prevent_default();
            if let Some(button) = close_button.get_untracked() {
                let _ = button.focus();
            }
        }
        _ => {}
    });
    on_cleanup(move || keys.remove());
    Effect::new(move |_| {
        if let Some(button) = close_button.get() {
            let _ = button.focus();
        }
    });
    let rows = lines
        .into_iter()
        .map(|line| {
            let CounterLine {
                vi_name,
                name,
                amount,
                phrase,
            } = line;
            let meaning = {
                let amount = amount.clone();
                move || {
                    let name = name.get(lang()).to_string();
                    t_string!(i18n, counter_meaning, name, amount = amount.clone()).to_string()
                }
            };
            view! {
                <li class="counter-item" data-testid="counter-item">
                    <p class="counter-name" lang="vi">{vi_name}</p>
                    <p class="counter-amount" lang="vi">{amount}</p>
                    <p class="counter-phrase" lang="vi" data-testid="counter-phrase">{phrase}</p>
                    <p class="counter-meaning" data-testid="counter-meaning">{meaning}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="counter" role="dialog" aria-modal="true" aria-labelledby="counter-title" data-testid="counter-view">
            <div class="counter-bar">
                <h2 id="counter-title">{t!(i18n, counter_title)}</h2>
                <button type="button" class="button" node_ref=close_button on:click=move |_| close.run(()) data-testid="counter-close">
                    {t!(i18n, counter_close)}
                </button>
            </div>
            <ul class="plain counter-items">{rows}</ul>
            <p class="counter-awake">{t!(i18n, counter_awake)}</p>
        </div>
    }
}
