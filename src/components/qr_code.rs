//! A QR code drawn as one SVG path: sharp at any size (a kiosk screen or a printout), a
//! few kilobytes of DOM, and no image library in the wasm. The matrix comes from
//! `ocop_core::qr` (the `qrcode` crate), where a test decodes it back to the exact link.

use leptos::prelude::*;
use ocop_core::qr::{qr_matrix, svg_path};

/// The QR code of `link`, with `label` as its accessible name (it should say "QR" so a
/// screen-reader user knows what it is). When the link is too long for any QR code the
/// `too_long` text is shown instead; the link itself is always shown beside it by callers.
/// `module_px` draws each module exactly that many CSS pixels wide (the kiosk's take-away
/// code, whose size is part of its promise); without it the stylesheet sizes the code.
#[component]
pub fn QrCode(
    #[prop(into)] link: Signal<String>,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] too_long: Signal<String>,
    #[prop(optional)] module_px: Option<u32>,
) -> impl IntoView {
    let matrix =
        Memo::new(move |_| link.with(|l| qr_matrix(l).map(|m| (m.view_box_size(), svg_path(&m), m.version))));
    move || match matrix.get() {
        Ok((size, path, version)) => view! {
            <svg
                class="qr-code"
                role="img"
                aria-label=move || label.get()
                viewBox=format!("0 0 {size} {size}")
                data-qr-version=version
                width=module_px.map(|px| px as usize * size)
                height=module_px.map(|px| px as usize * size)
                data-testid="qr-code"
            >
                // White quiet zone included: readers need it, and dark-mode pages must not
                // show through.
                <rect width=size height=size fill="#fff" />
                <path d=path fill="#000" shape-rendering="crispEdges" />
            </svg>
        }
        .into_any(),
        Err(_) => {
            view! { <p class="notice notice-warning" data-testid="qr-too-long">{move || too_long.get()}</p> }
                .into_any()
        }
    }
}
