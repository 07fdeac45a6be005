//! Taking a trip out of the app: Google Maps directions links and GPX files.
//!
//! The app does not navigate; it hands the trip to tools visitors already trust. Google Maps
//! covers phones (the link opens the Maps app, no API key needed); GPX 1.1 covers everything
//! else (OsmAnd, Organic Maps, Garmin devices, cycling apps).
//!
//! # Why stops are sometimes skipped
//!
//! A stop whose latitude or longitude is not a finite number, or lies outside the GPX
//! schema's ranges (latitude −90…90, longitude −180…<180), cannot be drawn anywhere. Writing
//! `NaN` into a link or a GPX file would make the whole export fail in the receiving app, so
//! such stops are left out and the rest of the trip still exports. The dataset validator
//! should never let such coordinates through; this is the last line of defence.
//!
//! # Why Google Maps gets several links
//!
//! A Maps URL carries an origin, a destination and a limited number of waypoints (the Maps
//! URLs documentation, <https://developers.google.com/maps/documentation/urls/get-started>,
//! says the limit depends on the platform opening the link). We put at most
//! [`GOOGLE_MAPS_MAX_POINTS`] points in one link and split longer trips into legs, each leg
//! starting where the previous one ended so that following the links in turn drives the
//! whole trip without a gap.

/// One stop to export, already resolved to its display name and coordinates (degrees, WGS 84).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ExportStop<'a> {
    pub name: &'a str,
    pub lat: f64,
    pub lon: f64,
    /// What Google Maps should search for instead of the coordinate ("name, district"),
    /// when the coordinate is only an estimate: a driver sent to an estimated point may
    /// end up at the wrong gate or on the wrong side of a river, Maps' own place is right.
    pub search: Option<&'a str>,
}

/// How one part of a day's travel leaves the app ([`day_parts`]).
#[derive(Clone, Debug, PartialEq)]
pub enum DayPart {
    /// Drive through these points, in order: Google Maps links in driving mode. A road
    /// never crosses the sea, so neither does a link.
    Drive(Vec<Endpoint>),
    /// A ferry or bay-boat step, told in words: Maps cannot book or time a boat.
    Sea(Step),
}

/// A day's travel ([`crate::itinerary::Day`]'s legs, in order) cut at every boat: runs of
/// road steps become [`DayPart::Drive`] (two points or more), each ferry or bay-boat step a
/// [`DayPart::Sea`].
pub fn day_parts<'a>(legs: impl IntoIterator<Item = &'a Leg>) -> Vec<DayPart> {
    let mut parts = Vec::new();
    let mut run: Vec<Endpoint> = Vec::new();
    let flush = |run: &mut Vec<Endpoint>, parts: &mut Vec<DayPart>| {
        if run.len() >= 2 {
            parts.push(DayPart::Drive(std::mem::take(run)));
        }
        run.clear();
    };
    for step in legs.into_iter().flat_map(|leg| &leg.steps) {
        match step.mode {
            StepMode::Road(_) => {
                if run.last() != Some(&step.from) {
                    flush(&mut run, &mut parts);
                    run.push(step.from.clone());
                }
                run.push(step.to.clone());
            }
            StepMode::Ferry { .. } | StepMode::BayBoat { .. } => {
                flush(&mut run, &mut parts);
                parts.push(DayPart::Sea(step.clone()));
            }
        }
    }
    flush(&mut run, &mut parts);
    parts
}

use crate::network::{Endpoint, Leg, Step, StepMode};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Points per Google Maps link: origin, up to 8 waypoints and destination.
pub const GOOGLE_MAPS_MAX_POINTS: usize = 10;

const GOOGLE_MAPS_SEARCH: &str = "https://www.google.com/maps/search/?api=1";
const GOOGLE_MAPS_DIRECTIONS: &str = "https://www.google.com/maps/dir/?api=1";
/// `|` separates waypoints; it is not allowed raw in a URL, so it is written percent-encoded.
const WAYPOINT_SEPARATOR: &str = "%7C";

/// Whether a stop can be placed on a map (see "Why stops are sometimes skipped").
fn is_plottable(stop: &ExportStop) -> bool {
    stop.lat.is_finite()
        && stop.lon.is_finite()
        && (-90.0..=90.0).contains(&stop.lat)
        && (-180.0..180.0).contains(&stop.lon)
}

