//! Search on a kiosk without a keyboard: the popular searches in the visitor's language
//! (`ocop_core::search::popular_searches`) and the largest categories as one-tap chips, and
//! for Latin-script languages an on-screen keyboard of plain letters — the search ignores
//! Vietnamese tones, so "tra hoa vang" finds "trà hoa vàng". Chinese visitors browse by the
//! tiles and the chips (typing Chinese needs an input method a kiosk does not have).

use crate::components::labels;
use crate::i18n::*;
use crate::pages::catalog::nav::catalog_href;
use crate::state::language::page_lang;
use crate::state::use_app_data;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use ocop_core::catalog::CatalogQuery;
use ocop_core::search::{popular_searches, Category};
use ocop_core::Lang;

/// Chips of categories offered beside the popular searches.
const CATEGORY_CHIPS: usize = 6;
/// Longer searches are not typed on a touch keyboard.
const MAX_TYPED: usize = 40;
const ROWS: [&str; 3] = ["QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM"];

#[component]
pub fn KioskSearch() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_app_data();
    let lang = page_lang();
    let text_href = move |text: &str| {
        catalog_href(
            &CatalogQuery {
                text: text.to_string(),
                ..CatalogQuery::default()
            },
            lang,
        )
    };
    let popular = popular_searches(lang)
        .iter()
        .map(|&q| view! { <li><A href=text_href(q) attr:class="chip kiosk-chip" attr:data-testid="kiosk-suggestion">{q}</A></li> })
        .collect_view();
    // With an empty query, `nearest_categories` offers the largest categories.
    let categories = data
        .search
        .nearest_categories("", CATEGORY_CHIPS)
        .into_iter()
        .filter_map(|c| match c {
            Category::Sub(key) => Some(key),
            Category::Group(_) => None,
        })
        .map(|key| {
            let query = CatalogQuery {
                subcategories: [key.to_string()].into(),
                ..CatalogQuery::default()
            };
            view! { <li><A href=catalog_href(&query, lang) attr:class="chip kiosk-chip" attr:data-testid="kiosk-category-chip">{move || labels::subcategory(i18n, key)}</A></li> }
        })
        .collect_view();
    view! {
        <section class="kiosk-search" aria-labelledby="kiosk-search-title">
            <h2 id="kiosk-search-title">{t!(i18n, kiosk_search_title)}</h2>
            <ul class="plain kiosk-chips" aria-label=move || t_string!(i18n, kiosk_popular_searches).to_string()>{popular}</ul>
            <ul class="plain kiosk-chips" aria-label=move || t_string!(i18n, kiosk_categories).to_string()>{categories}</ul>
            {(lang != Lang::Zh).then(|| view! { <LetterKeyboard /> })}
        </section>
    }
}

/// Plain Latin letters, a space, a backspace and "Search".
#[component]
fn LetterKeyboard() -> impl IntoView {
    let i18n = use_i18n();
    let lang = page_lang();
    let typed = RwSignal::new(String::new());
    let navigate = use_navigate();
    let search = move |_| {
        let text = typed.get_untracked();
        if !text.trim().is_empty() {
            let query = CatalogQuery {
                text,
                ..CatalogQuery::default()
            };
            navigate(&catalog_href(&query, lang), Default::default());
        }
    };
    let key = move |letter: char| {
        view! {
            <button type="button" class="kiosk-key" on:click=move |_| typed.update(|t| if t.chars().count() < MAX_TYPED { t.push(letter.to_ascii_lowercase()) })>
                {letter.to_string()}
            </button>
        }
    };
    let rows = ROWS
        .iter()
        .map(|row| view! { <div class="kiosk-key-row">{row.chars().map(key).collect_view()}</div> })
        .collect_view();
    view! {
        <div class="kiosk-keyboard" role="group" aria-label=move || t_string!(i18n, kiosk_keyboard).to_string() data-testid="kiosk-keyboard">
            <p class="kiosk-typed">
                <span class="visually-hidden">{t!(i18n, kiosk_typed)} " "</span>
                <output data-testid="kiosk-typed" aria-live="polite">{move || typed.get()}</output>
            </p>
            {rows}
            <div class="kiosk-key-row">
                <button type="button" class="kiosk-key kiosk-key-wide" on:click=move |_| typed.update(|t| t.push(' '))>{t!(i18n, kiosk_key_space)}</button>
                <button type="button" class="kiosk-key kiosk-key-wide" on:click=move |_| { typed.update(|t| { t.pop(); }); }>
                    <span aria-hidden="true">"⌫ "</span>{t!(i18n, kiosk_key_delete)}
                </button>
                <button type="button" class="button kiosk-key-wide" on:click=search data-testid="kiosk-key-search" disabled=move || typed.with(|t| t.trim().is_empty())>
                    {t!(i18n, kiosk_key_search)}
                </button>
            </div>
        </div>
    }
}
