//! The absolute address the site is deployed at.

use std::fmt;

/// The origin, and optional base path, the site is served from: `https://ocop.quangninh.gov.vn`
/// or `https://example.org/ocop`. Canonical URLs, `og:image` and the sitemap need absolute
/// URLs, and only the deployer knows the host.
///
/// Normalised on parsing: scheme and host lower-cased, trailing slashes removed, so
/// `HTTPS://Example.org/ocop/` and `https://example.org/ocop` are the same site.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SiteUrl {
    /// `scheme://host[:port]`.
    origin: String,
    /// `""` or `/segment[/segment…]`, never ending in `/`.
    base: String,
}

impl SiteUrl {
    /// Parses an absolute `http://` or `https://` URL with a host and no query, fragment,
    /// user name or password. Surrounding whitespace is ignored (config files end in a
    /// newline); whitespace or control characters inside are refused.
    pub fn parse(text: &str) -> Result<SiteUrl, String> {
        let text = text.trim();
        let fail = |why: &str| Err(format!("site URL {text:?}: {why}"));
        if text.is_empty() {
            return Err("site URL is empty: give the absolute address the site is deployed at, e.g. https://ocop.example.org".into());
        }
        if text.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return fail("contains whitespace or control characters");
        }
        let Some((scheme, rest)) = text.split_once("://") else {
            return fail("not an absolute URL; it must start with https:// or http://");
        };
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "https" && scheme != "http" {
            return fail("only http:// and https:// sites are supported");
        }
        if text.contains('?') || text.contains('#') {
            return fail("must not have a query (?…) or fragment (#…)");
        }
        let (authority, path) = match rest.find('/') {
            Some(i) => rest.split_at(i),
            None => (rest, ""),
        };
        if authority.is_empty() {
            return fail("has no host");
        }
        if authority.contains('@') {
            return fail("must not contain a user name or password");
        }
        if !valid_authority(authority) {
            return fail("the host or port is malformed");
        }
        let path = path.trim_end_matches('/');
        if path
            .split('/')
            .skip(1)
            .any(|s| s.is_empty() || s == "." || s == "..")
        {
            return fail("the base path has an empty, `.` or `..` segment");
        }
        Ok(SiteUrl {
            origin: format!("{scheme}://{}", authority.to_ascii_lowercase()),
            base: path.to_string(),
        })
    }

    /// The absolute URL of a path on the site: `url("/p/x/")` →
    /// `https://example.org/ocop/p/x/`. A path without a leading `/` gets one.
    pub fn url(&self, path: &str) -> String {
        let slash = if path.starts_with('/') { "" } else { "/" };
        format!("{}{}{slash}{path}", self.origin, self.base)
    }

    /// `scheme://host[:port]`, without the base path.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The base path the site lives under: `""` at the root, else `/ocop` (no trailing slash).
    pub fn base_path(&self) -> &str {
        &self.base
    }
}

impl fmt::Display for SiteUrl {
    /// `https://example.org/ocop` (no trailing slash).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.origin, self.base)
    }
}

/// `host`, `host:port` or `[ipv6]:port`, with a host made of URL-safe characters.
fn valid_authority(authority: &str) -> bool {
    let (host, port, bracketed) = if let Some(rest) = authority.strip_prefix('[') {
        let Some((ip, after)) = rest.split_once(']') else {
            return false;
        };
        let ip_ok = !ip.is_empty() && ip.chars().all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.');
        match after.strip_prefix(':') {
            Some(port) if ip_ok => (ip, Some(port), true),
            None if ip_ok && after.is_empty() => (ip, None, true),
            _ => return false,
        }
    } else {
        match authority.split_once(':') {
            Some((host, port)) => (host, Some(port), false),
            None => (authority, None, false),
        }
    };
    let port_ok = port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()));
    let host_ok = bracketed
        || (!host.is_empty()
            && host
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '_' | '%')));
    port_ok && host_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_normalises() {
        let site = SiteUrl::parse("https://ocop.quangninh.gov.vn").unwrap();
        assert_eq!(site.to_string(), "https://ocop.quangninh.gov.vn");
        assert_eq!(site.url("/"), "https://ocop.quangninh.gov.vn/");
        assert_eq!(site.url("/p/x/"), "https://ocop.quangninh.gov.vn/p/x/");
        assert_eq!(site.base_path(), "");

        let site = SiteUrl::parse(" HTTPS://Example.ORG/ocop/ \n").unwrap();
        assert_eq!(site.to_string(), "https://example.org/ocop");
        assert_eq!(site.origin(), "https://example.org");
        assert_eq!(site.base_path(), "/ocop");
        assert_eq!(site.url("/en/"), "https://example.org/ocop/en/");
        assert_eq!(site.url("sitemap.xml"), "https://example.org/ocop/sitemap.xml");

        for ok in [
            "http://localhost:8080",
            "http://127.0.0.1:8080/",
            "https://[::1]:8443/a/b",
            "https://example.org//",
        ] {
            assert!(SiteUrl::parse(ok).is_ok(), "{ok}");
        }
        assert_eq!(
            SiteUrl::parse("https://example.org//").unwrap().to_string(),
            "https://example.org"
        );
    }

    #[test]
    fn refuses_what_is_not_a_site_origin_with_a_reason() {
        for (bad, why) in [
            ("", "empty"),
            ("example.org", "absolute"),
            ("/ocop", "absolute"),
            ("ftp://example.org", "http"),
            ("javascript://example.org", "http"),
            ("https://", "no host"),
            ("https:///path", "no host"),
            ("https://example.org/?a=1", "query"),
            ("https://example.org/#top", "fragment"),
            ("https://user:pw@example.org", "password"),
            ("https://exa mple.org", "whitespace"),
            ("https://example.org:80a", "malformed"),
            ("https://example.org:", "malformed"),
            ("https://exa<mple.org", "malformed"),
            ("https://[::1", "malformed"),
            ("https://example.org/a//b", "segment"),
            ("https://example.org/a/../b", "segment"),
        ] {
            let err = SiteUrl::parse(bad).expect_err(bad);
            assert!(err.contains(why), "{bad}: {err}");
        }
    }
}
