//! No code path turns text into markup. Leptos escapes text children and attribute values,
//! but `inner_html` hands a string to the HTML parser as it is, and so do `innerHTML`,
//! `outerHTML`, `insertAdjacentHTML` and `document.write` in our plain JavaScript — or in
//! Rust, spelled as a string (`prop:innerHTML`, `Reflect::set(&el, &"innerHTML".into(), …)`).
//! Dataset text is untrusted (a remote file, a shared link), so none of them may appear in
//! code — only in comments that explain why. The QR code, the one place SVG is built, is made
//! of elements too (`src/components/qr_code.rs`).
//!
//! A source scan rather than a lint: clippy cannot see into the `view!` macro's attributes.
//! Comments are removed by the tidy tests' lexer (`common/mod.rs`), which knows string,
//! character, raw-string and (in JavaScript) regular-expression literals, so a `//` inside
//! `"https://…"` hides nothing; literals are kept, so a name spelled inside a string is still
//! code.

mod common;

use common::{files, repo, Lang, Lexer};
use std::path::PathBuf;

const RUST_FORBIDDEN: &[&str] = &[
    "inner_html",
    "outer_html",
    "insert_adjacent_html",
    // The same APIs reached by name: `prop:innerHTML`, `Reflect::set`, `JsValue::from_str`.
    "innerHTML",
    "outerHTML",
    "insertAdjacentHTML",
];
const JS_FORBIDDEN: &[&str] = &["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write"];

/// `file:line: text` for each line of code (comments removed) naming a forbidden API.
fn offenders(paths: &[PathBuf], forbidden: &[&str], lang: Lang) -> Vec<String> {
    let mut found = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(path).unwrap();
        // Literals kept: `"innerHTML"` reaches the API by name.
        let code = Lexer {
            lang,
            keep_literals: true,
        }
        .code_of(&text);
        for (number, (line, code)) in text.lines().zip(code.lines()).enumerate() {
            if forbidden.iter().any(|f| code.contains(f)) {
                found.push(format!("{}:{}: {}", path.display(), number + 1, line.trim()));
            }
        }
    }
    found
}

#[test]
fn no_rust_code_sets_raw_html() {
    let mut paths = Vec::new();
    for dir in ["src", "crates/ocop-core/src"] {
        paths.extend(files(&repo().join(dir), Lang::Rust));
    }
    assert!(
        paths.len() > 20,
        "the scan found the sources ({} files)",
        paths.len()
    );
    assert_eq!(
        offenders(&paths, RUST_FORBIDDEN, Lang::Rust),
        Vec::<String>::new()
    );
}

#[test]
fn no_javascript_sets_raw_html() {
    let paths = files(&repo().join("public"), Lang::JavaScript);
    assert!(
        paths.len() >= 3,
        "the scan found the scripts ({} files)",
        paths.len()
    );
    assert_eq!(
        offenders(&paths, JS_FORBIDDEN, Lang::JavaScript),
        Vec::<String>::new()
    );
}

/// The line numbers `offenders` reports for a file holding `source`.
fn offending_lines(name: &str, source: &str, forbidden: &[&str], lang: Lang) -> Vec<usize> {
    let dir = std::env::temp_dir().join(format!("ocop-raw-html-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, source).unwrap();
    let found = offenders(std::slice::from_ref(&path), forbidden, lang);
    std::fs::remove_dir_all(&dir).unwrap();
    let prefix = format!("{}:", path.display());
    found
        .iter()
        .map(|f| {
            f.strip_prefix(&prefix)
                .unwrap()
                .split_once(':')
                .unwrap()
                .0
                .parse()
                .unwrap()
        })
        .collect()
}

#[test]
fn the_scan_catches_what_it_is_for() {
    let js = "\
// innerHTML in a comment is fine
el.innerHTML = name;
/* so is outerHTML
   in a block comment */
fetch(\"https://x\"); el.innerHTML = name;
var re = /^https?:\\/\\//; el.outerHTML = name;
var u = 'a//b', v = `c//d`; el.insertAdjacentHTML('beforeend', name);
var w = \"/* not a comment\"; document.write(name); // */
var ok = \"https://example.com/a//b\"; // innerHTML would be fine here
";
    assert_eq!(
        offending_lines("bad.js", js, JS_FORBIDDEN, Lang::JavaScript),
        [2, 5, 6, 7, 8]
    );

    let rust = r####"//! `inner_html` and innerHTML in a module doc comment are fine.
/// So is `prop:innerHTML` in a doc comment.
/* A block comment naming innerHTML
   /* nested, naming insertAdjacentHTML */
   still a comment: set_inner_html */
// el.set_inner_html(&name) in an ordinary comment is fine
fn a(name: String) -> impl IntoView { view! { <div prop:innerHTML=name></div> } }
fn b() { Reflect::set(&el, &"innerHTML".into(), &name.into()).unwrap(); }
fn c() { let home = "https://x"; el.set_inner_html(&name); }
fn d() { let s = "/* not a comment"; el.set_outer_html(&s); }
fn e<'a>(q: &'a str) { let c = '"'; el.insert_adjacent_html("beforeend", q).unwrap(); }
fn f() { let r = r#"a "quoted" // string"#; Reflect::set(&el, &JsValue::from_str("outerHTML"), &v); }
fn g() { let b = b'\''; let u = "https://x"; view! { <p inner_html=name></p> } }
fn ok() { let u = "https://example.com/a//b"; let r = r"\"; } // innerHTML would be fine here
"####;
    assert_eq!(
        offending_lines("bad.rs", rust, RUST_FORBIDDEN, Lang::Rust),
        [7, 8, 9, 10, 11, 12, 13]
    );
}
