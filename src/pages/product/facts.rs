//! The product page's facts: where to buy and the price, the season; then, under "About
//! this information", the rating's details, producer and area, traceability, sources. Each
//! says plainly when the sources do not tell.

use super::links::WhereToBuyAnswer;
use crate::browser::page;
use crate::components::external_link::ExternalLink;
use crate::components::labels;
use crate::components::lang_of;
use crate::components::rating::claim_detail;
use crate::i18n::*;
use crate::state::use_app_data;
use leptos::prelude::*;
use ocop_core::format::format_vnd_range;
use ocop_core::geo;
use ocop_core::model::{Locality, PriceRange, Rating};
use ocop_core::url::is_safe_http_url;

/// The rating's details: the year rated, validity and decision, what a claim means. The
/// stars themselves are in the page's header (`RatingLine`).
#[component]
pub fn RatingDetails(rating: Rating) -> impl IntoView {
    let i18n = use_i18n();
    let details = move || {
        let year = rating
            .year_rated
            .map(|year| view! { <li>{t_string!(i18n, rated_in, year).to_string()}</li> });
        let validity = match &rating.valid_until {
            Some(date) => {
                let expired = *date < page::this_month_key();
                let date = date.clone();
                view! {
                    <li>{t_string!(i18n, valid_until, date).to_string()}</li>
                    {expired.then(|| view! { <li class="muted">{t!(i18n, expired_note)}</li> })}
                }
                .into_any()
            }
            None if rating.stars.is_some() => {
                view! { <li class="muted">{t!(i18n, valid_until_estimate)}</li> }.into_any()
            }
            None => ().into_any(),
        };
        let decision = rating
            .decision
            .clone()
            .map(|d| view! { <li>{t!(i18n, decision)}": " {d}</li> });
        let claim = rating.claimed.as_deref().map(|claim| {
            let source = claim.source.clone();
            view! {
                <li data-testid="claim-detail">
                    {claim_detail(i18n, claim)} " " <ExternalLink href=source>{t!(i18n, claim_source)}</ExternalLink>
                </li>
            }
        });
        let unstated = (rating.stars.is_none() && rating.claimed.is_none())
            .then(|| view! { <li class="muted">{t!(i18n, rating_unstated_detail)}</li> });
        view! { {year} {validity} {decision} {claim} {unstated} }
    };
    view! {
        <section aria-labelledby="rating-title">
            <h3 id="rating-title">{t!(i18n, product_rating)}</h3>
            <ul class="plain">{details}</ul>
        </section>
    }
    .into_any()
}

/// Who makes it, and where.
#[component]
pub fn ProducerFacts(producer: Option<String>, locality: Locality) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || lang_of(i18n.get_locale());
    let producer = producer.and_then(|id| use_app_data().dataset().producer(&id).cloned());
    let producer_view = move || match &producer {
        Some(p) => {
            let kind = labels::producer_type(i18n, p.kind);
            view! { <p><span lang="vi">{p.name.clone()}</span> " (" {kind} ")"</p> }.into_any()
        }
        None => view! { <p class="muted">{t!(i18n, producer_unknown)}</p> }.into_any(),
    };
    let area_view = move || {
        let district = match locality.district.as_deref().and_then(geo::district) {
            Some(d) => d.name().get(lang()).to_string(),
            None => t_string!(i18n, area_unknown).to_string(),
        };
        let commune = locality
            .commune
            .clone()
            .map(|c| view! { <span lang="vi">", " {c}</span> });
        let new_unit = locality.commune_2025.clone().map(|name| {
            view! { <br /> <span class="muted">{t_string!(i18n, commune_2025, name).to_string()}</span> }
        });
        view! { <p>{district} {commune} {new_unit}</p> }
    };
    view! {
        <section aria-labelledby="producer-title">
            <h3 id="producer-title">{t!(i18n, producer)}</h3>
            {producer_view}
            <h4>{t!(i18n, area)}</h4>
            {area_view}
        </section>
    }
}

/// Where to buy it — the one answer the shopping list and the map give too
/// (`ocop_core::where_to_buy`, drawn by `links::WhereToBuyAnswer`) — and the indicative price.
#[component]
pub fn BuyFacts(index: usize, price: Option<PriceRange>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section aria-labelledby="buy-title" data-testid="where-to-buy">
            <h2 id="buy-title">{t!(i18n, where_to_buy)}</h2>
            <WhereToBuyAnswer index />
            <h3>{t!(i18n, price)}</h3>
            <PriceFact price />
        </section>
    }
    .into_any()
}

/// "150,000–200,000 ₫ per kg (retail, as of 2025-06) Source".
#[component]
fn PriceFact(price: Option<PriceRange>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || lang_of(i18n.get_locale());
    move || match &price {
        Some(p) => {
            let amount = format_vnd_range(p.min_vnd, p.max_vnd, lang());
            let unit = p.unit.clone();
            let per = t_string!(i18n, price_per, price = amount, unit).to_string();
            let when = match &p.as_of {
                Some(date) => t_string!(i18n, price_as_of, date = date.clone()).to_string(),
                None => t_string!(i18n, price_undated).to_string(),
            };
            let source = is_safe_http_url(&p.source_url).then(|| {
                view! { <ExternalLink href=p.source_url.clone()>{t!(i18n, price_source)}</ExternalLink> }
            });
            view! {
                <p data-testid="product-price">
                    <strong>{per}</strong>
                    " (" {labels::price_kind(i18n, p.kind)} ", " {when} ") " {source}
                </p>
            }
            .into_any()
        }
        None => view! { <p class="muted">{t!(i18n, price_unknown)}</p> }.into_any(),
    }
}

/// The months it is harvested or best bought.
#[component]
pub fn SeasonFacts(season_months: Vec<u8>) -> impl IntoView {
    let i18n = use_i18n();
    let season = move || {
        if season_months.is_empty() {
            t_string!(i18n, season_unknown).to_string()
        } else {
            season_months
                .iter()
                .map(|m| labels::month(i18n, *m))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    view! {
        <section aria-labelledby="season-title">
            <h2 id="season-title">{t!(i18n, season)}</h2>
            <p>{season}</p>
        </section>
    }
}

/// Whether the product is traceable (a code on the pack), as the sources say.
#[component]
pub fn TraceabilityFact(traceability: Option<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let trace = move || match traceability {
        Some(true) => t_string!(i18n, traceability_yes).to_string(),
        _ => t_string!(i18n, traceability_unknown).to_string(),
    };
    view! {
        <section aria-labelledby="traceability-title">
            <h3 id="traceability-title">{t!(i18n, traceability)}</h3>
            <p>{trace}</p>
        </section>
    }
}
