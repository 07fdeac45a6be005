//! The `kiosk` object of `config.json`, read leniently: an operator edits it by hand on a
//! device in the field, so a typo in one value must cost that value only — it falls back to
//! its default and a warning says why ([`KioskConfig::warnings`], logged to the console by
//! the app) — never the whole config, and never a kiosk that does not start.
//!
//! Read in two steps, because `config.json` is read on every phone's first load and a
//! lenient reader is code a phone never needs: deserializing only keeps the object's JSON
//! text, and [`KioskConfig::resolved`] — called by the kiosk's own part of the app — reads
//! it. (Reading it at once cost the first load 2–4 KiB brotli of wasm, measured.)

use super::{MIN_COUNTDOWN_SECONDS, MIN_IDLE_SECONDS};
use crate::Lang;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::value::RawValue;
use std::collections::BTreeMap;

type Object = BTreeMap<String, Box<RawValue>>;

/// The take-away QR stays at least this long: WCAG 2.2.1, as the countdown.
pub const MIN_TAKE_AWAY_SECONDS: u32 = 20;
/// Larger nearby radii are not "nearby" any more: the whole province is ~200 km across.
const MAX_RADIUS_KM: f64 = 200.0;
/// Longer names would not fit the home screen's heading.
const MAX_NAME_CHARS: usize = 80;

/// Where the kiosk stands, in degrees (WGS 84, as the dataset's coordinates).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub lat: f64,
    pub lon: f64,
}

/// The `kiosk` object of `config.json`; every field is optional (docs/kiosk-and-offline.md).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KioskConfig {
    /// Seconds without a touch before the countdown appears.
    pub idle_seconds: u32,
    /// Length of the visible countdown before the kiosk starts over.
    pub countdown_seconds: u32,
    /// Seconds each featured product or route stays on the attract screen.
    pub attract_seconds: u32,
    /// Seconds the full-screen take-away QR stays before it goes back to browsing.
    pub take_away_seconds: u32,
    /// The kiosk's own name ("Yên Tử visitor centre"), shown on its home screen; empty: none.
    pub name: String,
    /// Where the kiosk stands: "Near here" lists the places and routes nearest it first.
    /// `None`: no "Near here" tile.
    pub location: Option<Location>,
    /// Places within this many km count as near the kiosk.
    pub nearby_radius_km: f64,
    /// The languages in the order the attract screen offers them; languages left out are
    /// still offered, after these (a visitor is never left without their language).
    pub languages: Vec<Lang>,
    /// What was wrong in the `kiosk` object, one line per value that fell back to its
    /// default. Not part of the file.
    #[serde(skip)]
    pub warnings: Vec<String>,
    /// The `kiosk` object as written, until [`KioskConfig::resolved`] reads it.
    #[serde(skip)]
    pub(super) json: Option<String>,
}

impl Default for KioskConfig {
    fn default() -> Self {
        KioskConfig {
            idle_seconds: 90,
            countdown_seconds: MIN_COUNTDOWN_SECONDS,
            attract_seconds: 7,
            take_away_seconds: 60,
            name: String::new(),
            location: None,
            nearby_radius_km: 15.0,
            languages: Lang::ALL.to_vec(),
            warnings: Vec::new(),
            json: None,
        }
    }
}

impl<'de> Deserialize<'de> for KioskConfig {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        Ok(KioskConfig {
            json: Some(raw.get().to_string()),
            ..KioskConfig::default()
        })
    }
}

impl KioskConfig {
    /// The settings as `config.json` gives them: its `kiosk` object read (see the module
    /// docs), or these settings as they are when they did not come from a file.
    pub fn resolved(&self) -> KioskConfig {
        match &self.json {
            Some(text) => KioskConfig::from_json(text),
            None => self.clone(),
        }
    }

    /// Reads the `kiosk` object from its JSON text; never fails (see the module docs).
    pub fn from_json(text: &str) -> KioskConfig {
        let mut config = KioskConfig::default();
        let object: Object = match serde_json::from_str(text) {
            Ok(object) => object,
            Err(_) => {
                if text.trim() != "null" {
                    config.warn("kiosk", "is not an object; using the defaults");
                }
                return config;
            }
        };
        let object = &object;
        let mut reader = Reader {
            object,
            warnings: Vec::new(),
        };
        let defaults = KioskConfig::default();
        config.idle_seconds = reader.seconds("idle_seconds", defaults.idle_seconds);
        config.countdown_seconds = reader.seconds("countdown_seconds", defaults.countdown_seconds);
        config.attract_seconds = reader.seconds("attract_seconds", defaults.attract_seconds);
        config.take_away_seconds = reader.seconds("take_away_seconds", defaults.take_away_seconds);
        config.name = reader.name();
        config.location = reader.location();
        config.nearby_radius_km = reader.radius(defaults.nearby_radius_km);
        config.languages = reader.languages();
        for key in object.keys() {
            if !KNOWN_KEYS.contains(&key.as_str()) {
                reader
                    .warnings
                    .push(format!("kiosk.{key}: unknown setting, ignored"));
            }
        }
        config.warnings = reader.warnings;
        config
    }

