//! Carrying the list away and bringing one in: the share link (list + trip in the URL
//! fragment, see `ocop_core::share`) shown as a QR code and as text, and the offer to merge
//! or replace when a shared link is opened.
//!
//! Opening a link never changes anything by itself: the visitor chooses, and the choice can
//! be undone. A damaged link changes nothing and says so.

use super::undo::{replace_keeping_scroll, Undo};
use crate::browser::share_sheet::{self, Shared as SheetResult};
use crate::browser::{copy_text, page};
use crate::components::lang_of;
use crate::components::qr_code::QrCode;
use crate::i18n::*;
use crate::state::kiosk::{use_kiosk_overlay, KioskView};
use crate::state::language::page_lang;
use crate::state::{use_app_data, use_visitor};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use ocop_core::places::place;
use ocop_core::share::{decode, encode, Choice, ShareError, Shared, MAX_SHARED_ITEMS};
use ocop_core::trip::Trip;

/// The path shared links open; the code follows the `#`.
pub const SHARE_PATH: &str = "/list";

/// The link that carries the visitor's list and trip.
pub fn share_link(origin: &str, code: &str) -> String {
    format!("{origin}{SHARE_PATH}#{code}")
}

/// What the fragment of the current address holds.
#[derive(Clone, Debug, PartialEq)]
enum Fragment {
    /// No fragment, or an in-page anchor such as the skip link's `#main`.
    Nothing,
    Shared(Shared),
    /// Made by a newer version of the app.
    Newer,
    /// Cut short, altered or hand-made.
    Damaged,
}

fn read_fragment(hash: &str) -> Fragment {
    match decode(hash) {
        Ok(shared) => Fragment::Shared(shared),
        Err(ShareError::Empty) => Fragment::Nothing,
        // Versions are digits; a letter is an anchor (`#main`), not a code.
        Err(ShareError::UnknownVersion(v)) if v.is_ascii_digit() => Fragment::Newer,
        Err(ShareError::UnknownVersion(_)) => Fragment::Nothing,
        Err(ShareError::Malformed(_)) => Fragment::Damaged,
    }
}

