//! Entry point: report panics to the console (and to `public/pwa.js`, which recovers the
//! page), then mount the app. Everything else is in the library so the browser tests can
//! mount the same components.

fn main() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        // The wasm instance is dead after a panic (panic = "abort"); plain JavaScript takes
        // over: a kiosk returns to its attract screen, a phone shows a reload button.
        ocop_quang_ninh::browser::pwa::report_crash();
    }));
    // The pre-rendered page (or index.html's loading screen) stays on screen, and the app
    // hidden behind it (style/main.css), until the app has its data and has drawn the same
    // page: then it takes over in one frame (app.rs, DataGate).
    leptos::mount::mount_to_body(ocop_quang_ninh::App);
}
