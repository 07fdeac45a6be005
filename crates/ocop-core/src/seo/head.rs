//! One page's `<head>`: what it says and the tags that say it.

use crate::geo;
use crate::model::{Dataset, Evidence, Locality, Product, Route, SalesPoint, Spot};
use crate::places::route_places;
use crate::text::{Lang, LocalText};
use serde_json::Value;

use super::html::{escape_attr, json_for_script};
use super::jsonld::{self, Common};
use super::words::{self, words};
use super::{Page, SiteUrl};

/// The longest description, in characters: what search results show before cutting.
pub const DESCRIPTION_MAX: usize = 155;
/// The size of every `og:image` (the writer of the PNGs uses the same).
pub const OG_IMAGE_WIDTH: u32 = 1200;
pub const OG_IMAGE_HEIGHT: u32 = 630;

/// A language version of the page: `<link rel="alternate" hreflang=… href=…>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alternate {
    /// `vi`, `en`, `zh` or `x-default`.
    pub hreflang: &'static str,
    /// Absolute URL.
    pub href: String,
}

/// Everything one page's head says, in one language. [`PageHead::to_html`] writes the tags.
#[derive(Clone, Debug, PartialEq)]
pub struct PageHead {
    pub lang: Lang,
    /// The document title, e.g. `Trà hoa vàng Ba Chẽ – OCOP Quảng Ninh`; the catalog's is the
    /// site's title. Plain text (escape it where it goes).
    pub title: String,
    /// At most [`DESCRIPTION_MAX`] characters, cut at a word with `…`. Plain text.
    pub description: String,
    /// Absolute URL of the page in this language; `None` for the 404 page, which is served
    /// at whatever address was asked for.
    pub canonical: Option<String>,
    /// The page in each language and `x-default` (the Vietnamese one); empty for the 404 page.
    pub alternates: Vec<Alternate>,
    /// `og:site_name`.
    pub site_name: String,
    /// `og:type`: always `website`.
    pub og_type: &'static str,
    /// `og:locale`: `vi_VN`, `en_US` or `zh_CN`.
    pub og_locale: &'static str,
    /// `og:locale:alternate`: the other two.
    pub og_locale_alternates: Vec<&'static str>,
    /// Absolute URL of the 1200×630 PNG ([`Page::og_image_path`]).
    pub og_image: String,
    pub og_image_width: u32,
    pub og_image_height: u32,
    pub og_image_alt: String,
    /// `twitter:card`: `summary_large_image`.
    pub twitter_card: &'static str,
    /// `<meta name="robots" content="noindex">` ([`Page::indexable`]).
    pub noindex: bool,
    /// schema.org objects, one `<script type="application/ld+json">` each.
    pub json_ld: Vec<Value>,
}

