//! One page: the app rendered to HTML at a path, and put into the built index.html.

use leptos::prelude::*;
use leptos_router::location::RequestUrl;
use ocop_core::seo::{html, PageHead};
use ocop_core::Lang;
use ocop_quang_ninh::state::app_data::Prebuilt;
use ocop_quang_ninh::{App, AppData};
use std::sync::Arc;

/// `<App/>` at `path` with the bundled data, as HTML, with `note` (what needs JavaScript, the
/// other languages) at the top of `<main>`. A fresh reactive root per page, so no signal or
/// context leaks from one page into the next.
pub fn render_body(data: &AppData, path: &str, lang: Lang, note: &str) -> String {
    let owner = Owner::new_root(Some(Arc::new(hydration_context::SsrSharedContext::new())));
    let rendered = owner.with(|| {
        provide_context(RequestUrl::new(path));
        provide_context(Prebuilt(data.clone()));
        view! { <App /> }.to_html()
    });
    owner.unset();
    with_note(&with_language_selected(&without_markers(&rendered), lang), note)
}

/// The language switcher's `<select>` showing the page's language: in the browser its value is
/// a property the app sets, which a server render cannot write, so the option is marked here.
/// Without it the switcher would read "Tiếng Việt" on every page until the app took over — a
/// visible change at the hand-over, and wrong for a reader without JavaScript.
fn with_language_selected(body: &str, lang: Lang) -> String {
    let code = lang.code();
    let option = format!("<option value=\"{code}\" lang=\"{code}\">");
    body.replacen(
        &option,
        &format!("<option value=\"{code}\" lang=\"{code}\" selected>"),
        1,
    )
}

/// `note` as the first thing in the page's `<main>` (after the header and tab bar).
fn with_note(body: &str, note: &str) -> String {
    match body
        .find("<main")
        .and_then(|start| body[start..].find('>').map(|end| start + end + 1))
    {
        Some(at) => format!("{}{note}{}", &body[..at], &body[at..]),
        None => format!("{note}{body}"),
    }
}

/// Leptos marks text and view boundaries (`<!>`) for hydration; the app replaces the page
/// instead of hydrating it (docs/performance.md), so they are only bytes.
fn without_markers(html: &str) -> String {
    html.replace("<!>", "")
}

/// The template with this page's head, language and body: the body replaces the static
/// loading screen inside `#boot`, which stays on screen until the app takes over.
/// `extra_head`: more tags for the head (the preloads of the page's part).
pub fn fill_template(
    template: &str,
    head: &PageHead,
    extra_head: &str,
    body: &str,
    lang: Lang,
) -> Result<String, String> {
    let page = html::with_head(template, &head.title, &(head.to_html() + extra_head));
    let page = html::with_explicit_head_and_body(&html::with_lang(&page, lang));
    let (start, end) =
        boot_element(&page).ok_or("index.html has no <div id=\"boot\">…</div> before <noscript>")?;
    Ok(format!(
        "{}<div id=\"boot\">{body}</div>{}",
        &page[..start],
        &page[end..]
    ))
}

/// The byte range of the `#boot` element (a minifier may drop the quotes), which ends
/// where the `<noscript>` after it begins.
fn boot_element(page: &str) -> Option<(usize, usize)> {
    let start = page
        .find("<div id=\"boot\">")
        .or_else(|| page.find("<div id=boot>"))?;
    let noscript = start + page[start..].find("<noscript")?;
    let end = start + page[start..noscript].rfind("</div>")? + "</div>".len();
    Some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_boot_element_is_found_with_or_without_quotes() {
        for template in [
            "<body><div id=\"boot\"><main><p>…</p></main></div><noscript>x</noscript>",
            "<body><div id=boot><main><p>…</p></main></div>\n<noscript>x</noscript>",
        ] {
            let (start, end) = boot_element(template).unwrap();
            assert!(template[start..end].starts_with("<div id"));
            assert!(template[start..end].ends_with("</main></div>"));
        }
        assert_eq!(boot_element("<body><noscript></noscript>"), None);
    }

    #[test]
    fn the_switcher_shows_the_page_language() {
        let select = "<select><option value=\"vi\" lang=\"vi\">Tiếng Việt</option><option value=\"en\" lang=\"en\">English</option></select>";
        assert_eq!(
            with_language_selected(select, Lang::En),
            select.replace("lang=\"en\">", "lang=\"en\" selected>")
        );
    }

    #[test]
    fn the_note_opens_main() {
        assert_eq!(
            with_note(
                "<header></header><main id=\"main\" tabindex=\"-1\"><h1>x</h1></main>",
                "<noscript>n</noscript>"
            ),
            "<header></header><main id=\"main\" tabindex=\"-1\"><noscript>n</noscript><h1>x</h1></main>"
        );
    }

    #[test]
    fn hydration_markers_are_dropped() {
        assert_eq!(without_markers("<p><!>a<!>b</p>"), "<p>ab</p>");
    }
}
