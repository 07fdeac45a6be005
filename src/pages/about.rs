//! About the app, and the data-status panel: which dataset is shown, from where, how many
//! records, what was left out and why, and who to credit.

use crate::components::coverage::CoverageNote;
use crate::components::external_link::ExternalLink;
use crate::components::lang_of;
use crate::components::notice::{reason_text, short_timestamp};
use crate::i18n::*;
use crate::state::use_app_data;
use leptos::prelude::*;
use ocop_core::source::Origin;
use ocop_core::url::is_safe_http_url;
use ocop_core::validate::Action;

/// Credited whenever the app draws the province outline (issue: tourism map).
const BOUNDARIES_ATTRIBUTION: &str = "Province and neighbour outlines: Natural Earth (public domain)";
const MAP_LIBRARY_ATTRIBUTION: &str = "Map: Leaflet (BSD-2-Clause); online tiles as credited on the map";

#[component]
pub fn About() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section aria-labelledby="about-title" class="about">
            <h1 id="about-title">{t!(i18n, about_title)}</h1>
            <p id="what-is-ocop">{t!(i18n, about_intro)}</p>
            <CoverageNote />
            <DataNotes />
            <DataStatus />
        </section>
    }
}

/// The dataset's own notes on how it was compiled, and which of its languages are the
/// project's translations.
#[component]
fn DataNotes() -> impl IntoView {
    let i18n = use_i18n();
    let meta = use_app_data().dataset().meta.clone();
    let lang = move || lang_of(i18n.get_locale());
    let translated_langs = meta.translated_by_project;
    let translated = move || {
        let code = lang().code();
        translated_langs
            .iter()
            .any(|l| l == code)
            .then(|| view! { <p data-testid="translations-note">{t!(i18n, translations_note)}</p> })
    };
    let notes = meta.notes.map(|notes| {
        let text = notes.clone();
        let notes_lang = move || if notes.has(lang()) { lang().code() } else { "vi" };
        view! { <p data-testid="data-notes" lang=notes_lang>{move || text.get(lang()).to_string()}</p> }
    });
    view! {
        <section aria-labelledby="notes-title">
            <h2 id="notes-title">{t!(i18n, data_notes)}</h2>
            {notes}
            {translated}
        </section>
    }
}

#[component]
fn DataStatus() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_app_data().loaded;
    let meta = data.validated.dataset.meta.clone();
    let counts = data.validated.dataset.counts();
    let lang = move || lang_of(i18n.get_locale());

    let origin = {
        let origin = data.origin.clone();
        move || match &origin {
            Origin::Bundled => t_string!(i18n, origin_bundled).to_string(),
            Origin::Remote { url } => {
                let url = url.clone();
                t_string!(i18n, origin_remote, url).to_string()
            }
            Origin::Cached { url, saved_at } => {
                let (url, date) = (url.clone(), short_timestamp(saved_at));
                t_string!(i18n, origin_cached, date, url).to_string()
            }
        }
    };
    let fallback = data.fallback.clone().map(|why| {
        let technical = why.to_string();
        view! {
            <p class="notice notice-warning">
                {move || reason_text(i18n, &why)} <br /> <code>{technical}</code>
            </p>
        }
    });

    let issues = data.validated.issues.clone();
    let tally = |action: Action| issues.iter().filter(|i| i.action == action).count();
    let (dropped, removed, warnings) = (
        tally(Action::DroppedRecord),
        tally(Action::RemovedValue),
        tally(Action::Kept),
    );
    let problems = if issues.is_empty() {
        view! { <p>{t!(i18n, status_no_problems)}</p> }.into_any()
    } else {
        view! {
            <details class="problems" data-testid="data-problems">
                <summary>{t!(i18n, status_problems_summary, dropped, removed, warnings)}</summary>
                <ul lang="en">
                    {issues.iter().map(|issue| view! { <li><code>{issue.to_string()}</code></li> }).collect_view()}
                </ul>
            </details>
        }
            .into_any()
    };

    let title = meta.title.clone();
    let sources = meta
        .sources
        .iter()
        .map(|s| {
            let link = s.url.clone().filter(|u| is_safe_http_url(u)).map(|url| {
                view! {
                    " "
                    <ExternalLink href=url.clone()>{url.clone()}</ExternalLink>
                }
            });
            view! { <li>{s.title.clone()} {link}</li> }
        })
        .collect_view();
    let attribution = meta
        .attribution
        .iter()
        .cloned()
        .chain(
            (!meta.attribution.iter().any(|a| a.contains("Natural Earth")))
                .then(|| BOUNDARIES_ATTRIBUTION.into()),
        )
        .chain(std::iter::once(MAP_LIBRARY_ATTRIBUTION.to_string()))
        .map(|a| view! { <li>{a}</li> })
        .collect_view();

    view! {
        <section aria-labelledby="status-title" class="data-status" data-testid="data-status">
            <h2 id="status-title">{t!(i18n, status_title)}</h2>
            {fallback}
            <dl>
                <dt>{t!(i18n, status_dataset)}</dt>
                <dd>{move || title.get(lang()).to_string()}</dd>
                <dt>{t!(i18n, status_version)}</dt>
                <dd data-testid="dataset-version">{meta.dataset_version.clone()}</dd>
                <dt>{t!(i18n, status_date)}</dt>
                <dd>{meta.generated_on.clone()}</dd>
                <dt>{t!(i18n, status_origin)}</dt>
                <dd data-testid="data-origin">{origin}</dd>
                <dt>{t!(i18n, status_licence)}</dt>
                <dd>{meta.licence.clone()}</dd>
            </dl>
            <h3>{t!(i18n, status_counts)}</h3>
            <dl class="counts" data-testid="data-counts">
                <dt>{t!(i18n, count_products)}</dt>
                <dd>{counts.products}</dd>
                <dt>{t!(i18n, count_producers)}</dt>
                <dd>{counts.producers}</dd>
                <dt>{t!(i18n, count_spots)}</dt>
                <dd>{counts.spots}</dd>
                <dt>{t!(i18n, count_sales_points)}</dt>
                <dd>{counts.sales_points}</dd>
                <dt>{t!(i18n, count_routes)}</dt>
                <dd>{counts.routes}</dd>
            </dl>
            <h3>{t!(i18n, status_problems)}</h3>
            {problems}
            <h3>{t!(i18n, status_sources)}</h3>
            <ul class="sources">{sources}</ul>
            <h3>{t!(i18n, status_attribution)}</h3>
            <ul>{attribution}</ul>
        </section>
    }
    .into_any()
}
