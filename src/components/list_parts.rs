//! The shopping list's buttons on other pages: "Add to list" on product cards and product
//! pages, "Add all to list" on places and routes. The rules (what adding does to a
//! quantity, the list's limits) are in `ocop_core::shopping`.

use crate::i18n::*;
use crate::state::language::localized;
use crate::state::use_visitor;
use leptos::prelude::*;
use leptos_router::components::A;

/// Adds one of a product to the shopping list (one more each tap), and says how many the
/// list holds with a link to it.
///
/// The button keeps one name, "Add to list", whatever the state: a button whose name
/// changes under the finger ("Remove"?) is how notes get lost on a touch screen. Removing
/// is done on the list page, with undo.
#[component]
pub fn AddToList(product: String, #[prop(into)] name: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let list = use_visitor().list;
    let quantity = {
        let product = product.clone();
        Memo::new(move |_| {
            list.with(|l| {
                l.items()
                    .iter()
                    .find(|i| i.product == product)
                    .map(|i| i.quantity)
            })
        })
    };
    let add = move |_| {
        list.update(|l| {
            l.add(&product);
        });
    };
    view! {
        <span class="add-to-list">
            <button type="button" class="button button-secondary" on:click=add data-testid="add-to-list">
                {t!(i18n, add_to_list)}
                <span class="visually-hidden">": " {move || name.get()}</span>
            </button>
            <span role="status" class="in-list">
                {move || quantity.get().map(|count| view! {
                    <A href=localized("/list")>{move || t_string!(i18n, in_list_count, count).to_string()}</A>
                })}
            </span>
        </span>
    }
}

/// Adds every product of a place or route that is not listed yet, and says how many were new.
#[component]
pub fn AddAllToList(products: Vec<String>) -> impl IntoView {
    let i18n = use_i18n();
    let list = use_visitor().list;
    let added = RwSignal::new(None::<usize>);
    let empty = products.is_empty();
    let add_all = move |_| {
        let mut count = 0;
        list.update(|l| count = l.add_all(products.iter().map(String::as_str)));
        added.set(Some(count));
    };
    view! {
        <button type="button" class="button" on:click=add_all disabled=empty data-testid="add-all-to-list">
            {t!(i18n, add_all_to_list)}
        </button>
        <span role="status" class="muted">
            {move || added.get().map(|count| t_count!(i18n, added_to_list, count))}
        </span>
    }
}
