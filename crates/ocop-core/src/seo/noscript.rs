//! What a pre-rendered page says to a visitor without JavaScript: which of its parts need the
//! app, in the page's language, and links to the page in the other languages (the app's
//! language switcher is a `<select>` that only works with the app).
//!
//! In a `<noscript>`, so a browser running the app never shows it; placed at the top of the
//! page's `<main>` by the build-time renderer.

use super::html::{escape_attr, escape_text};
use super::page::Page;
use crate::text::Lang;

/// The `<noscript>` block for `page` in `lang`.
pub fn noscript_note(page: &Page, lang: Lang) -> String {
    let links = Lang::ALL
        .iter()
        .filter(|other| **other != lang)
        .map(|other| {
            format!(
                "<a href=\"{}\" lang=\"{}\" hreflang=\"{}\">{}</a>",
                escape_attr(&page.path(*other)),
                other.code(),
                other.code(),
                language_name(*other)
            )
        })
        .collect::<Vec<_>>()
        .join(" · ");
    format!(
        "<noscript><div class=\"notice needs-app\"><p>{}</p><p>{}</p></div></noscript>",
        escape_text(needs_app(page, lang)),
        links
    )
}

/// Each language named in itself.
fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Tiếng Việt",
        Lang::En => "English",
        Lang::Zh => "中文",
    }
}

fn needs_app(page: &Page, lang: Lang) -> &'static str {
    use Lang::{En, Vi, Zh};
    match (page, lang) {
        (Page::Catalog, Vi) => "Tìm kiếm và bộ lọc cần JavaScript. Dưới đây là trang đầu của danh mục sản phẩm.",
        (Page::Catalog, En) => "Search and filters need JavaScript. Below is the first page of the product catalog.",
        (Page::Catalog, Zh) => "搜索和筛选需要 JavaScript。下面是产品目录的第一页。",
        (Page::Map, Vi) => "Bản đồ cần JavaScript. Các địa điểm được liệt kê bên dưới.",
        (Page::Map, En) => "The map needs JavaScript. The places are listed below.",
        (Page::Map, Zh) => "地图需要 JavaScript。地点列在下方。",
        (Page::List, Vi) => "Danh sách mua được lưu trong trình duyệt này và cần JavaScript.",
        (Page::List, En) => "Your shopping list is kept in this browser and needs JavaScript.",
        (Page::List, Zh) => "购物清单保存在此浏览器中，需要 JavaScript。",
        (Page::Trip, Vi) => "Chuyến đi được lưu trong trình duyệt này và cần JavaScript.",
        (Page::Trip, En) => "Your trip is kept in this browser and needs JavaScript.",
        (Page::Trip, Zh) => "行程保存在此浏览器中，需要 JavaScript。",
        (Page::Kiosk, Vi) => "Chế độ ki-ốt cần JavaScript.",
        (Page::Kiosk, En) => "Kiosk mode needs JavaScript.",
        (Page::Kiosk, Zh) => "信息亭模式需要 JavaScript。",
        (_, Vi) => "Thêm vào danh sách mua hoặc chuyến đi cần JavaScript; mọi thông tin trên trang này đọc được không cần nó.",
        (_, En) => "Adding to your list or trip needs JavaScript; everything on this page can be read without it.",
        (_, Zh) => "加入购物清单或行程需要 JavaScript；本页内容无需它即可阅读。",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_note_speaks_the_page_language_and_links_the_others() {
        let note = noscript_note(&Page::Product("ngoc-trai-akoya".into()), Lang::En);
        assert!(note.starts_with("<noscript>") && note.ends_with("</noscript>"));
        assert!(note.contains("needs JavaScript"));
        assert!(note.contains("<a href=\"/p/ngoc-trai-akoya/\" lang=\"vi\""));
        assert!(note.contains("<a href=\"/zh/p/ngoc-trai-akoya/\" lang=\"zh\""));
        assert!(!note.contains("/en/p/"), "no link to the page itself: {note}");
        let map = noscript_note(&Page::Map, Lang::Zh);
        assert!(map.contains("地图需要"));
    }
}
