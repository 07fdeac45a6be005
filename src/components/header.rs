//! The top bar: the app's name (home), the language, About — and on a kiosk the way to the
//! list's QR code and "Start over". The primary destinations are the tab bar
//! (`components/tab_bar.rs`).

use crate::components::icons::{Destination, DestinationIcon};
use crate::i18n::*;
use crate::state::kiosk::{use_kiosk, use_kiosk_overlay, KioskView};
use crate::state::language::{localized_href, use_switch_language};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <header class="site-header">
            <A href=localized_href("/") exact=true attr:class="brand">
                <span class="brand-mark" aria-hidden="true">"★"</span>
                <span>{t!(i18n, app_name)}</span>
            </A>
            <LanguageSwitcher />
            <A href=localized_href("/about") attr:class="header-link">
                <DestinationIcon destination=Destination::About />
                <span class="header-link-label">{t!(i18n, nav_about)}</span>
            </A>
            {use_kiosk().then(|| view! { <KioskTools /> })}
        </header>
    }
    .into_any()
}

/// Each language is named in itself, so a visitor finds theirs whatever is on screen.
/// Choosing one shows the same page under that language's path (`state::language`), so a
/// copied link or a kiosk's QR code opens in it; on a phone the choice is also kept for the
/// next visit.
#[component]
fn LanguageSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    let switch = use_switch_language();
    let save = !use_kiosk();
    let on_change = move |ev| {
        if let Ok(locale) = event_target_value(&ev).parse::<Locale>() {
            switch(locale, save);
        }
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

/// On a kiosk: the full-screen take-away QR, and "Start over" (which asks first). Both are
/// drawn by the kiosk's part (`pages::kiosk`); these buttons only ask for them.
#[component]
fn KioskTools() -> impl IntoView {
    let i18n = use_i18n();
    let overlay = use_kiosk_overlay();
    let show = move |view: KioskView| {
        move |_| {
            if let Some(overlay) = overlay {
                overlay.set(view);
            }
        }
    };
    view! {
        <div class="kiosk-tools">
            <button type="button" class="button" on:click=show(KioskView::TakeAway) data-testid="kiosk-take-with-you">
                {t!(i18n, kiosk_take_with_you)}
            </button>
            <button type="button" class="button button-secondary" on:click=show(KioskView::ConfirmStartOver) data-testid="kiosk-start-over">
                {t!(i18n, kiosk_start_over)}
            </button>
        </div>
    }
}
