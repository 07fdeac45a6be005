use crate::i18n::*;
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
            <nav aria-label=move || t_string!(i18n, nav_main).to_string()>
                <ul>
                    <li>
                        <A href="/">{t!(i18n, nav_catalog)}</A>
                    </li>
                    <li>
                        <A href="/about">{t!(i18n, nav_about)}</A>
                    </li>
                </ul>
            </nav>
            <LanguageSwitcher />
        </header>
    }
}

/// Each language is named in itself, so a visitor finds theirs whatever is on screen.
/// The choice also goes into the URL (`lang=`), so a copied link or a kiosk's QR code opens
/// in the same language; leptos_i18n keeps it in a cookie for the next visit.
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
