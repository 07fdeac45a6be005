//! `cargo xtask csp DIR`: gives the built `DIR/index.html` its Content-Security-Policy and
//! writes the same policy as deployment headers (`DIR/_headers`).
//!
//! Why at build time: the build writes one inline `<script type=module>` that starts the
//! wasm, and its text names this build's code directory. A policy without `'unsafe-inline'`
//! must allow that exact script by its SHA-256, so the hash can only be known after the
//! build. The build pipeline runs this (bundle.rs, `post_build`) before the pages are
//! pre-rendered and the service worker's file list is written, so every page and the
//! precached `index.html` carry the policy.
//!
//! What the policy allows, and why (docs/deployment.md gives the same list for operators):
//! * scripts: this site's files, the bootstrap by hash, and `'wasm-unsafe-eval'` — the
//!   browser needs it to compile WebAssembly; it does not allow `eval` of JavaScript;
//! * styles and fonts: this site's files only (the app sets no inline `style` attributes;
//!   Leaflet styles elements through the CSSOM, which CSP does not restrict);
//! * images: this site, `data:` and any `https:` host, because map tiles come from the tile
//!   server named in `config.json`, which operators change without a rebuild;
//! * connections: this site and any `https:` host, for the same reason (the remote dataset
//!   URL is in `config.json`; the app itself only fetches the origins listed there);
//! * nothing else: no plugins (`object-src 'none'`), `<base>` and forms only to this site.
//!
//! The header version adds what a `<meta>` policy cannot carry: `frame-ancestors 'none'`
//! (no framing, against click-jacking of the kiosk), plus `nosniff` and a referrer policy.
//!
//! While it edits `index.html` it also drops any `integrity` attribute on a
//! `<link rel=preload as=fetch>` (trunk, which built the app until issue 17, wrote one):
//! browsers ignore integrity on fetch preloads and Chromium logs a warning for it.

use base64::Engine as _;
use sha2::{Digest, Sha256};
use std::path::Path;

/// The policy for `index.html`, given the hashes of its inline scripts.
pub fn policy(inline_script_hashes: &[String]) -> String {
    let mut script_src = vec!["'self'".to_string(), "'wasm-unsafe-eval'".to_string()];
    script_src.extend(inline_script_hashes.iter().map(|h| format!("'{h}'")));
    [
        "default-src 'self'".to_string(),
        format!("script-src {}", script_src.join(" ")),
        "style-src 'self'".to_string(),
        "img-src 'self' data: https:".to_string(),
        "font-src 'self'".to_string(),
        "connect-src 'self' https:".to_string(),
        "manifest-src 'self'".to_string(),
        "worker-src 'self'".to_string(),
        "object-src 'none'".to_string(),
        "base-uri 'self'".to_string(),
        "form-action 'self'".to_string(),
    ]
    .join("; ")
}

/// `sha256-…` (base64) of each inline `<script>` (one without `src`) in the page, in order.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else { break };
        let open_tag = &after[..open_end];
        let body_and_more = &after[open_end + 1..];
        let Some(close) = body_and_more.find("</script>") else {
            break;
        };
        if !has_src_attribute(open_tag) {
            let digest = Sha256::digest(&body_and_more.as_bytes()[..close]);
            hashes.push(format!(
                "sha256-{}",
                base64::engine::general_purpose::STANDARD.encode(digest)
            ));
        }
        rest = &body_and_more[close + "</script>".len()..];
    }
    hashes
}

fn has_src_attribute(open_tag: &str) -> bool {
    open_tag
        .split(|c: char| c.is_whitespace())
        .any(|attribute| attribute.starts_with("src=") || attribute == "src")
}

/// Puts the policy into `<head>` right after `<meta charset>`: a `<meta>` policy only
/// governs what comes after it, so it must precede every script and stylesheet.
fn with_meta_policy(html: &str, policy: &str) -> Result<String, String> {
    if html.contains("http-equiv=Content-Security-Policy")
        || html.contains("http-equiv=\"Content-Security-Policy\"")
    {
        return Err("index.html already has a Content-Security-Policy".into());
    }
    let charset = html
        .find("<meta charset")
        .ok_or("index.html has no <meta charset> to put the policy after")?;
    let insert_at = charset + html[charset..].find('>').ok_or("unclosed <meta charset")? + 1;
    Ok(format!(
        "{}<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">{}",
        &html[..insert_at],
        &html[insert_at..]
    ))
}