/// `LAT,LON` with 5 decimals (about 1 m), enough to pick the right entrance; or the
/// stop's search text, percent-encoded, when its coordinate is an estimate.
fn maps_point(stop: &ExportStop) -> String {
    match stop.search {
        Some(text) => utf8_percent_encode(text, URL_TEXT).to_string(),
        None => format!("{:.5},{:.5}", stop.lat, stop.lon),
    }
}

/// Everything but letters, digits and `-._~` is encoded: `,` and `|` included, which Maps
/// would otherwise read as a coordinate or a waypoint separator.
const URL_TEXT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Google Maps links for the trip, in order: none for no plottable stop, a search link for a
/// single one, otherwise driving directions split into legs of at most
/// [`GOOGLE_MAPS_MAX_POINTS`] points, each leg starting at the previous leg's last point
/// (10 points → 1 link, 11 → 2, 19 → 2, 20 → 3). Unplottable stops are skipped.
pub fn google_maps_links(stops: &[ExportStop]) -> Vec<String> {
    let points: Vec<String> = stops.iter().filter(|s| is_plottable(s)).map(maps_point).collect();
    match points.as_slice() {
        [] => Vec::new(),
        [only] => vec![format!("{GOOGLE_MAPS_SEARCH}&query={only}")],
        _ => legs(points.len())
            .map(|(first, last)| directions_link(&points[first..=last]))
            .collect(),
    }
}

/// Inclusive index ranges of the legs for `count >= 2` points: consecutive windows of at
/// most [`GOOGLE_MAPS_MAX_POINTS`] points sharing their boundary point.
fn legs(count: usize) -> impl Iterator<Item = (usize, usize)> {
    let step = GOOGLE_MAPS_MAX_POINTS - 1;
    let last_index = count.saturating_sub(1);
    (0..last_index)
        .step_by(step)
        .map(move |first| (first, (first + step).min(last_index)))
}

/// A directions link for `points` (at least two): first is the origin, last the destination.
fn directions_link(points: &[String]) -> String {
    let (Some(origin), Some(destination)) = (points.first(), points.last()) else {
        return String::new();
    };
    let mut link = format!("{GOOGLE_MAPS_DIRECTIONS}&origin={origin}&destination={destination}");
    if let Some(waypoints) = points.get(1..points.len() - 1).filter(|w| !w.is_empty()) {
        link.push_str("&waypoints=");
        link.push_str(&waypoints.join(WAYPOINT_SEPARATOR));
    }
    link.push_str("&travelmode=driving");
    link
}

/// A GPX 1.1 document for the trip: one `<wpt>` per plottable stop (so the stops show as
/// favourites) and one `<rte>` visiting them in order (so navigation apps can follow it).
///
/// `trip_name`, stop names and `generator` (the `creator` attribute, e.g. "OCOP Quảng Ninh")
/// are XML-escaped, and control characters other than tab and newline are removed, since
/// XML 1.0 forbids most of them and no reader needs the rest. Coordinates have 6 decimals
/// (about 0.1 m). With no plottable stop, the route is left out; the document stays valid.
pub fn gpx(trip_name: &str, stops: &[ExportStop], generator: &str) -> String {
    gpx_days(trip_name, &[(trip_name, stops)], generator)
}

/// A GPX 1.1 document for a trip of several days: every stop once as a `<wpt>`, and one
/// `<rte>` per day (named, e.g. "Day 2 – My trip") so a navigation app offers each day as
/// its own route. A day's stops may begin with the previous day's last stop, where that
/// day's travel starts; it is still one waypoint. Days with no plottable stop are left out.
pub fn gpx_days(trip_name: &str, days: &[(&str, &[ExportStop])], generator: &str) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<gpx version=\"1.1\" creator=\"{}\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n",
        xml_text(generator)
    ));
    out.push_str(&format!(
        "  <metadata>\n    <name>{}</name>\n  </metadata>\n",
        xml_text(trip_name)
    ));
    let mut written: Vec<&ExportStop> = Vec::new();
    for stop in days
        .iter()
        .flat_map(|(_, stops)| stops.iter())
        .filter(|s| is_plottable(s))
    {
        if !written.contains(&stop) {
            out.push_str(&gpx_point("wpt", stop, "  "));
            written.push(stop);
        }
    }
    for (name, stops) in days {
        let plottable: Vec<&ExportStop> = stops.iter().filter(|s| is_plottable(s)).collect();
        if plottable.is_empty() {
            continue;
        }
        out.push_str(&format!("  <rte>\n    <name>{}</name>\n", xml_text(name)));
        for stop in plottable {
            out.push_str(&gpx_point("rtept", stop, "    "));
        }
        out.push_str("  </rte>\n");
    }
    out.push_str("</gpx>\n");
    out
}

