//! `/kiosk/home`, where "Touch to start" leads: large tiles (each category with its count,
//! 5★ with the national ones first, in season now, near here, the map, everything), then
//! search without a keyboard (`search.rs`). Every tile opens a page the visitor browses by
//! touch: the catalog with its facet chips, the nearby list, the map.

use super::search::KioskSearch;
use crate::browser::page;
use crate::components::icons::GroupIcon;
use crate::components::labels;
use crate::i18n::*;
use crate::pages::catalog::nav::catalog_href;
use crate::state::kiosk::KIOSK_NEARBY_PATH;
use crate::state::language::{localized, page_lang};
use crate::state::use_app_data;
use leptos::prelude::*;
use leptos_router::components::A;
use ocop_core::kiosk::{home_tiles, HomeTiles};

#[component]
pub fn KioskHome() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_app_data();
    let name = data.kiosk.resolved().name;
    view! {
        <section class="kiosk-home" data-testid="kiosk-home" aria-labelledby="kiosk-home-title">
            <h1 id="kiosk-home-title">{t!(i18n, kiosk_home_title)}</h1>
            {(!name.is_empty()).then(|| view! { <p class="kiosk-home-place" data-testid="kiosk-name">{name}</p> })}
            <KioskTiles />
            <KioskSearch />
        </section>
    }
    .into_any()
}

/// One tile: a big link with a title and a line under it.
fn tile(
    href: String,
    title: impl IntoView + 'static,
    detail: impl IntoView + 'static,
    test_id: &'static str,
) -> impl IntoView {
    view! {
        <li>
            <A href=href attr:class="kiosk-tile" attr:data-testid=test_id>
                <span class="kiosk-tile-title">{title}</span>
                <span class="kiosk-tile-detail">{detail}</span>
            </A>
        </li>
    }
}

#[component]
fn KioskTiles() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_app_data();
    let lang = page_lang();
    let (_, month) = page::this_month();
    let tiles = home_tiles(data.dataset(), &data.catalog, month);
    let near = data.kiosk.resolved().location.is_some();
    let groups = tiles
        .groups
        .iter()
        .map(|&(group, count)| {
            let href = catalog_href(&HomeTiles::group_query(group), lang);
            view! {
                <li>
                    <A href=href attr:class="kiosk-tile kiosk-tile-group" attr:data-testid="kiosk-tile-group" attr:data-group=group.key()>
                        <GroupIcon group />
                        <span class="kiosk-tile-title">{move || labels::group(i18n, group)}</span>
                        <span class="kiosk-tile-detail">{move || t_count!(i18n, kiosk_tile_products, count)}</span>
                    </A>
                </li>
            }
        })
        .collect_view();
    let (five, national, in_season) = (tiles.five_stars, tiles.national, tiles.in_season);
    view! {
        <h2 class="visually-hidden">{t!(i18n, kiosk_tiles_heading)}</h2>
        <ul class="plain kiosk-tiles" data-testid="kiosk-tiles">
            {near.then(|| tile(
                localized(KIOSK_NEARBY_PATH),
                view! { {t!(i18n, kiosk_tile_near_here)} },
                view! { {t!(i18n, kiosk_tile_near_here_detail)} },
                "kiosk-tile-nearby",
            ))}
            {tile(
                catalog_href(&HomeTiles::five_stars_query(), lang),
                view! { {t!(i18n, kiosk_tile_five_stars)} },
                view! { {move || t_count!(i18n, kiosk_tile_national_first, count = national)} " · " {move || t_count!(i18n, kiosk_tile_products, count = five)} },
                "kiosk-tile-stars",
            )}
            {tile(
                catalog_href(&HomeTiles::in_season_query(month), lang),
                view! { {t!(i18n, kiosk_tile_in_season)} },
                view! { {move || labels::month(i18n, month)} " · " {move || t_count!(i18n, kiosk_tile_products, count = in_season)} },
                "kiosk-tile-season",
            )}
            {groups}
            {tile(
                localized("/map"),
                view! { {t!(i18n, nav_map)} },
                view! { {t!(i18n, kiosk_tile_map_detail)} },
                "kiosk-tile-map",
            )}
            {tile(
                localized("/"),
                view! { {t!(i18n, kiosk_tile_all)} },
                view! { {move || t_count!(i18n, kiosk_tile_products, count = data.dataset().products.len())} },
                "kiosk-tile-all",
            )}
        </ul>
    }
}
