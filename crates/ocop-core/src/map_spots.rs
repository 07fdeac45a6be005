//! The map's two questions about places that are hard to tap: which of them no zoom can pull
//! apart, and which place a visitor means when typing its name.
//!
//! **Same spot.** The map draws markers closer than [`TOUCH_PX`] on screen as one group
//! (`public/map/ocop-map.js`, so no two 44 px touch targets overlap). Tapping a group zooms
//! in — but two records at the very same coordinates (Mũi Sa Vĩ is both a landmark and a
//! display point) stay together at every zoom, and a group that only ever zooms can never be
//! opened. [`same_spot`] says, once per set of markers, which places are still closer than
//! [`TOUCH_PX`] at the map's deepest zoom; a group whose members all share one such spot is
//! opened as a list (the map page's sheet) instead of zoomed. The tests hold the rule to
//! what the map does: at the deepest zoom every on-screen group lies within one spot, so
//! every place is either its own marker or listed when its group is tapped.
//!
//! **Place search.** [`find_places`] matches a query against a place's name in every
//! language, folded like the catalog's search ([`crate::search::fold`]: no tones, no case),
//! so "co to" finds "Đảo Cô Tô" whatever language the page is in.

use crate::search::fold;
use crate::text::LocalText;
use std::collections::HashMap;

/// Markers closer than this many screen pixels are drawn as one group (`GROUP_PX` in
/// `public/map/ocop-map.js`): a 44 px touch target plus a small gap.
pub const TOUCH_PX: f64 = 48.0;

/// The deepest zoom of the map when no tile layer says otherwise (Leaflet's `maxZoom`).
pub const DEFAULT_MAX_ZOOM: u8 = 16;

/// A point's position in screen pixels at `zoom`, in Leaflet's default projection (spherical
/// Web Mercator, 256 px tiles). Only distances are used, so the origin does not matter.
pub fn pixel(lat: f64, lon: f64, zoom: f64) -> (f64, f64) {
    let scale = 256.0 * zoom.exp2();
    let lat = lat.clamp(-85.051_128_78, 85.051_128_78).to_radians();
    let x = scale * (lon + 180.0) / 360.0;
    let y = scale * (1.0 - (lat.tan() + 1.0 / lat.cos()).ln() / std::f64::consts::PI) / 2.0;
    (x, y)
}

fn distance(a: (f64, f64), b: (f64, f64)) -> f64 {
    (a.0 - b.0).hypot(a.1 - b.1)
}

