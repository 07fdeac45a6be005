//! The deploy-time configuration, `config.json`, served next to `index.html`.
//!
//! Operators edit it after deployment, with no rebuild, to point the app at a remote
//! dataset. A remote URL is used only if its origin is on the allowlist, so a tampered
//! config or a typo cannot make kiosks show data from anywhere.

use crate::kiosk::KioskConfig;
use crate::url::{is_safe_http_url, is_same_origin_path, origin};
use crate::validate::Limits;
use serde::{Deserialize, Serialize};

/// Where the dataset that ships with the app lives, relative to `index.html`.
pub const BUNDLED_DATASET_PATH: &str = "data/ocop-quang-ninh.json";
/// The bundled dataset as checked when the site was built (`Validated::to_checked_json`):
/// what the app reads first, without validating again.
pub const BUNDLED_CHECKED_PATH: &str = "data/ocop-quang-ninh.checked.json";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AppConfig {
    /// The dataset to show: the bundled path, another path on this site, or an absolute
    /// `https://` URL whose origin is listed in `allowed_origins`.
    pub dataset_url: String,
    /// Origins (`https://data.example.org`) remote datasets may come from.
    pub allowed_origins: Vec<String>,
    /// Give up on a remote dataset after waiting this long for the network, and fall
    /// back. Time spent checking what has arrived does not count (a large file is checked
    /// as it downloads).
    pub fetch_timeout_ms: u32,
    /// Refuse larger dataset files (bytes).
    pub max_dataset_bytes: usize,
    /// The online raster tiles drawn under the map's markers, or `null` for none. The
    /// province outline ships with the app and is always drawn, so the map works offline
    /// and when this server fails.
    pub map_tiles: Option<TileLayer>,
    /// Kiosk timings (idle period, countdown, attract-screen pace); see [`crate::kiosk`].
    pub kiosk: KioskConfig,
    /// Lets end-to-end tests trigger a deliberate crash (a `ocop-test-panic` event) to
    /// check crash recovery. Never set in a deployment.
    pub test_hooks: bool,
}

/// A raster tile server (Leaflet's `{z}/{x}/{y}` URL template) and its required credit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TileLayer {
    pub url: String,
    /// Shown as plain text in the map's corner (most tile licences require it).
    pub attribution: String,
    #[serde(default = "default_max_zoom")]
    pub max_zoom: u8,
}

fn default_max_zoom() -> u8 {
    18
}

impl TileLayer {
    /// OpenStreetMap's standard tiles; its tile usage policy asks for this credit.
    pub fn openstreetmap() -> TileLayer {
        TileLayer {
            url: "https://tile.openstreetmap.org/{z}/{x}/{y}.png".to_string(),
            attribution: "© OpenStreetMap contributors".to_string(),
            max_zoom: 19,
        }
    }
}

impl Default for AppConfig {
    fn default() -> Self {
        AppConfig {
            dataset_url: BUNDLED_DATASET_PATH.to_string(),
            allowed_origins: Vec::new(),
            fetch_timeout_ms: 10_000,
            max_dataset_bytes: Limits::default().max_bytes,
            map_tiles: Some(TileLayer::openstreetmap()),
            kiosk: KioskConfig::default(),
            test_hooks: false,
        }
    }
}

/// Which dataset the config asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DatasetSource {
    Bundled,
    /// Another dataset, on this site or an allowed origin.
    Remote(String),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ConfigProblem {
    /// `config.json` is missing or unreadable; the defaults (bundled data) apply.
    Unreadable { message: String },
    /// `dataset_url` points to an origin that is not on the allowlist.
    OriginNotAllowed { url: String },
}

impl std::fmt::Display for ConfigProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConfigProblem::Unreadable { message } => write!(f, "config.json unreadable: {message}"),
            ConfigProblem::OriginNotAllowed { url } => {
                write!(f, "config.json: {url:?} is not on allowed_origins")
            }
        }
    }
}

impl AppConfig {
    pub fn parse(text: &str) -> Result<AppConfig, ConfigProblem> {
        serde_json::from_str(text).map_err(|e| ConfigProblem::Unreadable {
            message: e.to_string(),
        })
    }

    pub fn limits(&self) -> Limits {
        Limits {
            max_bytes: self.max_dataset_bytes,
            ..Limits::default()
        }
    }

