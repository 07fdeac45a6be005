//! The data loader's browser side: `fetch` with a timeout and a streamed size cap, a dataset
//! checked as it downloads, and the last good remote dataset kept in localStorage. The
//! decisions (what to try, in which order, what counts as valid) are in `ocop_core::source`;
//! this is only the plumbing.

use super::pace::BrowserPace;
use js_sys::{Reflect, Uint8Array};
use ocop_core::source::{CachedCopy, DataPort, Fallback, FetchFailure};
use ocop_core::validate::{DatasetReader, Limits, LoadError, Validated};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, ReadableStreamDefaultReader};

/// localStorage key of the last remote dataset that validated. Versioned so a future change
/// of the stored shape can migrate or ignore old copies instead of misreading them.
pub const CACHE_KEY: &str = "ocop.dataset-cache.v1";
/// The largest dataset text worth trying to keep in localStorage (see `save_cached_copy`).
const MAX_CACHED_TEXT_BYTES: usize = 4 * 1024 * 1024;

pub struct BrowserPort {
    /// Told, now and then, how many records of a remote or cached dataset have been checked
    /// out of how many (a large file takes seconds on a phone).
    pub checked: Rc<dyn Fn(usize, usize)>,
}

/// A port that tells no one how far checking has got.
impl Default for BrowserPort {
    fn default() -> Self {
        BrowserPort {
            checked: Rc::new(|_, _| {}),
        }
    }
}

impl DataPort for BrowserPort {
    async fn fetch_text(&self, url: &str, timeout_ms: u32, max_bytes: usize) -> Result<String, FetchFailure> {
        let mut download = Download::start(url, timeout_ms, max_bytes).await?;
        // The buffer starts at the declared length (capped), so that a file is not copied
        // from buffer to twice-as-large buffer as it arrives. (A compressed response
        // declares its compressed length: then it is only a head start.)
        let mut bytes = Vec::with_capacity(download.declared.unwrap_or(0).min(max_bytes));
        let mut chunk = Vec::new();
        while download.next_chunk(&mut chunk).await? {
            bytes.extend_from_slice(&chunk);
        }
        // Valid UTF-8 (every real dataset) becomes the String without a copy.
        Ok(String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
    }

    fn cached_copy(&self) -> Option<CachedCopy> {
        let text = super::storage::storage_get(CACHE_KEY)?;
        // A corrupt copy is simply not used: the bundled data is the next fallback.
        serde_json::from_str(&text).ok()
    }

    fn now_iso(&self) -> String {
        String::from(js_sys::Date::new_0().to_iso_string())
    }

    /// A cached copy's text, checked by the validator's part in one piece.
    async fn validate(&self, text: Rc<String>, limits: &Limits) -> Result<Validated, Fallback> {
        let mut checking = self.checker(*limits, text.len()).await?;
        checking.feed(text.as_bytes()).await.map_err(Fallback::Invalid)?;
        checking.finish().map_err(Fallback::Invalid)
    }

    /// Checks the download as it arrives: each chunk is read by the validator's part and
    /// dropped, so a large file is never whole in wasm memory (at 50,000 products its 37 MB
    /// of text was; docs/performance.md, "Memory"). Its text is kept beside only while it
    /// is small enough for localStorage.
    async fn fetch_valid(
        &self,
        url: &str,
        timeout_ms: u32,
        limits: &Limits,
    ) -> Result<(Validated, Option<String>), Fallback> {
        let mut download = Download::start(url, timeout_ms, limits.max_bytes)
            .await
            .map_err(Fallback::Fetch)?;
        // The declared length is the file's only when the server did not compress it.
        let expected = download.declared.filter(|_| !download.encoded).unwrap_or(0);
        let mut checking = self.checker(*limits, expected).await?;
        let mut copy = Some(Vec::new());
        let mut chunk = Vec::new();
        while download.next_chunk(&mut chunk).await.map_err(Fallback::Fetch)? {
            copy = copy.filter(|c| c.len() + chunk.len() <= MAX_CACHED_TEXT_BYTES);
            if let Some(copy) = &mut copy {
                copy.extend_from_slice(&chunk);
            }
            if let Err(e) = checking.feed(&chunk).await {
                download.cancel();
                return Err(Fallback::Invalid(e));
            }
        }
        let validated = checking.finish().map_err(Fallback::Invalid)?;
        let text = copy.map(|c| {
            String::from_utf8(c).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
        });
        Ok((validated, text))
    }
}

impl BrowserPort {
    /// The dataset reader, from the validator's part (`reader_in_part`): a first visit reads
    /// the bundled dataset's checked form and never downloads it. If the part cannot be
    /// downloaded the dataset counts as not reachable, and the loader falls back as for any
    /// network failure.
    async fn checker(&self, limits: Limits, expected_bytes: usize) -> Result<Box<dyn Checking>, Fallback> {
        let told = self.checked.clone();
        let pace = BrowserPace::new(move |done, total| told(done, total));
        reader_in_part(limits, expected_bytes, pace)
            .await
            .map_err(|ValidatorNotLoaded| {
                Fallback::Fetch(FetchFailure::Network {
                    message: "the dataset validator could not be downloaded".into(),
                })
            })
    }
}

/// The validator's part could not be fetched.
struct ValidatorNotLoaded;

impl From<leptos::wasm_split::SplitLoaderError> for ValidatorNotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ValidatorNotLoaded
    }
}

