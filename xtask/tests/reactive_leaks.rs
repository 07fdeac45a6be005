//! Native regression tests of the two reactive_graph leak fixes in `vendor/` (vendor/README.md,
//! vendor/reactive_graph-0.2.16.diff): no browser needed, reactive_graph runs natively.
//!
//! A counting allocator measures what stays allocated after many reactive nodes come and go.
//! Without the fixes each dropped memo (or child owner) leaves its allocation behind — held
//! by a dead `Weak` in a long-lived signal's subscriber set (or in its parent owner's
//! children) — so the live count grows with every round; with them it stays flat.

use reactive_graph::computed::ArcMemo;
use reactive_graph::owner::Owner;
use reactive_graph::signal::ArcRwSignal;
use reactive_graph::traits::Get;
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// The system allocator, counting this thread's live allocations.
struct Counting;

thread_local! {
    static LIVE: Cell<isize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = LIVE.try_with(|n| n.set(n.get() + 1));
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let _ = LIVE.try_with(|n| n.set(n.get() - 1));
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn live() -> isize {
    LIVE.with(Cell::get)
}

/// How many allocations `round` leaves behind per call, over many calls after a warm-up.
fn retained_per_round(mut round: impl FnMut()) -> f64 {
    const ROUNDS: usize = 4_000;
    for _ in 0..ROUNDS {
        round();
    }
    let before = live();
    for _ in 0..ROUNDS {
        round();
    }
    (live() - before) as f64 / ROUNDS as f64
}

#[test]
fn a_dropped_memo_does_not_stay_subscribed_to_a_long_lived_signal() {
    // The language or the shopping list: one signal read by every card's closures.
    let language = ArcRwSignal::new(0u8);
    let retained = retained_per_round(|| {
        let card = ArcMemo::new({
            let language = language.clone();
            move |_| language.get()
        });
        // Reading it runs it, which subscribes it to the signal.
        assert_eq!(card.get(), 0);
        drop(card);
    });
    // Unpatched: the memo's allocation stays, one per round, for good.
    assert!(
        retained < 0.05,
        "{retained} allocations retained per dropped memo"
    );
}

#[test]
fn a_dropped_child_owner_does_not_stay_in_its_parent() {
    // A page that stays mounted while `<For>` rows come and go under it.
    let page = Owner::new();
    let retained = retained_per_round(|| {
        let row = page.child();
        drop(row);
    });
    assert!(retained < 0.05, "{retained} allocations retained per dropped row");
}
