//! Component tests in headless Chromium (`cargo test --target wasm32-unknown-unknown`,
//! run by `cargo xtask test`). They mount real components into a real DOM; the rules
//! behind them are tested natively in `ocop-core`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos_router::components::Router;
use ocop_core::source::{CachedCopy, DataPort, Fallback, FetchFailure, Loaded, NoData, Origin};
use ocop_core::validate::{parse_and_validate, Limits};
use ocop_quang_ninh::browser::{save_cached_copy, BrowserPort, CACHE_KEY};
use ocop_quang_ninh::components::notice::{DataNotices, LoadFailure};
use ocop_quang_ninh::components::product_card::ProductCard;
use ocop_quang_ninh::i18n::I18nContextProvider;
use ocop_quang_ninh::AppData;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const DATASET: &str = r#"{
  "schema_version": "1.0",
  "meta": { "dataset_version": "web-test", "generated_on": "2026-11-30",
            "title": { "vi": "Thử" }, "licence": "CC BY 4.0" },
  "products": [
    { "id": "ngoc-trai-akoya", "name": { "vi": "Ngọc trai Akoya", "en": "Akoya pearls" },
      "group": "souvenir", "subcategory": "jewellery",
      "rating": { "evidence": "star_stated", "stars": 5, "level": "national" },
      "locality": { "district": "ha-long" }, "sources": ["https://baoquangninh.vn/x"] },
    { "id": "non-tom", "name": { "vi": "Nõn tôm Móng Cái" }, "group": "food", "subcategory": "seafood",
      "rating": { "evidence": "unconfirmed" }, "sources": ["https://example.org/y"] },
    { "id": "bad", "name": { "vi": "X" }, "group": "food", "subcategory": "seafood",
      "rating": { "evidence": "star_stated", "stars": 7 }, "sources": ["https://example.org/z"] }
  ]
}"#;

fn loaded(origin: Origin, fallback: Option<Fallback>) -> Loaded {
    Loaded {
        validated: parse_and_validate(DATASET, &Limits::default()).unwrap(),
        origin,
        fallback,
        cache_update: None,
    }
}

/// Mounts `view` (inside the app's translation and router contexts) into a fresh element.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + Send + 'static) -> web_sys::HtmlElement {
    let document = document();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        view! {
            <I18nContextProvider>
                <Router>{view()}</Router>
            </I18nContextProvider>
        }
    });
    handle.forget();
    host
}

