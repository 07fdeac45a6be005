//! `/p/<id>`: everything a visitor needs to decide and go and buy — rating with its year and
//! validity, producer, area, where to buy (with opening hours), linked places and routes,
//! season, an indicative price with its date and source, traceability, and the sources.

use crate::app::{use_app_data, AppData};
use crate::components::external_link::ExternalLink;
use crate::components::icons::GroupIcon;
use crate::components::labels;
use crate::components::lang_of;
use crate::components::list_parts::AddToList;
use crate::i18n::*;
use crate::state::use_visitor;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use ocop_core::format::format_vnd_range;
use ocop_core::geo;
use ocop_core::model::{Precision, Product, StopRef};
use ocop_core::places;
use ocop_core::url::is_safe_http_url;
use ocop_core::Lang;

#[component]
pub fn ProductPage() -> impl IntoView {
    let params = use_params_map();
    let data = use_app_data();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        match data.dataset().products.iter().position(|p| p.id == id) {
            Some(index) => view! { <ProductDetails data=data.clone() index /> }.into_any(),
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
            <A href="/" attr:class="button">{t!(i18n, back_to_catalog)}</A>
        </section>
    }
}

/// `YYYY-MM` of today, to tell whether a certificate's 36 months have passed.
fn this_month() -> String {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}", now.get_full_year(), now.get_month() + 1)
}

