//! String work on trunk's built `index.html` for the pre-render step: set the title, drop
//! the template's generic description, add a page's head tags, set `<html lang>`; and the
//! escaping that goes with it.
//!
//! The template is whatever trunk wrote, possibly minified: attributes in any order, quotes
//! optional, `<head>`, `</head>` and `<body>` possibly omitted (HTML allows all three). So
//! this is a small tokenizer that knows what the HTML parser knows for those cases — tag and
//! attribute syntax, comments, and that `<script>`, `<style>`, `<title>`, `<textarea>` and
//! `<noscript>` hold raw text in which `</head>` or `<title>` mean nothing — rather than
//! string searches that would take `<header` for `<head`, or a `>` inside a quoted
//! attribute for the end of a tag.

use crate::text::Lang;
use serde_json::Value;

/// Escapes text content: `&`, `<`, `>`.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes an attribute value (for either quote): `&`, `<`, `>`, `"`, `'`.
pub fn escape_attr(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` written as
/// `\u003c`, `\u003e`, `\u0026` (they can only occur inside JSON strings, where the escapes
/// mean the same), so `</script>` or `<!--` in the data can never end the element.
pub fn json_for_script(value: &Value) -> String {
    let json = value.to_string();
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    out
}

/// `template` with:
///
/// * the content of its first `<title>` replaced by `title` (plain text, escaped here); if
///   it has no `<title>`, one is added with the head tags;
/// * every `<meta name="description">` removed, whatever its attribute order, quoting or case
///   (and its line, when it stood alone on one);
/// * `head_tags` (HTML, inserted as is) added before `</head>`, or where the head ends when
///   `</head>` was omitted: before `<body`, the first element that cannot be in a head
///   (`<header`, `<div`…), or the first text; at the end if there is none.
pub fn with_head(template: &str, title: &str, head_tags: &str) -> String {
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    let mut title_done = false;
    let mut head_end = None;
    let mut body_start = None;
    for token in Tokens::new(template) {
        match token {
            Token::Tag(tag) if !tag.closing && tag.name == "title" && !title_done => {
                // The tokenizer stops raw text at `</title`: the content is up to there.
                let content_end = find_closing(template, tag.end, "title").unwrap_or(template.len());
                edits.push((tag.end, content_end, escape_text(title)));
                title_done = true;
            }
            Token::Tag(tag)
                if !tag.closing
                    && tag.name == "meta"
                    && tag
                        .attr(template, "name")
                        .is_some_and(|v| v.trim().eq_ignore_ascii_case("description")) =>
            {
                let (start, end) = whole_line(template, tag.start, tag.end);
                edits.push((start, end, String::new()));
            }
            Token::Tag(tag) if tag.closing && tag.name == "head" && head_end.is_none() => {
                head_end = Some(tag.start);
            }
            Token::Tag(tag)
                if !tag.closing
                    && body_start.is_none()
                    && (tag.name == "body" || !HEAD_ELEMENTS.contains(&tag.name.as_str())) =>
            {
                body_start = Some(tag.start);
            }
            Token::Text(start) if body_start.is_none() => body_start = Some(start),
            _ => {}
        }
    }
    // `</head>` after the body started (a stray one) does not end the head there.
    let at = match (head_end, body_start) {
        (Some(h), Some(b)) if b < h => b,
        (Some(h), _) => h,
        (None, Some(b)) => b,
        (None, None) => template.len(),
    };
    // A description removed with its whole line takes the line's newline too, and text that
    // starts on that newline would put the insertion inside the removal (where `apply`
    // drops it): insert after the removal instead (found by the property test below).
    let at = edits
        .iter()
        .find(|(start, end, _)| *start < at && at < *end)
        .map_or(at, |(_, end, _)| *end);
    let insert = if title_done {
        head_tags.to_string()
    } else {
        format!("<title>{}</title>\n{head_tags}", escape_text(title))
    };
    edits.push((at, at, insert));
    apply(template, edits)
}

/// A whole document with the optional `<head>`, `</head>` and `<body>` tags written out where
/// they are implied. Trunk's minifier leaves them out, which browsers accept but validators
/// (html-validate's `element-required-content`) and readers of the source do not.
pub fn with_explicit_head_and_body(html: &str) -> String {
    let mut head_open = false;
    let mut head_closed = false;
    let mut body_open = false;
    let mut head_open_at = None;
    let mut body_start = None;
    for token in Tokens::new(html) {
        match token {
            Token::Doctype(end) if head_open_at.is_none() => head_open_at = Some(end),
            Token::Tag(tag) if !tag.closing && tag.name == "html" => head_open_at = Some(tag.end),
            Token::Tag(tag) if !tag.closing && tag.name == "head" => head_open = true,
            Token::Tag(tag) if tag.closing && tag.name == "head" && body_start.is_none() => {
                head_closed = true
            }
            Token::Tag(tag)
                if !tag.closing && (tag.name == "body" || !HEAD_ELEMENTS.contains(&tag.name.as_str())) =>
            {
                body_open = tag.name == "body";
                body_start = Some(tag.start);
                break;
            }
            Token::Text(start) => {
                body_start = Some(start);
                break;
            }
            _ => {}
        }
    }
    let (Some(head_at), Some(body_at)) = (head_open_at, body_start) else {
        return html.to_string();
    };
    let mut edits = Vec::new();
    if !head_open {
        edits.push((head_at, head_at, "<head>".to_string()));
    }
    let mut before_body = String::new();
    if !head_closed {
        before_body.push_str("</head>");
    }
    if !body_open {
        before_body.push_str("<body>");
    }
    edits.push((body_at, body_at, before_body));
    apply(html, edits)
}

/// `html` with `<html lang="…">` set to `lang`'s code: the attribute replaced if there is
/// one, added if not, and an `<html lang>` start tag added (after the doctype) if the
/// document omits it.
pub fn with_lang(html: &str, lang: Lang) -> String {
    let attr = format!("lang=\"{}\"", lang.code());
    let mut doctype_end = 0;
    for token in Tokens::new(html) {
        match token {
            Token::Tag(tag) if !tag.closing && tag.name == "html" => {
                let edit = match tag.attrs.iter().find(|a| a.name == "lang") {
                    Some(a) => (a.start, a.end, attr),
                    None => (tag.name_end, tag.name_end, format!(" {attr}")),
                };
                return apply(html, vec![edit]);
            }
            Token::Doctype(end) => doctype_end = end,
            Token::Comment => {}
            _ => break,
        }
    }
    apply(html, vec![(doctype_end, doctype_end, format!("<html {attr}>"))])
}

/// Elements that may stand in a head; any other start tag begins the body.
const HEAD_ELEMENTS: &[&str] = &[
    "html", "head", "title", "meta", "link", "style", "script", "base", "noscript", "template",
];

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "title", "textarea", "noscript", "xmp", "iframe", "noembed", "noframes",
];

/// Replaces each `(start, end)` span with its text; spans must not overlap.
fn apply(text: &str, mut edits: Vec<(usize, usize, String)>) -> String {
    edits.sort_by_key(|e| (e.0, e.1));
    let mut out = String::with_capacity(text.len() + edits.iter().map(|e| e.2.len()).sum::<usize>());
    let mut pos = 0;
    for (start, end, with) in edits {
        if start < pos {
            continue; // overlaps an earlier edit
        }
        out.push_str(&text[pos..start]);
        out.push_str(&with);
        pos = end;
    }
    out.push_str(&text[pos..]);
    out
}

/// The span of a tag, widened to its whole line when nothing else stands on it.
fn whole_line(text: &str, start: usize, end: usize) -> (usize, usize) {
    let before = &text[..start];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let after = &text[end..];
    let newline = if after.starts_with("\r\n") {
        2
    } else {
        usize::from(after.starts_with('\n'))
    };
    let alone_before = before[line_start..].bytes().all(|b| b == b' ' || b == b'\t');
    if alone_before && newline > 0 && line_start > 0 {
        (line_start, end + newline)
    } else {
        (start, end)
    }
}

/// Where `</name` (any case, followed by whitespace, `/` or `>`) first occurs from `from`.
fn find_closing(text: &str, from: usize, name: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    while let Some(off) = text[i..].find("</") {
        let at = i + off;
        let name_end = at + 2 + name.len();
        if bytes.len() >= name_end
            && bytes[at + 2..name_end].eq_ignore_ascii_case(name.as_bytes())
            && bytes
                .get(name_end)
                .is_none_or(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>')
        {
            return Some(at);
        }
        i = at + 2;
    }
    None
}

struct Attr {
    /// Lower-case name.
    name: String,
    /// The attribute's whole span, name to the end of its value.
    start: usize,
    end: usize,
    /// The value's span without quotes, if it has a value.
    value: Option<(usize, usize)>,
}

struct Tag {
    start: usize,
    /// Just after the tag's `>` (or the end of the text, for an unterminated tag).
    end: usize,
    name_end: usize,
    /// Lower-case name.
    name: String,
    closing: bool,
    attrs: Vec<Attr>,
}

impl Tag {
    /// The value of attribute `name` (lower case), `""` for one without a value.
    fn attr<'t>(&self, text: &'t str, name: &str) -> Option<&'t str> {
        let a = self.attrs.iter().find(|a| a.name == name)?;
        Some(a.value.map_or("", |(s, e)| &text[s..e]))
    }
}

enum Token {
    Tag(Tag),
    /// Text that is not only whitespace, starting here.
    Text(usize),
    Comment,
    /// A `<!doctype …>` ending here.
    Doctype(usize),
}

/// The tags, comments and non-blank text runs of an HTML document, in order; the content
/// of raw-text elements is skipped.
struct Tokens<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Tokens<'a> {
    fn new(text: &'a str) -> Self {
        Tokens { text, pos: 0 }
    }
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let text = self.text;
        let bytes = text.as_bytes();
        loop {
            if self.pos >= bytes.len() {
                return None;
            }
            let start = self.pos;
            if bytes[start] != b'<' {
                let end = text[start..].find('<').map_or(text.len(), |i| start + i);
                self.pos = end;
                if !text[start..end].trim().is_empty() {
                    return Some(Token::Text(start));
                }
                continue;
            }
            let rest = &text[start..];
            if rest.starts_with("<!--") {
                // `<!-->` and `<!--->` end at once, as in browsers.
                self.pos = rest[2..].find("-->").map_or(text.len(), |i| start + 2 + i + 3);
                return Some(Token::Comment);
            }
            let next = bytes.get(start + 1).copied();
            let closing = next == Some(b'/');
            let name_at = start + 1 + usize::from(closing);
            let letter = bytes.get(name_at).is_some_and(u8::is_ascii_alphabetic);
            if !letter {
                if next == Some(b'!') || next == Some(b'?') || closing {
                    // Doctype or a bogus comment: up to the next `>`.
                    let end = rest.find('>').map_or(text.len(), |i| start + i + 1);
                    self.pos = end;
                    let doctype = rest.len() >= 9 && rest.as_bytes()[2..9].eq_ignore_ascii_case(b"doctype");
                    return Some(if doctype {
                        Token::Doctype(end)
                    } else {
                        Token::Comment
                    });
                }
                // A lone `<` is text.
                self.pos = start + 1;
                return Some(Token::Text(start));
            }
            let tag = parse_tag(text, start, name_at, closing);
            self.pos = tag.end;
            if !tag.closing && RAW_TEXT.contains(&tag.name.as_str()) {
                self.pos = find_closing(text, tag.end, &tag.name).unwrap_or(text.len());
            }
            return Some(Token::Tag(tag));
        }
    }
}

fn parse_tag(text: &str, start: usize, name_at: usize, closing: bool) -> Tag {
    let bytes = text.as_bytes();
    let len = bytes.len();
    let stop = |b: u8| b.is_ascii_whitespace() || b == b'/' || b == b'>';
    let mut i = name_at;
    while i < len && !stop(bytes[i]) {
        i += 1;
    }
    let name = text[name_at..i].to_ascii_lowercase();
    let name_end = i;
    let mut attrs = Vec::new();
    loop {
        while i < len && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        if i >= len {
            break;
        }
        if bytes[i] == b'>' {
            i += 1;
            break;
        }
        let attr_start = i;
        i += 1; // the first character may be `=`
        while i < len && !stop(bytes[i]) && bytes[i] != b'=' {
            i += 1;
        }
        let attr_name = text[attr_start..i].to_ascii_lowercase();
        let mut j = i;
        while j < len && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        let mut value = None;
        if j < len && bytes[j] == b'=' {
            j += 1;
            while j < len && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            if j < len && (bytes[j] == b'"' || bytes[j] == b'\'') {
                let quote = bytes[j];
                let value_start = j + 1;
                let value_end = text[value_start..]
                    .find(quote as char)
                    .map_or(len, |k| value_start + k);
                value = Some((value_start, value_end));
                i = (value_end + 1).min(len);
            } else {
                let value_start = j;
                while j < len && !bytes[j].is_ascii_whitespace() && bytes[j] != b'>' {
                    j += 1;
                }
                value = Some((value_start, j));
                i = j;
            }
        }
        attrs.push(Attr {
            name: attr_name,
            start: attr_start,
            end: i,
            value,
        });
    }
    Tag {
        start,
        end: i,
        name_end,
        name,
        closing,
        attrs,
    }
}

#[cfg(test)]
mod tests;
