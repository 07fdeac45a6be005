//! The app's pages, their URL paths and the files that serve them.

use crate::model::Dataset;
use crate::text::Lang;

/// One page of the app, in no particular language.
///
/// | page | path (`vi`) | path (`en`) | file (`zh`) |
/// |---|---|---|---|
/// | `Catalog` | `/` | `/en/` | `zh/index.html` |
/// | `Product(id)` | `/p/<id>/` | `/en/p/<id>/` | `zh/p/<id>/index.html` |
/// | `Routes` | `/routes/` | `/en/routes/` | `zh/routes/index.html` |
/// | `Route(id)` | `/routes/<id>/` | `/en/routes/<id>/` | `zh/routes/<id>/index.html` |
/// | `Spot(id)` | `/spot/<id>/` | `/en/spot/<id>/` | `zh/spot/<id>/index.html` |
/// | `SalesPoint(id)` | `/sales-point/<id>/` | `/en/sales-point/<id>/` | `zh/sales-point/<id>/index.html` |
/// | `Map`, `About`, `List`, `Trip`, `Kiosk` | `/map/` … | `/en/map/` … | `zh/map/index.html` … |
/// | `NotFound` | `/404.html` | `/en/404.html` | `zh/404.html` |
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Page {
    Catalog,
    Product(String),
    Routes,
    Route(String),
    Spot(String),
    SalesPoint(String),
    Map,
    About,
    List,
    Trip,
    Kiosk,
    NotFound,
}

/// Pages without an id, with their path segment.
const STATIC_PAGES: [(Page, &str); 6] = [
    (Page::Routes, "routes"),
    (Page::Map, "map"),
    (Page::About, "about"),
    (Page::List, "list"),
    (Page::Trip, "trip"),
    (Page::Kiosk, "kiosk"),
];

const NOT_FOUND_FILE: &str = "404.html";

impl Page {
    /// Every page to pre-render for `data`: the static pages, then every product, route,
    /// spot and sales point in dataset order. Not [`Page::NotFound`], which is rendered once
    /// per language on its own. An id that cannot be one URL path segment (empty, `.` or
    /// `..`, which browsers resolve away) gets no page.
    pub fn all(data: &Dataset) -> Vec<Page> {
        let usable = |id: &&String| !id.is_empty() && id.as_str() != "." && id.as_str() != "..";
        let mut pages = vec![
            Page::Catalog,
            Page::Routes,
            Page::Map,
            Page::About,
            Page::List,
            Page::Trip,
            Page::Kiosk,
        ];
        pages.extend(
            data.products
                .iter()
                .map(|p| &p.id)
                .filter(usable)
                .cloned()
                .map(Page::Product),
        );
        pages.extend(
            data.routes
                .iter()
                .map(|r| &r.id)
                .filter(usable)
                .cloned()
                .map(Page::Route),
        );
        pages.extend(
            data.spots
                .iter()
                .map(|s| &s.id)
                .filter(usable)
                .cloned()
                .map(Page::Spot),
        );
        pages.extend(
            data.sales_points
                .iter()
                .map(|s| &s.id)
                .filter(usable)
                .cloned()
                .map(Page::SalesPoint),
        );
        pages
    }

    /// The page's id in the dataset, for the detail pages.
    pub fn id(&self) -> Option<&str> {
        match self {
            Page::Product(id) | Page::Route(id) | Page::Spot(id) | Page::SalesPoint(id) => Some(id),
            _ => None,
        }
    }

    /// The URL path in `lang`, directory style: `/`, `/en/`, `/zh/p/<id>/`, `/routes/`;
    /// `/404.html` (`/en/404.html`…) for [`Page::NotFound`]. Ids are percent-encoded except
    /// for `A–Z a–z 0–9 - _ . ~`.
    pub fn path(&self, lang: Lang) -> String {
        let prefix = lang.path_prefix();
        match self.segments(encode_segment) {
            None => format!("{prefix}/{NOT_FOUND_FILE}"),
            Some(rel) if rel.is_empty() => format!("{prefix}/"),
            Some(rel) => format!("{prefix}/{rel}/"),
        }
    }