/// A dataset being checked as it arrives: `ocop_core::validate::DatasetReader` with the
/// browser's pace, behind a trait object so that its code stays in the validator's part.
trait Checking {
    fn feed<'a>(&'a mut self, chunk: &'a [u8]) -> Pin<Box<dyn Future<Output = Result<(), LoadError>> + 'a>>;
    fn finish(self: Box<Self>) -> Result<Validated, LoadError>;
}

struct PacedReader {
    reader: DatasetReader,
    pace: BrowserPace,
}

impl Checking for PacedReader {
    fn feed<'a>(&'a mut self, chunk: &'a [u8]) -> Pin<Box<dyn Future<Output = Result<(), LoadError>> + 'a>> {
        Box::pin(self.reader.feed(chunk, &mut self.pace))
    }

    fn finish(self: Box<Self>) -> Result<Validated, LoadError> {
        self.reader.finish()
    }
}

/// A `DatasetReader`, made in the validator's part and cut out of the main wasm by the
/// build (see src/app/parts.rs for how parts work): its methods are reached only through
/// the trait object made here, so their code stays in the part.
#[leptos::wasm_split::wasm_split(validator_part, wasm_split_path = ::leptos::wasm_split, fallible)]
fn reader_in_part(
    limits: Limits,
    expected_bytes: usize,
    pace: BrowserPace,
) -> Result<Box<dyn Checking>, ValidatorNotLoaded> {
    Ok(Box::new(PacedReader {
        reader: DatasetReader::new(limits, expected_bytes),
        pace,
    }))
}

/// A response body being read, under a timeout and a size cap.
struct Download {
    /// `None`: the response has no body (read as empty).
    reader: Option<ReadableStreamDefaultReader>,
    controller: AbortController,
    /// The length the server declared, if any.
    declared: Option<usize>,
    /// Whether the server compressed the body (then `declared` is not the file's length).
    encoded: bool,
    received: usize,
    max_bytes: usize,
    /// Time left for waiting on the network. Only waiting counts: the time spent checking
    /// what arrived between two reads is not the network's (a large file is checked as it
    /// downloads, which takes seconds on a phone).
    left_ms: f64,
    timeout_ms: u32,
}

