//! Clear ticked items, copy the list as text, print it.

use super::undo::Undo;
use crate::browser::{copy_text, page};
use crate::components::lang_of;
use crate::i18n::*;
use crate::state::{use_app_data, use_visitor};
use leptos::prelude::*;
use ocop_core::shopping_plan::plain_text;

/// Clear ticked items, copy as text, print.
#[component]
pub fn ListActions(undo: RwSignal<Option<Undo>>) -> impl IntoView {
    let i18n = use_i18n();
    let data = use_app_data();
    let list = use_visitor().list;
    let any_ticked = move || list.with(|l| l.items().iter().any(|i| i.checked));
    let clear_ticked = move |_| {
        let mut removed = Vec::new();
        list.update(|l| removed = l.clear_checked());
        if !removed.is_empty() {
            undo.set(Some(Undo::Removed { items: removed }));
        }
    };
    let copied = RwSignal::new(None::<bool>);
    let copy_as_text = move |_| {
        let lang = lang_of(i18n.get_locale_untracked());
        let text = list.with_untracked(|l| {
            plain_text(
                l,
                data.dataset(),
                lang,
                t_string!(i18n, list_title),
                &format!("({})", t_string!(i18n, product_unavailable)),
            )
        });
        leptos::task::spawn_local(async move { copied.set(Some(copy_text(&text).await)) });
    };
    let print = move |_| page::print();
    view! {
        <div class="actions list-actions">
            <button type="button" class="button button-secondary" on:click=clear_ticked disabled=move || !any_ticked() data-testid="clear-ticked">
                {t!(i18n, list_clear_ticked)}
            </button>
            <button type="button" class="button button-secondary" on:click=copy_as_text data-testid="copy-text">
                {t!(i18n, list_copy_text)}
            </button>
            <button type="button" class="button button-secondary" on:click=print>
                {t!(i18n, list_print)}
            </button>
            <span role="status">
                {move || copied.get().map(|ok| if ok { t_string!(i18n, copied).to_string() } else { t_string!(i18n, copy_failed).to_string() })}
            </span>
        </div>
    }
}