    /// The tile layer to draw, if it is an `https://` URL or a path on this site (anything
    /// else, such as `javascript:` or plain `http:` that browsers block as mixed content,
    /// is ignored and the map shows the outline only).
    pub fn tiles(&self) -> Option<&TileLayer> {
        self.map_tiles.as_ref().filter(|t| {
            let url = t.url.trim();
            (url.starts_with("https://") && is_safe_http_url(url)) || is_same_origin_path(url)
        })
    }

    pub fn dataset_source(&self) -> Result<DatasetSource, ConfigProblem> {
        let url = self.dataset_url.trim();
        let bundled = url.trim_start_matches("./").trim_start_matches('/');
        if url.is_empty() || bundled == BUNDLED_DATASET_PATH {
            return Ok(DatasetSource::Bundled);
        }
        if is_same_origin_path(url) {
            return Ok(DatasetSource::Remote(url.to_string()));
        }
        let allowed = origin(url).is_some_and(|o| {
            self.allowed_origins
                .iter()
                .filter_map(|a| origin(a.trim_end_matches('/')))
                .any(|a| a == o)
        });
        if allowed {
            Ok(DatasetSource::Remote(url.to_string()))
        } else {
            Err(ConfigProblem::OriginNotAllowed { url: url.to_string() })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_url(url: &str, allowed: &[&str]) -> AppConfig {
        AppConfig {
            dataset_url: url.into(),
            allowed_origins: allowed.iter().map(|s| s.to_string()).collect(),
            ..AppConfig::default()
        }
    }

    #[test]
    fn defaults_to_the_bundled_dataset() {
        let config = AppConfig::parse("{}").unwrap();
        assert_eq!(config.dataset_source(), Ok(DatasetSource::Bundled));
        assert_eq!(config.fetch_timeout_ms, 10_000);
        assert_eq!(
            with_url("./data/ocop-quang-ninh.json", &[]).dataset_source(),
            Ok(DatasetSource::Bundled)
        );
    }

    #[test]
    fn remote_origin_must_be_allowed() {
        let url = "https://data.example.org/ocop.json";
        assert_eq!(
            with_url(url, &["https://data.example.org/"]).dataset_source(),
            Ok(DatasetSource::Remote(url.into()))
        );
        assert_eq!(
            with_url(url, &["https://other.example.org"]).dataset_source(),
            Err(ConfigProblem::OriginNotAllowed { url: url.into() })
        );
        assert!(with_url("javascript:alert(1)", &["javascript:alert(1)"])
            .dataset_source()
            .is_err());
        assert!(
            with_url("//data.example.org/x.json", &["https://data.example.org"])
                .dataset_source()
                .is_err()
        );
    }

    #[test]
    fn same_site_paths_need_no_allowlist() {
        assert_eq!(
            with_url("data/2027.json", &[]).dataset_source(),
            Ok(DatasetSource::Remote("data/2027.json".into()))
        );
    }

    #[test]
    fn map_tiles_default_to_openstreetmap_and_can_be_switched_off() {
        assert_eq!(
            AppConfig::parse("{}").unwrap().tiles(),
            Some(&TileLayer::openstreetmap())
        );
        assert_eq!(AppConfig::parse(r#"{"map_tiles": null}"#).unwrap().tiles(), None);
        let own = AppConfig::parse(r#"{"map_tiles": {"url": "tiles/{z}/{x}/{y}.png", "attribution": "x"}}"#)
            .unwrap();
        assert_eq!(own.tiles().map(|t| t.max_zoom), Some(18));
        for bad in [
            "javascript:alert(1)//{z}",
            "http://tiles.example.org/{z}/{x}/{y}.png",
            "//evil.example/{z}",
        ] {
            let text = format!(r#"{{"map_tiles": {{"url": "{bad}", "attribution": ""}}}}"#);
            assert_eq!(AppConfig::parse(&text).unwrap().tiles(), None, "{bad}");
        }
    }

    #[test]
    fn unreadable_config_is_reported() {
        assert!(matches!(
            AppConfig::parse("{ nope"),
            Err(ConfigProblem::Unreadable { .. })
        ));
        assert!(matches!(
            AppConfig::parse(r#"{"fetch_timeout_ms": "soon"}"#),
            Err(ConfigProblem::Unreadable { .. })
        ));
    }
}
