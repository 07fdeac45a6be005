//! Clear ticked items, show the list to a seller, copy it as text, share it, print it. On a
//! kiosk only "clear ticked": a public screen has no clipboard, printer or seller to show
//! and must not share; the list leaves with the visitor as the take-away QR.

use super::counter::ShowToSeller;
use super::share::share_link;
use super::undo::Undo;
use crate::browser::share_sheet::{self, Shared};
use crate::browser::{copy_text, page};
use crate::components::lang_of;
use crate::i18n::*;
use crate::state::kiosk::use_kiosk;
use crate::state::language::page_lang;
use crate::state::{use_app_data, use_visitor};
use leptos::prelude::*;
use ocop_core::share::encode;
use ocop_core::shopping_plan::{counter_text, TextLabels};
use ocop_core::Lang;

/// What the copy or share did, for the status line.
#[derive(Clone, Copy, PartialEq)]
enum Outcome {
    Copied,
    CopyFailed,
    Shared,
}

/// Clear ticked, show to seller, copy as text, share, print.
#[component]
pub fn ListActions(undo: RwSignal<Option<Undo>>) -> impl IntoView {
    let i18n = use_i18n();
    let data = use_app_data();
    let visitor = use_visitor();
    let list = visitor.list;
    let any_ticked = move || list.with(|l| l.items().iter().any(|i| i.checked));
    let clear_ticked = move |_| {
        let mut removed = Vec::new();
        list.update(|l| removed = l.clear_checked());
        if !removed.is_empty() {
            undo.set(Some(Undo::Removed { items: removed }));
        }
    };
    let outcome = RwSignal::new(None::<Outcome>);
    let origin = page::origin();
    // The list in the visitor's language and in Vietnamese, grouped by shop, with links.
    let as_text = {
        let origin = origin.clone();
        move || {
            let lang = lang_of(i18n.get_locale_untracked());
            let site = format!("{origin}{}", page_lang().path_prefix());
            let visitor_labels = TextLabels {
                lang,
                heading: t_string!(i18n, list_title),
                unavailable: &format!("({})", t_string!(i18n, product_unavailable)),
                unavailable_group: t_string!(i18n, list_group_unavailable),
                online: t_string!(i18n, list_group_online),
                anywhere: t_string!(i18n, list_group_anywhere),
                site: &site,
            };
            let vi_labels = TextLabels {
                lang: Lang::Vi,
                heading: td_string!(Locale::vi, list_title),
                unavailable: &format!("({})", td_string!(Locale::vi, product_unavailable)),
                unavailable_group: td_string!(Locale::vi, list_group_unavailable),
                online: td_string!(Locale::vi, list_group_online),
                anywhere: td_string!(Locale::vi, list_group_anywhere),
                site: &origin,
            };
            let trip = visitor.trip.with_untracked(|t| t.stops().to_vec());
            list.with_untracked(|l| {
                counter_text(
                    l,
                    data.dataset(),
                    &data.places,
                    &trip,
                    &visitor_labels,
                    &vi_labels,
                )
            })
        }
    };
    let copy = move |text: String| {
        leptos::task::spawn_local(async move {
            let ok = copy_text(&text).await;
            outcome.set(Some(if ok { Outcome::Copied } else { Outcome::CopyFailed }));
        })
    };
    let copy_as_text = {
        let as_text = as_text.clone();
        move |_| copy(as_text())
    };
    let share = move |_| {
        let text = as_text();
        let link = {
            let site = format!("{origin}{}", page_lang().path_prefix());
            let code = list.with_untracked(|l| visitor.trip.with_untracked(|t| encode(l, t.stops())));
            share_link(&site, &code)
        };
        let title = t_string!(i18n, list_title).to_string();
        leptos::task::spawn_local(async move {
            match share_sheet::share(&title, &text, Some(&link)).await {
                Shared::Done => outcome.set(Some(Outcome::Shared)),
                Shared::Cancelled => outcome.set(None),
                // No share sheet: the text with the link goes to the clipboard instead.
                Shared::Unavailable => {
                    let ok = copy_text(&format!("{text}\n{link}\n")).await;
                    outcome.set(Some(if ok { Outcome::Copied } else { Outcome::CopyFailed }));
                }
            }
        });
    };
    let print = move |_| page::print();
    let private = (!use_kiosk()).then(|| {
        view! {
            <ShowToSeller product=None />
            <button type="button" class="button button-secondary" on:click=copy_as_text data-testid="copy-text">
                {t!(i18n, list_copy_text)}
            </button>
            <button type="button" class="button button-secondary" on:click=share data-testid="share-list-text">
                {t!(i18n, list_share)}
            </button>
            <button type="button" class="button button-secondary" on:click=print data-testid="print-list">
                {t!(i18n, list_print)}
            </button>
        }
    });
    view! {
        <div class="actions list-actions">
            {private}
            <button type="button" class="button button-secondary" on:click=clear_ticked disabled=move || !any_ticked() data-testid="clear-ticked">
                {t!(i18n, list_clear_ticked)}
            </button>
            <span role="status" data-testid="list-action-status">
                {move || outcome.get().map(|o| match o {
                    Outcome::Copied => t_string!(i18n, copied).to_string(),
                    Outcome::CopyFailed => t_string!(i18n, copy_failed).to_string(),
                    Outcome::Shared => String::new(),
                })}
            </span>
        </div>
    }
}
