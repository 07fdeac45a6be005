//! A first-time visitor whose browser prefers English or Chinese, on a Vietnamese page (a
//! shared link, a search result): the same page in their language is offered, not imposed —
//! the link they followed keeps its page, and a crawler's browser language moves nothing.
//! Floating over the page (style/main.css) so that appearing when the app takes over shifts
//! nothing, with a way to dismiss it.

use crate::i18n::*;
use crate::state::language::offered_language;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use ocop_core::Lang;

#[component]
pub fn LanguageOffer() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let dismissed = RwSignal::new(false);
    move || {
        location.pathname.track();
        if dismissed.get() {
            return None;
        }
        let lang = offered_language()?;
        let here = lang.localize(&location.pathname.get_untracked());
        // In the offered language: the visitor may not read the page's.
        let text = match lang {
            Lang::Vi => "Đọc trang này bằng tiếng Việt",
            Lang::En => "Read this page in English",
            Lang::Zh => "用中文阅读此页",
        };
        Some(view! {
            <aside class="notice language-offer" data-testid="language-offer">
                <A href=here attr:lang=lang.code() attr:hreflang=lang.code()>{text}</A>
                <button type="button" class="button button-secondary" on:click=move |_| dismissed.set(true)>
                    {t!(i18n, dismiss)}
                </button>
            </aside>
        })
    }
}
