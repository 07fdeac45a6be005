//! `/list`: the shopping list — what the visitor means to buy, grouped by where to buy it
//! (the trip's stops first, in trip order) or by category, with quantities, notes, ticks,
//! an estimated total, and ways to take it along (link, QR code, text, print).
//!
//! Grouping and totals come from `ocop_core::shopping_plan`, list edits from
//! `ocop_core::shopping`; this page only lays them out. Every removal can be undone: the
//! page keeps what was removed (with its position) until the next undoable action.

mod actions;
mod counter;
mod items;
mod share;
mod summary;
mod undo;

use crate::i18n::*;
use crate::state::language::localized;
use crate::state::use_visitor;
use actions::ListActions;
use items::GroupedItems;
use leptos::prelude::*;
use leptos_router::components::A;
use ocop_core::shopping::ShoppingList;
use ocop_core::trip::Trip;
use share::{ShareList, SharedListOffer};
use summary::ListSummary;
use undo::{Undo, UndoBar};

#[component]
pub fn ListPage() -> impl IntoView {
    let i18n = use_i18n();
    let visitor = use_visitor();
    let list = visitor.list;
    let undo = RwSignal::new(None::<Undo>);
    let empty = move || list.with(ShoppingList::is_empty);

    view! {
        <section class="list-page">
            <h1>{t!(i18n, list_title)}</h1>
            <SharedListOffer undo />
            <UndoBar undo />
            <Show
                when=move || !empty()
                fallback=move || view! {
                    <p data-testid="list-empty">{t!(i18n, list_empty)}</p>
                    <p><A href=localized("/") exact=true attr:class="button">{t!(i18n, list_browse_catalog)}</A></p>
                }
            >
                <ListSummary />
                <GroupedItems undo />
                <ListActions undo />
            </Show>
            // The trip travels in the same link, so a trip alone is worth sharing too.
            <Show when=move || !empty() || !visitor.trip.with(Trip::is_empty)>
                <ShareList />
            </Show>
        </section>
    }
    .into_any()
}
