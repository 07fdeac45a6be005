//! What the source-scanning tidy tests share (`architecture.rs`, `no_raw_html.rs`): where the
//! repository is, its source files, and one small lexer that tells code from comments and
//! literals in Rust and in our plain JavaScript.
//!
//! Each test binary that declares `mod common;` compiles its own copy of this module, and
//! warns of anything in it that binary leaves unused: so everything here is used by each of
//! them (they differ only in the [`Lexer`] they ask for), and what only one test needs
//! stays in that test.

use std::path::{Path, PathBuf};

/// The repository root: xtask's parent.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A language the [`Lexer`] reads. They differ in what opens a literal (a JavaScript `'`
/// opens a string, a Rust one a character or a lifetime; only JavaScript has regular
/// expressions, only Rust raw strings) and in whether block comments nest.
#[derive(Clone, Copy, PartialEq)]
pub enum Lang {
    Rust,
    JavaScript,
}

impl Lang {
    /// The language of a file by its extension (`.rs`, `.js`), if it is one we scan.
    fn of(path: &Path) -> Option<Lang> {
        match path.extension()?.to_str()? {
            "rs" => Some(Lang::Rust),
            "js" => Some(Lang::JavaScript),
            _ => None,
        }
    }
}

/// Every file written in `lang` under `dir`, at any depth.
pub fn files(dir: &Path, lang: Lang) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files(&path, lang));
        } else if Lang::of(&path) == Some(lang) {
            out.push(path);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// The lexer.

/// Whether `c` can be part of a Rust identifier (not `$`: in a macro, `$r"…"` is a `$` and
/// a raw string).
pub fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Whether `c` can be part of a JavaScript identifier, where `$` is a letter too (`$el`).
fn is_js_ident(c: char) -> bool {
    is_ident(c) || c == '$'
}

/// How to read a source file: [`Lexer::code_of`] blanks its comments and, unless told to
/// keep them, the contents of its literals.
#[derive(Clone, Copy)]
pub struct Lexer {
    pub lang: Lang,
    /// Keep the text inside string, character, raw-string and regular-expression literals
    /// (`true`), or blank it as a comment is blanked (`false`). A check for an API that can
    /// be reached by name (`"innerHTML"`) keeps it, as a name spelled in a string is still
    /// code; a check of what the code imports blanks it, as `"crate::app"` imports nothing.
    pub keep_literals: bool,
}

/// One literal in the text: its opening delimiter (`"`, `r#"`, `'`, `/`) ends at
/// `content`, its closing one (`"`, `"#`, `'`, `/g`) runs from `close` to `end`. Blanking
/// takes only the contents, so a brace inside (`"}"`) no longer misleads a caller matching
/// braces, while the delimiters stay to show that a literal was there.
struct Literal {
    content: usize,
    close: usize,
    end: usize,
}

impl Literal {
    /// A literal the file ends inside: everything after its opening delimiter is content.
    fn unterminated(content: usize, end: usize) -> Literal {
        Literal {
            content,
            close: end,
            end,
        }
    }
}

/// What a blanked character becomes: a space, or the line break it was. One character for
/// one, so every line keeps its number and every character its column: problems are
/// reported by line. (A blanked multi-byte character becomes one byte, so callers take byte
/// offsets in the blanked code, never carry them over to the original text.)
fn blank(ch: char) -> char {
    if ch == '\n' {
        '\n'
    } else {
        ' '
    }
}

impl Lexer {
    /// `text` with every comment (`//…`, `///…`, `//!…`, `/* … */`) turned into spaces, and
    /// the contents of every literal too unless [`Lexer::keep_literals`]. A comment is prose:
    /// an import commented out, or an API named to say why it is forbidden, is not code. A
    /// literal is read as a whole, so a comment marker inside one (`"https://…"`, `"/*"`)
    /// starts no comment.
    pub fn code_of(self, text: &str) -> String {
        let c: Vec<char> = text.chars().collect();
        let mut out = String::with_capacity(text.len());
        // The last character of code that is not whitespace (a literal counts as `"`): tells
        // a JavaScript regular expression (`= /x/`) from a division (`a / b`).
        let mut last = None::<char>;
        let mut i = 0;
        while i < c.len() {
            if let Some(end) = self.comment_end(&c, i) {
                out.extend(c[i..end].iter().map(|&ch| blank(ch)));
                i = end;
                continue;
            }
            let ch = c[i];
            let literal = match (self.lang, ch) {
                (_, '"') | (Lang::JavaScript, '\'' | '`') => Some(quoted(&c, i, ch)),
                (Lang::Rust, 'r') if !continues_identifier(&c, i) => raw_string(&c, i),
                (Lang::Rust, '\'') => char_literal(&c, i),
                (Lang::JavaScript, '/') if starts_regex(last, &out) => Some(regex(&c, i)),
                _ => None,
            };
            if let Some(Literal { content, close, end }) = literal {
                out.extend(&c[i..content]);
                if self.keep_literals {
                    out.extend(&c[content..close]);
                } else {
                    out.extend(c[content..close].iter().map(|&ch| blank(ch)));
                }
                out.extend(&c[close..end]);
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

    /// The end of the comment starting at `i`, if one does: a line comment runs up to its
    /// line break (which stays); a block comment up to its `*/`, or to the end of the file.
    fn comment_end(self, c: &[char], i: usize) -> Option<usize> {
        let at = |i: usize| c.get(i).copied();
        if c[i] != '/' {
            return None;
        }
        match at(i + 1) {
            Some('/') => Some(
                c[i..]
                    .iter()
                    .position(|&ch| ch == '\n')
                    .map_or(c.len(), |n| i + n),
            ),
            Some('*') => {
                // In Rust block comments nest: `/* a /* b */ still a comment */`. In
                // JavaScript they do not: the first `*/` ends the comment, whatever `/*`
                // came before it.
                let mut depth = 0;
                let mut i = i;
                while i < c.len() {
                    if c[i] == '/' && at(i + 1) == Some('*') && (depth == 0 || self.lang == Lang::Rust) {
                        depth += 1;
                        i += 2;
                    } else if c[i] == '*' && at(i + 1) == Some('/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
                Some(i)
            }
            _ => None,
        }
    }
}

/// Whether the Rust `r` at `i` continues an identifier (`for`, `var`) rather than starting a
/// raw string (`r"…"`, and `br"…"`, `cr"…"` after their prefix).
fn continues_identifier(c: &[char], i: usize) -> bool {
    let Some(&before) = i.checked_sub(1).and_then(|p| c.get(p)) else {
        return false;
    };
    let string_prefix = matches!(before, 'b' | 'c') && (i < 2 || !is_ident(c[i - 2]));
    is_ident(before) && !string_prefix
}

/// The string opened by `quote` at `start` (`"` in both languages, `'` and `` ` `` in
/// JavaScript), up to the same quote unescaped: a `\"` inside does not close it.
fn quoted(c: &[char], start: usize, quote: char) -> Literal {
    let mut i = start + 1;
    while i < c.len() {
        match c[i] {
            '\\' => i += 2,
            q if q == quote => {
                return Literal {
                    content: start + 1,
                    close: i,
                    end: i + 1,
                }
            }
            _ => i += 1,
        }
    }
    Literal::unterminated(start + 1, c.len())
}

/// The raw string `r#"…"#` at `start`, or None when this `r` starts an identifier (`r#type`,
/// `return`). It has no escapes: only a `"` followed by as many `#` as opened it closes it,
/// so `r#"a "quoted" // string"#` is one literal.
fn raw_string(c: &[char], start: usize) -> Option<Literal> {
    let hashes = c[start + 1..].iter().take_while(|&&h| h == '#').count();
    if c.get(start + 1 + hashes) != Some(&'"') {
        return None;
    }
    let content = start + 2 + hashes;
    for i in content..c.len() {
        if c[i] == '"' && c[i + 1..].iter().take(hashes).filter(|&&h| h == '#').count() == hashes {
            return Some(Literal {
                content,
                close: i,
                end: i + 1 + hashes,
            });
        }
    }
    Some(Literal::unterminated(content, c.len()))
}

/// The character literal (`'"'`, `'\''`, `'\u{48}'`) at `start`, or None for a lifetime or a
/// label (`'a`, `'static`), whose `'` is never closed: read as a string opener, it would
/// swallow the code up to the next `'`; and `'"'` read as code would open a string.
fn char_literal(c: &[char], start: usize) -> Option<Literal> {
    let end = match c.get(start + 1) {
        Some('\\') => {
            // The escaped character, then up to `u{10FFFF}`, then the closing quote.
            let close = c.get(start + 3..)?.iter().take(10).position(|&q| q == '\'')?;
            start + 3 + close + 1
        }
        Some(_) if c.get(start + 2) == Some(&'\'') => start + 3,
        _ => return None,
    };
    Some(Literal {
        content: start + 1,
        close: end - 1,
        end,
    })
}

/// Whether a JavaScript `/` after `last` (the last character of code) and `code` (everything
/// before it) starts a regular expression (`= /x/`, `return /x/`) rather than dividing
/// (`a / b`, `f() / 2`): after an operator, an opening bracket or one of these keywords, a
/// value is expected, and a `/` there can only open a regular expression.
fn starts_regex(last: Option<char>, code: &str) -> bool {
    let code = code.trim_end();
    let word = &code[code.trim_end_matches(is_js_ident).len()..];
    last.is_none_or(|l| "(,=:[!&|?{};+-*%<>~^".contains(l))
        || [
            "return", "typeof", "in", "of", "else", "do", "yield", "await", "case", "throw", "void",
        ]
        .contains(&word)
}

/// The JavaScript regular expression at `start` (`/^https?:\/\//g`), up to its unescaped
/// closing `/` and its flags. A `/` inside a class (`[/]`) does not close it; one left
/// unclosed ends with its line.
fn regex(c: &[char], start: usize) -> Literal {
    let mut i = start + 1;
    let mut class = false;
    while i < c.len() && c[i] != '\n' {
        match c[i] {
            '\\' => i += 1,
            '[' => class = true,
            ']' => class = false,
            '/' if !class => {
                let close = i;
                i += 1;
                while i < c.len() && c[i].is_alphabetic() {
                    i += 1;
                }
                return Literal {
                    content: start + 1,
                    close,
                    end: i,
                };
            }
            _ => {}
        }
        i += 1;
    }
    Literal::unterminated(start + 1, i.min(c.len()))
}
