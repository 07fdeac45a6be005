//! When the app may take over from the pre-rendered page (`browser::page::take_over_from_boot`,
//! called by the data gate in app.rs): once it has drawn the same page. Something drawn in
//! a later task — a page's part still downloading (`app::parts`), the catalog's cards below
//! the first screen and its filters (`pages::catalog`) — holds the hand-over until it is
//! there, so the visitor never sees a page being completed under their eyes.

use leptos::prelude::*;

/// How many things the page is still drawing. Provided by the app shell.
#[derive(Clone, Copy)]
pub struct HandOver(RwSignal<usize>);

impl HandOver {
    pub fn provide() -> Self {
        let hand_over = HandOver(RwSignal::new(0));
        provide_context(hand_over);
        hand_over
    }

    /// Nothing is held (tracked: an effect reading it runs again when that changes).
    pub fn ready(self) -> bool {
        self.0.get() == 0
    }

    /// [`HandOver::ready`], untracked: for the moment of the swap itself.
    pub fn ready_untracked(self) -> bool {
        self.0.get_untracked() == 0
    }

    /// Keeps the pre-rendered page on screen until the matching [`HandOver::release`].
    pub fn hold(self) {
        self.0.update(|n| *n += 1);
    }

    pub fn release(self) {
        self.0.try_update(|n| *n = n.saturating_sub(1));
    }
}

/// The shell's [`HandOver`]; `None` where there is no shell (component tests).
pub fn use_hand_over() -> Option<HandOver> {
    use_context::<HandOver>()
}
