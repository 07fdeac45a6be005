//! Long work that gives the page back now and then: [`Pace`] is asked before each piece of
//! work (a dataset record, a product indexed) and decides whether to pause there.
//!
//! In the browser a pause yields to the event loop once a slice has run for a few tens of
//! milliseconds, so that reading 50,000 products does not freeze the page (taps, scrolling,
//! a progress line); natively and in tests nothing pauses ([`Unpaced`]) and the same code
//! runs straight through, so one implementation serves both.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

/// Decides where long work pauses, and hears how far it has got.
pub trait Pace {
    /// Called before each piece of work: `done` of `total` pieces so far. Returns when the
    /// work may go on (at once, or after the browser has had its turn).
    fn pause(&mut self, done: usize, total: usize) -> impl Future<Output = ()>;
}

/// Never pauses: the work runs in one go.
pub struct Unpaced;

impl Pace for Unpaced {
    async fn pause(&mut self, _done: usize, _total: usize) {}
}

/// Runs paced work that never pauses to the end, without an executor.
///
/// # Panics
/// If `work` waits on anything: only [`Unpaced`] work may be run this way.
pub fn run_unpaced<T>(work: impl Future<Output = T>) -> T {
    let mut work = pin!(work);
    match work.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(value) => value,
        Poll::Pending => panic!("run_unpaced: the work waited on something"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Records every call and never pauses.
    struct Recorder {
        calls: Vec<(usize, usize)>,
    }

    impl Pace for Recorder {
        async fn pause(&mut self, done: usize, total: usize) {
            self.calls.push((done, total));
        }
    }

    #[test]
    fn unpaced_work_runs_to_the_end() {
        let mut pace = Recorder { calls: Vec::new() };
        let sum = run_unpaced(async {
            let mut sum = 0;
            for i in 1..=3 {
                sum += i;
                pace.pause(i, 3).await;
            }
            sum
        });
        assert_eq!(sum, 6);
        assert_eq!(pace.calls, [(1, 3), (2, 3), (3, 3)]);
    }

    #[test]
    #[should_panic(expected = "waited")]
    fn work_that_waits_is_refused() {
        run_unpaced(std::future::pending::<()>());
    }
}
