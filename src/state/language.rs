//! The interface language lives in the path: Vietnamese at `/`, English under `/en/`, Chinese
//! under `/zh/` (`ocop_core::Lang::split_path`), so each version of a page has its own URL for
//! crawlers, link previews and shared links. The router picks the language with the page
//! (`app.rs`, `LanguageRoutes`); this module writes links in it, moves old `?lang=` links and a
//! phone visitor's saved choice to the path form, and offers the browser's language.

use crate::browser::page;
use crate::browser::storage::{storage_get, storage_set};
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use ocop_core::Lang;

/// The content language that goes with an interface locale.
pub fn lang_of(locale: Locale) -> Lang {
    match locale {
        Locale::vi => Lang::Vi,
        Locale::en => Lang::En,
        Locale::zh => Lang::Zh,
    }
}

/// The interface locale that shows a content language.
pub fn locale_of(lang: Lang) -> Locale {
    match lang {
        Lang::Vi => Locale::vi,
        Lang::En => Locale::en,
        Lang::Zh => Locale::zh,
    }
}

/// localStorage key of the interface language a phone visitor chose.
pub const LANGUAGE_KEY: &str = "ocop.lang.v1";

/// `path` (as the app names its pages: `/p/x`, `/list?by=kind`) in the language of the page
/// on screen: `/en/p/x` on an English page. Read once, when a page draws its links: a change
/// of language is a change of route, which draws the page again.
pub fn localized(path: &str) -> String {
    page_lang().localize(path)
}

/// The same, following the location: for links outside the routes (header, tab bar), which
/// stay on screen while the language changes.
pub fn localized_href(path: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let location = use_location();
    move || Lang::split_path(&location.pathname.get()).0.localize(path)
}

/// The language of the page on screen, by its path.
pub fn page_lang() -> Lang {
    Lang::split_path(&use_location().pathname.get_untracked()).0
}

/// Shows the page in a locale: the same page under the other language's path, with its query,
/// in place of this one (no new history entry: a language is not a place to go back to). With
/// `save` (a phone, never a kiosk) the choice is also kept for the next visit.
pub fn use_switch_language() -> impl Fn(Locale, bool) + Clone + 'static {
    let location = use_location();
    let query = use_query_map();
    let navigate = use_navigate();
    move |locale, save| {
        if save {
            let _ = storage_set(LANGUAGE_KEY, locale.as_str());
        }
        let href = format!(
            "{}{}",
            lang_of(locale).localize(&location.pathname.get_untracked()),
            query.get_untracked().to_query_string()
        );
        navigate(&href, replace_in_place());
    }
}

/// The interface speaks the page's language from the first frame: set now (the header draws
/// before any route, and the build-time renderer runs no effects), and again in an effect,
/// after leptos_i18n's own start-up effect has set the browser's language. Later changes come
/// with the route (`app.rs`, `LanguageRoutes`).
pub fn speak_the_page_language(i18n: leptos_i18n::I18nContext<Locale>) {
    let location = use_location();
    let lang = move || locale_of(Lang::split_path(&location.pathname.get_untracked()).0);
    i18n.set_locale(lang());
    Effect::new(move || {
        location.pathname.track();
        if i18n.get_locale_untracked() != lang() {
            i18n.set_locale(lang());
        }
    });
}

/// Old links name their language in the query (`?lang=en`: shared before languages moved into
/// paths, or printed on a kiosk's QR code): they move to the path form, without a new history
/// entry, and on a phone the language is saved as chosen. On a phone, an unprefixed (Vietnamese) link is also moved to the language the visitor
/// chose last time; a link to `/en/` or `/zh/` names its language and is kept.
pub fn move_to_language_path(kiosk: bool) {
    let location = use_location();
    let query = use_query_map();
    let navigate = use_navigate();
    Effect::new(move |_| {
        let mut params = query.get();
        let path = location.pathname.get();
        let from_link = params.get("lang").and_then(|l| l.parse::<Locale>().ok());
        let (page, _) = Lang::split_path(&path);
        // Read each time: the switcher saves a new choice before it navigates.
        let saved = || storage_get(LANGUAGE_KEY).and_then(|l| l.parse::<Locale>().ok());
        let wanted = from_link.or_else(|| (!kiosk && page == Lang::Vi).then(saved).flatten());
        if params.get("lang").is_none() && wanted.is_none_or(|l| lang_of(l) == page) {
            return;
        }
        params.remove("lang");
        if let (Some(chosen), false) = (from_link, kiosk) {
            // A link that names its language is a choice, kept like one made in the switcher.
            let _ = storage_set(LANGUAGE_KEY, chosen.as_str());
        }
        let lang = wanted.map_or(page, lang_of);
        let href = format!("{}{}", lang.localize(&path), params.to_query_string());
        navigate(&href, replace_in_place());
    });
}

/// The browser's preferred language when it is one of ours and differs from the page's, for
/// a visitor who has not chosen one: offered, not imposed (a crawler or a shared Vietnamese
/// link must keep its page).
pub fn offered_language() -> Option<Lang> {
    if storage_get(LANGUAGE_KEY).is_some() {
        return None;
    }
    let page = page_lang();
    page::preferred_languages()
        .iter()
        .find_map(|tag| Lang::from_tag(tag))
        .filter(|lang| *lang != page)
}

fn replace_in_place() -> NavigateOptions {
    NavigateOptions {
        replace: true,
        scroll: false,
        ..NavigateOptions::default()
    }
}