impl Download {
    async fn start(url: &str, timeout_ms: u32, max_bytes: usize) -> Result<Download, FetchFailure> {
        let controller = AbortController::new().map_err(network)?;
        let started = js_sys::Date::now();
        let response = {
            // Dropping the guard clears the timer.
            let _timeout = abort_after(&controller, f64::from(timeout_ms));
            gloo_net::http::Request::get(url)
                .abort_signal(Some(&controller.signal()))
                .send()
                .await
        };
        let timed_out = |e: FetchFailure| timed_out(&controller, timeout_ms, e);
        let response = response.map_err(|e| {
            timed_out(FetchFailure::Network {
                message: e.to_string(),
            })
        })?;
        super::pwa::note_answered_offline(response.headers().get("x-ocop-offline").is_some());
        if !response.ok() {
            return Err(FetchFailure::Http {
                status: response.status(),
            });
        }
        let declared = response
            .headers()
            .get("content-length")
            .and_then(|v| v.parse::<usize>().ok());
        if declared.is_some_and(|len| len > max_bytes) {
            return Err(FetchFailure::TooLarge { limit: max_bytes });
        }
        let encoded = response
            .headers()
            .get("content-encoding")
            .is_some_and(|e| e != "identity");
        Ok(Download {
            reader: response.body().map(|body| body.get_reader().unchecked_into()),
            controller,
            declared,
            encoded,
            received: 0,
            max_bytes,
            left_ms: f64::from(timeout_ms) - (js_sys::Date::now() - started),
            timeout_ms,
        })
    }

    /// The next piece of the body into `chunk` (replacing what it held); false at the end.
    /// Stops as soon as the body passes the size cap, so a hostile or mistaken
    /// multi-gigabyte file never fills a phone's memory.
    async fn next_chunk(&mut self, chunk: &mut Vec<u8>) -> Result<bool, FetchFailure> {
        let Some(reader) = &self.reader else {
            return Ok(false);
        };
        let started = js_sys::Date::now();
        let read = {
            let _timeout = abort_after(&self.controller, self.left_ms.max(0.0));
            JsFuture::from(reader.read()).await
        };
        self.left_ms -= js_sys::Date::now() - started;
        let read = read.map_err(|e| timed_out(&self.controller, self.timeout_ms, network(e)))?;
        if Reflect::get(&read, &"done".into()).map_err(network)?.is_truthy() {
            return Ok(false);
        }
        let value: Uint8Array = Reflect::get(&read, &"value".into())
            .map_err(network)?
            .unchecked_into();
        self.received += value.length() as usize;
        if self.received > self.max_bytes {
            self.cancel();
            return Err(FetchFailure::TooLarge {
                limit: self.max_bytes,
            });
        }
        chunk.resize(value.length() as usize, 0);
        value.copy_to(chunk);
        Ok(true)
    }

    fn cancel(&self) {
        if let Some(reader) = &self.reader {
            let _ = reader.cancel();
        }
    }
}

/// Aborts the request (and a body still streaming) after `ms`, unless dropped first.
fn abort_after(controller: &AbortController, ms: f64) -> gloo_timers::callback::Timeout {
    let controller = controller.clone();
    gloo_timers::callback::Timeout::new(ms as u32, move || controller.abort())
}

/// A failure after the timer fired is the timeout's.
fn timed_out(controller: &AbortController, timeout_ms: u32, e: FetchFailure) -> FetchFailure {
    if controller.signal().aborted() {
        FetchFailure::Timeout { after_ms: timeout_ms }
    } else {
        e
    }
}

/// Saves a validated remote dataset as the fallback for next time. Returns false when the
/// browser refused (storage disabled or full); the app still works, only without the copy.
pub fn save_cached_copy(copy: &CachedCopy) -> bool {
    // Browsers give an origin about 5 MB of localStorage: a larger file cannot be kept, and
    // escaping it into JSON first would only make one more copy of it in memory.
    if copy.text.len() > MAX_CACHED_TEXT_BYTES {
        return false;
    }
    let Ok(text) = serde_json::to_string(copy) else {
        return false;
    };
    super::storage::storage_set(CACHE_KEY, &text).is_ok()
}

fn network(e: JsValue) -> FetchFailure {
    FetchFailure::Network {
        message: format!("{e:?}"),
    }
}