/// The head of `page` in `lang`; `None` when the page's id is not in `data`.
pub fn page_head(data: &Dataset, page: &Page, lang: Lang, site: &SiteUrl) -> Option<PageHead> {
    let w = words(lang);
    let url = site.url(&page.path(lang));
    let image = site.url(&page.og_image_path());
    let home = (w.home, site.url(&Page::Catalog.path(lang)));
    let suffix = |name: &str| format!("{name} – {}", w.site_name);
    let fixed = |name: &str, description: &str| Content {
        title: suffix(name),
        description: description.to_string(),
        image_alt: w.catalog_title.to_string(),
        json_ld: Vec::new(),
    };

    let map = || (w.map, site.url(&Page::Map.path(lang)));
    // A product, place or route: its name, a description written from the data, its
    // schema.org object, and breadcrumbs home → `section` → the page.
    let detail =
        |name: &str, description: String, section: Option<(&str, String)>, ld: &dyn Fn(&Common) -> Value| {
            let description = clip(&description, DESCRIPTION_MAX);
            let common = Common {
                name,
                description: &description,
                url: &url,
                image: &image,
            };
            let ld = ld(&common);
            let mut crumbs = vec![home.clone()];
            crumbs.extend(section);
            crumbs.push((name, url.clone()));
            Content {
                title: suffix(name),
                description,
                image_alt: name.to_string(),
                json_ld: vec![ld, jsonld::breadcrumbs(&crumbs)],
            }
        };

    let content = match page {
        Page::Catalog => Content {
            title: w.catalog_title.to_string(),
            description: w.catalog_description.to_string(),
            image_alt: w.catalog_title.to_string(),
            json_ld: vec![jsonld::website(lang, &url, w.catalog_description)],
        },
        Page::Routes => fixed(w.routes, w.routes_description),
        Page::Map => fixed(w.map, w.map_description),
        Page::About => fixed(w.about, w.about_description),
        Page::List => fixed(w.list, w.list_description),
        Page::Trip => fixed(w.trip, w.trip_description),
        Page::Kiosk => fixed(w.kiosk, w.kiosk_description),
        Page::NotFound => fixed(w.not_found, w.not_found_description),
        Page::Product(id) => {
            let p = data.product(id)?;
            // No section crumb: the catalog is both home and the products' section.
            let description = product_description(data, p, lang);
            detail(p.name.get(lang), description, None, &|c| {
                jsonld::product(data, p, lang, c)
            })
        }
        Page::Spot(id) => {
            let s = data.spot(id)?;
            let description = spot_description(data, s, lang);
            detail(s.name.get(lang), description, Some(map()), &|c| {
                jsonld::spot(s, lang, c)
            })
        }
        Page::SalesPoint(id) => {
            let s = data.sales_point(id)?;
            let description = sales_point_description(data, s, lang);
            detail(s.name.get(lang), description, Some(map()), &|c| {
                jsonld::store(s, lang, c)
            })
        }
        Page::Route(id) => {
            let r = data.routes.iter().find(|r| &r.id == id)?;
            let description = route_description(data, r, lang);
            let routes = (w.routes, site.url(&Page::Routes.path(lang)));
            detail(r.name.get(lang), description, Some(routes), &|c| {
                jsonld::trip(data, r, lang, site, c)
            })
        }
    };

    let not_found = *page == Page::NotFound;
    let alternates = if not_found {
        Vec::new()
    } else {
        Lang::ALL
            .iter()
            .map(|&l| Alternate {
                hreflang: l.code(),
                href: site.url(&page.path(l)),
            })
            .chain([Alternate {
                hreflang: "x-default",
                href: site.url(&page.path(Lang::Vi)),
            }])
            .collect()
    };
    Some(PageHead {
        lang,
        title: content.title,
        description: clip(&content.description, DESCRIPTION_MAX),
        canonical: (!not_found).then_some(url),
        alternates,
        site_name: w.site_name.to_string(),
        og_type: "website",
        og_locale: words::og_locale(lang),
        og_locale_alternates: Lang::ALL
            .iter()
            .filter(|&&l| l != lang)
            .map(|&l| words::og_locale(l))
            .collect(),
        og_image: image,
        og_image_width: OG_IMAGE_WIDTH,
        og_image_height: OG_IMAGE_HEIGHT,
        og_image_alt: content.image_alt,
        twitter_card: "summary_large_image",
        noindex: !page.indexable(),
        json_ld: content.json_ld,
    })
}

struct Content {
    title: String,
    description: String,
    image_alt: String,
    json_ld: Vec<Value>,
}

impl PageHead {
    /// The tags for `<head>`, one per line, **without `<title>`**: the pre-render step sets
    /// the title with [`super::html::with_head`], which replaces the template's own. In
    /// order: description, robots (`noindex` pages only), canonical, `hreflang` alternates,
    /// Open Graph, Twitter card, then each JSON-LD object in a
    /// `<script type="application/ld+json">` whose `<`, `>` and `&` are written
    /// `\u003c`, `\u003e`, `\u0026`, so no data can close the script element.
    pub fn to_html(&self) -> String {
        let mut tags = Vec::new();
        let meta = |key: &str, name: &str, content: &str| {
            format!(
                "<meta {key}=\"{}\" content=\"{}\">",
                escape_attr(name),
                escape_attr(content)
            )
        };
        tags.push(meta("name", "description", &self.description));
        if self.noindex {
            tags.push(meta("name", "robots", "noindex"));
        }
        if let Some(canonical) = &self.canonical {
            tags.push(format!(
                "<link rel=\"canonical\" href=\"{}\">",
                escape_attr(canonical)
            ));
        }
        for alt in &self.alternates {
            tags.push(format!(
                "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">",
                escape_attr(alt.hreflang),
                escape_attr(&alt.href)
            ));
        }
        let og = |name: &str, content: &str| meta("property", name, content);
        tags.push(og("og:type", self.og_type));
        tags.push(og("og:site_name", &self.site_name));
        tags.push(og("og:title", &self.title));
        tags.push(og("og:description", &self.description));
        if let Some(canonical) = &self.canonical {
            tags.push(og("og:url", canonical));
        }
        tags.push(og("og:locale", self.og_locale));
        for alt in &self.og_locale_alternates {
            tags.push(og("og:locale:alternate", alt));
        }
        tags.push(og("og:image", &self.og_image));
        tags.push(og("og:image:type", "image/png"));
        tags.push(og("og:image:width", &self.og_image_width.to_string()));
        tags.push(og("og:image:height", &self.og_image_height.to_string()));
        tags.push(og("og:image:alt", &self.og_image_alt));
        tags.push(meta("name", "twitter:card", self.twitter_card));
        for ld in &self.json_ld {
            tags.push(format!(
                "<script type=\"application/ld+json\">{}</script>",
                json_for_script(ld)
            ));
        }
        tags.join("\n")
    }
}