    fn warn(&mut self, key: &str, why: &str) {
        self.warnings.push(format!("{key}: {why}"));
    }

    /// Idle period in milliseconds, at least [`MIN_IDLE_SECONDS`].
    pub fn idle_ms(&self) -> u64 {
        u64::from(self.idle_seconds.max(MIN_IDLE_SECONDS)) * 1000
    }

    /// Countdown in milliseconds, at least [`MIN_COUNTDOWN_SECONDS`].
    pub fn countdown_ms(&self) -> u64 {
        u64::from(self.countdown_seconds.max(MIN_COUNTDOWN_SECONDS)) * 1000
    }

    /// Attract-screen slide duration in milliseconds (3 s at least: time to read a name).
    pub fn attract_ms(&self) -> u64 {
        u64::from(self.attract_seconds.max(3)) * 1000
    }

    /// How long the take-away QR stays, at least [`MIN_TAKE_AWAY_SECONDS`].
    pub fn take_away_ms(&self) -> u64 {
        u64::from(self.take_away_seconds.max(MIN_TAKE_AWAY_SECONDS)) * 1000
    }
}

const KNOWN_KEYS: [&str; 8] = [
    "idle_seconds",
    "countdown_seconds",
    "attract_seconds",
    "take_away_seconds",
    "name",
    "location",
    "nearby_radius_km",
    "languages",
];

struct Reader<'a> {
    object: &'a Object,
    warnings: Vec<String>,
}

impl<'a> Reader<'a> {
    fn bad(&mut self, key: &str, value: &RawValue, expected: &str) {
        self.warnings.push(format!(
            "kiosk.{key}: {} is not {expected}; using the default",
            value.get()
        ));
    }

