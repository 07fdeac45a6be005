//! Which URLs taken from data may be shown as links or fetched.
//!
//! Data comes from files we may not control (a remote dataset, a shared link), and Leptos
//! does not filter `javascript:` URLs in `href`, so every data-derived URL passes this
//! allowlist. Hand-written rather than the `url` crate on purpose: we only need the scheme
//! and origin, and `url` pulls IDNA tables that would add tens of KB to the wasm bundle.

/// True for an absolute `http://` or `https://` URL with a host and no whitespace or
/// control characters (which browsers strip, letting `java\tscript:` slip through filters).
pub fn is_safe_http_url(url: &str) -> bool {
    if url.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return false;
    }
    match split_scheme(url) {
        Some((scheme, rest)) if scheme == "http" || scheme == "https" => {
            rest.starts_with("//") && !rest.starts_with("///") && !host_of(rest).is_empty()
        }
        _ => false,
    }
}

/// The origin (`scheme://host[:port]`, lower-cased) of an absolute http(s) URL.
pub fn origin(url: &str) -> Option<String> {
    if !is_safe_http_url(url) {
        return None;
    }
    let (scheme, rest) = split_scheme(url)?;
    Some(format!("{scheme}://{}", host_of(rest).to_ascii_lowercase()))
}

/// Whether `url` is relative to the page (`data/x.json`, `/data/x.json`), as opposed to
/// absolute (`https://…`) or protocol-relative (`//host/…`, which would leave the site).
pub fn is_same_origin_path(url: &str) -> bool {
    !url.is_empty()
        && !url.starts_with("//")
        && !url.starts_with("\\")
        && split_scheme(url).is_none()
        && !url.chars().any(|c| c.is_control() || c.is_whitespace())
}

fn split_scheme(url: &str) -> Option<(String, &str)> {
    let colon = url.find(':')?;
    let scheme = &url[..colon];
    let valid = !scheme.is_empty()
        && scheme.chars().next()?.is_ascii_alphabetic()
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| (scheme.to_ascii_lowercase(), &url[colon + 1..]))
}

/// `//user@host:port/path` → `host:port`.
fn host_of(after_scheme: &str) -> &str {
    let authority = after_scheme
        .trim_start_matches('/')
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("");
    authority.rsplit('@').next().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_plain_web_urls() {
        assert!(is_safe_http_url("https://thuonghieuquangninh.gov.vn/?p=3978"));
        assert!(is_safe_http_url("http://teqni.gov.vn"));
        assert!(is_safe_http_url("HTTPS://Example.org/a"));
    }

    #[test]
    fn rejects_script_and_odd_schemes() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            " https://example.org",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "//evil.example/x",
            "https:/nohost",
            "https://",
            "ftp://example.org/x",
            "",
        ] {
            assert!(!is_safe_http_url(bad), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn extracts_origins() {
        assert_eq!(
            origin("https://Data.Example.org:8443/ocop.json?x=1").as_deref(),
            Some("https://data.example.org:8443")
        );
        assert_eq!(origin("javascript:alert(1)"), None);
    }

    #[test]
    fn tells_relative_paths_from_absolute_urls() {
        assert!(is_same_origin_path("data/ocop-quang-ninh.json"));
        assert!(is_same_origin_path("/data/x.json"));
        assert!(!is_same_origin_path("//evil.example/x.json"));
        assert!(!is_same_origin_path("https://example.org/x.json"));
        assert!(!is_same_origin_path("javascript:alert(1)"));
        assert!(!is_same_origin_path(""));
    }
}
