//! "Take the trip with you": per day, Google Maps directions for each stretch of road and
//! the boats in words between them (Maps neither times nor books a boat, and a driving
//! link across the sea sends a visitor to a beach); a GPX file with a route per day; a link
//! that opens the trip on another device. On a kiosk the downloads and the copy button are
//! left out: nothing can be saved to a public screen, and links show as QR codes.

use super::plan::TripPlan;
use crate::browser::{copy_text, page};
use crate::components::external_link::ExternalLink;
use crate::components::lang_of;
use crate::components::trip_parts::{endpoint_name, step_text};
use crate::i18n::*;
use crate::state::kiosk::use_kiosk;
use crate::state::language::page_lang;
use crate::state::{use_app_data, use_visitor};
use leptos::prelude::*;
use ocop_core::export::{day_parts, google_maps_links, gpx_days, DayPart, ExportStop};
use ocop_core::geo;
use ocop_core::model::{Dataset, Precision, TravelNetwork};
use ocop_core::network::{Endpoint, Leg};
use ocop_core::places::place;
use ocop_core::trip::Trip;
use ocop_core::Lang;

#[component]
pub fn TakeTripWithYou(plan: Memo<TripPlan>) -> impl IntoView {
    let i18n = use_i18n();
    let data = use_app_data();
    let trip = use_visitor().trip;
    let kiosk = use_kiosk();
    let days = {
        let data = data.clone();
        move || {
            let plan = plan.get();
            let several = plan.days.len() > 1;
            plan.days
                .iter()
                .enumerate()
                .map(|(n, day)| {
                    let legs: Vec<&Leg> = (day.first.max(1) - 1..day.end - 1).filter_map(|i| plan.path.legs.get(i)).collect();
                    let mut parts = day_parts(legs);
                    // A day with no road to drive (a lone stop, or only boats) still shows where
                    // it starts: a place search, not directions.
                    if !parts.iter().any(|p| matches!(p, DayPart::Drive(_))) {
                        parts.insert(0, DayPart::Drive(vec![Endpoint::Stop(plan.known[day.first].clone())]));
                    }
                    let parts = parts.into_iter().map(|part| view! { <DayPartView part data=data.clone() travel=plan.travel.clone() /> }).collect_view();
                    view! {
                        <li class="export-day" data-testid="export-day">
                            {several.then(|| view! { <h3>{move || t_string!(i18n, day_heading, n = n + 1).to_string()}</h3> })}
                            <ul class="plain actions">{parts}</ul>
                        </li>
                    }
                })
                .collect_view()
        }
    };
    let download_gpx = move |_| {
        let plan = plan.get_untracked();
        let dataset = data.dataset();
        let lang = lang_of(i18n.get_locale_untracked());
        let named: Vec<(String, Vec<Resolved>)> = plan
            .days
            .iter()
            .enumerate()
            .map(|(n, day)| {
                // Each day's route starts where the day's travel starts: the last stop of
                // the day before.
                let stops = (day.first.max(1) - 1..day.end)
                    .filter_map(|k| {
                        resolve(
                            dataset,
                            &plan.travel,
                            &Endpoint::Stop(plan.known[k].clone()),
                            lang,
                        )
                    })
                    .collect();
                (t_string!(i18n, day_heading, n = n + 1).to_string(), stops)
            })
            .collect();
        let borrowed: Vec<Vec<ExportStop>> = named
            .iter()
            .map(|(_, stops)| stops.iter().map(Resolved::export).collect())
            .collect();
        let days: Vec<(&str, &[ExportStop])> = named
            .iter()
            .zip(&borrowed)
            .map(|((name, _), stops)| (name.as_str(), stops.as_slice()))
            .collect();
        let text = gpx_days(t_string!(i18n, trip_title), &days, "OCOP Quảng Ninh");
        if let Err(e) = page::download("ocop-quang-ninh-trip.gpx", "application/gpx+xml", &text) {
            leptos::logging::warn!("GPX download failed: {e}");
        }
    };
    // In the page's language, like the page.
    let prefix = page_lang().path_prefix();
    let share_link = move || {
        format!(
            "{}{prefix}/trip?stops={}",
            page::origin(),
            trip.with(Trip::to_query)
        )
    };
    let copied = RwSignal::new(false);
    let copy_link = move |_| {
        let link = share_link();
        leptos::task::spawn_local(async move { copied.set(copy_text(&link).await) });
    };
    view! {
        <h2>{t!(i18n, take_trip_with_you)}</h2>
        <ol class="plain export-days">{days}</ol>
        <p class="muted">{t!(i18n, google_maps_note)}</p>
        {(!kiosk).then(|| view! {
            <div class="actions">
                <button type="button" class="button button-secondary" on:click=download_gpx>{t!(i18n, download_gpx)}</button>
            </div>
            <label class="field share-link">
                <span>{t!(i18n, share_link)}</span>
                <input type="text" readonly prop:value=share_link data-testid="share-link" />
            </label>
            <button type="button" class="button button-secondary" on:click=copy_link>{t!(i18n, copy_link)}</button>
            <span role="status" aria-live="polite">{move || copied.get().then(|| t_string!(i18n, copied).to_string())}</span>
        })}
    }
    .into_any()
}