    /// The value of `key` unless missing or `null`.
    fn value(&self, key: &str) -> Option<&'a RawValue> {
        self.object
            .get(key)
            .map(|v| &**v)
            .filter(|v| v.get().trim() != "null")
    }

    /// A whole number of seconds, up to a day (a larger one is surely a typo).
    fn seconds(&mut self, key: &str, default: u32) -> u32 {
        let Some(v) = self.value(key) else {
            return default;
        };
        match serde_json::from_str::<u32>(v.get()).ok().filter(|&s| s <= 86_400) {
            Some(s) => s,
            None => {
                self.bad(key, v, "a whole number of seconds (0 to 86400)");
                default
            }
        }
    }

    fn name(&mut self) -> String {
        let Some(v) = self.value("name") else {
            return String::new();
        };
        match serde_json::from_str::<String>(v.get()) {
            Ok(s) => s.trim().chars().take(MAX_NAME_CHARS).collect(),
            Err(_) => {
                self.bad("name", v, "a text");
                String::new()
            }
        }
    }

    fn location(&mut self) -> Option<Location> {
        let v = self.value("location")?;
        let parsed = serde_json::from_str::<Location>(v.get()).ok().filter(|l| {
            l.lat.is_finite() && l.lon.is_finite() && l.lat.abs() <= 90.0 && l.lon.abs() <= 180.0
        });
        if parsed.is_none() {
            self.bad("location", v, "{\"lat\": degrees, \"lon\": degrees}");
        }
        parsed
    }

    fn radius(&mut self, default: f64) -> f64 {
        let Some(v) = self.value("nearby_radius_km") else {
            return default;
        };
        match serde_json::from_str::<f64>(v.get())
            .ok()
            .filter(|r| *r > 0.0 && *r <= MAX_RADIUS_KM)
        {
            Some(r) => r,
            None => {
                self.bad("nearby_radius_km", v, "a distance in km above 0 and up to 200");
                default
            }
        }
    }

    fn languages(&mut self) -> Vec<Lang> {
        let mut out = Vec::new();
        if let Some(v) = self.value("languages") {
            match serde_json::from_str::<Vec<Box<RawValue>>>(v.get()) {
                Ok(codes) => {
                    for code in &codes {
                        let lang = serde_json::from_str::<String>(code.get())
                            .ok()
                            .and_then(|c| Lang::ALL.into_iter().find(|l| l.code() == c));
                        match lang {
                            Some(lang) if !out.contains(&lang) => out.push(lang),
                            Some(_) => {}
                            None => self.bad("languages", code, "one of \"vi\", \"en\", \"zh\""),
                        }
                    }
                }
                Err(_) => self.bad("languages", v, "a list such as [\"vi\", \"en\", \"zh\"]"),
            }
        }
        for lang in Lang::ALL {
            if !out.contains(&lang) {
                out.push(lang);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_config_is_read_as_written() {
        let config: KioskConfig = serde_json::from_str(
            r#"{
            "idle_seconds": 120, "countdown_seconds": 30, "attract_seconds": 5,
            "take_away_seconds": 45, "name": " Yên Tử ", "location": {"lat": 21.155, "lon": 106.72},
            "nearby_radius_km": 12.5, "languages": ["zh", "en"]
        }"#,
        )
        .unwrap();
        let config = config.resolved();
        assert_eq!(config.warnings, Vec::<String>::new());
        assert_eq!(config.idle_seconds, 120);
        assert_eq!(config.take_away_ms(), 45_000);
        assert_eq!(config.name, "Yên Tử");
        assert_eq!(
            config.location,
            Some(Location {
                lat: 21.155,
                lon: 106.72
            })
        );
        assert_eq!(config.nearby_radius_km, 12.5);
        // Vietnamese, left out, is still offered: last.
        assert_eq!(config.languages, vec![Lang::Zh, Lang::En, Lang::Vi]);
    }

    #[test]
    fn missing_fields_take_their_defaults_without_a_warning() {
        let config: KioskConfig = serde_json::from_str(r#"{"idle_seconds": 120}"#).unwrap();
        // Read only when asked.
        assert_eq!(config.idle_seconds, 90);
        let config = config.resolved();
        assert_eq!(config.idle_seconds, 120);
        assert_eq!(config.countdown_seconds, 20);
        assert_eq!(config.take_away_seconds, 60);
        assert_eq!(config.location, None);
        assert_eq!(config.languages, Lang::ALL.to_vec());
        assert!(config.warnings.is_empty());
        assert_eq!(KioskConfig::from_json("null"), KioskConfig::default());
        assert_eq!(
            KioskConfig::from_json(r#"{"location": null}"#),
            KioskConfig::default()
        );
    }

    #[test]
    fn each_malformed_value_falls_back_alone_with_a_warning() {
        let config = KioskConfig::from_json(
            r#"{
            "idle_seconds": "ninety", "countdown_seconds": -5, "attract_seconds": 4,
            "take_away_seconds": 1e12, "name": 7, "location": {"lat": 321, "lon": 106.7},
            "nearby_radius_km": 0, "languages": ["fr", "en", "en"], "colour": "red"
        }"#,
        );
        let defaults = KioskConfig::default();
        assert_eq!(config.idle_seconds, defaults.idle_seconds);
        assert_eq!(config.countdown_seconds, defaults.countdown_seconds);
        // The one good value is kept.
        assert_eq!(config.attract_seconds, 4);
        assert_eq!(config.take_away_seconds, defaults.take_away_seconds);
        assert_eq!(config.name, "");
        assert_eq!(config.location, None);
        assert_eq!(config.nearby_radius_km, defaults.nearby_radius_km);
        assert_eq!(config.languages, vec![Lang::En, Lang::Vi, Lang::Zh]);
        let keys = [
            "idle_seconds",
            "countdown_seconds",
            "take_away_seconds",
            "name",
            "location",
            "nearby_radius_km",
            "languages",
            "colour",
        ];
        for key in keys {
            assert!(
                config
                    .warnings
                    .iter()
                    .any(|w| w.starts_with(&format!("kiosk.{key}:"))),
                "no warning for {key}: {:?}",
                config.warnings
            );
        }
        assert_eq!(config.warnings.len(), keys.len());
        // The warning quotes what was written.
        assert!(
            config.warnings[0].contains(r#""ninety""#),
            "{:?}",
            config.warnings
        );
    }

    #[test]
    fn a_kiosk_value_that_is_not_an_object_never_breaks_the_config() {
        let app = crate::config::AppConfig::parse(r#"{"kiosk": [1, 2], "fetch_timeout_ms": 5000}"#).unwrap();
        assert_eq!(app.fetch_timeout_ms, 5000);
        let kiosk = app.kiosk.resolved();
        assert_eq!(kiosk.idle_seconds, 90);
        assert_eq!(kiosk.warnings.len(), 1);
        assert_eq!(kiosk.resolved(), kiosk);
    }
}
