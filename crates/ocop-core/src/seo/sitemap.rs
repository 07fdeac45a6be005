//! `sitemap.xml` and `robots.txt`.

// XML takes the same escapes as an HTML attribute value (`&#39;` is a character reference in both).
use super::html::escape_attr;
use crate::model::Dataset;
use crate::text::Lang;

use super::{Page, SiteUrl};

/// The sitemap: every indexable page ([`Page::all`], [`Page::indexable`]) in each language,
/// each entry naming all its language versions and `x-default` (the Vietnamese one) with
/// `xhtml:link rel="alternate" hreflang`, as Google documents for multilingual sites.
/// `<lastmod>` is the dataset's `generated_on` when it is a `YYYY-MM-DD` date.
pub fn sitemap_xml(data: &Dataset, site: &SiteUrl) -> String {
    let lastmod = Some(data.meta.generated_on.trim())
        .filter(|d| is_iso_date(d))
        .map(|d| format!("<lastmod>{d}</lastmod>"))
        .unwrap_or_default();
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for page in Page::all(data).iter().filter(|p| p.indexable()) {
        let alternates: String = Lang::ALL
            .iter()
            .map(|&l| (l.code(), page.path(l)))
            .chain([("x-default", page.path(Lang::Vi))])
            .map(|(hreflang, path)| {
                format!(
                    "<xhtml:link rel=\"alternate\" hreflang=\"{hreflang}\" href=\"{}\"/>",
                    escape_attr(&site.url(&path))
                )
            })
            .collect();
        for lang in Lang::ALL {
            out.push_str(&format!(
                "<url><loc>{}</loc>{lastmod}{alternates}</url>\n",
                escape_attr(&site.url(&page.path(lang)))
            ));
        }
    }
    out.push_str("</urlset>\n");
    out
}

/// `robots.txt`: everything may be crawled except the pages that show only what is on the
/// visitor's device (list, trip, kiosk) in each language; names the sitemap.
///
/// Rules are path prefixes without the trailing slash (`/list` also covers `/list/` and
/// `/list?…`). Crawlers read `robots.txt` only at the root of an origin: when the site has
/// a base path, the deployer must merge these lines into the origin's own file.
pub fn robots_txt(site: &SiteUrl) -> String {
    let mut out = String::from("User-agent: *\nAllow: /\n");
    for lang in Lang::ALL {
        for page in [Page::List, Page::Trip, Page::Kiosk] {
            let path = format!("{}{}", site.base_path(), page.path(lang));
            out.push_str(&format!("Disallow: {}\n", path.trim_end_matches('/')));
        }
    }
    out.push_str(&format!("\nSitemap: {}\n", site.url("/sitemap.xml")));
    out
}

fn is_iso_date(d: &str) -> bool {
    let b = d.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::bundled;

    fn site() -> SiteUrl {
        SiteUrl::parse("https://ocop.example.org").unwrap()
    }

    #[test]
    fn sitemap_lists_every_indexable_page_in_three_languages() {
        let data = bundled();
        let xml = sitemap_xml(&data, &site());
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset "));
        assert!(xml.ends_with("</urlset>\n"));
        let indexable = Page::all(&data).iter().filter(|p| p.indexable()).count();
        assert_eq!(xml.matches("<url>").count(), indexable * 3);
        assert_eq!(xml.matches("hreflang=\"x-default\"").count(), indexable * 3);
        let product = &data.products[0].id;
        for loc in [
            "<loc>https://ocop.example.org/</loc>".to_string(),
            "<loc>https://ocop.example.org/en/</loc>".to_string(),
            format!("<loc>https://ocop.example.org/zh/p/{product}/</loc>"),
            "<loc>https://ocop.example.org/en/routes/</loc>".to_string(),
        ] {
            assert!(xml.contains(&loc), "{loc}");
        }
        for hidden in ["/list/", "/trip/", "/kiosk/", "404"] {
            assert!(!xml.contains(hidden), "{hidden}");
        }
        let entry = xml
            .lines()
            .find(|l| l.contains("<loc>https://ocop.example.org/en/map/</loc>"))
            .unwrap();
        for alt in [
            "hreflang=\"vi\" href=\"https://ocop.example.org/map/\"",
            "hreflang=\"en\" href=\"https://ocop.example.org/en/map/\"",
            "hreflang=\"zh\" href=\"https://ocop.example.org/zh/map/\"",
            "hreflang=\"x-default\" href=\"https://ocop.example.org/map/\"",
        ] {
            assert!(entry.contains(alt), "{alt}");
        }
        assert!(entry.contains(&format!("<lastmod>{}</lastmod>", data.meta.generated_on)));
    }

    #[test]
    fn sitemap_escapes_and_skips_bad_dates() {
        let mut data = bundled();
        data.products.truncate(1);
        data.products[0].id = "a&b<c>'\"".into();
        data.meta.generated_on = "soon<".into();
        let xml = sitemap_xml(&data, &SiteUrl::parse("https://example.org/o&o").unwrap());
        assert!(!xml.contains("<lastmod>"));
        assert!(xml.contains("<loc>https://example.org/o&amp;o/p/a%26b%3Cc%3E%27%22/</loc>"));
        // Nothing unescaped: every `&` starts an entity.
        for (i, _) in xml.match_indices('&') {
            assert!(xml[i..].starts_with("&amp;"), "{}", &xml[i..i + 10]);
        }
    }

    #[test]
    fn robots_keeps_crawlers_off_device_only_pages_and_names_the_sitemap() {
        let robots = robots_txt(&site());
        assert!(robots.starts_with("User-agent: *\nAllow: /\n"));
        for path in [
            "/list",
            "/trip",
            "/kiosk",
            "/en/list",
            "/en/trip",
            "/en/kiosk",
            "/zh/list",
            "/zh/trip",
            "/zh/kiosk",
        ] {
            assert!(robots.lines().any(|l| l == format!("Disallow: {path}")), "{path}");
        }
        assert!(robots.ends_with("\nSitemap: https://ocop.example.org/sitemap.xml\n"));

        let robots = robots_txt(&SiteUrl::parse("https://example.org/ocop/").unwrap());
        assert!(robots.contains("Disallow: /ocop/en/trip\n"));
        assert!(robots.contains("Sitemap: https://example.org/ocop/sitemap.xml\n"));
    }
}