#[component]
fn ProductDetails(data: AppData, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || lang_of(i18n.get_locale());
    let dataset = data.dataset();
    let product: Product = dataset.products[index].clone();
    let Product {
        id,
        name,
        group,
        subcategory,
        rating,
        producer,
        locality,
        description,
        where_to_buy,
        price,
        season_months,
        traceability,
        sources,
    } = product;

    {
        let name = name.clone();
        Effect::new(move |_| document().set_title(&format!("{} – OCOP Quảng Ninh", name.get(lang()))));
    }

    let title = {
        let name = name.clone();
        move || name.get(lang()).to_string()
    };
    let list_name = title.clone();
    let title_lang = {
        let name = name.clone();
        move || if name.has(lang()) { lang().code() } else { "vi" }
    };
    let other_names = {
        let name = name.clone();
        move || {
            let shown = name.get(lang()).to_string();
            [
                (Lang::Vi, Some(name.vi.clone())),
                (Lang::En, name.en.clone()),
                (Lang::Zh, name.zh.clone()),
            ]
            .into_iter()
            .filter_map(|(l, n)| n.filter(|n| *n != shown && !n.trim().is_empty()).map(|n| (l, n)))
            .map(|(l, n)| view! { <li lang=l.code()>{n}</li> })
            .collect_view()
        }
    };

    let rating_view = {
        let rating = rating.clone();
        move || {
            let stars = match rating.stars {
                Some(stars) => view! {
                    <span class="stars" aria-hidden="true">{"★".repeat(stars as usize)}</span>
                    <span class="visually-hidden">{t_string!(i18n, stars_label, stars).to_string()}</span>
                    {rating.is_national().then(|| view! { <span class="badge badge-national">{t!(i18n, national)}</span> })}
                }
                .into_any(),
                None if rating.is_ocop() => view! { <span>{t!(i18n, stars_unknown)}</span> }.into_any(),
                None => view! { <span class="badge badge-unconfirmed">{t!(i18n, unconfirmed)}</span> }.into_any(),
            };
            let year = rating
                .year_rated
                .map(|year| view! { <li>{t_string!(i18n, rated_in, year).to_string()}</li> });
            let validity = match &rating.valid_until {
                Some(date) => {
                    let expired = *date < this_month();
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
            view! {
                <p class="product-rating">{stars}</p>
                <ul class="plain">{year} {validity} {decision}</ul>
            }
        }
    };

    let producer_view = {
        let producer = producer.and_then(|id| dataset.producer(&id).cloned());
        move || match &producer {
            Some(p) => {
                let kind = labels::producer_type(i18n, p.kind);
                view! { <p><span lang="vi">{p.name.clone()}</span> " (" {kind} ")"</p> }.into_any()
            }
            None => view! { <p class="muted">{t!(i18n, producer_unknown)}</p> }.into_any(),
        }
    };

    let area_view = {
        let locality = locality.clone();
        move || {
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
        }
    };

    let points: Vec<_> = where_to_buy
        .sales_points
        .iter()
        .filter_map(|sp| dataset.sales_point(sp).cloned())
        .collect();
    let online = where_to_buy.online.clone();
    let nowhere = points.is_empty() && online.is_empty();
    let buy_view = move || {
        let points = points
            .iter()
            .map(|sp| {
                let hours = match &sp.opening_hours {
                    Some(h) => {
                        let hours = h.get(lang()).to_string();
                        t_string!(i18n, hours, hours).to_string()
                    }
                    None => t_string!(i18n, hours_unknown).to_string(),
                };
                let approximate = (sp.coordinates.precision == Precision::Approximate)
                    .then(|| view! { <span class="muted">" (" {t!(i18n, approximate_location)} ")"</span> });
                view! {
                    <li class="sales-point">
                        <strong>{sp.name.get(lang()).to_string()}</strong>
                        {sp.address.clone().map(|a| view! { <br /> <span lang="vi">{a}</span> })}
                        {approximate}
                        <br />
                        <span class="muted">{hours}</span>
                    </li>
                }
            })
            .collect_view();
        let online = online
            .iter()
            .filter(|l| is_safe_http_url(&l.url))
            .map(|l| {
                let name = labels::channel(i18n, l.channel);
                view! {
                    <li>
                        <ExternalLink href=l.url.clone()>
                            {t_string!(i18n, online_prefix, name = name.clone()).to_string()}
                        </ExternalLink>
                    </li>
                }
            })
            .collect_view();
        view! {
            <ul class="plain buy-list">{points} {online}</ul>
            {nowhere.then(|| view! { <p class="muted">{t!(i18n, no_where_to_buy)}</p> })}
        }
    };

    // Places that make or sell this product (spots listing it, its sales points), and the
    // curated routes that stop at any of them.
    let place_stops: Vec<StopRef> = data.places.places_of(index).cloned().collect();
    let places: Vec<_> = place_stops
        .iter()
        .filter_map(|s| places::place(dataset, s))
        .map(|p| {
            (
                p.stop.clone(),
                p.name.clone(),
                p.kind.key(),
                p.district.to_string(),
            )
        })
        .collect();
    let routes: Vec<(String, ocop_core::LocalText)> = data
        .places
        .routes_of(index)
        .into_iter()
        .map(|r| (dataset.routes[r].id.clone(), dataset.routes[r].name.clone()))
        .collect();
    let trip = use_visitor().trip;
    let trip_added = RwSignal::new(None::<usize>);
    let add_places = {
        let place_stops = place_stops.clone();
        move |_| {
            let mut count = 0;
            trip.update(|t| count = t.add_all(place_stops.iter().cloned()));
            trip_added.set(Some(count));
        }
    };
    let places_view = (!places.is_empty()).then(|| {
        view! {
            <section aria-labelledby="places-title">
                <h2 id="places-title">{t!(i18n, places_to_visit)}</h2>
                <ul class="plain link-list">
                    {places
                        .into_iter()
                        .map(|(stop, name, kind, district)| {
                            let district = geo::district(&district);
                            view! {
                                <li>
                                    <A href=places::place_path(&stop)>{move || name.get(lang()).to_string()}</A>
                                    <span class="muted">
                                        " · " {move || labels::place_kind(i18n, kind)}
                                        {district.map(|d| view! { " · " {move || d.name().get(lang()).to_string()} })}
                                    </span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                <button type="button" class="button button-secondary" on:click=add_places>
                    {t!(i18n, add_places_to_trip)}
                </button>
                <p role="status" aria-live="polite" class="muted">
                    {move || trip_added.get().map(|count| t_string!(i18n, added_to_trip, count).to_string())}
                </p>
            </section>
        }
    });
    let routes_view = (!routes.is_empty()).then(|| {
        view! {
            <section aria-labelledby="routes-title">
                <h2 id="routes-title">{t!(i18n, routes_with_product)}</h2>
                <ul class="plain link-list">
                    {routes
                        .into_iter()
                        .map(|(id, name)| view! { <li><A href=format!("/routes/{id}")>{move || name.get(lang()).to_string()}</A></li> })
                        .collect_view()}
                </ul>
            </section>
        }
    });

    let season_view = move || {
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

    let price_view = move || match &price {
        Some(p) => {
            let amount = format_vnd_range(p.min_vnd, p.max_vnd, lang());
            let unit = p.unit.clone();
            let per = t_string!(i18n, price_per, price = amount, unit).to_string();
            let when = match &p.as_of {
                Some(date) => t_string!(i18n, price_as_of, date = date.clone()).to_string(),
                None => t_string!(i18n, price_undated).to_string(),
            };
            let source = is_safe_http_url(&p.source_url).then(|| {
                view! {
                    <ExternalLink href=p.source_url.clone()>{t!(i18n, price_source)}</ExternalLink>
                }
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
    };

    let trace_view = move || match traceability {
        Some(true) => t_string!(i18n, traceability_yes).to_string(),
        _ => t_string!(i18n, traceability_unknown).to_string(),
    };

    let sources_view = move || {
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

    let description_view = description.map(|d| {
        let d2 = d.clone();
        view! { <p class="lead" lang=move || if d2.has(lang()) { lang().code() } else { "vi" }>{move || d.get(lang()).to_string()}</p> }
    });

    view! {
        <article class="product-page" data-testid="product-page" data-product-id=id.clone()>
            <p class="back">
                <A href="/">"← " {t!(i18n, back_to_catalog)}</A>
            </p>
            <header class="product-header">
                <GroupIcon group />
                <div>
                    <h1 lang=title_lang>{title}</h1>
                    <ul class="other-names plain" aria-label=move || t_string!(i18n, other_names).to_string()>
                        {other_names}
                    </ul>
                    <p class="muted">
                        {move || labels::group(i18n, group)} " · " {move || labels::subcategory(i18n, &subcategory)}
                    </p>
                    <AddToList product=id.clone() name=Signal::derive(list_name) />
                </div>
            </header>
            {description_view}
            <div class="product-facts">
                <section aria-labelledby="rating-title">
                    <h2 id="rating-title">{t!(i18n, product_rating)}</h2>
                    {rating_view}
                </section>
                <section aria-labelledby="producer-title">
                    <h2 id="producer-title">{t!(i18n, producer)}</h2>
                    {producer_view}
                    <h3>{t!(i18n, area)}</h3>
                    {area_view}
                </section>
                <section aria-labelledby="buy-title" data-testid="where-to-buy">
                    <h2 id="buy-title">{t!(i18n, where_to_buy)}</h2>
                    {buy_view}
                    <h3>{t!(i18n, price)}</h3>
                    {price_view}
                </section>
                <section aria-labelledby="season-title">
                    <h2 id="season-title">{t!(i18n, season)}</h2>
                    <p>{season_view}</p>
                    <h3>{t!(i18n, traceability)}</h3>
                    <p>{trace_view}</p>
                </section>
                {places_view}
                {routes_view}
                <section aria-labelledby="sources-title">
                    <h2 id="sources-title">{t!(i18n, sources)}</h2>
                    <ul class="sources">{sources_view}</ul>
                </section>
            </div>
        </article>
    }
}
