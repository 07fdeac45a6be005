//! The application shell: translations, router, header, and the data gate that loads the
//! dataset once and hands it to every page.

use crate::browser::{save_cached_copy, BrowserPort};
use crate::components::header::Header;
use crate::components::notice::{DataNotices, LoadFailure};
use crate::i18n::*;
use crate::pages::{about::About, catalog::Catalog, not_found::NotFound};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use ocop_core::config::{AppConfig, ConfigProblem};
use ocop_core::source::{load_dataset, DataPort, Loaded, NoData};
use std::sync::Arc;

/// The dataset on screen and where it came from, provided to every page by the data gate.
/// Behind an `Arc` because pages clone the handle, never the (possibly large) dataset.
#[derive(Clone)]
pub struct AppData(pub Arc<Loaded>);

pub fn use_app_data() -> Arc<Loaded> {
    expect_context::<AppData>().0
}

#[component]
pub fn App() -> impl IntoView {
    view! {
        <I18nContextProvider>
            <Router>
                <Shell />
            </Router>
        </I18nContextProvider>
    }
}

#[component]
fn Shell() -> impl IntoView {
    let i18n = use_i18n();
    // Loaded once per visit. `LocalResource` because fetch futures are not `Send`.
    let data = LocalResource::new(load);
    view! {
        <a class="skip-link" href="#main">{t!(i18n, skip_to_content)}</a>
        <Header />
        <main id="main" tabindex="-1">
            <Suspense fallback=move || {
                view! { <p class="loading" role="status">{t!(i18n, loading)}</p> }
            }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(loaded) => {
                            provide_context(AppData(loaded));
                            view! {
                                <DataNotices />
                                <Routes fallback=NotFound>
                                    <Route path=path!("/") view=Catalog />
                                    <Route path=path!("/about") view=About />
                                </Routes>
                            }
                                .into_any()
                        }
                        Err(failure) => view! { <LoadFailure failure /> }.into_any(),
                    }
                })}
            </Suspense>
        </main>
    }
}

/// Reads `config.json`, then runs the fallback chain (remote → cached copy → bundled).
async fn load() -> Result<Arc<Loaded>, Arc<NoData>> {
    let port = BrowserPort;
    // Small and same-origin: a short timeout and cap are plenty.
    let config = match port.fetch_text("config.json", 5_000, 64 * 1024).await {
        Ok(text) => AppConfig::parse(&text),
        Err(e) => Err(ConfigProblem::Unreadable {
            message: e.to_string(),
        }),
    };
    let loaded = load_dataset(&port, config).await.map_err(Arc::new)?;
    if let Some(copy) = &loaded.cache_update {
        if !save_cached_copy(copy) {
            leptos::logging::warn!("could not keep a copy of the dataset for offline use");
        }
    }
    for issue in &loaded.validated.issues {
        leptos::logging::warn!("dataset: {issue}");
    }
    Ok(Arc::new(loaded))
}