fn text(el: &web_sys::HtmlElement) -> String {
    el.text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn cached_copy_notice_names_its_date_and_the_reason() {
    let data = loaded(
        Origin::Cached {
            url: "https://data.example.test/ocop.json".into(),
            saved_at: "2026-11-01T07:05:09.000Z".into(),
        },
        Some(Fallback::Fetch(FetchFailure::Http { status: 503 })),
    );
    let host = mount(move || {
        provide_context(AppData::new(data, None));
        view! { <DataNotices /> }
    });
    leptos::task::tick().await;
    let notice = host
        .query_selector("[data-testid=data-notice]")
        .unwrap()
        .expect("fallback notice");
    let notice = notice.text_content().unwrap();
    assert!(notice.contains("2026-11-01 07:05 UTC"), "{notice}");
    assert!(notice.contains("503"), "{notice}");
    // One record (7 stars) was dropped by the validator, and the visitor is told.
    assert!(
        host.query_selector("[data-testid=dropped-notice]")
            .unwrap()
            .is_some(),
        "{}",
        text(&host)
    );
}

#[wasm_bindgen_test]
async fn healthy_bundled_data_shows_no_fallback_notice() {
    let data = loaded(Origin::Bundled, None);
    let host = mount(move || {
        provide_context(AppData::new(data, None));
        view! { <DataNotices /> }
    });
    leptos::task::tick().await;
    assert!(host
        .query_selector("[data-testid=data-notice]")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn product_cards_show_ratings_as_the_sources_state_them() {
    let dataset = loaded(Origin::Bundled, None).validated.dataset;
    let pearls = dataset.products[0].clone();
    let shrimp = dataset.products[1].clone();
    let host = mount(move || {
        // Cards carry "Add to list", which needs the visitor's list.
        ocop_quang_ninh::state::provide_visitor();
        view! { <ul><ProductCard product=pearls /><ProductCard product=shrimp /></ul> }
    });
    leptos::task::tick().await;
    let cards = host.query_selector_all("[data-testid=product-card]").unwrap();
    assert_eq!(cards.length(), 2);
    let pearls: web_sys::HtmlElement = cards.get(0).unwrap().unchecked_into();
    assert_eq!(
        pearls
            .query_selector(".stars")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "★★★★★"
    );
    assert!(pearls.query_selector(".badge-national").unwrap().is_some());
    let shrimp: web_sys::HtmlElement = cards.get(1).unwrap().unchecked_into();
    assert!(
        shrimp.query_selector(".stars").unwrap().is_none(),
        "no stars for an unconfirmed product"
    );
    assert!(shrimp.query_selector(".badge-unconfirmed").unwrap().is_some());
    // An untranslated name is marked as Vietnamese for screen readers.
    let name = shrimp.query_selector(".product-name").unwrap().unwrap();
    assert_eq!(name.text_content().unwrap(), "Nõn tôm Móng Cái");
    assert_eq!(name.get_attribute("lang").as_deref(), Some("vi"));
}

#[wasm_bindgen_test]
async fn load_failure_offers_a_reload_button() {
    let failure = Arc::new(NoData {
        bundled: Fallback::Fetch(FetchFailure::Http { status: 404 }),
        first: None,
    });
    let host = mount(move || view! { <LoadFailure failure /> });
    leptos::task::tick().await;
    assert!(host.query_selector("[role=alert] button").unwrap().is_some());
    assert!(text(&host).contains("404"));
}

#[wasm_bindgen_test]
async fn fetch_stops_reading_past_the_size_cap() {
    // A data: URL streams its body like a network response, with no server needed.
    let body = "x".repeat(4096);
    let url = format!("data:application/json,{body}");
    let port = BrowserPort::default();
    assert_eq!(
        port.fetch_text(&url, 5_000, 1_000).await,
        Err(FetchFailure::TooLarge { limit: 1_000 })
    );
    assert_eq!(port.fetch_text(&url, 5_000, 10_000).await.unwrap().len(), 4096);
}

#[wasm_bindgen_test]
fn cached_copy_round_trips_and_corrupt_copy_is_ignored() {
    let storage = window().local_storage().unwrap().unwrap();
    let copy = CachedCopy {
        url: "https://data.example.test/ocop.json".into(),
        saved_at: "2026-11-30T00:00:00Z".into(),
        text: DATASET.into(),
    };
    assert!(save_cached_copy(&copy));
    assert_eq!(BrowserPort::default().cached_copy(), Some(copy));
    storage.set_item(CACHE_KEY, "{not json").unwrap();
    assert_eq!(BrowserPort::default().cached_copy(), None);
    storage.remove_item(CACHE_KEY).unwrap();
}

#[wasm_bindgen_test]
async fn add_to_trip_toggles_the_stop_and_saves_the_trip() {
    use ocop_core::model::StopRef;
    use ocop_quang_ninh::components::trip_parts::AddToTrip;
    use ocop_quang_ninh::state::{provide_visitor, Visitor, TRIP_KEY};

    let storage = window().local_storage().unwrap().unwrap();
    storage.remove_item(TRIP_KEY).unwrap();
    let (tx, rx) = futures::channel::oneshot::channel::<Visitor>();
    let host = mount(move || {
        let visitor = provide_visitor();
        let _ = tx.send(visitor);
        view! { <AddToTrip stop=StopRef::Spot("dao-co-to".into()) name="Cô Tô" /> }
    });
    let visitor = rx.await.unwrap();
    leptos::task::tick().await;
    let button: web_sys::HtmlElement = host.query_selector("button").unwrap().unwrap().unchecked_into();
    assert_eq!(button.get_attribute("aria-pressed").as_deref(), Some("false"));
    button.click();
    leptos::task::tick().await;
    assert_eq!(button.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert!(visitor
        .trip
        .with_untracked(|t| t.contains(&StopRef::Spot("dao-co-to".into()))));
    let saved = storage.get_item(TRIP_KEY).unwrap().unwrap();
    assert!(saved.contains(r#"{"spot":"dao-co-to"}"#), "{saved}");
    button.click();
    leptos::task::tick().await;
    assert!(visitor.trip.with_untracked(|t| t.is_empty()));
}

#[wasm_bindgen_test]
async fn an_unreadable_saved_list_is_backed_up_and_reported() {
    use ocop_quang_ninh::components::notice::VisitorNotice;
    use ocop_quang_ninh::state::{provide_visitor, LIST_KEY};

    let storage = window().local_storage().unwrap().unwrap();
    storage.set_item(LIST_KEY, "{not json").unwrap();
    let host = mount(|| {
        provide_visitor();
        view! { <VisitorNotice /> }
    });
    leptos::task::tick().await;
    assert!(
        host.query_selector("[data-testid=storage-notice]")
            .unwrap()
            .is_some(),
        "{}",
        text(&host)
    );
    assert_eq!(
        storage
            .get_item(&format!("{LIST_KEY}.backup"))
            .unwrap()
            .as_deref(),
        Some("{not json")
    );
    storage.remove_item(LIST_KEY).unwrap();
}

#[wasm_bindgen_test]
async fn add_to_list_adds_one_more_each_tap_and_links_to_the_list() {
    use ocop_quang_ninh::components::list_parts::AddToList;
    use ocop_quang_ninh::state::{provide_visitor, Visitor, LIST_KEY};

    let storage = window().local_storage().unwrap().unwrap();
    storage.remove_item(LIST_KEY).unwrap();
    let (tx, rx) = futures::channel::oneshot::channel::<Visitor>();
    let host = mount(move || {
        let visitor = provide_visitor();
        let _ = tx.send(visitor);
        view! { <AddToList product="cha-muc-ha-long".to_string() name="Chả mực" /> }
    });
    let visitor = rx.await.unwrap();
    leptos::task::tick().await;
    let button: web_sys::HtmlElement = host.query_selector("button").unwrap().unwrap().unchecked_into();
    // Named by the product too, for screen readers.
    assert!(
        button.text_content().unwrap().ends_with(": Chả mực"),
        "{}",
        text(&host)
    );
    assert!(host.query_selector("a[href='/list']").unwrap().is_none());
    button.click();
    button.click();
    leptos::task::tick().await;
    assert_eq!(visitor.list.with_untracked(|l| l.items()[0].quantity), 2);
    assert!(host.query_selector("a[href='/list']").unwrap().is_some());
    let saved = storage.get_item(LIST_KEY).unwrap().unwrap();
    assert!(saved.contains(r#""quantity":2"#), "{saved}");
    storage.remove_item(LIST_KEY).unwrap();
}

#[wasm_bindgen_test]
async fn qr_code_is_an_svg_image_named_for_screen_readers_or_says_it_is_too_long() {
    use ocop_quang_ninh::components::qr_code::QrCode;

    let link = RwSignal::new("https://example.org/list#1ABCCHA-MUC-HA-LONG".to_string());
    let host = mount(move || {
        view! { <QrCode link=link label="QR code of the link" too_long="Too long for a QR code" /> }
    });
    leptos::task::tick().await;
    let svg = host.query_selector("svg").unwrap().expect("an svg");
    assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
    assert!(svg.get_attribute("aria-label").unwrap().contains("QR"));
    let version: usize = svg.get_attribute("data-qr-version").unwrap().parse().unwrap();
    let side = version * 4 + 17 + 8;
    assert_eq!(
        svg.get_attribute("viewBox").unwrap(),
        format!("0 0 {side} {side}")
    );
    let path = svg.query_selector("path").unwrap().unwrap();
    assert!(path.get_attribute("d").unwrap().len() > 100);

    // More than any QR code holds: the text instead, and no broken image.
    link.set(format!("https://example.org/list#{}", "x".repeat(3_000)));
    leptos::task::tick().await;
    assert!(host.query_selector("svg").unwrap().is_none());
    assert!(text(&host).contains("Too long for a QR code"));
}

#[wasm_bindgen_test]
async fn external_links_refuse_script_and_odd_schemes_whatever_the_caller_passed() {
    use ocop_quang_ninh::components::external_link::ExternalLink;
    let host = mount(|| {
        view! {
            <ExternalLink href="https://thuonghieuquangninh.gov.vn/".to_string()>"ok"</ExternalLink>
            <ExternalLink href="JaVaScRiPt:alert(1)".to_string()>"js"</ExternalLink>
            <ExternalLink href="java\tscript:alert(1)".to_string()>"tab"</ExternalLink>
            <ExternalLink href="data:text/html,<script>alert(1)</script>".to_string()>"data"</ExternalLink>
            <ExternalLink href="//evil.example/".to_string()>"relative"</ExternalLink>
        }
    });
    leptos::task::tick().await;
    let links = host.query_selector_all("a[href]").unwrap();
    assert_eq!(links.length(), 1, "only the https link is a link");
    let only: web_sys::Element = links.item(0).unwrap().unchecked_into();
    assert_eq!(
        only.get_attribute("href").as_deref(),
        Some("https://thuonghieuquangninh.gov.vn/")
    );
    // The others still show their text: nothing is lost, nothing can be clicked into a script.
    for label in ["js", "tab", "data", "relative"] {
        assert!(text(&host).contains(label), "{label}");
    }
}