// ---------------------------------------------------------------------------------------
// Descriptions, written from the data in the page's language.

/// `text` with runs of whitespace made one space, cut to at most `max` characters: at the
/// last word boundary (or, in text without spaces such as Chinese, the last punctuation
/// mark) that keeps at least half of it, with `…` appended and trailing punctuation dropped.
pub(crate) fn clip(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max || max == 0 {
        return if max == 0 { String::new() } else { text };
    }
    let budget = max - 1; // room for the ellipsis
    let end = text.char_indices().nth(budget).map_or(text.len(), |(i, _)| i);
    let head = &text[..end];
    let at_boundary = text[end..].starts_with(' ');
    let half = |i: usize| head[..i].chars().count() >= budget / 2;
    let cut = if at_boundary {
        end
    } else if let Some(i) = head.rfind(' ').filter(|&i| half(i)) {
        i
    } else if let Some(i) = head
        .rfind(|c| "，。、；：！？）".contains(c))
        .filter(|&i| half(i))
    {
        i
    } else {
        end
    };
    let kept =
        head[..cut].trim_end_matches(|c: char| c.is_whitespace() || ",;:–—-·(（，。、；：".contains(c));
    let kept = if kept.is_empty() { head } else { kept };
    format!("{kept}…")
}

/// Sentences joined as the language writes them: with a space, or (Chinese, whose full stop
/// is full-width) with nothing.
fn sentences(parts: Vec<String>, lang: Lang) -> String {
    let parts = parts.into_iter().filter(|p| !p.trim().is_empty());
    match lang {
        Lang::Zh => parts.collect::<String>(),
        Lang::Vi | Lang::En => parts.collect::<Vec<_>>().join(" "),
    }
}

/// Ends `text` with a full stop unless it already ends a sentence.
fn full_stop(text: &str, lang: Lang) -> String {
    let text = text.trim();
    if text.ends_with(['.', '!', '?', '…', '。', '！', '？']) {
        text.to_string()
    } else if lang == Lang::Zh {
        format!("{text}。")
    } else {
        format!("{text}.")
    }
}

/// Data text in `lang`, only when it is really written in `lang` (not the Vietnamese
/// fallback, which would be out of place in an English or Chinese description).
fn translated(text: Option<&LocalText>, lang: Lang) -> Option<String> {
    text.filter(|t| t.has(lang) && !t.get(lang).trim().is_empty())
        .map(|t| full_stop(t.get(lang), lang))
}

/// The district's name in `lang`, else the commune as the sources name it.
fn area(locality: &Locality, lang: Lang) -> Option<String> {
    match locality.district.as_deref().and_then(geo::district) {
        Some(d) => Some(d.name().get(lang).to_string()),
        None => locality.commune.clone().filter(|c| !c.trim().is_empty()),
    }
}

/// "Eco-tourism" → "eco-tourism" to follow a colon; "OCOP shop" stays.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            first.to_lowercase().chain(text.chars().skip(1)).collect()
        }
        _ => text.to_string(),
    }
}

