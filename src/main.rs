//! Entry point: report panics to the console, then mount the app. Everything else is in
//! the library so the browser tests can mount the same components.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(ocop_quang_ninh::App);
}
