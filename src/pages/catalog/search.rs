//! The search box: results follow every keystroke, the URL when typing pauses.

use super::nav::use_catalog_nav;
use crate::i18n::*;
use crate::state::kiosk::{use_kiosk, KIOSK_HOME_PATH};
use crate::state::language::localized;
use leptos::prelude::*;
use leptos_router::components::A;

/// The search box's id: the app carries text typed into the pre-rendered box into its own
/// (`browser::page::take_over_from_boot`). Written out as a literal in the view below too: a
/// constant attribute value costs wasm bytes a literal does not.
pub const SEARCH_INPUT_ID: &str = "catalog-search";

/// The search form; `text` is what the visitor typed.
#[component]
pub fn SearchBox(text: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    if use_kiosk() {
        // A kiosk has no keyboard (issue 21): its search is the home's suggestions and
        // letter keys, one tap away; the current search is shown, not editable here.
        let current = move || text.with(|q| (!q.is_empty()).then(|| format!(": {q}")));
        return view! {
            <p class="search-form">
                <A href=localized(KIOSK_HOME_PATH) attr:class="button" attr:data-testid="kiosk-search-link">
                    {t!(i18n, search_label)} {current}
                </A>
            </p>
        }
        .into_any();
    }
    let nav = use_catalog_nav();
    let on_input = move |ev| {
        text.set(event_target_value(&ev));
        nav.go_when_idle(nav.query().get_untracked());
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut q = nav.query().get_untracked();
        q.text = text.get_untracked();
        q.page = 0;
        nav.go(q, false);
    };
    view! {
        <form class="search-form" role="search" on:submit=on_submit>
            <label for="catalog-search">{t!(i18n, search_label)}</label>
            <input
                id="catalog-search"
                type="search"
                autocomplete="off"
                enterkeyhint="search"
                placeholder=move || t_string!(i18n, search_placeholder).to_string()
                prop:value=move || text.get()
                on:input=on_input
            />
            <button type="submit" class="button">
                {t!(i18n, search_button)}
            </button>
        </form>
    }
    .into_any()
}