/// A stretch of road as Google Maps links, or a boat in words.
#[component]
fn DayPartView(part: DayPart, data: crate::state::AppData, travel: TravelNetwork) -> impl IntoView {
    let i18n = use_i18n();
    match part {
        DayPart::Drive(points) => {
            let links = move || {
                let lang = lang_of(i18n.get_locale());
                let resolved: Vec<Resolved> = points
                    .iter()
                    .filter_map(|p| resolve(data.dataset(), &travel, p, lang))
                    .collect();
                let stops: Vec<ExportStop> = resolved.iter().map(Resolved::export).collect();
                // Each link says which stretch it drives: a day has several.
                let name = match (resolved.first(), resolved.last()) {
                    (Some(only), _) if resolved.len() == 1 => {
                        t_string!(i18n, open_google_maps_place, place = only.name.clone()).to_string()
                    }
                    (Some(from), Some(to)) => t_string!(
                        i18n,
                        open_google_maps_stretch,
                        from = from.name.clone(),
                        to = to.name.clone()
                    )
                    .to_string(),
                    _ => String::new(),
                };
                let links = google_maps_links(&stops);
                let parts = links.len();
                links
                    .into_iter()
                    .enumerate()
                    .map(|(i, href)| {
                        // Stored, so the link's children can be rebuilt (they must be `Fn`).
                        let label = StoredValue::new(if parts > 1 {
                            format!("{name} ({})", t_string!(i18n, google_maps_part_of, part = i + 1, parts))
                        } else {
                            name.clone()
                        });
                        view! {
                            <li>
                                <ExternalLink class="button button-secondary" href=href>{move || label.get_value()}</ExternalLink>
                            </li>
                        }
                    })
                    .collect_view()
            };
            links.into_any()
        }
        DayPart::Sea(step) => view! {
            <li class="sea-step" data-testid="sea-step">
                <span class="badge badge-ferry">{t!(i18n, sea_in_words)}</span> " "
                {move || step_text(i18n, data.dataset(), &travel, &step)}
            </li>
        }
        .into_any(),
    }
}

/// A step's end resolved for export: its name, position, and what Maps should search for.
struct Resolved {
    name: String,
    lat: f64,
    lon: f64,
    search: Option<String>,
}

impl Resolved {
    fn export(&self) -> ExportStop<'_> {
        ExportStop {
            name: &self.name,
            lat: self.lat,
            lon: self.lon,
            search: self.search.as_deref(),
        }
    }
}

/// Where the position is only an estimate, Maps gets "name, district, Quảng Ninh" in
/// Vietnamese (the names Maps knows) instead of the coordinate.
fn resolve(dataset: &Dataset, travel: &TravelNetwork, endpoint: &Endpoint, lang: Lang) -> Option<Resolved> {
    let name = endpoint_name(dataset, travel, endpoint, lang);
    let (lat, lon, approximate, search_name, district) = match endpoint {
        Endpoint::Stop(stop) => {
            let p = place(dataset, stop)?;
            let c = p.coordinates;
            (
                c.lat,
                c.lon,
                c.precision == Precision::Approximate,
                p.name.vi.clone(),
                geo::district(p.district),
            )
        }
        Endpoint::Pier(id) => {
            let pier = travel.pier(id)?;
            let c = pier.coordinates;
            (
                c.lat,
                c.lon,
                c.precision == Precision::Approximate,
                pier.name.vi.clone(),
                None,
            )
        }
    };
    let search = approximate.then(|| {
        let area = district.map(|d| format!(", {}", d.name_vi)).unwrap_or_default();
        format!("{search_name}{area}, Quảng Ninh")
    });
    Some(Resolved {
        name,
        lat,
        lon,
        search,
    })
}
