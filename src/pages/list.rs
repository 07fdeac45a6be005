//! `/list`: the shopping list — what the visitor means to buy, with quantities. Items whose
//! product a newer dataset no longer has stay, marked unavailable.

use crate::app::use_app_data;
use crate::components::lang_of;
use crate::i18n::*;
use crate::state::use_visitor;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn ListPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_app_data();
    let list = use_visitor().list;
    let lang = move || lang_of(i18n.get_locale());
    let rows = move || {
        let dataset = data.dataset();
        list.with(|l| l.items().to_vec())
            .into_iter()
            .map(|item| {
                let product = dataset.product(&item.product).cloned();
                let id = item.product.clone();
                let remove = {
                    let id = id.clone();
                    move |_| list.update(|l| {
                        l.remove(&id);
                    })
                };
                let name = {
                    let product = product.clone();
                    let id = id.clone();
                    move || product.as_ref().map(|p| p.name.get(lang()).to_string()).unwrap_or_else(|| id.clone())
                };
                let name_for_label = name.clone();
                let name_for_remove = name.clone();
                let quantity_id = id.clone();
                view! {
                    <li class="list-item" data-testid="list-item" data-product-id=id.clone()>
                        {match product {
                            Some(_) => view! { <A href=format!("/p/{id}")>{name.clone()}</A> }.into_any(),
                            None => view! { <span>{name.clone()}</span> " " <span class="badge badge-unconfirmed">{t!(i18n, product_unavailable)}</span> }.into_any(),
                        }}
                        <label class="quantity">
                            <span class="visually-hidden">{move || t_string!(i18n, quantity_of, name = name_for_label()).to_string()}</span>
                            <input
                                type="number"
                                min="1"
                                max="999"
                                inputmode="numeric"
                                prop:value=item.quantity.to_string()
                                on:change=move |ev| {
                                    if let Ok(q) = event_target_value(&ev).parse::<u32>() {
                                        list.update(|l| {
                                            l.set_quantity(&quantity_id, q);
                                        });
                                    }
                                }
                            />
                        </label>
                        <button type="button" class="icon-button" on:click=remove>
                            <span aria-hidden="true">"✕"</span>
                            <span class="visually-hidden">{move || t_string!(i18n, remove_item, name = name_for_remove()).to_string()}</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="list-page">
            <h1>{t!(i18n, list_title)}</h1>
            <Show
                when=move || list.with(|l| !l.is_empty())
                fallback=move || view! { <p data-testid="list-empty">{t!(i18n, list_empty)}</p> }
            >
                <ul class="plain shopping-list">{rows.clone()}</ul>
            </Show>
        </section>
    }
}
