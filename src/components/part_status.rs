//! What stands in for a part of the app that loads on demand (`app::parts`): a short status
//! while it downloads, and, when it cannot be downloaded (offline before the service worker
//! had it, a file gone after a deploy), a translated message with a Retry button in place of
//! the page. The header, tab bar and every other page keep working.

use crate::i18n::*;
use leptos::prelude::*;

/// Shown while a part downloads: usually a moment, or nothing at all once it is cached.
#[component]
pub fn PartLoading() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="loading" role="status" data-testid="part-loading">{t!(i18n, part_loading)}</p> }
}

/// Shown in place of a page whose part could not be loaded; `retry` starts a new attempt
/// (a failed load is not remembered, so the next attempt fetches again).
#[component]
pub fn PartUnavailable(retry: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="load-failure" role="alert" data-testid="part-unavailable">
            <h1>{t!(i18n, part_failed)}</h1>
            <p>{t!(i18n, part_failed_hint)}</p>
            <button class="button" type="button" on:click=move |_| retry.run(())>
                {t!(i18n, part_retry)}
            </button>
        </section>
    }
}
