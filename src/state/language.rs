//! The interface language: chosen by a link (`?lang=`), remembered on a phone, never on a
//! kiosk.

use crate::browser::storage::{storage_get, storage_set};
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use ocop_core::Lang;

/// The content language that goes with an interface locale.
pub fn lang_of(locale: Locale) -> Lang {
    match locale {
        Locale::vi => Lang::Vi,
        Locale::en => Lang::En,
        Locale::zh => Lang::Zh,
    }
}

/// localStorage key of the interface language a phone visitor chose.
pub const LANGUAGE_KEY: &str = "ocop.lang.v1";

/// `?lang=en` (from a shared link or a kiosk QR code) selects the interface language.
/// Unknown values are ignored.
pub fn follow_language_in_links(i18n: leptos_i18n::I18nContext<Locale>) {
    let query = use_query_map();
    Effect::new(move |_| {
        let wanted = query
            .with(|q| q.get("lang"))
            .and_then(|l| l.parse::<Locale>().ok());
        if let Some(locale) = wanted.filter(|l| *l != i18n.get_locale_untracked()) {
            i18n.set_locale(locale);
        }
    });
}

/// The language a phone visitor chose last time, unless the link names one (`?lang=`, applied
/// by [`follow_language_in_links`]); every later choice is saved. Without a saved choice
/// leptos_i18n follows the browser's languages.
pub fn remember_language(i18n: leptos_i18n::I18nContext<Locale>) {
    let from_link = use_query_map().with_untracked(|q| q.get("lang").is_some());
    let saved = storage_get(LANGUAGE_KEY).and_then(|l| l.parse::<Locale>().ok());
    // In an effect, not right away: leptos_i18n sets its initial locale (from the browser's
    // languages) in an effect of its own, which would overwrite an earlier choice.
    Effect::new(move |_| {
        if let Some(locale) = saved.filter(|_| !from_link) {
            i18n.set_locale(locale);
        }
    });
    Effect::new(move |previous: Option<Locale>| {
        let locale = i18n.get_locale();
        // Not on start-up: only a change is a choice worth keeping.
        if previous.is_some_and(|p| p != locale) {
            let _ = storage_set(LANGUAGE_KEY, locale.as_str());
        }
        locale
    });
}