    /// The file under `dist/` that serves [`Page::path`], without a leading slash:
    /// `index.html`, `en/index.html`, `zh/p/<id>/index.html`, `404.html`, `en/404.html`.
    ///
    /// Static hosts decode a request's path before looking for the file, so an id appears
    /// here as itself (`/p/ch%E1%BA%A3/` is served from `p/chả/index.html`), except that
    /// `/`, `\`, `%`, control characters and a whole id of `.` or `..` are percent-encoded:
    /// whatever the id, the file stays one directory below its section.
    pub fn file(&self, lang: Lang) -> String {
        let dir = lang.path_prefix().trim_start_matches('/');
        let dir = if dir.is_empty() {
            String::new()
        } else {
            format!("{dir}/")
        };
        match self.segments(file_segment) {
            None => format!("{dir}{NOT_FOUND_FILE}"),
            Some(rel) if rel.is_empty() => format!("{dir}index.html"),
            Some(rel) => format!("{dir}{rel}/index.html"),
        }
    }

    /// The path inside the language prefix without slashes at either end (`p/<id>`, `` for
    /// the catalog), the id written by `id_segment`; `None` for [`Page::NotFound`].
    fn segments(&self, id_segment: fn(&str) -> String) -> Option<String> {
        let detail = |section: &str, id: &str| format!("{section}/{}", id_segment(id));
        Some(match self {
            Page::Catalog => String::new(),
            Page::Product(id) => detail("p", id),
            Page::Route(id) => detail("routes", id),
            Page::Spot(id) => detail("spot", id),
            Page::SalesPoint(id) => detail("sales-point", id),
            Page::NotFound => return None,
            other => STATIC_PAGES
                .iter()
                .find(|(page, _)| page == other)
                .map(|(_, segment)| segment.to_string())?,
        })
    }

    /// The page and language of a path on the site (without the site's base path): the
    /// inverse of [`Page::path`]. Accepts the path with or without its trailing slash or a
    /// trailing `index.html`, and ignores a query or fragment; `None` for anything else,
    /// including an id that is empty or not valid percent-encoded UTF-8.
    pub fn from_path(path: &str) -> Option<(Page, Lang)> {
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let rest = path.strip_prefix('/')?;
        let mut segments: Vec<&str> = rest.split('/').collect();
        // One trailing slash, or a trailing `index.html`, not both.
        if matches!(segments.last(), Some(&"" | &"index.html")) {
            segments.pop();
        }
        let lang = match segments.first() {
            Some(&"en") => Lang::En,
            Some(&"zh") => Lang::Zh,
            _ => Lang::Vi,
        };
        if lang != Lang::Vi {
            segments.remove(0);
        }
        let page = match segments.as_slice() {
            [] => Page::Catalog,
            [file] if *file == NOT_FOUND_FILE && !path.ends_with('/') => Page::NotFound,
            [section, id] => {
                let id = decode_segment(id).filter(|id| !id.is_empty())?;
                match *section {
                    "p" => Page::Product(id),
                    "routes" => Page::Route(id),
                    "spot" => Page::Spot(id),
                    "sales-point" => Page::SalesPoint(id),
                    _ => return None,
                }
            }
            [segment] => STATIC_PAGES
                .iter()
                .find(|(_, s)| s == segment)
                .map(|(page, _)| page.clone())?,
            _ => return None,
        };
        Some((page, lang))
    }

    /// Whether search engines may index it. The list, the trip and the kiosk show only what
    /// is on the visitor's device, and the 404 page is not a page: they get `noindex`.
    pub fn indexable(&self) -> bool {
        !matches!(self, Page::List | Page::Trip | Page::Kiosk | Page::NotFound)
    }

