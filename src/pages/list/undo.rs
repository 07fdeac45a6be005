//! What the list page can undo (a removal, an import from a shared link), the bar that
//! offers it, and how the page changes its own address.

use crate::i18n::*;
use crate::state::use_visitor;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use ocop_core::shopping::{ListItem, ShoppingList};
use ocop_core::trip::Trip;

/// What the "Undo" button puts back.
#[derive(Clone, Debug)]
pub enum Undo {
    /// Items removed (one, or all ticked ones) with the positions they had.
    Removed { items: Vec<(usize, ListItem)> },
    /// The list (and trip) as they were before a shared link replaced or merged into them.
    Imported { list: ShoppingList, trip: Trip },
}

/// How `/list` changes its own address (a new grouping, a shared link dealt with): the
/// entry is replaced, so "Back" does not step through it, and the page stays where the
/// visitor was reading instead of jumping to the top.
pub(crate) fn replace_keeping_scroll() -> NavigateOptions {
    NavigateOptions {
        replace: true,
        scroll: false,
        ..NavigateOptions::default()
    }
}

/// "Removed …  [Undo]": stays until the next undoable action or until dismissed, because a
/// message that vanishes on a timer is missed by slow readers (WCAG 2.2.1).
#[component]
pub fn UndoBar(undo: RwSignal<Option<Undo>>) -> impl IntoView {
    let i18n = use_i18n();
    let visitor = use_visitor();
    let apply = move |_| {
        match undo.get_untracked() {
            Some(Undo::Removed { items }) => visitor.list.update(|l| {
                // Ascending positions, so each lands where it was.
                for (index, item) in items {
                    l.restore(index, item);
                }
            }),
            Some(Undo::Imported { list, trip }) => {
                visitor.list.set(list);
                visitor.trip.set(trip);
            }
            None => {}
        }
        undo.set(None);
    };
    // The removed row (or the disabled "Clear ticked" button) had focus: hand it to "Undo",
    // the natural next step, instead of letting it fall back to the top of the page.
    let undo_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if undo.with(Option::is_some) {
            if let Some(button) = undo_button.get() {
                let _ = button.focus();
            }
        }
    });
    let message = move || {
        undo.with(|u| match u {
            Some(Undo::Removed { items }) => {
                let count = items.len();
                Some(t_count!(i18n, list_removed, count))
            }
            Some(Undo::Imported { .. }) => Some(t_string!(i18n, list_imported).to_string()),
            None => None,
        })
    };
    view! {
        <div role="status" class="undo-slot">
            {move || message().map(|text| view! {
                <div class="notice undo-bar" data-testid="undo-bar">
                    <span>{text}</span>
                    <button type="button" class="button" on:click=apply node_ref=undo_button>{t!(i18n, undo)}</button>
                    <button type="button" class="button button-secondary" on:click=move |_| undo.set(None)>{t!(i18n, dismiss)}</button>
                </div>
            })}
        </div>
    }
}
