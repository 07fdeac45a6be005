//! Which dataset to show, and why: remote → last good cached copy → bundled.
//!
//! The chain is plain async Rust over a small [`DataPort`] trait, so the same code runs in
//! the browser (fetch + localStorage) and in native unit tests (a fake port). Whatever
//! happens, the result says which data is shown ([`Origin`]) and why any fallback happened
//! ([`Fallback`]), so the interface can tell the visitor in their language.

use crate::config::{AppConfig, ConfigProblem, DatasetSource, BUNDLED_CHECKED_PATH, BUNDLED_DATASET_PATH};
use crate::validate::{parse_and_validate, Limits, LoadError, Validated};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::rc::Rc;

/// Why a download produced no text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FetchFailure {
    /// The server answered with a non-success status.
    Http {
        status: u16,
    },
    Timeout {
        after_ms: u32,
    },
    /// No answer at all: offline, DNS, CORS, connection reset.
    Network {
        message: String,
    },
    /// The body was larger than the configured limit (checked while streaming).
    TooLarge {
        limit: usize,
    },
}

impl fmt::Display for FetchFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchFailure::Http { status } => write!(f, "HTTP {status}"),
            FetchFailure::Timeout { after_ms } => write!(f, "no answer within {after_ms} ms"),
            FetchFailure::Network { message } => write!(f, "network error: {message}"),
            FetchFailure::TooLarge { limit } => write!(f, "larger than {limit} bytes"),
        }
    }
}

/// A copy of the last remote dataset that validated, kept by the browser.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CachedCopy {
    pub url: String,
    /// ISO timestamp of when it was saved.
    pub saved_at: String,
    pub text: String,
}

/// Where the data on screen came from.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Origin {
    Bundled,
    Remote { url: String },
    Cached { url: String, saved_at: String },
}

/// Why the configured dataset is not the one shown.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Fallback {
    Config(ConfigProblem),
    Fetch(FetchFailure),
    Invalid(LoadError),
}

impl fmt::Display for Fallback {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fallback::Config(p) => p.fmt(f),
            Fallback::Fetch(p) => p.fmt(f),
            Fallback::Invalid(p) => p.fmt(f),
        }
    }
}

/// The data to show and its provenance.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub validated: Validated,
    pub origin: Origin,
    /// Set when the configured dataset could not be used.
    pub fallback: Option<Fallback>,
    /// A remote dataset that validated and should replace the cached copy (`None` also
    /// when its text was too large to keep: see [`DataPort::fetch_valid`]).
    pub cache_update: Option<CachedCopy>,
}

/// Even the bundled dataset failed: nothing can be shown.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NoData {
    pub bundled: Fallback,
    pub first: Option<Fallback>,
}

/// The outside world, as the loader needs it.
#[allow(async_fn_in_trait)] // used generically, never as `dyn`
pub trait DataPort {
    /// Downloads `url` with the given timeout and size cap.
    async fn fetch_text(&self, url: &str, timeout_ms: u32, max_bytes: usize) -> Result<String, FetchFailure>;
    /// The last good remote copy, if the browser kept one.
    fn cached_copy(&self) -> Option<CachedCopy>;
    /// The current time as an ISO timestamp.
    fn now_iso(&self) -> String;
    /// Parses and validates a dataset file: [`parse_and_validate`]. The app answers with the
    /// same function, loaded on demand (only a remote or cached dataset, or a bundled one
    /// whose checked form is missing, needs it); `Err(Fallback::Fetch(…))` when that code
    /// could not be downloaded.
    ///
    /// The text is shared, not lent: the app's validator runs in a part that must own what
    /// it reads, and copying a 37 MB file for it put a second copy in wasm memory while it
    /// ran (at 50,000 products, docs/performance.md).
    async fn validate(&self, text: Rc<String>, limits: &Limits) -> Result<Validated, Fallback> {
        parse_and_validate(&text, limits).map_err(Fallback::Invalid)
    }

