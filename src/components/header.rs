//! The top bar: the app's name (home), the language, About — and on a kiosk the way to the
//! list's QR code and "Start over". The primary destinations are the tab bar
//! (`components/tab_bar.rs`).

use crate::components::icons::{Destination, DestinationIcon};
use crate::components::kiosk::start_over;
use crate::i18n::*;
use crate::state::kiosk::use_kiosk;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <header class="site-header">
            <A href="/" attr:class="brand">
                <span class="brand-mark" aria-hidden="true">"★"</span>
                <span>{t!(i18n, app_name)}</span>
            </A>
            <LanguageSwitcher />
            <A href="/about" attr:class="header-link">
                <DestinationIcon destination=Destination::About />
                <span class="header-link-label">{t!(i18n, nav_about)}</span>
            </A>
            {use_kiosk().then(|| view! { <KioskTools /> })}
        </header>
    }
    .into_any()
}

/// Each language is named in itself, so a visitor finds theirs whatever is on screen.
/// The choice also goes into the URL (`lang=`), so a copied link or a kiosk's QR code opens
/// in the same language; on a phone it is also kept in localStorage for the next visit
/// (`state::language`).
#[component]
fn LanguageSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let query = use_query_map();
    let on_change = move |ev| {
        let Ok(locale) = event_target_value(&ev).parse::<Locale>() else {
            return;
        };
        i18n.set_locale(locale);
        let mut params = query.get_untracked();
        params.replace("lang", locale.as_str().to_string());
        let href = format!(
            "{}{}",
            location.pathname.get_untracked(),
            params.to_query_string()
        );
        use_navigate()(
            &href,
            NavigateOptions {
                replace: true,
                scroll: false,
                ..NavigateOptions::default()
            },
        );
    };
    view! {
        <label class="language">
            <span class="visually-hidden">{t!(i18n, language)}</span>
            <select on:change=on_change prop:value=move || i18n.get_locale().as_str()>
                <option value="vi" lang="vi">"Tiếng Việt"</option>
                <option value="en" lang="en">"English"</option>
                <option value="zh" lang="zh">"中文"</option>
            </select>
        </label>
    }
}

/// On a kiosk: the way to the list's QR code, and a manual "start over".
#[component]
fn KioskTools() -> impl IntoView {
    let i18n = use_i18n();
    let start_over = start_over();
    view! {
        <div class="kiosk-tools">
            <A href="/list" attr:class="button" attr:data-testid="kiosk-take-with-you">{t!(i18n, kiosk_take_with_you)}</A>
            <button type="button" class="button button-secondary" on:click=move |_| start_over() data-testid="kiosk-start-over">
                {t!(i18n, kiosk_start_over)}
            </button>
        </div>
    }
}
