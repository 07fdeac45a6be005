//! Links that leave the app. On a phone: a normal link opening a new tab. On a kiosk, where
//! a visitor must not wander off onto the web (and could not take the page with them), the
//! same link becomes a button that shows its QR code to scan with a phone.
//!
//! Every URL that reaches an `href` from data passes `ocop_core::url::is_safe_http_url`
//! (http/https only): Leptos sets attributes as given and does not filter `javascript:`.
//! Callers check first (to decide whether to show a link at all); this component checks
//! again, so a new caller that forgets cannot make a script link — it gets plain text.

use crate::components::qr_code::QrCode;
use crate::i18n::*;
use crate::state::kiosk::use_kiosk;
use leptos::prelude::*;
use ocop_core::url::is_safe_http_url;

#[component]
pub fn ExternalLink(
    href: String,
    #[prop(optional, into)] class: Option<String>,
    children: ChildrenFn,
) -> impl IntoView {
    let i18n = use_i18n();
    if !is_safe_http_url(&href) {
        return view! { <span class=class>{children()}</span> }.into_any();
    }
    if !use_kiosk() {
        return view! {
            <a href=href class=class target="_blank" rel="noopener noreferrer">
                {children()}
                <span class="visually-hidden">" " {t!(i18n, opens_new_tab)}</span>
            </a>
        }
        .into_any();
    }
    let open = RwSignal::new(false);
    let text = href.clone();
    view! {
        <span class="external-qr">
            <button
                type="button"
                class=class.unwrap_or_else(|| "link-button".to_string())
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)
                data-testid="external-qr-button"
            >
                {children()}
                " "
                <span class="qr-hint">{t!(i18n, kiosk_scan_link)}</span>
            </button>
            <Show when=move || open.get()>
                <span class="external-qr-panel" data-testid="external-qr">
                    <QrCode
                        link=text.clone()
                        label=Signal::derive(move || t_string!(i18n, kiosk_link_qr_label).to_string())
                        too_long=Signal::derive(move || t_string!(i18n, list_qr_too_long).to_string())
                    />
                    <span class="external-qr-url">{text.clone()}</span>
                </span>
            </Show>
        </span>
    }
    .into_any()
}
