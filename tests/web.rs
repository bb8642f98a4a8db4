//! Browser tests of the app's components, run in headless Chromium by wasm-bindgen-test-runner.
#![cfg(target_arch = "wasm32")]

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_container() -> web_sys::HtmlElement {
    let document = document();
    let el = document.create_element("section").unwrap();
    document.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

#[wasm_bindgen_test]
async fn app_mounts_with_form_progress_and_tree() {
    let root = fresh_container();
    let _handle = mount_to(root.clone(), wikikin::App);
    tick().await;
    let progress = root.query_selector("[data-testid=progress]").unwrap().unwrap();
    assert_eq!(progress.get_attribute("data-state").as_deref(), Some("idle"));
    assert!(root.query_selector("form input").unwrap().is_some());
    let svg = root.query_selector("svg[data-testid=tree]").unwrap().unwrap();
    assert!(svg.query_selector("title").unwrap().is_some());
}
