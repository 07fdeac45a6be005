//! [`Pace`] for the browser: long work (checking a large remote dataset, building its search
//! index) gives the page back every 40 ms — under the 50 ms that makes a long task — and
//! tells how far it has got each time.

use super::target::IN_BROWSER;
use ocop_core::pace::Pace;

/// How long a slice of work may run before the page gets its turn.
const SLICE_MS: f64 = 40.0;
/// The clock is read every this many pieces of work: a record takes microseconds, a call
/// into JavaScript for the time is not free.
const CLOCK_EVERY: usize = 16;

pub struct BrowserPace {
    slice_started: f64,
    /// Pieces of work so far, to read the clock only every [`CLOCK_EVERY`].
    pieces: usize,
    tell: Box<dyn Fn(usize, usize)>,
}

impl BrowserPace {
    /// `tell(done, total)` is called at each pause (`total` is 0 when not known).
    pub fn new(tell: impl Fn(usize, usize) + 'static) -> Self {
        BrowserPace {
            slice_started: now_ms(),
            pieces: 0,
            tell: Box::new(tell),
        }
    }
}

impl Pace for BrowserPace {
    async fn pause(&mut self, done: usize, total: usize) {
        self.pieces += 1;
        if !IN_BROWSER || !self.pieces.is_multiple_of(CLOCK_EVERY) || now_ms() - self.slice_started < SLICE_MS
        {
            return;
        }
        (self.tell)(done, total);
        super::page::yield_to_browser().await;
        self.slice_started = now_ms();
    }
}

fn now_ms() -> f64 {
    if IN_BROWSER {
        js_sys::Date::now()
    } else {
        0.0
    }
}
