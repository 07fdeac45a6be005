//! "Quảng Ninh had rated 437 products by 30 June 2025; this app lists 107…": how much of the
//! province's list the dataset holds, with the source of the total, so no visitor takes the
//! catalog for the whole list. Nothing is shown when the dataset gives no total.

use crate::components::external_link::ExternalLink;
use crate::components::lang_of;
use crate::i18n::*;
use crate::state::use_app_data;
use leptos::prelude::*;
use ocop_core::format::format_date;

#[component]
pub fn CoverageNote() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_app_data();
    let dataset = data.dataset();
    let summary = dataset.coverage()?;
    let (listed, rated, others) = (summary.listed, summary.rated, summary.others);
    let (total, as_of, source) = (
        summary.coverage.rated_total,
        summary.coverage.as_of.clone(),
        summary.coverage.source.clone(),
    );
    let sentence = move || {
        let date = format_date(&as_of, lang_of(i18n.get_locale()));
        t_string!(i18n, coverage_sentence, total, date, listed, rated, others).to_string()
    };
    Some(view! {
        <p class="coverage" data-testid="coverage">
            {sentence} " " <ExternalLink href=source>{t!(i18n, coverage_source)}</ExternalLink>
        </p>
    })
}
