//! Reading a dataset file as it arrives: [`DatasetReader`].
//!
//! The browser hands the reader a download chunk by chunk; natively the whole text is one
//! chunk. The reader walks the file's top level itself — the object, its keys, and the five
//! collection lists — and checks each record as soon as its last byte is in, so that the
//! file is never whole in memory: at 50,000 products its 37 MB of text was the largest
//! single thing in wasm memory, and wasm memory never shrinks (docs/performance.md,
//! "Memory"). Everything inside a record or a top-level value is read by serde_json, which
//! checks its syntax; the walk only finds where each value ends (strings, brackets, and the
//! delimiter after a number or a literal) and checks the punctuation between them.
//!
//! Written here rather than taken from a crate: serde_json reads from a slice or a blocking
//! `Read`, and a download arrives in chunks between which the page must run; a push parser
//! that yields whole records is the one piece missing, and it is small.

use super::*;
use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};

/// Reads one dataset file given in pieces; see the module docs. [`parse_and_validate_paced`]
/// is this reader fed the whole text at once.
pub struct DatasetReader {
    limits: Limits,
    /// The file's size when known in advance (for progress), else 0.
    expected_bytes: usize,
    received: usize,
    /// Bytes received and not yet consumed: the start of an unfinished token or record.
    pending: Vec<u8>,
    /// Where the unconsumed input starts in the file.
    at: Position,
    state: State,
    /// How far the value at the start of the unconsumed input has been scanned.
    scan: ValueScan,
    /// The last `schema_version`, `meta` and `travel` in the file, as their JSON text.
    version: Option<String>,
    meta: Option<String>,
    travel: Option<String>,
    products: Collection<Product>,
    producers: Collection<Producer>,
    spots: Collection<Spot>,
    sales_points: Collection<SalesPoint>,
    routes: Collection<Route>,
    /// The top level is not an object: everything is kept and classified at the end.
    whole: Vec<u8>,
    failed: Option<LoadError>,
}

/// A place in the file, for "not JSON at line L, column C" (columns count bytes, as
/// serde_json's do).
#[derive(Clone, Copy)]
struct Position {
    offset: usize,
    line: usize,
    line_start: usize,
}

impl Position {
    /// The position `len` bytes of `input` further on (`input` starts here).
    fn advanced(self, input: &[u8], len: usize) -> Position {
        let passed = &input[..len];
        match passed.iter().rposition(|&b| b == b'\n') {
            None => Position {
                offset: self.offset + len,
                ..self
            },
            Some(last) => Position {
                offset: self.offset + len,
                line: self.line + passed.iter().filter(|&&b| b == b'\n').count(),
                line_start: self.offset + last + 1,
            },
        }
    }

    fn column(self) -> usize {
        self.offset - self.line_start + 1
    }

    fn not_json(self, message: impl Into<String>) -> LoadError {
        LoadError::NotJson {
            line: self.line,
            column: self.column(),
            message: message.into(),
        }
    }

