//! The map page's view as its URL holds it (`kind=farm,village`, `product=<id>`,
//! `season=1`, `place=s.<id>`), so a view can be shared or bookmarked. Unknown values in a
//! shared link are ignored, never fatal.

use crate::state::language::page_lang;
use crate::state::{use_app_data, use_visitor};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;
use ocop_core::model::StopRef;
use ocop_core::places::KIND_KEYS;
use ocop_core::trip::parse_stop_key;

/// The router's `navigate`, kept where a callback from JavaScript can reach it.
type Navigate = Box<dyn Fn(&str, NavigateOptions)>;

/// The filters and selection of `/map`, read from the URL, and the places they leave.
#[derive(Clone, Copy)]
pub struct MapView {
    query: Memo<ParamsMap>,
    /// Kinds of place shown (none: all).
    pub kinds: Memo<Vec<&'static str>>,
    /// Hide places out of season in the visitor's month.
    pub season_only: Memo<bool>,
    /// The tapped place, or several that share a spot on the map (`place=s.a,p.b`).
    pub selected: Memo<Vec<StopRef>>,
    /// Places passing the filters, in dataset order.
    pub visible: Memo<Vec<StopRef>>,
    // Taken when the page is made: marker taps arrive from JavaScript, outside any owner.
    navigate: StoredValue<Navigate, LocalStorage>,
}

impl MapView {
    pub fn from_url() -> MapView {
        let data = use_app_data();
        let visit_month = use_visitor().visit_month;
        let params = use_query_map();
        let query = Memo::new(move |_| params.get());
        let kinds = Memo::new(move |_| {
            query.with(|q| {
                q.get("kind")
                    .map(|k| {
                        k.split(',')
                            .filter_map(|k| KIND_KEYS.iter().find(|known| **known == k).copied())
                            .collect::<Vec<&'static str>>()
                    })
                    .unwrap_or_default()
            })
        });
        // Only places linked to this product (its index in the dataset).
        let product = {
            let data = data.clone();
            Memo::new(move |_| {
                query
                    .with(|q| q.get("product"))
                    .and_then(|id| data.dataset().products.iter().position(|p| p.id == id))
            })
        };
        let season_only = Memo::new(move |_| query.with(|q| q.get("season").as_deref() == Some("1")));
        let selected = Memo::new(move |_| {
            query.with(|q| q.get("place")).map_or_else(Vec::new, |keys| {
                keys.split(',')
                    .filter_map(parse_stop_key)
                    .take(20)
                    .collect::<Vec<StopRef>>()
            })
        });
        let visible = Memo::new(move |_| {
            let kinds = kinds.get();
            let product = product.get();
            let month = visit_month.get().filter(|_| season_only.get());
            data.places
                .all(data.dataset())
                .into_iter()
                .filter(|p| kinds.is_empty() || kinds.contains(&p.kind.key()))
                .filter(|p| product.is_none_or(|i| data.places.has_product(&p.stop, i)))
                .filter(|p| month.is_none_or(|m| p.in_season(m) != Some(false)))
                .map(|p| p.stop)
                .collect::<Vec<StopRef>>()
        });
        let navigate = use_navigate();
        // The map's URL stays in the page's language.
        let lang = page_lang();
        MapView {
            query,
            kinds,
            season_only,
            selected,
            visible,
            navigate: StoredValue::new_local(Box::new(move |href: &str, options| {
                navigate(&lang.localize(href), options)
            })),
        }
    }

    /// The URL's value for `key` (`product`…), as given.
    pub fn param(&self, key: &str) -> Option<String> {
        self.query.with(|q| q.get(key))
    }

    /// Sets (or, with `None` or an empty value, removes) one parameter, replacing the
    /// history entry and keeping the scroll position.
    pub fn set_param(&self, key: &'static str, value: Option<String>) {
        let mut params = self.query.get_untracked();
        match value.filter(|v| !v.is_empty()) {
            Some(v) => params.replace(key, v),
            None => {
                params.remove(key);
            }
        }
        let href = format!("/map{}", params.to_query_string());
        let options = NavigateOptions {
            replace: true,
            scroll: false,
            ..NavigateOptions::default()
        };
        self.navigate.with_value(|navigate| navigate(&href, options));
    }
}
