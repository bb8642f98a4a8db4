//! The browser entry point: everything lives in the library so tests can mount it.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(wikikin::App);
}