/// For each `(lat, lon)`, the number of its *spot*: places closer than [`TOUCH_PX`] at
/// `max_zoom`, directly or through a chain of such neighbours, share one. Spots are numbered
/// from 0 in the order of their first place, so the result does not depend on hashing.
///
/// Chains matter: the map groups a marker with the first group within reach, so A–B–C,
/// each pair but A–C within reach, can be drawn as one group; one spot for all three keeps
/// such a group openable. Points are bucketed in [`TOUCH_PX`] cells, so the cost is linear
/// in the number of places, not quadratic.
///
/// ```
/// use ocop_core::map_spots::same_spot;
/// // Two records at one position and one a few kilometres away.
/// let spots = same_spot(&[(21.0, 107.0), (21.0, 107.0), (21.05, 107.0)], 16.0);
/// assert_eq!(spots, vec![0, 0, 1]);
/// ```
pub fn same_spot(points: &[(f64, f64)], max_zoom: f64) -> Vec<usize> {
    let pixels: Vec<(f64, f64)> = points
        .iter()
        .map(|&(lat, lon)| pixel(lat, lon, max_zoom))
        .collect();
    let cell = |p: (f64, f64)| ((p.0 / TOUCH_PX).floor() as i64, (p.1 / TOUCH_PX).floor() as i64);
    let mut cells: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    for (i, &p) in pixels.iter().enumerate() {
        cells.entry(cell(p)).or_default().push(i);
    }
    let mut parent: Vec<usize> = (0..points.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for (i, &p) in pixels.iter().enumerate() {
        let (cx, cy) = cell(p);
        for dx in -1..=1 {
            for dy in -1..=1 {
                let Some(near) = cells.get(&(cx + dx, cy + dy)) else {
                    continue;
                };
                for &j in near {
                    if j > i && distance(p, pixels[j]) < TOUCH_PX {
                        let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                        if a != b {
                            parent[a.max(b)] = a.min(b);
                        }
                    }
                }
            }
        }
    }
    let mut number: HashMap<usize, usize> = HashMap::new();
    (0..points.len())
        .map(|i| {
            let r = root(&mut parent, i);
            let next = number.len();
            *number.entry(r).or_insert(next)
        })
        .collect()
}

/// Indices of the `names` that match `query`, best first, at most `limit`: a name that
/// starts with the query, then one with a word that does, then one that contains it; ties
/// keep the order given. Every language of a name is tried, so a visitor reading English or
/// Chinese can type the Vietnamese name without tones. A query with nothing but spaces
/// matches nothing.
///
/// ```
/// use ocop_core::map_spots::find_places;
/// use ocop_core::LocalText;
/// let names = [LocalText::vi("Khu di tích Yên Tử"), LocalText::vi("Đảo Cô Tô")];
/// assert_eq!(find_places(&names, "co to", 5), vec![1]);
/// assert_eq!(find_places(&names, "YEN", 5), vec![0]);
/// ```
pub fn find_places(names: &[LocalText], query: &str, limit: usize) -> Vec<usize> {
    let query = squash(&fold(query));
    if query.is_empty() {
        return Vec::new();
    }
    let mut ranked: Vec<(u8, usize)> = names
        .iter()
        .enumerate()
        .filter_map(|(i, name)| {
            [Some(name.vi.as_str()), name.en.as_deref(), name.zh.as_deref()]
                .into_iter()
                .flatten()
                .filter_map(|text| rank(&squash(&fold(text)), &query))
                .min()
                .map(|r| (r, i))
        })
        .collect();
    ranked.sort();
    ranked.into_iter().take(limit).map(|(_, i)| i).collect()
}

/// Lower-cased words separated by single spaces; punctuation counts as a space, so
/// "Hạ Long–Bãi Cháy" and "ha long bai chay" compare equal.
fn squash(folded: &str) -> String {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn rank(name: &str, query: &str) -> Option<u8> {
    if name.starts_with(query) {
        Some(0)
    } else if name.match_indices(query).any(|(at, _)| name[..at].ends_with(' ')) {
        Some(1)
    } else if name.contains(query) {
        Some(2)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::places::PlaceIndex;
    use crate::test_fixtures::bundled;
    use proptest::prelude::*;

    /// What `ocop-map.js` draws: each marker joins the first group whose first member is
    /// closer than `TOUCH_PX`, else starts one. Returns the groups' members.
    fn drawn_groups(points: &[(f64, f64)], zoom: f64) -> Vec<Vec<usize>> {
        let mut groups: Vec<((f64, f64), Vec<usize>)> = Vec::new();
        for (i, &(lat, lon)) in points.iter().enumerate() {
            let p = pixel(lat, lon, zoom);
            match groups.iter_mut().find(|(at, _)| distance(*at, p) < TOUCH_PX) {
                Some((_, members)) => members.push(i),
                None => groups.push((p, vec![i])),
            }
        }
        groups.into_iter().map(|(_, m)| m).collect()
    }

    /// Places around the province: some at shared positions, some a few metres apart, some
    /// far away.
    fn places() -> impl Strategy<Value = Vec<(f64, f64)>> {
        let base = prop::collection::vec((20.7f64..21.7, 106.4f64..108.1), 1..8);
        (
            base,
            prop::collection::vec(
                (0usize..8, -0.0005f64..0.0005, -0.0005f64..0.0005, any::<bool>()),
                0..40,
            ),
        )
            .prop_map(|(base, extra)| {
                let mut out = base.clone();
                for (k, dlat, dlon, exact) in extra {
                    let (lat, lon) = base[k % base.len()];
                    out.push(if exact {
                        (lat, lon)
                    } else {
                        (lat + dlat, lon + dlon)
                    });
                }
                out
            })
    }

    proptest! {
        /// Every place stays reachable: at the deepest zoom each drawn group is a single
        /// place or lies within one spot (so tapping it lists its places), and places of
        /// different spots are far enough apart there to be drawn apart.
        #[test]
        fn every_place_stays_reachable(points in places(), zoom in 12u8..=18) {
            let zoom = f64::from(zoom);
            let spots = same_spot(&points, zoom);
            prop_assert_eq!(spots.len(), points.len());
            let mut seen = vec![false; points.len()];
            for group in drawn_groups(&points, zoom) {
                for &m in &group {
                    prop_assert!(!seen[m]);
                    seen[m] = true;
                    prop_assert_eq!(spots[m], spots[group[0]], "a drawn group spans two spots");
                }
            }
            prop_assert!(seen.iter().all(|&s| s));
            for i in 0..points.len() {
                for j in 0..points.len() {
                    let apart = distance(pixel(points[i].0, points[i].1, zoom), pixel(points[j].0, points[j].1, zoom));
                    if spots[i] != spots[j] {
                        prop_assert!(apart >= TOUCH_PX);
                    }
                    if points[i] == points[j] {
                        prop_assert_eq!(spots[i], spots[j]);
                    }
                }
            }
        }

        /// Spots are numbered densely in order of first appearance.
        #[test]
        fn spots_are_numbered_in_order(points in places()) {
            let spots = same_spot(&points, 16.0);
            let mut next = 0;
            for s in spots {
                prop_assert!(s <= next);
                if s == next { next += 1; }
            }
        }

    }

    /// Any place's name is found by itself typed without tones, in either case.
    #[test]
    fn every_name_typed_without_tones_is_found() {
        let data = bundled();
        let names: Vec<LocalText> = PlaceIndex::build(&data)
            .all(&data)
            .iter()
            .map(|p| p.name.clone())
            .collect();
        for (i, name) in names.iter().enumerate() {
            for typed in [
                fold(&name.vi),
                fold(&name.vi).to_uppercase(),
                name.get(crate::Lang::En).to_string(),
            ] {
                assert!(find_places(&names, &typed, names.len()).contains(&i), "{typed}");
            }
        }
    }

    #[test]
    fn the_bundled_data_has_places_at_one_spot_and_they_share_it() {
        let data = bundled();
        let all = PlaceIndex::build(&data).all(&data);
        let points: Vec<(f64, f64)> = all
            .iter()
            .map(|p| (p.coordinates.lat, p.coordinates.lon))
            .collect();
        let spots = same_spot(&points, f64::from(DEFAULT_MAX_ZOOM));
        let at = |key: &str| {
            all.iter()
                .position(|p| crate::trip::stop_key(&p.stop) == key)
                .unwrap()
        };
        assert_eq!(spots[at("s.mui-sa-vi")], spots[at("p.mui-sa-vi")]);
        assert_ne!(spots[at("s.mui-sa-vi")], spots[at("s.dao-co-to")]);
    }

    #[test]
    fn the_search_finds_places_without_tones_and_ranks_name_starts_first() {
        let data = bundled();
        let all = PlaceIndex::build(&data).all(&data);
        let names: Vec<LocalText> = all.iter().map(|p| p.name.clone()).collect();
        let key = |i: usize| crate::trip::stop_key(&all[i].stop);
        assert_eq!(
            find_places(&names, "co to", 3).first().map(|&i| key(i)),
            Some("s.dao-co-to".into())
        );
        assert_eq!(
            find_places(&names, "yen tu", 3).first().map(|&i| key(i)),
            Some("s.khu-di-tich-yen-tu".into())
        );
        // Chinese names are searched too.
        assert_eq!(
            find_places(&names, "姑苏", 3).first().map(|&i| key(i)),
            Some("s.dao-co-to".into())
        );
        assert!(find_places(&names, "  ", 10).is_empty());
        assert!(find_places(&names, "zzzz", 10).is_empty());
        let names = [
            LocalText::vi("Chợ Hạ Long"),
            LocalText::vi("Hạ Long"),
            LocalText::vi("Vịnh Hạ Long"),
        ];
        assert_eq!(find_places(&names, "ha long", 3), vec![1, 0, 2]);
        // A word inside another word ranks below a word start.
        let names = [LocalText::vi("Xcoto"), LocalText::vi("Ba Coto")];
        assert_eq!(find_places(&names, "coto", 3), vec![1, 0]);
    }
}
