//! `/p/<id>`: everything a visitor needs to decide and go and buy — rating with its year and
//! validity, producer, area, where to buy (with opening hours), linked places and routes,
//! season, an indicative price with its date and source, traceability, and the sources.

mod facts;
mod links;

use crate::browser::page;
use crate::components::about_info::{AboutThisInformation, Sources};
use crate::components::icons::GroupIcon;
use crate::components::labels;
use crate::components::lang_of;
use crate::components::list_parts::AddToList;
use crate::components::names::VietnameseName;
use crate::components::photo::Photo;
use crate::components::rating::RatingLine;
use crate::i18n::*;
use crate::state::language::localized;
use crate::state::use_app_data;
use facts::{BuyFacts, ProducerFacts, RatingDetails, SeasonFacts, TraceabilityFact};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use links::{ProductPlaces, ProductRoutes};
use ocop_core::model::Product;
use ocop_core::{Lang, LocalText};

#[component]
pub fn ProductPage() -> impl IntoView {
    let params = use_params_map();
    let data = use_app_data();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        match data.dataset().products.iter().position(|p| p.id == id) {
            Some(index) => view! { <ProductDetails index /> }.into_any(),
            None => view! { <ProductNotFound id /> }.into_any(),
        }
    }
}

/// A shared link may name a product a newer dataset no longer has: say so kindly and
/// offer the way back, rather than a blank page.
#[component]
fn ProductNotFound(id: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="not-found" data-testid="product-not-found">
            <h1>{t!(i18n, product_not_found_title)}</h1>
            <p>{move || t_string!(i18n, product_not_found_body, id = id.clone()).to_string()}</p>
            <A href=localized("/") exact=true attr:class="button">{t!(i18n, back_to_catalog)}</A>
        </section>
    }
}

/// The product at `index` of the dataset.
#[component]
fn ProductDetails(index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || lang_of(i18n.get_locale());
    let product: Product = use_app_data().dataset().products[index].clone();
    {
        let name = product.name.clone();
        Effect::new(move |_| page::set_title(&format!("{} – OCOP Quảng Ninh", name.get(lang()))));
    }
    // A buyer reads what it is first: the one-or-two-sentence summary at the top. The full
    // account, which carries the data's caveats ("lapsed unless renewed", "the name is cut
    // off in the source"), goes under "About this information" with the provenance (issue
    // 19); a product without a summary keeps its description at the top.
    let text_view = move |text: LocalText, class: &'static str| {
        let marked = text.clone();
        view! { <p class=class lang=move || if marked.has(lang()) { lang().code() } else { "vi" }>{move || text.get(lang()).to_string()}</p> }
    };
    let (lead, account) = match (product.summary.as_deref(), product.description.as_deref()) {
        (Some(summary), description) => (Some(summary.clone()), description.cloned()),
        (None, description) => (description.cloned(), None),
    };
    let summary_view = lead.map(|s| text_view(s, "lead"));
    let description_view = account.map(|d| text_view(d, "description"));
    let Product {
        id,
        rating,
        producer,
        locality,
        price,
        season_months,
        traceability,
        sources,
        images,
        ..
    } = product.clone();
    let photos = (!images.is_empty()).then(|| {
        let photos = images
            .into_vec()
            .into_iter()
            .map(|image| view! { <Photo image sizes="(min-width: 48rem) 40rem, 100vw" linked_source=true /> })
            .collect_view();
        view! { <div class="photos">{photos}</div> }
    });
    view! {
        <article class="product-page" data-testid="product-page" data-product-id=id>
            <p class="back">
                <A href=localized("/") exact=true>"← " {t!(i18n, back_to_catalog)}</A>
            </p>
            <ProductHeader product=product.clone() />
            {summary_view}
            {photos}
            <div class="product-facts">
                <BuyFacts index price=price.map(|p| *p) />
                <SeasonFacts season_months />
                <ProductPlaces index />
                <ProductRoutes index />
            </div>
            <AboutThisInformation>
                {description_view}
                <RatingDetails rating />
                <ProducerFacts producer locality />
                <TraceabilityFact traceability />
                <Sources sources />
            </AboutThisInformation>
        </article>
    }
    .into_any()
}

/// What it is, at a glance: the name in the visitor's language (marked `lang="vi"` when it
/// falls back), the Vietnamese name large enough to show a seller, the other names, the
/// rating with its state (lapsed, proposed, unconfirmed), the category, "Add to list".
#[component]
fn ProductHeader(product: Product) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || lang_of(i18n.get_locale());
    let Product {
        id,
        name,
        group,
        subcategory,
        rating,
        ..
    } = product;
    let title = {
        let name = name.clone();
        move || name.get(lang()).to_string()
    };
    let title_lang = {
        let name = name.clone();
        move || if name.has(lang()) { lang().code() } else { "vi" }
    };
    let list_name = Signal::derive(title.clone());
    view! {
        <header class="product-header">
            <GroupIcon group />
            <div>
                <h1 lang=title_lang>{title}</h1>
                <VietnameseName name=name.clone() large=true />
                <ul class="other-names plain" aria-label=move || t_string!(i18n, other_names).to_string()>
                    {move || other_names(&name, lang())}
                </ul>
                <p class="product-rating"><RatingLine rating /></p>
                <p class="muted">
                    {move || labels::group(i18n, group)} " · " {move || labels::subcategory(i18n, &subcategory)}
                </p>
                <AddToList product=id name=list_name />
            </div>
        </header>
    }
    .into_any()
}

/// The product's names in the languages other than the one shown and Vietnamese (which
/// `VietnameseName` shows large), each marked with its language.
fn other_names(name: &LocalText, shown_in: Lang) -> impl IntoView {
    let shown = name.get(shown_in).to_string();
    [(Lang::En, name.en.clone()), (Lang::Zh, name.zh.clone())]
        .into_iter()
        .filter_map(|(l, n)| n.filter(|n| *n != shown && !n.trim().is_empty()).map(|n| (l, n)))
        .map(|(l, n)| view! { <li lang=l.code()>{n}</li> })
        .collect_view()
}