    /// A syntax error serde_json found in a value that starts here.
    fn not_json_inside(self, e: &serde_json::Error) -> LoadError {
        let (line, column) = if e.line() <= 1 {
            (self.line, self.column() + e.column().saturating_sub(1))
        } else {
            (self.line + e.line() - 1, e.column())
        };
        LoadError::NotJson {
            line,
            column,
            message: e.to_string(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum State {
    /// Before the opening `{`.
    Start,
    /// After `{` (`first`) or a `,`: a key, or `}` when first.
    Key { first: bool },
    /// After a key: `:`.
    Colon(Member),
    /// After `:`: the member's value.
    Value(Member),
    /// In a collection's list, after `[` (`first`) or a `,`: a record, or `]` when first.
    Record { list: usize, first: bool },
    /// After a record: `,` or `]`.
    AfterRecord { list: usize },
    /// After a member's value: `,` or `}`.
    AfterMember,
    /// After the closing `}`: only whitespace.
    End,
    /// The top level is not an object.
    Whole,
}

/// What a top-level key holds.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Member {
    Version,
    Meta,
    Travel,
    /// One of [`COLLECTIONS`], by its index.
    List(usize),
    Other,
}

impl Member {
    fn of(key: &str) -> Member {
        match key {
            "schema_version" => Member::Version,
            "meta" => Member::Meta,
            "travel" => Member::Travel,
            _ => COLLECTIONS
                .iter()
                .position(|c| *c == key)
                .map_or(Member::Other, Member::List),
        }
    }
}

/// Finds where one JSON value ends, over as many chunks as it takes: strings (with
/// escapes), bracket depth, and the delimiter that ends a number or a literal. Whether the
/// value is well-formed is serde_json's to say, once it is whole.
#[derive(Default)]
struct ValueScan {
    /// Bytes of the value scanned so far.
    len: usize,
    depth: usize,
    in_string: bool,
    escaped: bool,
    /// A number or a literal: ends before the next delimiter.
    scalar: bool,
}

impl ValueScan {
    /// Goes on over `input`, which starts at the value: its length once it is whole.
    fn resume(&mut self, input: &[u8]) -> Option<usize> {
        while self.len < input.len() {
            let b = input[self.len];
            self.len += 1;
            if self.in_string {
                if self.escaped {
                    self.escaped = false;
                } else if b == b'\\' {
                    self.escaped = true;
                } else if b == b'"' {
                    self.in_string = false;
                    if self.depth == 0 {
                        return Some(self.len);
                    }
                }
            } else if self.scalar {
                if is_delimiter(b) {
                    self.len -= 1;
                    return Some(self.len);
                }
            } else {
                match b {
                    b'"' => self.in_string = true,
                    b'{' | b'[' => self.depth += 1,
                    // A closing bracket of the wrong kind still ends the value: serde_json
                    // then reports it.
                    b'}' | b']' => {
                        self.depth = self.depth.saturating_sub(1);
                        if self.depth == 0 {
                            return Some(self.len);
                        }
                    }
                    _ if self.depth == 0 => self.scalar = true,
                    _ => {}
                }
            }
        }
        None
    }
}

fn is_whitespace(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

fn is_delimiter(b: u8) -> bool {
    is_whitespace(b) || matches!(b, b',' | b']' | b'}' | b':' | b'[' | b'{' | b'"')
}

/// One collection's records as they are checked.
struct Collection<T, S = RandomState> {
    /// Its own problems, so that the issues keep the order of [`COLLECTIONS`] whatever the
    /// file's order, and a repeated key replaces them as it replaces the records.
    v: Validator,
    /// The ids kept so far, as each one's hash and the record's place in `kept`: a set of
    /// the ids themselves would copy every id (at 50,000 products, megabytes of wasm
    /// memory at the moment the file's reading peaks). Two different ids with one hash
    /// (never seen, but possible) fall back to comparing with every kept record.
    seen: HashMap<u64, u32>,
    hasher: S,
    kept: Vec<T>,
    /// Records in the file's list, kept or not.
    count: usize,
    /// The key is there but does not hold a list.
    not_a_list: bool,
}

impl<T> Collection<T> {
    fn new(limits: Limits) -> Self {
        Collection::with_hasher(limits, RandomState::new())
    }
}

impl<T, S> Collection<T, S> {
    fn with_hasher(limits: Limits, hasher: S) -> Self {
        Collection {
            v: Validator {
                limits,
                issues: Vec::new(),
            },
            seen: HashMap::new(),
            hasher,
            kept: Vec::new(),
            count: 0,
            not_a_list: false,
        }
    }
}

impl<T: DeserializeOwned + HasId, S: BuildHasher> Collection<T, S> {
    /// Checks record `index` of the list named `name`, keeping it if it passes.
    fn check(&mut self, name: &str, text: &str, check: impl Fn(&mut Validator, &mut T, &str) -> Verdict) {
        let index = self.count;
        self.count += 1;
        if self.count > self.v.limits.max_records {
            // Refused as a whole at the end (`LoadError::TooManyRecords`).
            return;
        }
        let path = format!("$.{name}[{index}]");
        let v = &mut self.v;
        let item: Value = match serde_json::from_str(text) {
            Ok(item) => item,
            Err(e) => {
                let message = e.to_string();
                v.report(path, Problem::Malformed { message }, Action::DroppedRecord);
                return;
            }
        };
        if let Some((at, problem)) = v.oversized(&item, &path) {
            v.report(at, problem, Action::DroppedRecord);
            return;
        }
        let mut record: T = match typed(item) {
            Ok(record) => record,
            Err((inner, message)) => {
                v.report(
                    join_path(&path, &inner),
                    Problem::Malformed { message },
                    Action::DroppedRecord,
                );
                return;
            }
        };
        let id = record.id().to_string();
        if !is_valid_id(&id) {
            v.report(format!("{path}.id"), Problem::BadId { id }, Action::DroppedRecord);
            return;
        }
        if let Err((at, problem)) = check(v, &mut record, &path) {
            v.report(at, problem, Action::DroppedRecord);
            return;
        }
        let hash = self.hasher.hash_one(&id);
        let duplicate = match self.seen.get(&hash) {
            None => false,
            Some(&at) if self.kept[at as usize].id() == id => true,
            Some(_) => self.kept.iter().any(|r| r.id() == id),
        };
        if duplicate {
            v.report(
                format!("{path}.id"),
                Problem::DuplicateId { id },
                Action::DroppedRecord,
            );
            return;
        }
        let at = u32::try_from(self.kept.len()).expect("more than u32::MAX records");
        self.seen.entry(hash).or_insert(at);
        self.kept.push(record);
    }

    /// The records, or a fatal error if the list was over the limit; its problems go to `v`.
    fn finish(self, name: &str, v: &mut Validator) -> Result<Vec<T>, LoadError> {
        if self.count > v.limits.max_records {
            return Err(LoadError::TooManyRecords {
                collection: name.to_string(),
                count: self.count,
                limit: v.limits.max_records,
            });
        }
        if self.not_a_list {
            v.report(format!("$.{name}"), Problem::NotAList, Action::DroppedRecord);
        }
        v.issues.extend(self.v.issues);
        Ok(self.kept)
    }
}

impl DatasetReader {
    /// A reader for a file of `expected_bytes` (0 when unknown; only for progress).
    pub fn new(limits: Limits, expected_bytes: usize) -> Self {
        DatasetReader {
            limits,
            expected_bytes,
            received: 0,
            pending: Vec::new(),
            at: Position {
                offset: 0,
                line: 1,
                line_start: 0,
            },
            state: State::Start,
            scan: ValueScan::default(),
            version: None,
            meta: None,
            travel: None,
            products: Collection::new(limits),
            producers: Collection::new(limits),
            spots: Collection::new(limits),
            sales_points: Collection::new(limits),
            routes: Collection::new(limits),
            whole: Vec::new(),
            failed: None,
        }
    }

    /// Reads the next piece of the file, checking every record it completes. `pace` is asked
    /// before each record, with the bytes read so far of the file's size (0 when unknown).
    /// An error is final: the file is refused, and reading more changes nothing.
    pub async fn feed(&mut self, chunk: &[u8], pace: &mut impl Pace) -> Result<(), LoadError> {
        if let Some(e) = &self.failed {
            return Err(e.clone());
        }
        self.received += chunk.len();
        if self.received > self.limits.max_bytes {
            return self.fail(LoadError::TooLarge {
                bytes: self.received,
                limit: self.limits.max_bytes,
            });
        }
        if self.state == State::Whole {
            self.whole.extend_from_slice(chunk);
            return Ok(());
        }
        // The common case reads straight from the chunk; only an unfinished tail is kept.
        let joined;
        let input: &[u8] = if self.pending.is_empty() {
            chunk
        } else {
            let mut pending = std::mem::take(&mut self.pending);
            pending.extend_from_slice(chunk);
            joined = pending;
            &joined
        };
        match self.walk(input, pace).await {
            Ok(consumed) => {
                self.keep(&input[consumed..]);
                Ok(())
            }
            Err(e) => self.fail(e),
        }
    }

    /// Keeps what could not be read yet, for the next piece.
    fn keep(&mut self, rest: &[u8]) {
        if self.state == State::Whole {
            self.whole.extend_from_slice(rest);
        } else {
            self.pending.extend_from_slice(rest);
        }
    }

    fn fail(&mut self, e: LoadError) -> Result<(), LoadError> {
        self.failed = Some(e.clone());
        self.pending = Vec::new();
        self.whole = Vec::new();
        Err(e)
    }

    /// Walks `input` (the unconsumed bytes) as far as it is complete; returns how many bytes
    /// were consumed. What is consumed is done with: punctuation, and whole values.
    async fn walk(&mut self, input: &[u8], pace: &mut impl Pace) -> Result<usize, LoadError> {
        let mut i = 0;
        // Where `input[i]` is in the file, moved on as `i` moves (never recounted from 0).
        let mut cursor = (0, self.at);
        let mut position_of = |i: usize| {
            let (from, at) = cursor;
            let here = at.advanced(&input[from..], i - from);
            cursor = (i, here);
            here
        };
        loop {
            // Whitespace between tokens, then the next token's first byte.
            while i < input.len() && is_whitespace(input[i]) && self.scan.len == 0 {
                i += 1;
            }
            let Some(&b) = input.get(i) else {
                if self.state == State::Start {
                    // Kept: if the top level turns out not to be an object, the whole text
                    // is classified, and positions count from its first byte.
                    i = 0;
                }
                break;
            };
            let here = position_of(i);
            match self.state {
                State::Start if b == b'{' => {
                    self.state = State::Key { first: true };
                    i += 1;
                }
                State::Start => {
                    // Whether it is JSON at all, and which error, is told at the end.
                    self.state = State::Whole;
                    self.whole.extend_from_slice(&input[..i]);
                    break;
                }
                State::Key { first: true } if b == b'}' => {
                    self.state = State::End;
                    i += 1;
                }
                State::Key { .. } if b == b'"' => {
                    let Some(len) = self.scan.resume(&input[i..]) else {
                        break;
                    };
                    self.scan = ValueScan::default();
                    let text = String::from_utf8_lossy(&input[i..i + len]);
                    // A key is decoded, as serde_json decodes it: a lone surrogate escape
                    // ("\ud800") cannot be text.
                    let key: String = serde_json::from_str(&text).map_err(|e| here.not_json_inside(&e))?;
                    self.state = State::Colon(Member::of(&key));
                    i += len;
                }
                State::Colon(member) if b == b':' => {
                    self.state = State::Value(member);
                    i += 1;
                }
                State::Value(Member::List(list)) if b == b'[' && self.scan.len == 0 => {
                    self.start_list(list);
                    self.state = State::Record { list, first: true };
                    i += 1;
                }
                State::Value(member) if !matches!(b, b',' | b'}' | b']' | b':') || self.scan.len > 0 => {
                    let Some(len) = self.scan.resume(&input[i..]) else {
                        break;
                    };
                    self.scan = ValueScan::default();
                    let text = String::from_utf8_lossy(&input[i..i + len]);
                    serde_json::from_str::<&RawValue>(&text).map_err(|e| here.not_json_inside(&e))?;
                    self.member(member, text.into_owned());
                    self.state = State::AfterMember;
                    i += len;
                }
                State::Record { first: true, .. } if b == b']' => {
                    self.state = State::AfterMember;
                    i += 1;
                }
                State::Record { list, .. }
                    if !matches!(b, b',' | b'}' | b']' | b':') || self.scan.len > 0 =>
                {
                    let Some(len) = self.scan.resume(&input[i..]) else {
                        break;
                    };
                    self.scan = ValueScan::default();
                    let text = String::from_utf8_lossy(&input[i..i + len]);
                    serde_json::from_str::<&RawValue>(&text).map_err(|e| here.not_json_inside(&e))?;
                    pace.pause(here.offset, self.expected_bytes).await;
                    self.record(list, &text);
                    self.state = State::AfterRecord { list };
                    i += len;
                }
                State::AfterRecord { list } if b == b',' => {
                    self.state = State::Record { list, first: false };
                    i += 1;
                }
                State::AfterRecord { .. } if b == b']' => {
                    self.state = State::AfterMember;
                    i += 1;
                }
                State::AfterMember if b == b',' => {
                    self.state = State::Key { first: false };
                    i += 1;
                }
                State::AfterMember if b == b'}' => {
                    self.state = State::End;
                    i += 1;
                }
                _ => return Err(here.not_json(format!("unexpected {:?}", char::from(b)))),
            }
        }
        self.at = position_of(i);
        Ok(i)
    }

    /// A collection's list starts: a repeated key replaces the earlier one, as a JSON
    /// object's last value for a key is the one that counts.
    fn start_list(&mut self, list: usize) {
        let limits = self.limits;
        match list {
            0 => self.products = Collection::new(limits),
            1 => self.producers = Collection::new(limits),
            2 => self.spots = Collection::new(limits),
            3 => self.sales_points = Collection::new(limits),
            _ => self.routes = Collection::new(limits),
        }
    }

    /// A whole top-level value other than a collection's list.
    fn member(&mut self, member: Member, text: String) {
        match member {
            Member::Version => self.version = Some(text),
            Member::Meta => self.meta = Some(text),
            Member::Travel => self.travel = Some(text),
            Member::List(list) => {
                self.start_list(list);
                if text != "null" {
                    let c = match list {
                        0 => &mut self.products.not_a_list,
                        1 => &mut self.producers.not_a_list,
                        2 => &mut self.spots.not_a_list,
                        3 => &mut self.sales_points.not_a_list,
                        _ => &mut self.routes.not_a_list,
                    };
                    *c = true;
                }
            }
            Member::Other => {}
        }
    }

    fn record(&mut self, list: usize, text: &str) {
        let name = COLLECTIONS[list];
        match list {
            0 => self
                .products
                .check(name, text, |v, p, path| v.check_product(p, path)),
            1 => self
                .producers
                .check(name, text, |v, p, path| v.check_producer(p, path)),
            2 => self.spots.check(name, text, |v, s, path| v.check_spot(s, path)),
            3 => self
                .sales_points
                .check(name, text, |v, s, path| v.check_sales_point(s, path)),
            _ => self.routes.check(name, text, |v, r, path| v.check_route(r, path)),
        }
    }

    /// The end of the file: the dataset with everything that was left out, or why the
    /// whole file is refused.
    pub fn finish(self) -> Result<Validated, LoadError> {
        if let Some(e) = self.failed {
            return Err(e);
        }
        match self.state {
            State::End => {}
            State::Whole => return Err(not_an_object(&String::from_utf8_lossy(&self.whole))),
            _ => return Err(LoadError::Truncated),
        }
        let Some(raw_version) = self.version else {
            return Err(LoadError::MissingSchemaVersion);
        };
        let version = match serde_json::from_str::<Value>(&raw_version) {
            Ok(Value::String(v)) => v,
            Ok(other) => other.to_string(),
            Err(_) => raw_version,
        };
        // Shown to the visitor in the notice: a version is short; anything else is cut.
        let version = match version.char_indices().nth(MAX_VERSION_CHARS) {
            Some((cut, _)) => format!("{}…", &version[..cut]),
            None => version,
        };
        let major = version.split('.').next().and_then(|m| m.parse::<u32>().ok());
        if major != Some(SCHEMA_MAJOR) {
            return Err(LoadError::UnsupportedSchema { found: version });
        }

        let mut v = Validator {
            limits: self.limits,
            issues: Vec::new(),
        };
        let meta_value = match self
            .meta
            .as_deref()
            .map(serde_json::from_str::<Value>)
            .transpose()
        {
            Ok(value) => value.unwrap_or(Value::Null),
            Err(e) => {
                return Err(LoadError::InvalidMeta {
                    path: "$.meta".into(),
                    message: e.to_string(),
                })
            }
        };
        if let Some((path, problem)) = v.oversized(&meta_value, "$.meta") {
            return Err(LoadError::InvalidMeta {
                path,
                message: problem.to_string(),
            });
        }
        let mut meta: Meta = typed(meta_value).map_err(|(path, message)| LoadError::InvalidMeta {
            path: join_path("$.meta", &path),
            message,
        })?;
        v.check_meta(&mut meta);

        let mut products = self.products.finish(COLLECTIONS[0], &mut v)?;
        let mut producers = self.producers.finish(COLLECTIONS[1], &mut v)?;
        let mut spots = self.spots.finish(COLLECTIONS[2], &mut v)?;
        let mut sales_points = self.sales_points.finish(COLLECTIONS[3], &mut v)?;
        let mut routes = self.routes.finish(COLLECTIONS[4], &mut v)?;
        if products.is_empty() {
            return Err(LoadError::NoProducts);
        }
        v.resolve_references(
            &mut products,
            &mut producers,
            &mut spots,
            &mut sales_points,
            &mut routes,
        );
        // Lists grown one record at a time hold up to twice their length (shrinking
        // happens in place).
        products.shrink_to_fit();
        producers.shrink_to_fit();
        spots.shrink_to_fit();
        sales_points.shrink_to_fit();
        routes.shrink_to_fit();
        let travel = TravelSection::new(&v.check_travel(self.travel.as_deref(), &spots, &sales_points));
        Ok(Validated {
            dataset: Dataset {
                schema_version: version,
                meta,
                products,
                producers,
                spots,
                sales_points,
                routes,
                travel,
            },
            issues: v.issues,
        })
    }
}

/// Why a file whose top level is not an object is refused: cut short, not JSON at all, or
/// JSON of another shape.
fn not_an_object(text: &str) -> LoadError {
    match serde_json::from_str::<&RawValue>(text) {
        Err(e) if e.classify() == serde_json::error::Category::Eof || ends_at(text, &e) => {
            LoadError::Truncated
        }
        Err(e) => LoadError::NotJson {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        },
        Ok(_) => LoadError::NotAnObject,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every id hashes alike: only the fallback can tell them apart.
    #[derive(Default)]
    struct OneHash;

    impl std::hash::Hasher for OneHash {
        fn finish(&self) -> u64 {
            7
        }
        fn write(&mut self, _: &[u8]) {}
    }

    #[test]
    fn ids_that_share_a_hash_are_still_told_apart() {
        let mut producers: Collection<Producer, _> = Collection::with_hasher(
            Limits::default(),
            std::hash::BuildHasherDefault::<OneHash>::default(),
        );
        for id in ["a", "b", "a", "c", "b"] {
            let text = format!(r#"{{"id": "{id}", "name": "N", "type": "company", "sources": []}}"#);
            producers.check("producers", &text, |_, _, _| Ok(()));
        }
        let kept: Vec<&str> = producers.kept.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(kept, ["a", "b", "c"]);
        let duplicates: Vec<&str> = producers.v.issues.iter().map(|i| i.path.as_str()).collect();
        assert_eq!(duplicates, ["$.producers[2].id", "$.producers[4].id"]);
    }
}
