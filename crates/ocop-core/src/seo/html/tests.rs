use super::*;
use proptest::prelude::*;

const TAGS: &str =
    "<meta name=\"description\" content=\"New\">\n<link rel=\"canonical\" href=\"https://x/\">";

#[test]
fn escaping() {
    assert_eq!(escape_text("a < b & c > \"d\""), "a &lt; b &amp; c &gt; \"d\"");
    assert_eq!(escape_attr("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;");
    let v = serde_json::json!({ "name": "</script><!-- & -->" });
    let s = json_for_script(&v);
    assert_eq!(s, r#"{"name":"\u003c/script\u003e\u003c!-- \u0026 --\u003e"}"#);
    assert_eq!(serde_json::from_str::<Value>(&s).unwrap(), v);
}

#[test]
fn the_real_template() {
    let template = include_str!("../../../../../index.html");
    let out = with_head(template, "Trà hoa vàng – OCOP Quảng Ninh", TAGS);
    assert!(out.contains("<title>Trà hoa vàng – OCOP Quảng Ninh</title>"));
    assert_eq!(out.matches("name=\"description\"").count(), 1);
    assert!(out.contains("content=\"New\""));
    assert!(!out.contains("Sản phẩm OCOP Quảng Ninh: đặc sản"));
    let head_end = out.find("</head>").unwrap();
    let tags_at = out.find(TAGS).unwrap();
    assert!(tags_at < head_end && out[tags_at + TAGS.len()..head_end].trim().is_empty());
    // The removed description took its line with it.
    assert!(!out.contains("\n    \n"));
    // Everything else is untouched.
    assert!(out.contains("<header class=\"site-header\">"));
    assert!(out.contains("<!-- app -->"));
    assert_eq!(
        out.len(),
        template.len() - description_line(template).len() + TAGS.len() + title_growth(template)
    );

    let out = with_lang(&out, Lang::En);
    assert!(out.contains("<html lang=\"en\">"));
    assert_eq!(out.matches("lang=\"en\"").count(), 2); // <html> and the boot screen's English line
}

fn description_line(template: &str) -> &str {
    let start = template.find("    <meta name=\"description\"").unwrap();
    let end = start + template[start..].find('\n').unwrap() + 1;
    &template[start..end]
}

fn title_growth(template: &str) -> usize {
    "Trà hoa vàng – OCOP Quảng Ninh".len()
        - template
            .split("<title>")
            .nth(1)
            .unwrap()
            .split("</title>")
            .next()
            .unwrap()
            .len()
}

#[test]
fn minified_template_without_head_or_body_tags() {
    let template = "<!doctype html><html lang=vi><meta charset=utf-8><meta content=\"Old one\" name=description><title>OCOP</title><link rel=stylesheet href=/main.css><script src=/pwa.js defer></script><header class=site-header><span>OCOP</span></header><main>x</main>";
    let out = with_head(template, "T", "<X>");
    assert_eq!(
        out,
        "<!doctype html><html lang=vi><meta charset=utf-8><title>T</title><link rel=stylesheet href=/main.css><script src=/pwa.js defer></script><X><header class=site-header><span>OCOP</span></header><main>x</main>"
    );
    assert_eq!(
        with_lang(&out, Lang::Zh),
        out.replacen("<html lang=vi>", "<html lang=\"zh\">", 1)
    );
}

#[test]
fn inserts_before_body_when_head_end_is_omitted() {
    let out = with_head("<html><head><title>a</title><body><p>x", "b", "<X>");
    assert_eq!(out, "<html><head><title>b</title><X><body><p>x");
    let out = with_head("<title>a</title>\n<BODY class=x>", "b", "<X>");
    assert_eq!(out, "<title>b</title>\n<X><BODY class=x>");
    // Text ends the head too.
    let out = with_head("<meta charset=utf-8>Hello <b>there</b>", "t", "<X>");
    assert_eq!(out, "<meta charset=utf-8><title>t</title>\n<X>Hello <b>there</b>");
    // Nothing that ends the head: at the end.
    assert_eq!(
        with_head("<meta charset=utf-8>", "t", "<X>"),
        "<meta charset=utf-8><title>t</title>\n<X>"
    );
    assert_eq!(with_head("", "t", "<X>"), "<title>t</title>\n<X>");
}

#[test]
fn header_is_not_head() {
    let out = with_head("<html><header>h</header><title>a</title></head>", "b", "<X>");
    // `<header` is a body element: the head ended before it (the stray `</head>` later does not count).
    assert_eq!(out, "<html><X><header>h</header><title>b</title></head>");
    let out = with_head(
        "<head><title>a</title><headers></headers></head><body>",
        "b",
        "<X>",
    );
    assert_eq!(out, "<head><title>b</title><X><headers></headers></head><body>");
}

#[test]
fn description_metas_in_any_form_are_removed() {
    for meta in [
        "<meta name=\"description\" content=\"old\">",
        "<meta content=\"old\" name=\"description\">",
        "<meta content='old' name='description' />",
        "<META NAME=Description CONTENT=old>",
        "<meta\n  content=\"a > b\"\n  name=\"description\"\n>",
        "<meta name = description content = old>",
        "<meta data-x name=\" description \" content=old/>",
    ] {
        let template =
            format!("<html><head>{meta}<meta name=\"viewport\" content=\"w\"></head><body></body>");
        let out = with_head(&template, "t", "<X>");
        assert_eq!(
            out,
            "<html><head><meta name=\"viewport\" content=\"w\"><title>t</title>\n<X></head><body></body>",
            "{meta}"
        );
    }
    // Not descriptions.
    for keep in [
        "<meta property=\"og:description\" content=\"x\">",
        "<meta name=\"twitter:description\" content=\"x\">",
        "<meta content=\"description\" name=\"keywords\">",
        "<meta name=description/>", // unquoted: the value is `description/`, as browsers read it
    ] {
        let template = format!("<head>{keep}</head>");
        assert!(with_head(&template, "t", "").contains(keep), "{keep}");
    }
}

#[test]
fn comments_scripts_and_quoted_brackets_do_not_confuse_it() {
    let template = concat!(
        "<!DOCTYPE html><html><head>",
        "<!-- <meta name=description content=commented> </head> <title>no</title> -->",
        "<script>var s = \"</head><title>no</title><body>\";</script>",
        "<style>header > p { } </head></style>",
        "<link href=\"a>b\" rel=icon>",
        "<title data-x=\"</title>\">Old &amp; gone</title>",
        "<meta name=description content=old>",
        "</head><body><p>a <title>in body</title>",
    );
    let out = with_head(template, "New <&>", "<X>");
    assert!(out.contains("<!-- <meta name=description content=commented> </head> <title>no</title> -->"));
    assert!(out.contains("<script>var s = \"</head><title>no</title><body>\";</script>"));
    assert!(
        out.contains("<title data-x=\"</title>\">New &lt;&amp;&gt;</title>"),
        "{out}"
    );
    assert!(!out.contains("content=old"));
    assert!(
        out.contains("<X></head><body><p>a <title>in body</title>"),
        "{out}"
    );
}

#[test]
fn lang_is_set_replaced_or_added() {
    assert_eq!(
        with_lang("<!DOCTYPE html>\n<html lang=\"vi\">", Lang::En),
        "<!DOCTYPE html>\n<html lang=\"en\">"
    );
    assert_eq!(
        with_lang("<html LANG=vi class=x>", Lang::Zh),
        "<html lang=\"zh\" class=x>"
    );
    assert_eq!(
        with_lang("<html class='a'>", Lang::En),
        "<html lang=\"en\" class='a'>"
    );
    assert_eq!(with_lang("<HTML>", Lang::Vi), "<HTML lang=\"vi\">");
    assert_eq!(
        with_lang("<!-- <html lang=vi> --><html>", Lang::En),
        "<!-- <html lang=vi> --><html lang=\"en\">"
    );
    assert_eq!(
        with_lang("<!doctype html><title>x</title>", Lang::En),
        "<!doctype html><html lang=\"en\"><title>x</title>"
    );
    assert_eq!(with_lang("<p>x", Lang::Zh), "<html lang=\"zh\"><p>x");
    // `<htmlx>` is not `<html>`.
    assert_eq!(
        with_lang("<htmlx lang=vi>", Lang::En),
        "<html lang=\"en\"><htmlx lang=vi>"
    );
}

#[test]
fn unterminated_input_is_handled() {
    for template in [
        "<",
        "<html",
        "<title>abc",
        "<meta name=\"description",
        "<!--",
        "<!",
        "</",
        "<a b='",
        "<script>x",
    ] {
        let out = with_head(template, "t", "<X>");
        assert!(out.contains("<X>"), "{template}: {out}");
        let _ = with_lang(template, Lang::En);
    }
    assert_eq!(with_head("<title>abc", "t", "<X>"), "<title>t<X>");
}

#[test]
fn tags_go_after_a_description_removed_with_its_line_when_text_follows_it() {
    // Found by the property test below: the text after the removed line began on the
    // newline the removal takes.
    let out = with_head("\n  <meta name=description content=old>\n  /", "TT", "<X>");
    assert_eq!(out.matches("<X>").count(), 1, "{out}");
    assert!(!out.contains("content=old"), "{out}");
}

proptest! {
    #[test]
    fn any_template_gets_the_tags_once_and_loses_its_description(
        parts in prop::collection::vec(prop_oneof![
            Just("<html lang=vi>".to_string()),
            Just("<head>".to_string()),
            Just("</head>".to_string()),
            Just("<body>".to_string()),
            Just("<header>".to_string()),
            Just("<title>x</title>".to_string()),
            Just("<meta name=description content=old>".to_string()),
            Just("<meta charset=utf-8>".to_string()),
            Just("<!-- c -->".to_string()),
            Just("<script>1</script>".to_string()),
            Just("\n  ".to_string()),
            "[a-z =/]{0,8}",
        ], 0..12),
        lang in prop::sample::select(Lang::ALL.to_vec()),
    ) {
        let template = parts.concat();
        let tags = "<meta name=\"ZZ\">";
        let out = with_head(&template, "TT", tags);
        prop_assert_eq!(out.matches(tags).count(), 1);
        prop_assert!(out.contains("TT"));
        prop_assert!(!out.contains("content=old"), "{}", out);
        let _ = with_lang(&out, lang);
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>(), title in any::<String>()) {
        let out = with_head(&text, &title, "<X>");
        prop_assert!(out.contains("<X>"));
        let out = with_lang(&text, Lang::En);
        prop_assert!(out.contains("lang=\"en\""));
    }

    #[test]
    fn escaped_attributes_and_text_have_no_markup(text in any::<String>()) {
        let a = escape_attr(&text);
        prop_assert!(!a.contains(['<', '>', '"', '\'']));
        let t = escape_text(&text);
        prop_assert!(!t.contains(['<', '>']));
        let back = a.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
        prop_assert_eq!(back, text);
    }
}

#[test]
fn implied_head_and_body_tags_are_written_out() {
    let minified = "<!doctype html><html lang=vi><meta charset=utf-8><title>T</title><link rel=icon href=/f.svg><div id=boot><main>x</main></div>";
    assert_eq!(
        with_explicit_head_and_body(minified),
        "<!doctype html><html lang=vi><head><meta charset=utf-8><title>T</title><link rel=icon href=/f.svg></head><body><div id=boot><main>x</main></div>"
    );
    let whole = "<!DOCTYPE html><html><head><title>T</title></head><body><p>x</p></body></html>";
    assert_eq!(with_explicit_head_and_body(whole), whole);
    // `<header>` opens the body; it is not `<head>`.
    assert_eq!(
        with_explicit_head_and_body("<html><title>T</title><header>h</header>"),
        "<html><head><title>T</title></head><body><header>h</header>"
    );
}