    /// Downloads and validates a dataset; with the dataset comes its text when it is worth
    /// keeping for offline use. By default [`DataPort::fetch_text`], then
    /// [`DataPort::validate`]. The app checks the download as it arrives instead
    /// (`validate::DatasetReader`), so that a large file is never whole in memory, and
    /// keeps its text only while it is small enough for the browser to store.
    async fn fetch_valid(
        &self,
        url: &str,
        timeout_ms: u32,
        limits: &Limits,
    ) -> Result<(Validated, Option<String>), Fallback> {
        let text = self
            .fetch_text(url, timeout_ms, limits.max_bytes)
            .await
            .map_err(Fallback::Fetch)?;
        let text = Rc::new(text);
        let validated = self.validate(Rc::clone(&text), limits).await?;
        // The validator has let go of its share by now: no copy is made.
        let text = Rc::try_unwrap(text).unwrap_or_else(|shared| (*shared).clone());
        Ok((validated, Some(text)))
    }
}

/// Runs the fallback chain for `config` (or the defaults, when the config was unreadable).
pub async fn load_dataset<P: DataPort>(
    port: &P,
    config: Result<AppConfig, ConfigProblem>,
) -> Result<Loaded, NoData> {
    let (config, mut fallback) = match config {
        Ok(c) => (c, None),
        Err(problem) => (AppConfig::default(), Some(Fallback::Config(problem))),
    };
    let limits = config.limits();
    let source = config.dataset_source().unwrap_or_else(|problem| {
        fallback.get_or_insert(Fallback::Config(problem));
        DatasetSource::Bundled
    });

    if let DatasetSource::Remote(url) = source {
        match port.fetch_valid(&url, config.fetch_timeout_ms, &limits).await {
            Ok((validated, text)) => {
                return Ok(Loaded {
                    validated,
                    origin: Origin::Remote { url: url.clone() },
                    fallback: None,
                    cache_update: text.map(|text| CachedCopy {
                        url,
                        saved_at: port.now_iso(),
                        text,
                    }),
                })
            }
            Err(why) => fallback = Some(why),
        }
        if let Some(copy) = port.cached_copy().filter(|c| c.url == url) {
            if let Ok(validated) = port.validate(Rc::new(copy.text), &limits).await {
                return Ok(Loaded {
                    validated,
                    origin: Origin::Cached {
                        url: copy.url,
                        saved_at: copy.saved_at,
                    },
                    fallback,
                    cache_update: None,
                });
            }
        }
    }

    // The bundled dataset's checked form (written by the build from the same file): decoded
    // only, so a first visit runs no validator and downloads none. Anything wrong with it
    // and the bundled file itself is validated, as any other dataset.
    if let Ok(text) = port
        .fetch_text(
            BUNDLED_CHECKED_PATH,
            config.fetch_timeout_ms,
            Limits::default().max_bytes,
        )
        .await
    {
        if let Ok(validated) = Validated::from_checked_json(&text) {
            return Ok(Loaded {
                validated,
                origin: Origin::Bundled,
                fallback,
                cache_update: None,
            });
        }
    }
    match port
        .fetch_valid(BUNDLED_DATASET_PATH, config.fetch_timeout_ms, &Limits::default())
        .await
    {
        Ok((validated, _)) => Ok(Loaded {
            validated,
            origin: Origin::Bundled,
            fallback,
            cache_update: None,
        }),
        Err(bundled) => Err(NoData {
            bundled,
            first: fallback,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::executor::block_on;
    use std::collections::HashMap;

    const REMOTE: &str = "https://data.example.org/ocop.json";

    fn dataset(product_id: &str) -> String {
        serde_json::json!({
            "schema_version": "1.0",
            "meta": { "dataset_version": product_id, "generated_on": "2026-11-30",
                      "title": { "vi": "T" }, "licence": "CC BY 4.0" },
            "products": [{ "id": product_id, "name": { "vi": "SP" }, "group": "food",
                           "subcategory": "seafood", "rating": { "evidence": "ocop_stated" },
                           "sources": ["https://example.org/a"] }]
        })
        .to_string()
    }

    struct FakePort {
        answers: HashMap<&'static str, Result<String, FetchFailure>>,
        cached: Option<CachedCopy>,
    }

    impl DataPort for FakePort {
        async fn fetch_text(&self, url: &str, _: u32, _: usize) -> Result<String, FetchFailure> {
            self.answers
                .get(url)
                .cloned()
                .unwrap_or(Err(FetchFailure::Http { status: 404 }))
        }
        fn cached_copy(&self) -> Option<CachedCopy> {
            self.cached.clone()
        }
        fn now_iso(&self) -> String {
            "2026-11-30T08:00:00Z".into()
        }
    }

    fn port(remote: Option<Result<String, FetchFailure>>, cached: bool) -> FakePort {
        let mut answers = HashMap::new();
        answers.insert(BUNDLED_DATASET_PATH, Ok(dataset("bundled")));
        if let Some(r) = remote {
            answers.insert(REMOTE, r);
        }
        FakePort {
            answers,
            cached: cached.then(|| CachedCopy {
                url: REMOTE.into(),
                saved_at: "2026-11-01T00:00:00Z".into(),
                text: dataset("cached"),
            }),
        }
    }

    fn remote_config() -> Result<AppConfig, ConfigProblem> {
        Ok(AppConfig {
            dataset_url: REMOTE.into(),
            allowed_origins: vec!["https://data.example.org".into()],
            ..AppConfig::default()
        })
    }

    fn shown(loaded: &Loaded) -> &str {
        &loaded.validated.dataset.products[0].id
    }

    #[test]
    fn bundled_by_default() {
        let loaded = block_on(load_dataset(&port(None, false), Ok(AppConfig::default()))).unwrap();
        assert_eq!(loaded.origin, Origin::Bundled);
        assert_eq!(loaded.fallback, None);
        assert_eq!(shown(&loaded), "bundled");
    }

    #[test]
    fn valid_remote_is_shown_and_cached() {
        let loaded = block_on(load_dataset(
            &port(Some(Ok(dataset("remote"))), true),
            remote_config(),
        ))
        .unwrap();
        assert_eq!(shown(&loaded), "remote");
        assert_eq!(loaded.origin, Origin::Remote { url: REMOTE.into() });
        let update = loaded.cache_update.unwrap();
        assert_eq!(
            (update.url.as_str(), update.saved_at.as_str()),
            (REMOTE, "2026-11-30T08:00:00Z")
        );
    }

    #[test]
    fn failed_remote_falls_back_to_cached_copy() {
        let failure = FetchFailure::Http { status: 500 };
        let loaded = block_on(load_dataset(
            &port(Some(Err(failure.clone())), true),
            remote_config(),
        ))
        .unwrap();
        assert_eq!(shown(&loaded), "cached");
        assert!(matches!(loaded.origin, Origin::Cached { .. }));
        assert_eq!(loaded.fallback, Some(Fallback::Fetch(failure)));
        assert_eq!(loaded.cache_update, None);
    }

    #[test]
    fn failed_remote_without_cache_falls_back_to_bundled() {
        for answer in [
            Err(FetchFailure::Timeout { after_ms: 10 }),
            Ok("garbage".to_string()),
            Ok(dataset("x")[..40].to_string()),
        ] {
            let loaded = block_on(load_dataset(&port(Some(answer), false), remote_config())).unwrap();
            assert_eq!(shown(&loaded), "bundled");
            assert_eq!(loaded.origin, Origin::Bundled);
            assert!(loaded.fallback.is_some());
        }
    }

    #[test]
    fn cached_copy_of_another_url_is_not_used() {
        let mut p = port(Some(Err(FetchFailure::Http { status: 500 })), true);
        p.cached.as_mut().unwrap().url = "https://old.example.org/x.json".into();
        let loaded = block_on(load_dataset(&p, remote_config())).unwrap();
        assert_eq!(shown(&loaded), "bundled");
    }

    #[test]
    fn disallowed_origin_uses_bundled_and_says_why() {
        let config = Ok(AppConfig {
            dataset_url: REMOTE.into(),
            ..AppConfig::default()
        });
        let loaded = block_on(load_dataset(&port(Some(Ok(dataset("remote"))), false), config)).unwrap();
        assert_eq!(shown(&loaded), "bundled");
        assert!(matches!(
            loaded.fallback,
            Some(Fallback::Config(ConfigProblem::OriginNotAllowed { .. }))
        ));
    }

    #[test]
    fn unreadable_config_uses_bundled_and_says_why() {
        let problem = ConfigProblem::Unreadable {
            message: "404".into(),
        };
        let loaded = block_on(load_dataset(&port(None, false), Err(problem.clone()))).unwrap();
        assert_eq!(loaded.fallback, Some(Fallback::Config(problem)));
        assert_eq!(shown(&loaded), "bundled");
    }

    #[test]
    fn nothing_to_show_when_bundled_fails_too() {
        let mut p = port(Some(Err(FetchFailure::Http { status: 500 })), false);
        p.answers.insert(BUNDLED_DATASET_PATH, Ok("{".into()));
        let err = block_on(load_dataset(&p, remote_config())).unwrap_err();
        assert_eq!(err.bundled, Fallback::Invalid(LoadError::Truncated));
        assert_eq!(
            err.first,
            Some(Fallback::Fetch(FetchFailure::Http { status: 500 }))
        );
    }

    /// The build's checked form of `dataset(id)`.
    fn checked(id: &str) -> String {
        parse_and_validate(&dataset(id), &Limits::default())
            .unwrap()
            .to_checked_json()
    }

    /// Counts the validations the loader asks for.
    struct CountingPort(FakePort, std::cell::Cell<usize>);

    impl DataPort for CountingPort {
        async fn fetch_text(&self, url: &str, t: u32, m: usize) -> Result<String, FetchFailure> {
            self.0.fetch_text(url, t, m).await
        }
        fn cached_copy(&self) -> Option<CachedCopy> {
            self.0.cached_copy()
        }
        fn now_iso(&self) -> String {
            self.0.now_iso()
        }
        async fn validate(&self, text: Rc<String>, limits: &Limits) -> Result<Validated, Fallback> {
            self.1.set(self.1.get() + 1);
            self.0.validate(text, limits).await
        }
    }

    #[test]
    fn the_bundled_checked_form_is_read_without_validating() {
        let mut p = port(None, false);
        p.answers.insert(BUNDLED_CHECKED_PATH, Ok(checked("checked")));
        let p = CountingPort(p, Default::default());
        let loaded = block_on(load_dataset(&p, Ok(AppConfig::default()))).unwrap();
        assert_eq!(shown(&loaded), "checked");
        assert_eq!(loaded.origin, Origin::Bundled);
        assert_eq!(p.1.get(), 0, "no validation of the checked form");
    }

    #[test]
    fn a_missing_or_damaged_checked_form_falls_back_to_validating_the_bundled_file() {
        for answer in [
            Err(FetchFailure::Http { status: 404 }),
            Ok("{\"dataset\":".into()),
            Ok("[]".into()),
        ] {
            let mut p = port(None, false);
            p.answers.insert(BUNDLED_CHECKED_PATH, answer);
            let p = CountingPort(p, Default::default());
            let loaded = block_on(load_dataset(&p, Ok(AppConfig::default()))).unwrap();
            assert_eq!(shown(&loaded), "bundled");
            assert_eq!(loaded.fallback, None);
            assert_eq!(p.1.get(), 1);
        }
    }

    #[test]
    fn a_remote_dataset_is_validated_even_when_the_checked_form_is_there() {
        let mut p = port(Some(Ok(dataset("remote"))), false);
        p.answers.insert(BUNDLED_CHECKED_PATH, Ok(checked("checked")));
        let p = CountingPort(p, Default::default());
        let loaded = block_on(load_dataset(&p, remote_config())).unwrap();
        assert_eq!(shown(&loaded), "remote");
        assert_eq!(p.1.get(), 1);
    }

    #[test]
    fn the_checked_form_keeps_everything_the_validator_found() {
        // The real bundled dataset, and one with a record the validator drops.
        let real = include_str!("../../../public/data/ocop-quang-ninh.json");
        let mut broken: serde_json::Value = serde_json::from_str(&dataset("kept")).unwrap();
        broken["products"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({ "id": "Not A Slug", "name": { "vi": "X" } }));
        for text in [real.to_string(), broken.to_string()] {
            let validated = parse_and_validate(&text, &Limits::default()).unwrap();
            let back = Validated::from_checked_json(&validated.to_checked_json()).unwrap();
            assert_eq!(back.dataset, validated.dataset);
            // Each issue as reported: where, what was done, and the same words.
            let shown = |v: &Validated| -> Vec<(String, String)> {
                v.issues
                    .iter()
                    .map(|i| (i.to_string(), format!("{:?}", i.action)))
                    .collect()
            };
            assert_eq!(shown(&back), shown(&validated));
        }
        assert!(!parse_and_validate(&broken.to_string(), &Limits::default())
            .unwrap()
            .issues
            .is_empty());
    }
}
