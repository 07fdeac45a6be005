//! A rating in the words the sources allow: the stars, the national badge, a certificate
//! that has lapsed, or stars a source only claims (proposed, or said of a group). One
//! component for the card and the product page, so the two never disagree.

use crate::browser::page;
use crate::components::labels::I18n;
use crate::i18n::*;
use leptos::prelude::*;
use ocop_core::model::{ClaimKind, ClaimedStars, Lapse, Rating};

/// "3" or "3–4": the stars a claim names.
fn claimed_stars(claim: &ClaimedStars) -> String {
    claim
        .stars
        .iter()
        .map(u8::to_string)
        .collect::<Vec<_>>()
        .join("–")
}

/// The stars, or why there are none, and a lapsed certificate beside them. A national 5★
/// whose certificate has lapsed keeps its stars but loses the red badge: "National 5★ in
/// 2020" in plain text, then "Certificate expired 2024-06" (issue 19: a lapsed rating is
/// never shown as a plain badge).
#[component]
pub fn RatingLine(rating: Rating) -> impl IntoView {
    let i18n = use_i18n();
    let this_month = page::this_month_key();
    let lapse = rating.lapse(&this_month).map(|lapse| match lapse {
        Lapse::Ended(date) => {
            let date = date.to_string();
            view! { <span class="badge badge-lapsed" data-testid="lapsed">{move || t_string!(i18n, lapsed_on, date = date.clone()).to_string()}</span> }.into_any()
        }
        Lapse::RoundOf(year) => {
            view! { <span class="badge badge-lapsed" data-testid="lapsed">{move || t_string!(i18n, lapsed_round, year).to_string()}</span> }.into_any()
        }
    });
    let national = rating
        .is_national()
        .then(|| match (lapse.is_some(), rating.year_rated) {
            (false, _) => view! { <span class="badge badge-national">{t!(i18n, national)}</span> }.into_any(),
            (true, Some(year)) => {
                view! { <span class="muted">{move || t_string!(i18n, national_in, year).to_string()}</span> }
                    .into_any()
            }
            (true, None) => view! { <span class="muted">{t!(i18n, national)}</span> }.into_any(),
        });
    let stars = match (rating.stars, rating.claimed.as_deref()) {
        (Some(stars), _) => view! {
            <span class="stars" aria-hidden="true">{"★".repeat(stars as usize)}</span>
            <span class="visually-hidden">{move || t_string!(i18n, stars_label, stars).to_string()}</span>
            {national}
        }
        .into_any(),
        (None, Some(claim)) if rating.is_ocop() => {
            let stars = claimed_stars(claim);
            let kind = claim.kind;
            view! {
                <span class="muted" data-testid="claimed">
                    {move || match kind {
                        ClaimKind::Proposed => t_string!(i18n, claimed_proposed, stars = stars.clone()).to_string(),
                        ClaimKind::Group => t_string!(i18n, claimed_group, stars = stars.clone()).to_string(),
                    }}
                </span>
            }
            .into_any()
        }
        (None, _) if rating.is_ocop() => {
            view! { <span class="muted">{t!(i18n, stars_unknown)}</span> }.into_any()
        }
        (None, _) => {
            view! { <span class="badge badge-unconfirmed">{t!(i18n, unconfirmed)}</span> }.into_any()
        }
    };
    view! { {stars} {lapse} }
}

/// What a claim means, for the product page's details.
pub fn claim_detail(i18n: I18n, claim: &ClaimedStars) -> String {
    let stars = claimed_stars(claim);
    match claim.kind {
        ClaimKind::Proposed => t_string!(i18n, claimed_proposed_detail, stars).to_string(),
        ClaimKind::Group => t_string!(i18n, claimed_group_detail, stars).to_string(),
    }
}