/// Shown when the page was opened from a shared link: what it carries, which products the
/// catalogue does not know (they are kept, and flagged in the list), and merge / replace /
/// ignore. After a choice the fragment is removed, so a reload does not offer it again.
#[component]
pub fn SharedListOffer(undo: RwSignal<Option<Undo>>) -> impl IntoView {
    let i18n = use_i18n();
    let data = use_app_data();
    let visitor = use_visitor();
    let location = use_location();
    let fragment = Memo::new(move |_| location.hash.with(|h| read_fragment(h)));
    let navigate = StoredValue::new_local(use_navigate());
    let lang = page_lang();
    let forget_fragment = move || {
        let search = location.search.get_untracked();
        let href = if search.is_empty() {
            "/list".to_string()
        } else {
            format!("/list?{}", search.trim_start_matches('?'))
        };
        navigate.with_value(|navigate| navigate(&lang.localize(&href), replace_keeping_scroll()));
    };
    let remember_for_undo = move || Undo::Imported {
        list: visitor.list.get_untracked(),
        trip: visitor.trip.get_untracked(),
    };

    move || {
        match fragment.get() {
            Fragment::Nothing => None,
            // Either way nothing was changed; only the advice differs.
            unusable @ (Fragment::Newer | Fragment::Damaged) => {
                let newer = unusable == Fragment::Newer;
                let message = move || {
                    if newer {
                        t_string!(i18n, shared_list_newer)
                    } else {
                        t_string!(i18n, shared_list_damaged)
                    }
                };
                Some(
                    view! {
                        <section class="notice notice-warning" role="alert" data-testid="shared-list-error">
                            <p>{message}</p>
                            <button type="button" class="button button-secondary" on:click=move |_| forget_fragment()>{t!(i18n, dismiss)}</button>
                        </section>
                    }
                    .into_any(),
                )
            }
            Fragment::Shared(shared) => {
                let dataset = data.dataset();
                let unknown: Vec<String> = shared
                    .items
                    .iter()
                    .filter(|(id, _)| dataset.product(id).is_none())
                    .map(|(id, _)| id.clone())
                    .collect();
                let unknown_stops = shared
                    .stops
                    .iter()
                    .filter(|s| place(dataset, s).is_none())
                    .count();
                let count = shared.items.len();
                let stops = shared.stops.len();
                let preview = shared.clone();
                // Both choices go through `Shared::apply`, the function the property tests
                // exercise; the page only remembers what to restore for "Undo".
                let choose = move |choice: Choice| {
                    let shared = shared.clone();
                    move |_| {
                        undo.set(Some(remember_for_undo()));
                        visitor.list.update(|list| {
                            visitor.trip.update(|trip| {
                                shared.apply(choice, list, trip);
                            })
                        });
                        forget_fragment();
                    }
                };
                let merge = choose(Choice::Merge);
                let replace = choose(Choice::Replace);
                Some(
                    view! {
                        <section class="notice shared-list" role="region" aria-labelledby="shared-list-title" data-testid="shared-list">
                            <h2 id="shared-list-title">{move || t_count!(i18n, shared_list_title, count)}</h2>
                            {(stops > 0).then(|| view! { <p>{move || t_count!(i18n, shared_list_stops, count = stops)}</p> })}
                            <SharedPreview shared=preview />
                            {(!unknown.is_empty()).then(|| {
                                let count = unknown.len();
                                let ids = unknown.join(", ");
                                view! {
                                    <p data-testid="shared-list-unknown">
                                        {move || t_count!(i18n, shared_list_unknown, count)} " "
                                        <code>{ids}</code>
                                    </p>
                                }
                            })}
                            {(unknown_stops > 0).then(|| view! { <p>{move || t_count!(i18n, shared_trip_unknown, count = unknown_stops)}</p> })}
                            <div class="actions">
                                <button type="button" class="button" on:click=merge>{t!(i18n, shared_list_merge)}</button>
                                <button type="button" class="button button-secondary" on:click=replace>{t!(i18n, shared_list_replace)}</button>
                                <button type="button" class="button button-secondary" on:click=move |_| forget_fragment()>{t!(i18n, shared_trip_ignore)}</button>
                            </div>
                        </section>
                    }
                    .into_any(),
                )
            }
        }
    }
}

/// What a shared link holds, before the visitor adds or replaces: each product's name in
/// the page's language (with the Vietnamese one) and quantity, products the data does not
/// know flagged by id, and the trip's stops by name.
#[component]
fn SharedPreview(shared: Shared) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || lang_of(i18n.get_locale());
    let data = use_app_data();
    let dataset = data.dataset();
    let items = shared
        .items
        .iter()
        .map(|(id, quantity)| {
            let quantity = *quantity;
            match dataset.product(id) {
                Some(p) => {
                    let name = p.name.clone();
                    let vi = (name.vi.clone(), name.clone());
                    view! {
                        <li data-testid="shared-item">
                            {quantity} " × " {move || name.get(lang()).to_string()}
                            {move || (vi.1.get(lang()) != vi.0).then(|| view! { " " <span class="muted" lang="vi">"(" {vi.0.clone()} ")"</span> })}
                        </li>
                    }
                    .into_any()
                }
                None => {
                    let id = id.clone();
                    view! {
                        <li data-testid="shared-item" data-unknown="true">
                            {quantity} " × " <code>{id}</code> " "
                            <span class="badge badge-unconfirmed">{t!(i18n, shared_item_unknown)}</span>
                        </li>
                    }
                    .into_any()
                }
            }
        })
        .collect_view();
    let stops: Vec<_> = shared
        .stops
        .iter()
        .map(|stop| place(dataset, stop).map(|p| p.name.clone()))
        .collect();
    let has_stops = !stops.is_empty();
    let stops = stops
        .into_iter()
        .map(|name| match name {
            Some(name) => view! { <li data-testid="shared-stop">{move || name.get(lang()).to_string()}</li> }.into_any(),
            None => view! { <li data-testid="shared-stop"><span class="badge badge-unconfirmed">{t!(i18n, shared_item_unknown)}</span></li> }.into_any(),
        })
        .collect_view();
    view! {
        <div class="shared-preview" data-testid="shared-preview">
            <p>{t!(i18n, shared_list_holds)}</p>
            <ul>{items}</ul>
            {has_stops.then(|| view! {
                <p>{t!(i18n, shared_list_trip_holds)}</p>
                <ol>{stops}</ol>
            })}
        </div>
    }
}

