//! `/kiosk`: the attract screen a kiosk shows between visitors — featured products and
//! routes taking turns, the language choice (in the order `config.json` gives), and "Touch
//! to start". A touch anywhere but on a language button opens the kiosk's home (tiles);
//! the kiosk comes back here after the idle countdown.

use crate::browser::page;
use crate::components::icons::GroupIcon;
use crate::components::labels;
use crate::components::lang_of;
use crate::components::rating::RatingLine;
use crate::i18n::*;
use crate::state::kiosk::KIOSK_HOME_PATH;
use crate::state::language::{localized, use_switch_language};
use crate::state::use_app_data;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use ocop_core::geo;
use ocop_core::kiosk::{featured, Featured};
use ocop_core::Lang;
use std::time::Duration;

/// At most this many products take turns (with every route between them).
const FEATURED_PRODUCTS: usize = 12;

#[component]
pub fn KioskAttract() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_app_data();
    let kiosk = data.kiosk.resolved();
    let languages = kiosk.languages.clone();
    let lang = move || lang_of(i18n.get_locale());
    let items = featured(data.dataset(), FEATURED_PRODUCTS, &page::this_month_key());
    let count = items.len();
    let current = RwSignal::new(0usize);
    // WCAG 2.2.2: moving content can be paused.
    let paused = RwSignal::new(false);
    if count > 1 {
        let pace = Duration::from_millis(kiosk.attract_ms());
        // `try_`: a timer tick can still arrive while the screen is being torn down.
        let next = move || {
            if paused.try_get_untracked() == Some(false) {
                current.try_update(|i| *i = (*i + 1) % count);
            }
        };
        if let Some(handle) = page::every(pace, next) {
            on_cleanup(move || handle.clear());
        }
    }
    let navigate = use_navigate();
    // Replace, so "back" from the home screen never leads to a stale attract screen.
    let home = localized(KIOSK_HOME_PATH);
    let start = move |_| {
        navigate(
            &home,
            NavigateOptions {
                replace: true,
                ..NavigateOptions::default()
            },
        )
    };

    let slide = move || {
        let dataset = data.dataset();
        let item = *items.get(current.get())?;
        Some(match item {
            Featured::Product(p) => {
                let product = dataset.products[p].clone();
                let area = product.locality.district.as_deref().and_then(geo::district);
                let rating = product.rating.clone();
                let group = product.group;
                let name = product.name.clone();
                view! {
                    <div class="kiosk-slide" data-testid="kiosk-slide">
                        <GroupIcon group />
                        <p class="kiosk-slide-kind">{move || labels::group(i18n, group)}</p>
                        <h2 lang=move || if name.has(lang()) { lang().code() } else { "vi" }>
                            {move || product.name.get(lang()).to_string()}
                        </h2>
                        <p class="product-rating"><RatingLine rating /></p>
                        {area.map(|d| view! { <p class="muted">{move || d.name().get(lang()).to_string()}</p> })}
                    </div>
                }
                .into_any()
            }
            Featured::Route(r) => {
                let route = dataset.routes[r].clone();
                let stops = route.stops.len();
                view! {
                    <div class="kiosk-slide" data-testid="kiosk-slide">
                        <p class="kiosk-slide-kind">{t!(i18n, nav_routes)}</p>
                        <h2>{move || route.name.get(lang()).to_string()}</h2>
                        <p>{move || route.theme.get(lang()).to_string()}</p>
                        <p class="muted">{move || t_count!(i18n, route_stop_count, count = stops)}</p>
                    </div>
                }
                .into_any()
            }
        })
    };

    let switch = use_switch_language();
    let choose = move |locale: Locale| {
        let switch = switch.clone();
        move |ev: leptos::ev::MouseEvent| {
            // Choosing a language is not "start".
            ev.stop_propagation();
            switch(locale, false);
        }
    };
    let language = move |lang: Lang| {
        let (locale, name) = match lang {
            Lang::Vi => (Locale::vi, "Tiếng Việt"),
            Lang::En => (Locale::en, "English"),
            Lang::Zh => (Locale::zh, "中文"),
        };
        view! {
            <button
                type="button"
                class="button button-secondary"
                lang=locale.as_str()
                aria-pressed=move || (i18n.get_locale() == locale).to_string()
                on:click=choose(locale)
            >
                {name}
            </button>
        }
    };
    view! {
        <section class="kiosk-attract" data-testid="kiosk-attract" on:click=start.clone() aria-labelledby="attract-title">
            <div class="kiosk-attract-inner">
                <p class="kiosk-brand">"OCOP Quảng Ninh"</p>
                <h1 id="attract-title">{t!(i18n, tagline)}</h1>
                // Rotating content is not announced on every turn.
                <div class="kiosk-slides" aria-live="off">{slide}</div>
                <button
                    type="button"
                    class="button button-secondary kiosk-pause"
                    aria-pressed=move || paused.get().to_string()
                    on:click=move |ev| {
                        ev.stop_propagation();
                        paused.update(|p| *p = !*p);
                    }
                >
                    {t!(i18n, kiosk_pause)}
                </button>
                <button type="button" class="button kiosk-start" data-testid="kiosk-start">{t!(i18n, kiosk_touch_to_start)}</button>
                <div class="kiosk-languages" role="group" aria-label=move || t_string!(i18n, language).to_string()>
                    {languages.into_iter().map(language).collect_view()}
                </div>
            </div>
        </section>
    }
    .into_any()
}