/// Up to four names, or the first three and how many more: `A, B, C and 2 more`.
fn some_names(names: &[&str], lang: Lang) -> String {
    let take = if names.len() <= 4 { 4 } else { 3 };
    let shown = names.iter().take(take).copied().collect::<Vec<_>>();
    let more = names.len().saturating_sub(shown.len());
    match lang {
        Lang::Vi if more > 0 => format!("{} và {more} sản phẩm khác", shown.join(", ")),
        Lang::En if more > 0 => format!("{} and {more} more", shown.join(", ")),
        Lang::Zh if more > 0 => format!("{}等{}种产品", shown.join("、"), names.len()),
        Lang::Zh => shown.join("、"),
        Lang::Vi | Lang::En => shown.join(", "),
    }
}

/// What the sources say about its OCOP status, no more: stars only when a source states
/// them, "OCOP, stars not published" when it only says OCOP, "a local specialty" otherwise.
fn rating_phrase(p: &Product, lang: Lang) -> String {
    let r = &p.rating;
    let year = |y: Option<u16>| match (lang, y) {
        (_, None) => String::new(),
        (Lang::Zh, Some(y)) => format!("（{y}年）"),
        (_, Some(y)) => format!(" ({y})"),
    };
    match (r.evidence, r.stars) {
        (Evidence::StarStated, Some(stars)) => {
            let national = r.is_national();
            let phrase = match lang {
                Lang::Vi if national => "sản phẩm OCOP 5 sao quốc gia".to_string(),
                Lang::Vi => format!("sản phẩm OCOP {stars} sao"),
                Lang::En if national => "a national 5-star OCOP product".to_string(),
                Lang::En => format!("a {stars}-star OCOP product"),
                Lang::Zh if national => "国家级OCOP 5星产品".to_string(),
                Lang::Zh => format!("OCOP {stars}星产品"),
            };
            format!("{phrase}{}", year(r.year_rated))
        }
        (Evidence::Unconfirmed, _) => match lang {
            Lang::Vi => "đặc sản địa phương",
            Lang::En => "a local specialty",
            Lang::Zh => "地方特产",
        }
        .to_string(),
        _ => match lang {
            Lang::Vi => "sản phẩm OCOP (chưa công bố số sao)",
            Lang::En => "an OCOP product (star rating not published)",
            Lang::Zh => "OCOP产品（星级未公布）",
        }
        .to_string(),
    }
}

/// `Name: a 4-star OCOP product (2023), made in Ba Che District. Sold at A, B.` and the
/// product's own description when it is written in `lang`.
pub(crate) fn product_description(data: &Dataset, p: &Product, lang: Lang) -> String {
    let name = p.name.get(lang);
    let rating = rating_phrase(p, lang);
    let first = match (lang, area(&p.locality, lang)) {
        (Lang::Vi, Some(a)) => format!("{name}: {rating}, làm tại {a}."),
        (Lang::En, Some(a)) => format!("{name}: {rating}, made in {a}."),
        (Lang::Zh, Some(a)) => format!("{name}：{rating}，产自{a}。"),
        (Lang::Zh, None) => format!("{name}：{rating}。"),
        (_, None) => format!("{name}: {rating}."),
    };
    let shops: Vec<&str> = p
        .where_to_buy
        .sales_points
        .iter()
        .filter_map(|id| data.sales_point(id))
        .map(|s| s.name.get(lang))
        .collect();
    let buy = if !shops.is_empty() {
        let shops = &shops[..shops.len().min(2)];
        match lang {
            Lang::Vi => format!("Mua tại {}.", shops.join(", ")),
            Lang::En => format!("Sold at {}.", shops.join(", ")),
            Lang::Zh => format!("购买地点：{}。", shops.join("、")),
        }
    } else if !p.where_to_buy.online.is_empty() {
        match lang {
            Lang::Vi => "Có bán trực tuyến.",
            Lang::En => "Sold online.",
            Lang::Zh => "可在网上购买。",
        }
        .to_string()
    } else {
        String::new()
    };
    let own = translated(p.description.as_deref(), lang).unwrap_or_default();
    sentences(vec![first, buy, own], lang)
}

fn product_names<'d>(data: &'d Dataset, ids: impl Iterator<Item = &'d String>, lang: Lang) -> Vec<&'d str> {
    ids.filter_map(|id| data.product(id))
        .map(|p| p.name.get(lang))
        .collect()
}