/// The page without `integrity` on `<link … as=fetch>` preloads, where browsers ignore it
/// (Chromium: "The `integrity` attribute is currently ignored for preload destinations that
/// do not support subresource integrity"), and on the icon link, where HTML does not allow
/// it at all (html-validate's `attribute-misuse`). Other tags are left as they are.
fn without_ignored_preload_integrity(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<link") {
        out.push_str(&rest[..start]);
        let Some(end) = rest[start..].find('>') else {
            break;
        };
        let tag = &rest[start..start + end + 1];
        let attributes: Vec<&str> = tag.split_whitespace().collect();
        let ignored = attributes.iter().any(|a| {
            matches!(
                a.trim_end_matches('>'),
                "as=fetch" | "as=\"fetch\"" | "rel=icon" | "rel=\"icon\""
            )
        });
        if ignored {
            let kept: Vec<&str> = attributes
                .into_iter()
                .filter(|a| !a.starts_with("integrity="))
                .collect();
            let joined = kept.join(" ");
            out.push_str(&joined);
            if !joined.ends_with('>') {
                out.push('>');
            }
        } else {
            out.push_str(tag);
        }
        rest = &rest[start + end + 1..];
    }
    out.push_str(rest);
    out
}

/// The headers a static host should send (Netlify / Cloudflare Pages `_headers` format;
/// docs/deployment.md shows the nginx equivalent).
pub fn headers_file(policy: &str) -> String {
    format!(
        "# Generated by `cargo xtask csp` for this build: the bootstrap script's hash changes\n\
         # with every build, so deploy this file together with index.html.\n\
         /*\n  Content-Security-Policy: {policy}; frame-ancestors 'none'\n  \
         X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n"
    )
}

pub fn write(dir: &str) -> Result<(), String> {
    let dir = Path::new(dir);
    let index = dir.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let hashes = inline_script_hashes(&html);
    let policy = policy(&hashes);
    let html = without_ignored_preload_integrity(&html);
    std::fs::write(&index, with_meta_policy(&html, &policy)?).map_err(|e| e.to_string())?;
    std::fs::write(dir.join("_headers"), headers_file(&policy)).map_err(|e| e.to_string())?;
    println!("csp: {} inline script(s) allowed by hash", hashes.len());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!doctype html><html><meta charset=utf-8><title>x</title>\
        <script defer src=/pwa.js></script><script type=module>import init from '/a.js';\n</script>\
        <script src=\"/b.js\"></script></head><body></body></html>";

    #[test]
    fn hashes_only_inline_scripts_as_browsers_do() {
        // `printf "import init from '/a.js';\n" | openssl dgst -sha256 -binary | base64`
        assert_eq!(
            inline_script_hashes(PAGE),
            ["sha256-qNlLrcJF0QVsR1C3YMHjOeUTAELTQzWlSoMXRD7YwRc="]
        );
    }

    #[test]
    fn the_policy_allows_wasm_and_hashed_scripts_but_never_inline_or_eval() {
        let p = policy(&["sha256-abc".to_string()]);
        assert!(
            p.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc';"),
            "{p}"
        );
        assert!(
            !p.contains("unsafe-inline") && !p.contains("'unsafe-eval'"),
            "{p}"
        );
        assert!(p.contains("object-src 'none'"));
    }

    #[test]
    fn the_meta_policy_comes_before_every_script() {
        let out = with_meta_policy(PAGE, "default-src 'self'").unwrap();
        let meta = out.find("Content-Security-Policy").unwrap();
        assert!(meta < out.find("<script").unwrap());
        assert!(out.starts_with("<!doctype html><html><meta charset=utf-8><meta http-equiv="));
        assert!(with_meta_policy(&out, "x").is_err(), "a second policy is refused");
    }

    #[test]
    fn integrity_is_dropped_only_where_browsers_ignore_it() {
        let page = "<head><link crossorigin href=/a.js integrity=sha384-A rel=modulepreload>\
            <link as=fetch crossorigin href=/a_bg.wasm integrity=sha384-B rel=preload type=application/wasm>\
            <link as=\"fetch\" href=/d.json integrity=\"sha384-C\">\
            <link href=/m.css integrity=sha384-D rel=stylesheet>\
            <link href=/f.svg integrity=sha384-E rel=icon></head>";
        let out = without_ignored_preload_integrity(page);
        assert_eq!(
            out,
            "<head><link crossorigin href=/a.js integrity=sha384-A rel=modulepreload>\
            <link as=fetch crossorigin href=/a_bg.wasm rel=preload type=application/wasm>\
            <link as=\"fetch\" href=/d.json>\
            <link href=/m.css integrity=sha384-D rel=stylesheet>\
            <link href=/f.svg rel=icon></head>"
        );
        assert_eq!(without_ignored_preload_integrity(PAGE), PAGE);
    }

    #[test]
    fn the_headers_add_framing_protection() {
        let h = headers_file("default-src 'self'");
        assert!(h.contains("Content-Security-Policy: default-src 'self'; frame-ancestors 'none'"));
        assert!(h.contains("X-Content-Type-Options: nosniff"));
    }
}