    /// The path of the page's `og:image` (1200×630 PNG, written at build time):
    /// `/og/product/<id>.png`, `/og/spot/<id>.png`, `/og/sales-point/<id>.png`,
    /// `/og/route/<id>.png`; `/og/site.png` for every other page. Ids are percent-encoded
    /// as in [`Page::path`].
    pub fn og_image_path(&self) -> String {
        let kind = match self {
            Page::Product(_) => "product",
            Page::Spot(_) => "spot",
            Page::SalesPoint(_) => "sales-point",
            Page::Route(_) => "route",
            _ => return "/og/site.png".to_string(),
        };
        let id = self.id().unwrap_or_default();
        format!("/og/{kind}/{}.png", encode_segment(id))
    }
}

fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~')
}

/// Percent-encodes every byte outside `A–Z a–z 0–9 - _ . ~` (upper-case hex).
pub(crate) fn encode_segment(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if is_unreserved(b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The id as a file or directory name: itself, with `/`, `\`, `%` and control characters
/// percent-encoded, and a whole id of `.` or `..` written `%2E` / `%2E%2E`.
fn file_segment(id: &str) -> String {
    if id == "." || id == ".." {
        return "%2E".repeat(id.len());
    }
    let mut out = String::with_capacity(id.len());
    for c in id.chars() {
        if matches!(c, '/' | '\\' | '%') || c.is_control() {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Decodes `%XX` escapes; `None` for a malformed escape or bytes that are not UTF-8.
fn decode_segment(segment: &str) -> Option<String> {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = segment.get(i + 1..i + 3)?;
            out.push(
                u8::from_str_radix(hex, 16)
                    .ok()
                    .filter(|_| hex.bytes().all(|b| b.is_ascii_hexdigit()))?,
            );
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::bundled;
    use proptest::prelude::*;

    #[test]
    fn paths_and_files_of_every_kind_of_page() {
        let id = || "tra-hoa-vang".to_string();
        let cases = [
            (Page::Catalog, Lang::Vi, "/", "index.html"),
            (Page::Catalog, Lang::En, "/en/", "en/index.html"),
            (Page::Catalog, Lang::Zh, "/zh/", "zh/index.html"),
            (
                Page::Product(id()),
                Lang::Zh,
                "/zh/p/tra-hoa-vang/",
                "zh/p/tra-hoa-vang/index.html",
            ),
            (
                Page::Product(id()),
                Lang::Vi,
                "/p/tra-hoa-vang/",
                "p/tra-hoa-vang/index.html",
            ),
            (Page::Routes, Lang::Vi, "/routes/", "routes/index.html"),
            (
                Page::Route(id()),
                Lang::En,
                "/en/routes/tra-hoa-vang/",
                "en/routes/tra-hoa-vang/index.html",
            ),
            (
                Page::Spot(id()),
                Lang::Vi,
                "/spot/tra-hoa-vang/",
                "spot/tra-hoa-vang/index.html",
            ),
            (
                Page::SalesPoint(id()),
                Lang::En,
                "/en/sales-point/tra-hoa-vang/",
                "en/sales-point/tra-hoa-vang/index.html",
            ),
            (Page::Map, Lang::Vi, "/map/", "map/index.html"),
            (Page::About, Lang::Zh, "/zh/about/", "zh/about/index.html"),
            (Page::List, Lang::Vi, "/list/", "list/index.html"),
            (Page::Trip, Lang::En, "/en/trip/", "en/trip/index.html"),
            (Page::Kiosk, Lang::Vi, "/kiosk/", "kiosk/index.html"),
            (Page::NotFound, Lang::Vi, "/404.html", "404.html"),
            (Page::NotFound, Lang::En, "/en/404.html", "en/404.html"),
            (Page::NotFound, Lang::Zh, "/zh/404.html", "zh/404.html"),
        ];
        for (page, lang, path, file) in cases {
            assert_eq!(page.path(lang), path, "{page:?} {lang:?}");
            assert_eq!(page.file(lang), file, "{page:?} {lang:?}");
            assert_eq!(Page::from_path(path), Some((page, lang)), "{path}");
        }
    }

    #[test]
    fn ids_outside_the_unreserved_set_are_percent_encoded() {
        let page = Page::Product("chả mực/1%".into());
        assert_eq!(page.path(Lang::Vi), "/p/ch%E1%BA%A3%20m%E1%BB%B1c%2F1%25/");
        // The host decodes the path, so the file carries the id itself, but never a `/`.
        assert_eq!(page.file(Lang::En), "en/p/chả mực%2F1%25/index.html");
        assert_eq!(
            page.og_image_path(),
            "/og/product/ch%E1%BA%A3%20m%E1%BB%B1c%2F1%25.png"
        );
        assert_eq!(Page::from_path(&page.path(Lang::Vi)), Some((page, Lang::Vi)));
        assert_eq!(Page::Spot("..".into()).file(Lang::Vi), "spot/%2E%2E/index.html");
        assert_eq!(Page::Spot("a\\b".into()).file(Lang::Vi), "spot/a%5Cb/index.html");
    }

    #[test]
    fn from_path_accepts_variants_and_refuses_the_rest() {
        let product = |lang| Some((Page::Product("x".into()), lang));
        assert_eq!(Page::from_path("/p/x"), product(Lang::Vi));
        assert_eq!(Page::from_path("/p/x/"), product(Lang::Vi));
        assert_eq!(Page::from_path("/p/x/index.html"), product(Lang::Vi));
        assert_eq!(Page::from_path("/en/p/x?lang=vi#top"), product(Lang::En));
        assert_eq!(Page::from_path("/zh/p/x/#top"), product(Lang::Zh));
        assert_eq!(Page::from_path("/en"), Some((Page::Catalog, Lang::En)));
        assert_eq!(Page::from_path("/en/index.html"), Some((Page::Catalog, Lang::En)));
        assert_eq!(Page::from_path("/?q=tra"), Some((Page::Catalog, Lang::Vi)));
        assert_eq!(Page::from_path("/index.html"), Some((Page::Catalog, Lang::Vi)));
        assert_eq!(Page::from_path("/routes"), Some((Page::Routes, Lang::Vi)));
        assert_eq!(Page::from_path("/zh/kiosk"), Some((Page::Kiosk, Lang::Zh)));
        assert_eq!(
            Page::from_path("/p/a%2Fb/"),
            Some((Page::Product("a/b".into()), Lang::Vi))
        );
        for bad in [
            "",
            "p/x",
            "//",
            "/p",
            "/p/",
            "/p//",
            "/p/x//",
            "/p/x/y",
            "/vi/p/x",
            "/EN/p/x",
            "/english",
            "/en/en/",
            "/nowhere",
            "/404.html/",
            "/p/%zz",
            "/p/%e1",
            "/p/%",
            "/p/%+1",
            "/p/%FF",
            "/en/zh/",
        ] {
            assert_eq!(Page::from_path(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn indexable_and_og_images() {
        for page in [Page::List, Page::Trip, Page::Kiosk, Page::NotFound] {
            assert!(!page.indexable(), "{page:?}");
        }
        for page in [
            Page::Catalog,
            Page::Routes,
            Page::Map,
            Page::About,
            Page::Product("x".into()),
        ] {
            assert!(page.indexable(), "{page:?}");
        }
        assert_eq!(Page::Product("a".into()).og_image_path(), "/og/product/a.png");
        assert_eq!(Page::Spot("a".into()).og_image_path(), "/og/spot/a.png");
        assert_eq!(
            Page::SalesPoint("a".into()).og_image_path(),
            "/og/sales-point/a.png"
        );
        assert_eq!(Page::Route("a".into()).og_image_path(), "/og/route/a.png");
        for page in [
            Page::Catalog,
            Page::Routes,
            Page::Map,
            Page::NotFound,
            Page::Kiosk,
        ] {
            assert_eq!(page.og_image_path(), "/og/site.png");
        }
    }

    #[test]
    fn all_pages_of_the_bundled_dataset() {
        let data = bundled();
        let pages = Page::all(&data);
        let count = data.products.len() + data.routes.len() + data.spots.len() + data.sales_points.len();
        assert_eq!(pages.len(), 7 + count);
        assert!(!pages.contains(&Page::NotFound));
        assert!(pages.contains(&Page::Product(data.products[0].id.clone())));
        assert!(pages.contains(&Page::SalesPoint(data.sales_points[0].id.clone())));
        // Distinct pages have distinct paths and files, in every language.
        let mut files = std::collections::HashSet::new();
        for page in &pages {
            for lang in Lang::ALL {
                assert!(files.insert(page.file(lang)), "{page:?}");
                assert_eq!(Page::from_path(&page.path(lang)), Some((page.clone(), lang)));
            }
        }
    }

    #[test]
    fn pages_for_unusable_ids_are_left_out() {
        let mut data = bundled();
        data.products[0].id = String::new();
        data.products[1].id = "..".into();
        let pages = Page::all(&data);
        assert!(!pages.contains(&Page::Product(String::new())));
        assert!(!pages.contains(&Page::Product("..".into())));
    }

    fn page() -> impl Strategy<Value = Page> {
        let id = prop_oneof![any::<String>(), "[a-z0-9-]{1,30}", "[ -~]{1,10}"]
            .prop_filter("non-empty", |s| !s.is_empty());
        prop_oneof![
            Just(Page::Catalog),
            Just(Page::Routes),
            Just(Page::Map),
            Just(Page::About),
            Just(Page::List),
            Just(Page::Trip),
            Just(Page::Kiosk),
            Just(Page::NotFound),
            id.clone().prop_map(Page::Product),
            id.clone().prop_map(Page::Route),
            id.clone().prop_map(Page::Spot),
            id.prop_map(Page::SalesPoint),
        ]
    }

    fn lang() -> impl Strategy<Value = Lang> {
        prop::sample::select(Lang::ALL.to_vec())
    }

    proptest! {
        #[test]
        fn path_round_trips(page in page(), lang in lang(), slash in any::<bool>(), tail in "([?#][ -~]{0,10})?") {
            let path = page.path(lang);
            prop_assert!(path.starts_with('/'));
            prop_assert!(path.bytes().all(|b| b.is_ascii_graphic()));
            prop_assert_eq!(Page::from_path(&path), Some((page.clone(), lang)));
            // Without its trailing slash, and with a query or fragment.
            let trimmed = if slash && path.len() > 1 { path.trim_end_matches('/') } else { &path };
            prop_assert_eq!(Page::from_path(&format!("{trimmed}{tail}")), Some((page, lang)));
        }

        #[test]
        fn files_stay_inside_their_directory(page in page(), lang in lang()) {
            let file = page.file(lang);
            prop_assert!(!file.starts_with('/'));
            prop_assert!(file.ends_with("index.html") || file.ends_with("404.html"));
            prop_assert!(!file.contains('\\'));
            prop_assert!(file.split('/').all(|s| !s.is_empty() && s != "." && s != ".."), "{}", file);
            let depth = file.split('/').count();
            prop_assert!(depth <= 4, "{}", file);
        }

        #[test]
        fn from_path_never_panics(path in any::<String>()) {
            if let Some((page, lang)) = Page::from_path(&path) {
                // Whatever it accepts, it maps back to a canonical path it also accepts.
                prop_assert_eq!(Page::from_path(&page.path(lang)), Some((page, lang)));
            }
        }
    }
}
