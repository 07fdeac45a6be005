//! No code path turns text into markup. Leptos escapes text children and attribute values,
//! but `inner_html` hands a string to the HTML parser as it is, and so do `innerHTML`,
//! `outerHTML`, `insertAdjacentHTML` and `document.write` in our plain JavaScript — or in
//! Rust, spelled as a string (`prop:innerHTML`, `Reflect::set(&el, &"innerHTML".into(), …)`).
//! Dataset text is untrusted (a remote file, a shared link), so none of them may appear in
//! code — only in comments that explain why. The QR code, the one place SVG is built, is made
//! of elements too (`src/components/qr_code.rs`).
//!
//! A source scan rather than a lint: clippy cannot see into the `view!` macro's attributes.
//! Comments are removed by a small lexer that knows string, character, raw-string and (in
//! JavaScript) regular-expression literals, so a `//` inside `"https://…"` hides nothing and
//! a name spelled inside a string is still code.

use std::path::{Path, PathBuf};

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

#[derive(Clone, Copy, PartialEq)]
enum Lang {
    Rust,
    JavaScript,
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn files(dir: &Path, extension: &str, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, extension, out);
        } else if path.extension().is_some_and(|e| e == extension) {
            out.push(path);
        }
    }
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$'
}

/// `text` with every comment (`//…`, `///…`, `//!…`, `/* … */`, nested in Rust) turned into
/// spaces. Newlines stay, so line numbers stay; string, character, raw-string and regular-
/// expression literals are kept as they are, and a comment marker inside one is not a comment.
fn strip_comments(text: &str, lang: Lang) -> String {
    let c: Vec<char> = text.chars().collect();
    let at = |i: usize| c.get(i).copied();
    let blank = |ch: char| if ch == '\n' { '\n' } else { ' ' };
    let mut out = String::with_capacity(text.len());
    // The last character of code that is not whitespace: tells a JavaScript regular
    // expression (`= /x/`) from a division (`a / b`).
    let mut last = None::<char>;
    let mut i = 0;
    while i < c.len() {
        let ch = c[i];
        if ch == '/' && at(i + 1) == Some('/') {
            while i < c.len() && c[i] != '\n' {
                out.push(' ');
                i += 1;
            }
            continue;
        }
        if ch == '/' && at(i + 1) == Some('*') {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && at(i + 1) == Some('*') && (depth == 0 || lang == Lang::Rust) {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if c[i] == '*' && at(i + 1) == Some('/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(c[i]));
                    i += 1;
                }
            }
            continue;
        }
        // A string, character or regular-expression literal is copied as it is, up to its end.
        let literal_end = match (lang, ch) {
            (_, '"') | (Lang::JavaScript, '\'' | '`') => Some(quoted_end(&c, i, ch)),
            (Lang::Rust, 'r') if !continues_identifier(&c, i) => raw_string_end(&c, i),
            (Lang::Rust, '\'') => char_literal_end(&c, i),
            (Lang::JavaScript, '/') if starts_regex(last, &out) => Some(regex_end(&c, i)),
            _ => None,
        };
        if let Some(end) = literal_end {
            out.extend(&c[i..end]);
            last = Some('"');
            i = end;
            continue;
        }
        out.push(ch);
        if !ch.is_whitespace() {
            last = Some(ch);
        }
        i += 1;
    }
    out
}

/// Whether the `r` at `i` continues an identifier (`for`, `var`) rather than starting a raw
/// string (`r"…"`, `br"…"`, `cr"…"`).
fn continues_identifier(c: &[char], i: usize) -> bool {
    let Some(&before) = i.checked_sub(1).and_then(|p| c.get(p)) else {
        return false;
    };
    let string_prefix = matches!(before, 'b' | 'c') && (i < 2 || !is_ident(c[i - 2]));
    is_ident(before) && !string_prefix
}

/// Whether a JavaScript `/` after `last` (the last character of code) and `code` (everything
/// before it) starts a regular expression (`= /x/`, `return /x/`) rather than dividing.
fn starts_regex(last: Option<char>, code: &str) -> bool {
    let code = code.trim_end();
    let word = &code[code.trim_end_matches(is_ident).len()..];
    last.is_none_or(|l| "(,=:[!&|?{};+-*%<>~^".contains(l))
        || [
            "return", "typeof", "in", "of", "else", "do", "yield", "await", "case", "throw", "void",
        ]
        .contains(&word)
}

/// The end of a string opened by `quote` at `start`, backslash escapes skipped.
fn quoted_end(c: &[char], start: usize, quote: char) -> usize {
    let mut i = start + 1;
    while i < c.len() {
        match c[i] {
            '\\' => i += 2,
            q if q == quote => return i + 1,
            _ => i += 1,
        }
    }
    c.len()
}

/// The end of a raw string `r#"…"#` starting at `start`, or None when this `r` starts an
/// identifier (`r#type`, `return`).
fn raw_string_end(c: &[char], start: usize) -> Option<usize> {
    let hashes = c[start + 1..].iter().take_while(|&&h| h == '#').count();
    if c.get(start + 1 + hashes) != Some(&'"') {
        return None;
    }
    let mut i = start + 2 + hashes;
    while i < c.len() {
        if c[i] == '"' && c[i + 1..].iter().take(hashes).filter(|&&h| h == '#').count() == hashes {
            return Some(i + 1 + hashes);
        }
        i += 1;
    }
    Some(c.len())
}

/// The end of a character literal (`'"'`, `'\''`, `'\u{48}'`) at `start`, or None for a
/// lifetime or a label (`'a`, `'static`).
fn char_literal_end(c: &[char], start: usize) -> Option<usize> {
    match c.get(start + 1) {
        Some('\\') => {
            // The escaped character, then up to `u{10FFFF}`, then the closing quote.
            let close = c.get(start + 3..)?.iter().take(10).position(|&q| q == '\'')?;
            Some(start + 3 + close + 1)
        }
        Some(_) if c.get(start + 2) == Some(&'\'') => Some(start + 3),
        _ => None,
    }
}

/// The end of a JavaScript regular expression literal at `start` (`/^https?:\/\//g`).
fn regex_end(c: &[char], start: usize) -> usize {
    let mut i = start + 1;
    let mut class = false;
    while i < c.len() && c[i] != '\n' {
        match c[i] {
            '\\' => i += 1,
            '[' => class = true,
            ']' => class = false,
            '/' if !class => {
                i += 1;
                while i < c.len() && c[i].is_alphabetic() {
                    i += 1;
                }
                return i;
            }
            _ => {}
        }
        i += 1;
    }
    i
}

/// `file:line: text` for each line of code (comments removed) naming a forbidden API.
fn offenders(paths: &[PathBuf], forbidden: &[&str], lang: Lang) -> Vec<String> {
    let mut found = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(path).unwrap();
        let code = strip_comments(&text, lang);
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
        files(&repo().join(dir), "rs", &mut paths);
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
    let mut paths = Vec::new();
    files(&repo().join("public"), "js", &mut paths);
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