/// "Take it with you": the QR code of the share link, the link itself (selectable and
/// copyable), and what it carries. On a kiosk, one button to the full-screen take-away QR
/// instead: no link to copy or share on a public screen.
#[component]
pub fn ShareList() -> impl IntoView {
    let i18n = use_i18n();
    if let Some(overlay) = use_kiosk_overlay() {
        return view! {
            <section class="share-list" aria-labelledby="share-list-title" data-testid="share-list">
                <h2 id="share-list-title">{t!(i18n, list_take_with_you)}</h2>
                <button type="button" class="button" on:click=move |_| overlay.set(KioskView::TakeAway) data-testid="list-take-away">
                    {t!(i18n, kiosk_take_with_you)}
                </button>
            </section>
        }
        .into_any();
    }
    let visitor = use_visitor();
    // In the page's language: a kiosk visitor who chose English gets an English page.
    let site = format!("{}{}", page::origin(), page_lang().path_prefix());
    let link = Memo::new(move |_| {
        let code = visitor.list.with(|l| visitor.trip.with(|t| encode(l, t.stops())));
        share_link(&site, &code)
    });
    let stops = move || visitor.trip.with(Trip::len);
    let copied = RwSignal::new(None::<bool>);
    let copy_link = move |_| {
        let text = link.get_untracked();
        leptos::task::spawn_local(async move { copied.set(Some(copy_text(&text).await)) });
    };
    // The system share sheet where there is one; otherwise the link is copied.
    let share_link_now = move |_| {
        let url = link.get_untracked();
        let title = t_string!(i18n, list_title).to_string();
        leptos::task::spawn_local(async move {
            match share_sheet::share(&title, "", Some(&url)).await {
                SheetResult::Done | SheetResult::Cancelled => copied.set(None),
                SheetResult::Unavailable => copied.set(Some(copy_text(&url).await)),
            }
        });
    };
    view! {
        <section class="share-list" aria-labelledby="share-list-title" data-testid="share-list">
            <h2 id="share-list-title">{t!(i18n, list_take_with_you)}</h2>
            <p>{t!(i18n, list_scan_hint)}</p>
            {move || (visitor.list.with(|l| l.len()) > MAX_SHARED_ITEMS).then(|| {
                view! { <p class="notice notice-warning">{t_string!(i18n, list_share_truncated, count = MAX_SHARED_ITEMS).to_string()}</p> }
            })}
            {move || (stops() > 0).then(|| {
                let count = stops();
                view! { <p class="muted">{t_count!(i18n, list_share_includes_trip, count)}</p> }
            })}
            <QrCode
                link=link
                label=Signal::derive(move || t_string!(i18n, list_qr_label).to_string())
                too_long=Signal::derive(move || t_string!(i18n, list_qr_too_long).to_string())
            />
            <label class="field share-link">
                <span>{t!(i18n, list_share_link)}</span>
                <input type="text" readonly prop:value=move || link.get() data-testid="list-share-link" on:focus=|ev| page::select_input_text(&ev) />
            </label>
            <div class="actions">
                <button type="button" class="button button-secondary" on:click=copy_link>{t!(i18n, copy_link)}</button>
                <button type="button" class="button button-secondary" on:click=share_link_now data-testid="share-link-button">{t!(i18n, list_share)}</button>
                <span role="status">
                    {move || copied.get().map(|ok| if ok { t_string!(i18n, copied).to_string() } else { t_string!(i18n, copy_failed).to_string() })}
                </span>
            </div>
            <p class="muted">{t!(i18n, list_share_private)}</p>
        </section>
    }
    .into_any()
}
