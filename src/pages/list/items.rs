//! The list's items, grouped by where to buy them (the trip's stops first, in trip order)
//! or by category, each row editable in place.

use super::counter::ShowToSeller;
use super::undo::{replace_keeping_scroll, Undo};
use crate::browser::page;
use crate::components::labels;
use crate::components::lang_of;
use crate::components::names::VietnameseName;
use crate::i18n::*;
use crate::state::kiosk::use_kiosk;
use crate::state::language::{localized, page_lang};
use crate::state::{use_app_data, use_visitor};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use ocop_core::format::format_vnd_range;
use ocop_core::places::{place, place_path};
use ocop_core::shopping::{ShoppingList, MAX_NOTE_CHARS, MAX_QUANTITY};
use ocop_core::shopping_plan::{group_items, GroupBy, GroupKey};

/// The items, grouped as the visitor chose (`?by=where` or `?by=category`).
#[component]
pub fn GroupedItems(undo: RwSignal<Option<Undo>>) -> impl IntoView {
    let i18n = use_i18n();
    let data = use_app_data();
    let visitor = use_visitor();
    let query = use_query_map();
    let lang = move || lang_of(i18n.get_locale());
    let by = Memo::new(move |_| {
        query
            .with(|q| q.get("by"))
            .map_or(GroupBy::default(), |k| GroupBy::from_key(&k))
    });
    let navigate = StoredValue::new_local(use_navigate());
    let page_language = page_lang();
    let choose = move |choice: GroupBy| {
        let href = match choice {
            GroupBy::WhereToBuy => "/list".to_string(),
            other => format!("/list?by={}", other.key()),
        };
        navigate.with_value(|navigate| navigate(&page_language.localize(&href), replace_keeping_scroll()));
    };

    // Which items go in which group. A memo of ids only: ticking an item, changing its
    // quantity or note leaves it equal, so no row is redrawn and keyboard focus stays put.
    let layout = {
        let data = data.clone();
        Memo::new(move |_| {
            let trip = visitor.trip.with(|t| t.stops().to_vec());
            visitor.list.with(|l| {
                group_items(l, data.dataset(), &data.places, &trip, by.get())
                    .into_iter()
                    .map(|g| {
                        (
                            g.key,
                            g.items
                                .iter()
                                .map(|&i| l.items()[i].product.clone())
                                .collect::<Vec<_>>(),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let heading = move |key: &GroupKey| {
        let dataset = data.dataset();
        match key {
            GroupKey::Place { stop, on_trip } => {
                let name = place(dataset, stop).map(|p| p.name.clone());
                let path = localized(&place_path(stop));
                let on_trip = *on_trip;
                view! {
                    <A href=path>{move || name.as_ref().map(|n| n.get(lang()).to_string()).unwrap_or_default()}</A>
                    {on_trip.then(|| view! { " " <span class="badge badge-trip">{t!(i18n, on_my_trip_chip)}</span> })}
                }
                .into_any()
            }
            GroupKey::Online => view! { {t!(i18n, list_group_online)} }.into_any(),
            GroupKey::Anywhere => view! { {t!(i18n, list_group_anywhere)} }.into_any(),
            GroupKey::Category(group) => {
                let group = *group;
                (move || labels::group(i18n, group)).into_any()
            }
            GroupKey::Unavailable => view! { {t!(i18n, list_group_unavailable)} }.into_any(),
        }
    };
    let groups = {
        view! {
            <For
                each={move || layout.get().into_iter().map(|(key, _)| key).collect::<Vec<_>>()}
                key={|key: &GroupKey| format!("{key:?}")}
                children=move |key| {
                    let title = heading(&key);
                    let ids = move || layout.with(|l| l.iter().find(|(k, _)| *k == key).map(|(_, ids)| ids.clone()).unwrap_or_default());
                    view! {
                        <section class="list-group" data-testid="list-group">
                            <h2>{title}</h2>
                            <ul class="plain shopping-list">
                                <For each=ids key=|id| id.clone() children=move |id| view! { <ItemRow id undo /> } />
                            </ul>
                        </section>
                    }
                }
            />
        }
    };

    view! {
        <fieldset class="segmented" data-testid="group-by">
            <legend>{t!(i18n, list_group_by)}</legend>
            <label>
                <input type="radio" name="group-by" prop:checked=move || by.get() == GroupBy::WhereToBuy on:change=move |_| choose(GroupBy::WhereToBuy) />
                <span>{t!(i18n, list_by_where)}</span>
            </label>
            <label>
                <input type="radio" name="group-by" prop:checked=move || by.get() == GroupBy::Category on:change=move |_| choose(GroupBy::Category) />
                <span>{t!(i18n, list_by_category)}</span>
            </label>
        </fieldset>
        {groups}
    }
    .into_any()
}

/// One item: tick box named by the product, price, quantity stepper, note and remove.
/// Reads its own state from the list, so edits update it in place.
#[component]
fn ItemRow(id: String, undo: RwSignal<Option<Undo>>) -> impl IntoView {
    let i18n = use_i18n();
    let data = use_app_data();
    let list = use_visitor().list;
    let lang = move || lang_of(i18n.get_locale());
    let item = {
        let id = id.clone();
        Memo::new(move |_| list.with(|l| l.items().iter().find(|i| i.product == id).cloned()))
    };
    let quantity = move || item.with(|i| i.as_ref().map_or(1, |i| i.quantity));
    let checked = move || item.with(|i| i.as_ref().is_some_and(|i| i.checked));
    let note = move || item.with(|i| i.as_ref().map(|i| i.note.clone()).unwrap_or_default());

    let product = data.dataset().product(&id).cloned();
    let available = product.is_some();
    let name = {
        let product = product.clone();
        let id = id.clone();
        Signal::derive(move || {
            product
                .as_ref()
                .map_or_else(|| id.clone(), |p| p.name.get(lang()).to_string())
        })
    };
    // What the visitor shows a seller.
    let vi_name = product.as_ref().map(|p| p.name.clone());
    let price = product.as_ref().and_then(|p| p.price.clone()).map(|p| {
        move || {
            let price = format_vnd_range(p.min_vnd, p.max_vnd, lang());
            t_string!(i18n, price_per, price, unit = p.unit.clone()).to_string()
        }
    });
    let checkbox_id = format!("tick-{id}");
    // A kiosk has no seller to show and keeps no notes: nothing typed on a public screen.
    let kiosk = use_kiosk();
    let for_seller = (available && !kiosk).then(|| id.clone());
    // Every edit names the item by id: the row may have moved since it was drawn. The id is
    // stored (not captured as a `String`) so `edit` is `Copy` and every handler can share it.
    let product_id = StoredValue::new(id.clone());
    let edit = move |change: &dyn Fn(&mut ShoppingList, &str)| {
        product_id.with_value(|id| list.update(|l| change(l, id)))
    };
    let note_field = (!kiosk).then(|| {
        view! {
            <label class="note-field">
                <span class="visually-hidden">{move || t_string!(i18n, note_for, name = name.get()).to_string()}</span>
                <input
                    type="text"
                    maxlength=MAX_NOTE_CHARS
                    placeholder=move || t_string!(i18n, note_placeholder).to_string()
                    prop:value=note
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        edit(&|l, id| {
                            l.set_note(id, &value);
                        })
                    }
                />
            </label>
        }
    });
    let remove = {
        let id = id.clone();
        move |_| {
            let mut removed = None;
            list.update(|l| removed = l.remove_with_undo(&id));
            if let Some(removed) = removed {
                undo.set(Some(Undo::Removed { items: vec![removed] }));
            }
        }
    };
    view! {
        <li class="list-item" class:checked=checked data-testid="list-item" data-product-id=id.clone() data-available=available.to_string()>
            <div class="list-item-main">
                <input
                    type="checkbox"
                    id=checkbox_id.clone()
                    prop:checked=checked
                    on:change=move |_| edit(&|l, id| {
                        l.toggle_checked(id);
                    })
                />
                <label for=checkbox_id class="list-item-name">{move || name.get()}</label>
                {if available {
                    view! { <A href=localized(&format!("/p/{id}")) attr:class="details-link">{t!(i18n, details)}<span class="visually-hidden">": " {move || name.get()}</span></A> }.into_any()
                } else {
                    view! { <span class="badge badge-unconfirmed" data-testid="unavailable">{t!(i18n, product_unavailable)}</span> }.into_any()
                }}
            </div>
            {vi_name.map(|name| view! { <VietnameseName name /> })}
            {for_seller.map(|product| view! { <ShowToSeller product=Some(product) /> })}
            {price.map(|price| view! { <p class="muted list-item-price">{price}</p> })}
            <div class="list-item-edit">
                <div class="stepper" role="group" aria-label=move || t_string!(i18n, quantity_of, name = name.get()).to_string()>
                    <button type="button" class="icon-button" disabled={move || quantity() <= 1} on:click=move |_| {
                        let q = quantity();
                        edit(&|l, id| {
                            l.set_quantity(id, q.saturating_sub(1));
                        })
                    }>
                        <span aria-hidden="true">"−"</span>
                        <span class="visually-hidden">{t!(i18n, quantity_less)}</span>
                    </button>
                    <input
                        type="number"
                        min="1"
                        max=MAX_QUANTITY
                        inputmode="numeric"
                        aria-label=move || t_string!(i18n, quantity_of, name = name.get()).to_string()
                        prop:value=move || quantity().to_string()
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            let old = quantity();
                            edit(&|l, id| {
                                // Anything unreadable keeps the old quantity.
                                l.set_quantity(id, value.trim().parse::<u32>().unwrap_or(old));
                            });
                            // The list may not change (same or unreadable value): redraw the field.
                            page::set_input_value(&ev, &quantity().to_string());
                        }
                    />
                    <button type="button" class="icon-button" disabled={move || quantity() >= MAX_QUANTITY} on:click=move |_| {
                        let q = quantity();
                        edit(&|l, id| {
                            l.set_quantity(id, q + 1);
                        })
                    }>
                        <span aria-hidden="true">"+"</span>
                        <span class="visually-hidden">{t!(i18n, quantity_more)}</span>
                    </button>
                </div>
                {note_field}
                <button type="button" class="icon-button" on:click=remove data-testid="remove-item">
                    <span aria-hidden="true">"✕"</span>
                    <span class="visually-hidden">{move || t_string!(i18n, remove_item, name = name.get()).to_string()}</span>
                </button>
            </div>
        </li>
    }
    .into_any()
}
