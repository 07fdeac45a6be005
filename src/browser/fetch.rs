//! The data loader's browser side: `fetch` with a timeout and a streamed size cap, and the
//! last good remote dataset kept in localStorage. The decisions (what to try, in which
//! order, what counts as valid) are in `ocop_core::source`; this is only the plumbing.

use super::pace::BrowserPace;
use js_sys::{Reflect, Uint8Array};
use ocop_core::source::{CachedCopy, DataPort, Fallback, FetchFailure};
use ocop_core::validate::{parse_and_validate_paced, Limits, LoadError, Validated};
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
        let controller = AbortController::new().map_err(network)?;
        let signal = controller.signal();
        // Aborting also cancels a body that is still streaming, so the timeout covers the
        // whole download, not just the headers. Dropping the guard clears the timer.
        let _timeout = gloo_timers::callback::Timeout::new(timeout_ms, move || controller.abort());
        let timed_out = |e: FetchFailure| {
            if signal.aborted() {
                FetchFailure::Timeout { after_ms: timeout_ms }
            } else {
                e
            }
        };

        let response = gloo_net::http::Request::get(url)
            .abort_signal(Some(&signal))
            .send()
            .await
            .map_err(|e| {
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
        let bytes = read_capped(response.body(), max_bytes, declared)
            .await
            .map_err(timed_out)?;
        // Valid UTF-8 (every real dataset) becomes the String without a copy: wasm memory
        // never shrinks, so a second copy of a large file would stay as a high-water mark.
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

    /// The validator with its JSON paths is a part of its own (`validator_part`): a first
    /// visit reads the bundled dataset's checked form and never downloads it. A remote or
    /// cached dataset loads it; if it cannot be downloaded the dataset counts as not
    /// reachable, and the loader falls back as for any network failure.
    async fn validate(&self, text: Rc<String>, limits: &Limits) -> Result<Validated, Fallback> {
        let checked = self.checked.clone();
        let pace = BrowserPace::new(move |done, total| checked(done, total));
        match validate_in_part(text, *limits, pace).await {
            Ok(validating) => validating.await.map_err(Fallback::Invalid),
            Err(ValidatorNotLoaded) => Err(Fallback::Fetch(FetchFailure::Network {
                message: "the dataset validator could not be downloaded".into(),
            })),
        }
    }
}

/// The validator's part could not be fetched.
struct ValidatorNotLoaded;

impl From<leptos::wasm_split::SplitLoaderError> for ValidatorNotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ValidatorNotLoaded
    }
}

/// The validator's work: checking a whole dataset, pausing for the page now and then.
type Validating = Pin<Box<dyn Future<Output = Result<Validated, LoadError>>>>;

/// `ocop_core::validate::parse_and_validate_paced`, cut out of the main wasm by the build
/// (see src/app/parts.rs for how parts work). A split function cannot be `async` itself: it
/// hands back the work as a boxed future, whose code stays in the part.
#[leptos::wasm_split::wasm_split(validator_part, wasm_split_path = ::leptos::wasm_split, fallible)]
fn validate_in_part(
    text: Rc<String>,
    limits: Limits,
    mut pace: BrowserPace,
) -> Result<Validating, ValidatorNotLoaded> {
    Ok(Box::pin(async move {
        parse_and_validate_paced(&text, &limits, &mut pace).await
    }))
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

/// Reads the body chunk by chunk and stops as soon as it passes `max_bytes`, so a hostile
/// or mistaken multi-gigabyte file never fills a phone's memory. The buffer starts at the
/// declared length (when the server sends one, capped by `max_bytes`) so that a large file
/// is not copied from buffer to twice-as-large buffer as it arrives. (A compressed response
/// declares its compressed length: then it is only a head start.)
async fn read_capped(
    body: Option<web_sys::ReadableStream>,
    max_bytes: usize,
    declared: Option<usize>,
) -> Result<Vec<u8>, FetchFailure> {
    let Some(body) = body else {
        return Ok(Vec::new());
    };
    let reader: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = Vec::with_capacity(declared.unwrap_or(0).min(max_bytes));
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(network)?;
        if Reflect::get(&chunk, &"done".into()).map_err(network)?.is_truthy() {
            return Ok(bytes);
        }
        let value: Uint8Array = Reflect::get(&chunk, &"value".into())
            .map_err(network)?
            .unchecked_into();
        if bytes.len() + value.length() as usize > max_bytes {
            let _ = reader.cancel();
            return Err(FetchFailure::TooLarge { limit: max_bytes });
        }
        let start = bytes.len();
        bytes.resize(start + value.length() as usize, 0);
        value.copy_to(&mut bytes[start..]);
    }
}
