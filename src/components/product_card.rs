use crate::components::icons::GroupIcon;
use crate::components::labels;
use crate::components::lang_of;
use crate::components::list_parts::AddToList;
use crate::components::names::VietnameseName;
use crate::components::photo::Photo;
use crate::components::rating::RatingLine;
use crate::i18n::*;
use crate::state::language::localized;
use leptos::prelude::*;
use ocop_core::geo;
use ocop_core::model::Product;

/// One product in the list: its name (with the Vietnamese one when it is shown in another
/// language), rating as the sources state it (a lapsed certificate included), area and group.
#[component]
pub fn ProductCard(product: Product) -> impl IntoView {
    let i18n = use_i18n();
    let Product {
        id,
        name,
        group,
        rating,
        locality,
        images,
        ..
    } = product;
    // A photo, when the data has one, stands where the group's icon would.
    let picture = match images.first().cloned() {
        Some(image) => view! { <Photo image sizes="6rem" /> }.into_any(),
        None => view! { <GroupIcon group /> }.into_any(),
    };
    let lang = move || lang_of(i18n.get_locale());
    let title = {
        let name = name.clone();
        move || name.get(lang()).to_string()
    };
    let list_name = title.clone();
    let vi_name = name.clone();
    // Mark untranslated names as Vietnamese so screen readers pronounce them correctly.
    let title_lang = move || if name.has(lang()) { lang().code() } else { "vi" };

    let area = move || match locality.district.as_deref().and_then(geo::district) {
        Some(d) => d.name().get(lang()).to_string(),
        None => t_string!(i18n, area_unknown).to_string(),
    };

    view! {
        <li class="product-card" data-testid="product-card" data-product-id=id.clone()>
            {picture}
            <div class="product-card-body">
                <h2 class="product-name" lang=title_lang>
                    // The link is named by the product name alone; CSS stretches its hit area
                    // over the whole card so the card is one large touch target.
                    // A plain link: the router handles its click all the same, and a card
                    // needs none of `<A>`'s per-link signals (24 cards rebuilt per keystroke).
                    <a href=localized(&format!("/p/{id}")) class="card-link">
                        {title}
                    </a>
                </h2>
                <VietnameseName name=vi_name />
                <p class="product-rating"><RatingLine rating /></p>
                <p class="product-meta">
                    <span>{area}</span>
                    " · "
                    <span>{move || labels::group(i18n, group)}</span>
                </p>
                <AddToList product=id.clone() name=Signal::derive(list_name) />
            </div>
        </li>
    }
    .into_any()
}
