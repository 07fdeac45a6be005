//! Languages and localised text.
//!
//! Content is written in Vietnamese first; English and Chinese are added only where they
//! can be written accurately, so every lookup falls back to Vietnamese.

use serde::{Deserialize, Serialize};

/// The interface languages, in the order the language switcher shows them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Vi,
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Vi, Lang::En, Lang::Zh];

    /// The BCP 47 tag used in `<html lang>` and in the `lang` query parameter.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The plural form of a whole-number count in this language (CLDR cardinal rules, for
    /// integers): English says "1 product" and "0 / 2 products"; Vietnamese and Chinese have
    /// one form for every number ("1 sản phẩm", "2 sản phẩm"; "1 个产品", "2 个产品").
    ///
    /// Messages with a count keep both forms in `locales/*.json` (`{"one": …, "other": …}`,
    /// the same text twice in Vietnamese and Chinese) and the app picks one with this rule.
    /// Written here rather than taken from ICU4X (leptos_i18n's `plurals` feature): three
    /// languages' integer rules are two lines, the ICU engine and its locale data are not.
    pub fn plural(self, count: u64) -> Plural {
        match self {
            Lang::En if count == 1 => Plural::One,
            Lang::En | Lang::Vi | Lang::Zh => Plural::Other,
        }
    }

    /// Parses `vi`, `en`, `zh` and longer tags such as `en-GB` or `zh-Hans-CN`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        match primary.as_str() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// Where this language's pages live: Vietnamese, the content's own language, at the root;
    /// English under `/en`, Chinese under `/zh`. One URL per language is what lets a crawler
    /// or a link preview tell the versions apart (a `?lang=` query could not).
    pub fn path_prefix(self) -> &'static str {
        match self {
            Lang::Vi => "",
            Lang::En => "/en",
            Lang::Zh => "/zh",
        }
    }

    /// The language of an app path and the path inside it: `/en/p/x` → (En, `/p/x`),
    /// `/zh` → (Zh, `/`), `/p/x` → (Vi, `/p/x`). `/english` is not English.
    pub fn split_path(path: &str) -> (Lang, &str) {
        for lang in [Lang::En, Lang::Zh] {
            if let Some(rest) = path.strip_prefix(lang.path_prefix()) {
                if rest.is_empty() {
                    return (lang, "/");
                }
                if rest.starts_with(['/', '?', '#']) {
                    return (lang, if rest.starts_with('/') { rest } else { "/" });
                }
            }
        }
        (Lang::Vi, path)
    }

    /// An app path (`/p/x`, `/`, `/list?by=kind`) in this language: `/en/p/x`, `/en/`,
    /// `/en/list?by=kind`. A path already in some language is moved to this one.
    pub fn localize(self, path: &str) -> String {
        let (_, inner) = Lang::split_path(path);
        match (self, inner) {
            (Lang::Vi, _) => inner.to_string(),
            (_, "/") => format!("{}/", self.path_prefix()),
            _ => format!("{}{inner}", self.path_prefix()),
        }
    }
}

/// A CLDR plural category; the app's languages use only these two for whole numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    One,
    Other,
}

/// A string in Vietnamese with optional English and Chinese versions.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LocalText {
    pub vi: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zh: Option<String>,
}

impl LocalText {
    pub fn vi(text: impl Into<String>) -> Self {
        LocalText {
            vi: text.into(),
            en: None,
            zh: None,
        }
    }

    /// The text in `lang`, or the Vietnamese original when there is no translation.
    pub fn get(&self, lang: Lang) -> &str {
        let translated = match lang {
            Lang::Vi => None,
            Lang::En => self.en.as_deref(),
            Lang::Zh => self.zh.as_deref(),
        };
        translated.filter(|t| !t.trim().is_empty()).unwrap_or(&self.vi)
    }

    /// Whether `get(lang)` is a real translation rather than the Vietnamese fallback.
    pub fn has(&self, lang: Lang) -> bool {
        self.get(lang) != self.vi || lang == Lang::Vi
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn paths_carry_their_language() {
        use super::Lang;
        assert_eq!(Lang::split_path("/en/p/x"), (Lang::En, "/p/x"));
        assert_eq!(Lang::split_path("/zh"), (Lang::Zh, "/"));
        assert_eq!(Lang::split_path("/zh/"), (Lang::Zh, "/"));
        assert_eq!(Lang::split_path("/p/x"), (Lang::Vi, "/p/x"));
        assert_eq!(Lang::split_path("/english"), (Lang::Vi, "/english"));
        assert_eq!(Lang::En.localize("/"), "/en/");
        assert_eq!(Lang::En.localize("/list?by=kind"), "/en/list?by=kind");
        assert_eq!(Lang::Zh.localize("/en/p/x"), "/zh/p/x");
        assert_eq!(Lang::Vi.localize("/en/p/x"), "/p/x");
        assert_eq!(Lang::Vi.localize("/zh/"), "/");
        for lang in Lang::ALL {
            for path in ["/", "/p/a", "/routes/", "/list?x=1"] {
                assert_eq!(Lang::split_path(&lang.localize(path)), (lang, path));
            }
        }
    }

    use super::*;

    #[test]
    fn plural_forms_follow_each_languages_rule() {
        assert_eq!(Lang::En.plural(1), Plural::One);
        for n in [0, 2, 11, 21, 101, 1_000_001] {
            assert_eq!(Lang::En.plural(n), Plural::Other, "{n}");
        }
        // One form for every number.
        for n in [0, 1, 2, 21] {
            assert_eq!(Lang::Vi.plural(n), Plural::Other, "{n}");
            assert_eq!(Lang::Zh.plural(n), Plural::Other, "{n}");
        }
    }

    #[test]
    fn falls_back_to_vietnamese() {
        let t = LocalText {
            vi: "Chả mực".into(),
            en: Some("Squid cake".into()),
            zh: None,
        };
        assert_eq!(t.get(Lang::En), "Squid cake");
        assert_eq!(t.get(Lang::Zh), "Chả mực");
        assert!(t.has(Lang::En));
        assert!(!t.has(Lang::Zh));
    }

    #[test]
    fn blank_translation_counts_as_missing() {
        let t = LocalText {
            vi: "Trà".into(),
            en: Some("  ".into()),
            zh: None,
        };
        assert_eq!(t.get(Lang::En), "Trà");
    }

    #[test]
    fn parses_language_tags() {
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("zh-Hans-CN"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("VI"), Some(Lang::Vi));
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::from_tag(""), None);
    }
}
