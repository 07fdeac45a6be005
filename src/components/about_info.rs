//! "About this information": the last section of the product, place and route pages. A
//! visitor reads what a thing is, where to buy it and when to go first; the provenance —
//! the full account with its caveats, the rating's round, the sources — follows under one
//! heading, for whoever wants to check (issue 19: pages used to open with the caveats).

use crate::components::external_link::ExternalLink;
use crate::i18n::*;
use leptos::prelude::*;
use ocop_core::url::is_safe_http_url;

/// The section; its parts are the children, each a `<section>` with an `<h3>`.
#[component]
pub fn AboutThisInformation(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="about-info" aria-labelledby="about-info-title" data-testid="about-this-information">
            <h2 id="about-info-title">{t!(i18n, about_this_information)}</h2>
            <p class="muted">{t!(i18n, about_this_information_intro)}</p>
            {children()}
        </section>
    }
}

/// Every source the facts come from (only http(s) links are links; the seed article by
/// its title).
#[component]
pub fn Sources(sources: Vec<String>) -> impl IntoView {
    let i18n = use_i18n();
    let items = move || {
        sources
            .iter()
            .map(|s| {
                if s.starts_with("seed:") {
                    view! { <li>{t!(i18n, seed_source)}</li> }.into_any()
                } else if is_safe_http_url(s) {
                    let url = s.clone();
                    view! {
                        <li>
                            <ExternalLink href=url.clone()>{url.clone()}</ExternalLink>
                        </li>
                    }
                    .into_any()
                } else {
                    ().into_any()
                }
            })
            .collect_view()
    };
    view! {
        <section aria-labelledby="sources-title">
            <h3 id="sources-title">{t!(i18n, sources)}</h3>
            <ul class="sources">{items}</ul>
        </section>
    }
}
