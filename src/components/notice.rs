//! Telling the visitor which data they are looking at, and why, in their language.

use crate::browser::page;
use crate::i18n::*;
use crate::state::language::localized;
use crate::state::use_app_data;
use leptos::prelude::*;
use leptos_i18n::I18nContext;
use leptos_router::components::A;
use ocop_core::config::ConfigProblem;
use ocop_core::source::{Fallback, FetchFailure, NoData, Origin};
use ocop_core::validate::LoadError;
use std::sync::Arc;

/// A short, translated reason for a fallback. Technical detail stays on the About page.
pub fn reason_text(i18n: I18nContext<Locale>, why: &Fallback) -> String {
    match why {
        Fallback::Config(ConfigProblem::Unreadable { .. }) => {
            t_string!(i18n, reason_config_unreadable).to_string()
        }
        Fallback::Config(ConfigProblem::OriginNotAllowed { .. }) => {
            t_string!(i18n, reason_origin_not_allowed).to_string()
        }
        Fallback::Fetch(FetchFailure::Http { status }) => {
            let status = *status;
            t_string!(i18n, reason_http, status).to_string()
        }
        Fallback::Fetch(FetchFailure::Timeout { .. }) => t_string!(i18n, reason_timeout).to_string(),
        Fallback::Fetch(FetchFailure::Network { .. }) => t_string!(i18n, reason_network).to_string(),
        Fallback::Fetch(FetchFailure::TooLarge { .. }) | Fallback::Invalid(LoadError::TooLarge { .. }) => {
            t_string!(i18n, reason_too_large).to_string()
        }
        Fallback::Invalid(LoadError::UnsupportedSchema { found }) => {
            let version = found.clone();
            t_string!(i18n, reason_schema, version).to_string()
        }
        Fallback::Invalid(LoadError::Truncated | LoadError::NotJson { .. } | LoadError::NotAnObject) => {
            t_string!(i18n, reason_damaged).to_string()
        }
        Fallback::Invalid(_) => t_string!(i18n, reason_invalid).to_string(),
    }
}

/// `2026-11-30T08:05:00.000Z` → `2026-11-30 08:05 UTC`: unambiguous in every language.
pub fn short_timestamp(iso: &str) -> String {
    match (iso.get(..10), iso.get(11..16)) {
        (Some(date), Some(time)) => format!("{date} {time} UTC"),
        _ => iso.to_string(),
    }
}

/// Banners above every page: fallback data, synthetic data, records left out.
#[component]
pub fn DataNotices() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_app_data().loaded;
    let dataset = &data.validated.dataset;
    let version = dataset.meta.dataset_version.clone();

    let fallback = data.fallback.clone().map(|why| {
        let origin = data.origin.clone();
        let version = version.clone();
        let text = move || {
            let reason = reason_text(i18n, &why);
            match &origin {
                Origin::Cached { saved_at, .. } => {
                    let date = short_timestamp(saved_at);
                    t_string!(i18n, notice_cached, date, reason).to_string()
                }
                _ => {
                    let version = version.clone();
                    t_string!(i18n, notice_bundled, version, reason).to_string()
                }
            }
        };
        view! {
            <p class="notice notice-warning" data-testid="data-notice">
                {text}
            </p>
        }
    });
    let synthetic = dataset.meta.synthetic.then(|| {
        view! {
            <p class="notice notice-warning" data-testid="synthetic-notice">
                {t!(i18n, notice_synthetic)}
            </p>
        }
    });
    let dropped = data.validated.dropped_records();
    let dropped = (dropped > 0).then(|| {
        view! {
            <p class="notice" data-testid="dropped-notice">
                {move || t_count!(i18n, notice_dropped, count = dropped)}
                " "
                <A href=localized("/about")>{t!(i18n, notice_details)}</A>
            </p>
        }
    });
    view! {
        <div class="notices">
            {fallback}
            {synthetic}
            {dropped}
        </div>
    }
}

/// Shown when not even the bundled dataset could be read: say so plainly, offer a reload.
#[component]
pub fn LoadFailure(failure: Arc<NoData>) -> impl IntoView {
    let i18n = use_i18n();
    let technical = match &failure.first {
        Some(first) => format!("{first}; {}", failure.bundled),
        None => failure.bundled.to_string(),
    };
    let reason = {
        let failure = failure.clone();
        move || reason_text(i18n, &failure.bundled)
    };
    view! {
        <section class="load-failure" role="alert" data-testid="load-failure">
            <h1>{t!(i18n, error_title)}</h1>
            <p>{reason}</p>
            <p>{t!(i18n, error_body)}</p>
            <button class="button" on:click=|_| page::reload()>{t!(i18n, reload)}</button>
            <details>
                <summary>"Details"</summary>
                <code>{technical}</code>
            </details>
        </section>
    }
}

/// Tells the visitor when their saved trip or list could not be read (and was backed up)
/// or cannot be saved, instead of failing silently. One alert, one line per problem.
#[component]
pub fn VisitorNotice() -> impl IntoView {
    use crate::browser::SaveFailure;
    use crate::state::{use_visitor, StorageNotice, Stored};
    let i18n = use_i18n();
    let notices = use_visitor().notices;
    let text = move |notice: StorageNotice| match notice {
        StorageNotice::Recovered(Stored::Trip) => t_string!(i18n, storage_recovered_trip),
        StorageNotice::Recovered(Stored::List) => t_string!(i18n, storage_recovered_list),
        StorageNotice::NotSaved(_, SaveFailure::QuotaExceeded) => t_string!(i18n, storage_full),
        StorageNotice::NotSaved(_, SaveFailure::Unavailable) => t_string!(i18n, storage_unavailable),
    };
    move || {
        // A list and a trip that cannot be saved are one message, not two.
        let mut lines: Vec<String> = Vec::new();
        for line in notices.get().into_iter().map(|n| text(n).to_string()) {
            if !lines.contains(&line) {
                lines.push(line);
            }
        }
        (!lines.is_empty()).then(|| {
            view! {
                <div class="notice" role="alert" data-testid="storage-notice">
                    {lines.into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
                    <button type="button" class="button button-secondary" on:click=move |_| notices.set(Vec::new())>
                        {t!(i18n, dismiss)}
                    </button>
                </div>
            }
        })
    }
}