fn kind_sentence(name: &str, kind: &str, place: Option<String>, lang: Lang) -> String {
    let kind = lower_first(kind);
    match (lang, place) {
        (Lang::Zh, Some(at)) => format!("{name}：{kind}，{at}。"),
        (Lang::Zh, None) => format!("{name}：{kind}。"),
        (_, Some(at)) => format!("{name}: {kind}, {at}."),
        (_, None) => format!("{name}: {kind}."),
    }
}

/// `Name: craft village, Dong Trieu. Made or sold here: A, B and 2 more. Best time to
/// visit: May–August.` and the spot's own description when written in `lang`.
pub(crate) fn spot_description(data: &Dataset, s: &Spot, lang: Lang) -> String {
    let first = kind_sentence(
        s.name.get(lang),
        words::spot_kind(s.kind, lang),
        area(&s.locality, lang),
        lang,
    );
    let names = product_names(data, s.products.iter(), lang);
    let products = if names.is_empty() {
        String::new()
    } else {
        let list = some_names(&names, lang);
        match lang {
            Lang::Vi => format!("Sản phẩm làm ra hoặc bán tại đây: {list}."),
            Lang::En => format!("Made or sold here: {list}."),
            Lang::Zh => format!("当地生产或出售：{list}。"),
        }
    };
    let season = words::months(&s.season_months, lang)
        .map(|m| match lang {
            Lang::Vi => format!("Nên đến vào {m}."),
            Lang::En => format!("Best time to visit: {m}."),
            Lang::Zh => format!("最佳游览时间：{m}。"),
        })
        .unwrap_or_default();
    let own = translated(s.description.as_ref(), lang).unwrap_or_default();
    sentences(vec![first, products, season, own], lang)
}

/// `Name: OCOP shop, <address or district>. Sells A, B and 5 more. Open: …` and its own
/// description when written in `lang`.
pub(crate) fn sales_point_description(data: &Dataset, s: &SalesPoint, lang: Lang) -> String {
    // The street address is written in Vietnamese: only the Vietnamese page uses it.
    let at = match (lang, s.address.as_deref().filter(|a| !a.trim().is_empty())) {
        (Lang::Vi, Some(address)) => Some(address.to_string()),
        _ => area(&s.locality, lang),
    };
    let first = kind_sentence(s.name.get(lang), words::sales_point_kind(s.kind, lang), at, lang);
    let sold = data
        .products
        .iter()
        .filter(|p| p.where_to_buy.sales_points.contains(&s.id))
        .map(|p| p.name.get(lang))
        .collect::<Vec<_>>();
    let products = if sold.is_empty() {
        String::new()
    } else {
        let list = some_names(&sold, lang);
        match lang {
            Lang::Vi => format!("Có bán: {list}."),
            Lang::En => format!("Sells {list}."),
            Lang::Zh => format!("出售：{list}。"),
        }
    };
    let hours = translated(s.opening_hours.as_ref(), lang)
        .map(|h| match lang {
            Lang::Vi => format!("Giờ mở cửa: {h}"),
            Lang::En => format!("Open: {h}"),
            Lang::Zh => format!("营业时间：{h}"),
        })
        .unwrap_or_default();
    let own = translated(s.description.as_ref(), lang).unwrap_or_default();
    sentences(vec![first, products, hours, own], lang)
}

/// `<theme>. 5 stops: A → B → C. Best months: February–April.`
pub(crate) fn route_description(data: &Dataset, r: &Route, lang: Lang) -> String {
    let theme = translated(Some(&r.theme), lang).unwrap_or_default();
    let stops: Vec<&str> = route_places(data, r).iter().map(|p| p.name.get(lang)).collect();
    let n = stops.len();
    let stops = match (lang, n) {
        (_, 0) => String::new(),
        (Lang::Vi, _) => format!("{n} điểm dừng: {}.", stops.join(" → ")),
        (Lang::En, 1) => format!("1 stop: {}.", stops[0]),
        (Lang::En, _) => format!("{n} stops: {}.", stops.join(" → ")),
        (Lang::Zh, _) => format!("共{n}站：{}。", stops.join(" → ")),
    };
    let season = words::months(&r.best_months, lang)
        .map(|m| match lang {
            Lang::Vi => format!("Mùa đẹp: {m}."),
            Lang::En => format!("Best months: {m}."),
            Lang::Zh => format!("最佳月份：{m}。"),
        })
        .unwrap_or_default();
    sentences(vec![theme, stops, season], lang)
}

#[cfg(test)]
mod tests;