fn gpx_point(tag: &str, stop: &ExportStop, indent: &str) -> String {
    format!(
        "{indent}<{tag} lat=\"{:.6}\" lon=\"{:.6}\">\n{indent}  <name>{}</name>\n{indent}</{tag}>\n",
        stop.lat,
        stop.lon,
        xml_text(stop.name)
    )
}

/// Text safe both as element content and inside a double- or single-quoted attribute.
fn xml_text(raw: &str) -> String {
    let mut escaped = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            '\t' | '\n' => escaped.push(c),
            // U+FFFE and U+FFFF are not characters at all in XML 1.0.
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stop(name: &str, lat: f64, lon: f64) -> ExportStop<'_> {
        ExportStop {
            name,
            lat,
            lon,
            search: None,
        }
    }

    /// `count` distinct stops along a line, so each point's text is recognisable.
    fn line_of(count: usize) -> Vec<ExportStop<'static>> {
        (0..count)
            .map(|i| stop("stop", 21.0 + i as f64 / 100.0, 107.0))
            .collect()
    }

    #[test]
    fn no_stop_no_link_and_one_stop_a_search_link() {
        assert!(google_maps_links(&[]).is_empty());
        assert_eq!(
            google_maps_links(&[stop("Vịnh Hạ Long", 20.910_052, 107.183_902)]),
            vec!["https://www.google.com/maps/search/?api=1&query=20.91005,107.18390".to_string()]
        );
    }

    #[test]
    fn directions_links_have_the_exact_expected_shape() {
        let two = [stop("a", 21.0, 107.0), stop("b", -20.5, -0.123_456)];
        assert_eq!(
            google_maps_links(&two),
            vec!["https://www.google.com/maps/dir/?api=1&origin=21.00000,107.00000\
                  &destination=-20.50000,-0.12346&travelmode=driving"
                .to_string()]
        );
        let three = [
            stop("a", 21.0, 107.0),
            stop("b", 21.1, 107.1),
            stop("c", 21.2, 107.2),
        ];
        assert_eq!(
            google_maps_links(&three),
            vec!["https://www.google.com/maps/dir/?api=1&origin=21.00000,107.00000\
                  &destination=21.20000,107.20000&waypoints=21.10000,107.10000&travelmode=driving"
                .to_string()]
        );
        let four = [three[0], three[1], stop("x", 21.15, 107.15), three[2]];
        assert!(google_maps_links(&four)[0].contains("&waypoints=21.10000,107.10000%7C21.15000,107.15000&"));
    }

    #[test]
    fn long_trips_split_into_overlapping_legs() {
        for (count, links) in [
            (2, 1),
            (9, 1),
            (10, 1),
            (11, 2),
            (18, 2),
            (19, 2),
            (20, 3),
            (28, 3),
            (29, 4),
        ] {
            assert_eq!(google_maps_links(&line_of(count)).len(), links, "{count} stops");
        }
        let links = google_maps_links(&line_of(11));
        let tenth = maps_point(&line_of(11)[9]);
        assert!(links[0].contains(&format!("&destination={tenth}&")));
        assert!(links[1].contains(&format!("&origin={tenth}&")));
        assert!(
            !links[1].contains("waypoints"),
            "a two-point leg has no waypoints"
        );
        assert_eq!(links[0].matches("%7C").count(), GOOGLE_MAPS_MAX_POINTS - 3);
    }

    #[test]
    fn unplottable_stops_are_skipped() {
        let stops = [
            stop("nan", f64::NAN, 107.0),
            stop("inf", 21.0, f64::INFINITY),
            stop("ok", 21.0, 107.0),
            stop("north of north", 91.0, 107.0),
            stop("-inf", f64::NEG_INFINITY, 0.0),
        ];
        let links = google_maps_links(&stops);
        assert_eq!(
            links,
            vec![format!("{GOOGLE_MAPS_SEARCH}&query=21.00000,107.00000")]
        );
        let document = gpx("t", &stops, "g");
        assert_eq!(document.matches("<wpt ").count(), 1);
        assert!(!document.contains("NaN") && !document.contains("inf"));
        assert!(google_maps_links(&stops[..2]).is_empty());
    }

    /// Checks the document is well formed in the ways our writer could get wrong: every
    /// start tag closed in order, no raw `<` or `&` in text, attribute values quoted.
    fn assert_well_formed(document: &str) {
        let body = document
            .strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .expect("XML declaration first");
        let mut open: Vec<&str> = Vec::new();
        let mut rest = body;
        while let Some(start) = rest.find('<') {
            assert_text_is_escaped(&rest[..start]);
            let end = rest[start..].find('>').expect("unterminated tag") + start;
            let tag = &rest[start + 1..end];
            assert!(!tag.contains('<'), "raw < in {tag}");
            assert_eq!(tag.matches('"').count() % 2, 0, "unbalanced quotes in {tag}");
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(open.pop(), Some(name), "mismatched </{name}>");
            } else if !tag.ends_with('/') {
                open.push(tag.split_whitespace().next().expect("empty tag"));
            }
            rest = &rest[end + 1..];
        }
        assert_text_is_escaped(rest);
        assert!(open.is_empty(), "unclosed {open:?}");
    }

    fn assert_text_is_escaped(text: &str) {
        assert!(!text.contains('>'), "raw > in {text:?}");
        for (index, _) in text.match_indices('&') {
            let entity = &text[index..];
            assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"]
                    .iter()
                    .any(|e| entity.starts_with(e)),
                "bare & in {text:?}"
            );
        }
        assert!(!text.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
    }

    #[test]
    fn gpx_has_one_waypoint_and_route_point_per_stop() {
        let stops = line_of(7);
        let document = gpx("Hạ Long day", &stops, "OCOP Quảng Ninh");
        assert_well_formed(&document);
        assert!(document.starts_with(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" creator=\"OCOP Quảng Ninh\" \
             xmlns=\"http://www.topografix.com/GPX/1/1\">\n  <metadata>\n    <name>Hạ Long day</name>"
        ));
        assert_eq!(document.matches("<wpt ").count(), 7);
        assert_eq!(document.matches("<rtept ").count(), 7);
        assert_eq!(document.matches("<rte>").count(), 1);
        assert!(document.contains("<wpt lat=\"21.060000\" lon=\"107.000000\">"));
        assert!(document.ends_with("</gpx>\n"));

        let empty = gpx("", &[], "");
        assert_well_formed(&empty);
        assert!(!empty.contains("<rte>"));
    }

    #[test]
    fn gpx_escapes_hostile_names() {
        let stops = [
            stop("<script>alert('x')</script>", 21.0, 107.0),
            stop("Bánh & \"chả\" <mực>", 21.1, 107.1),
            stop("bell\u{7}\r\nline\ttab\u{0}\u{9f}\u{FFFF}end", 21.2, 107.2),
        ];
        let document = gpx("</name></metadata><evil>", &stops, "\"><x a='");
        assert_well_formed(&document);
        assert!(!document.contains("<script>") && !document.contains("<evil>"));
        assert!(document.contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;"));
        assert!(document.contains("Bánh &amp; &quot;chả&quot; &lt;mực&gt;"));
        assert!(document.contains("creator=\"&quot;&gt;&lt;x a=&apos;\""));
        assert!(document.contains("<name>bell\nline\ttabend</name>"));
    }

    #[test]
    fn gpx_keeps_vietnamese_text_intact() {
        let name = "Chả mực Hạ Long — Chợ Hạ Long 1, Bãi Cháy (Quảng Ninh) ỹ Ỵ đ Đ";
        let document = gpx(
            "Hành trình của tôi",
            &[stop(name, 20.95, 107.05)],
            "OCOP Quảng Ninh",
        );
        assert_well_formed(&document);
        assert_eq!(document.matches(&format!("<name>{name}</name>")).count(), 2);
        assert!(document.contains("<name>Hành trình của tôi</name>"));
    }

    #[test]
    fn an_estimated_place_is_searched_for_by_name_and_area() {
        let mut pier = stop("Cảng Cái Rồng", 21.065, 107.422);
        pier.search = Some("Cảng Cái Rồng, Vân Đồn | Quảng Ninh");
        let links = google_maps_links(&[stop("a", 21.0, 107.0), pier]);
        assert_eq!(
            links,
            ["https://www.google.com/maps/dir/?api=1&origin=21.00000,107.00000\
              &destination=C%E1%BA%A3ng%20C%C3%A1i%20R%E1%BB%93ng%2C%20V%C3%A2n%20%C4%90%E1%BB%93n%20%7C%20Qu%E1%BA%A3ng%20Ninh\
              &travelmode=driving"]
        );
    }

    /// Issue 20: a day from the Tùng Sâu pearl farm to Quan Lạn island leaves as the bay
    /// boat in words, a drive from Tuần Châu to Cái Rồng, the ferry in words, and the island
    /// road: no link crosses the sea.
    #[test]
    fn a_day_is_cut_at_every_boat() {
        use crate::model::StopRef;
        use crate::network::Network;
        use crate::places::place;
        let data = crate::test_fixtures::bundled();
        let network = Network::new(&data);
        let spot = |id: &str| place(&data, &StopRef::Spot(id.into())).unwrap().waypoint();
        let stops = [
            spot("bao-tang-ngoc-trai-tuan-chau"),
            spot("trai-ngoc-trai-tung-sau"),
            spot("dao-quan-lan"),
        ];
        let path = network.path(&stops);
        let parts = day_parts(&path.legs);
        let pier = |id: &str| Endpoint::Pier(id.into());
        let stop = |i: usize| Endpoint::Stop(stops[i].stop.clone());
        let kinds: Vec<String> = parts
            .iter()
            .map(|p| match p {
                DayPart::Drive(points) => format!("drive {points:?}"),
                DayPart::Sea(step) => format!("sea {:?}", step.mode),
            })
            .collect();
        assert_eq!(parts.len(), 6, "{kinds:#?}");
        assert_eq!(parts[0], DayPart::Drive(vec![stop(0), pier("tuan-chau")]));
        assert!(matches!(&parts[1], DayPart::Sea(s) if s.to == stop(1)));
        assert!(matches!(&parts[2], DayPart::Sea(s) if s.to == pier("tuan-chau")));
        assert_eq!(
            parts[3],
            DayPart::Drive(vec![pier("tuan-chau"), pier("cai-rong")])
        );
        assert!(matches!(&parts[4], DayPart::Sea(s) if matches!(s.mode, StepMode::Ferry { .. })));
        assert_eq!(parts[5], DayPart::Drive(vec![pier("quan-lan"), stop(2)]));
        // Consecutive road legs make one drive.
        let road = [
            spot("khu-di-tich-yen-tu"),
            spot("lang-gom-dong-thanh"),
            spot("vuon-dau-tam-trang-an"),
        ];
        let parts = day_parts(&network.path(&road).legs);
        assert_eq!(
            parts,
            [DayPart::Drive(
                road.iter().map(|w| Endpoint::Stop(w.stop.clone())).collect()
            )]
        );
        assert!(day_parts(&[]).is_empty());
    }

    #[test]
    fn gpx_days_are_separate_routes_with_each_stop_once() {
        let (a, b, c) = (
            stop("A", 21.0, 107.0),
            stop("B", 21.1, 107.1),
            stop("C", 21.2, 107.2),
        );
        let day1 = [a, b];
        let day2 = [b, c];
        let document = gpx_days(
            "Trip",
            &[("Day 1", &day1), ("Day 2", &day2), ("Day 3", &[])],
            "OCOP",
        );
        assert_well_formed(&document);
        assert_eq!(document.matches("<wpt ").count(), 3);
        assert_eq!(document.matches("<rte>").count(), 2);
        assert!(document.contains("<name>Day 1</name>") && document.contains("<name>Day 2</name>"));
        assert_eq!(document.matches("<rtept ").count(), 4);
    }
}
