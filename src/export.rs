//! Downloads: the tree as a self-contained SVG, as PNG, the result as JSON, and the people
//! drawn as GEDCOM 5.5.1 with a citation on every link.

use wasm_bindgen::JsCast;
use wikikin_view::chart::Chart;
use wikikin_view::chart_svg::chart_standalone;
use wikikin_view::draw::{png_size, standalone, standalone_size};
use wikikin_view::{Answer, Detail, DrawOptions};

fn blob_url(text: &str, mime: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

fn download(href: &str, name: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(a) = doc.create_element("a") else {
        return;
    };
    let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() else {
        return;
    };
    a.set_href(href);
    a.set_download(name);
    if let Some(body) = doc.body() {
        let _ = body.append_child(&a);
        a.click();
        let _ = body.remove_child(&a);
    }
}

fn download_text(text: &str, mime: &str, name: &str) {
    if let Some(url) = blob_url(text, mime) {
        download(&url, name);
        // Revoked a little later: the download has started by then.
        wasm_bindgen_futures::spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(5_000).await;
            let _ = web_sys::Url::revoke_object_url(&url);
        });
    }
}

/// The tree as a self-contained SVG (styles inlined; portraits linked).
pub fn svg(a: &Answer) {
    let doc = standalone(
        a,
        DrawOptions {
            images: true,
            detail: Detail::Full,
        },
    );
    download_text(&doc, "image/svg+xml", &format!("{}.svg", a.file_stem()));
}

/// The chart of one relationship as a self-contained SVG (portraits linked).
pub fn chart_svg(a: &Answer, chart: &Chart) {
    let doc = chart_standalone(chart, true);
    download_text(
        &doc,
        "image/svg+xml",
        &format!("{}-chart.svg", a.file_stem()),
    );
}

/// The chart as PNG (without remote portraits).
pub fn chart_png(a: &Answer, chart: &Chart) {
    let doc = chart_standalone(chart, false);
    let (w, h) = (chart.width, chart.height);
    let name = format!("{}-chart.png", a.file_stem());
    wasm_bindgen_futures::spawn_local(async move {
        let _ = render_png(&doc, w, h, &name).await;
    });
}

/// The result as JSON.
pub fn json(a: &Answer) {
    download_text(
        &a.to_json(),
        "application/json",
        &format!("{}.json", a.file_stem()),
    );
}

/// The tree as PNG: the SVG (without remote portraits, which would taint the canvas) drawn
/// onto a canvas.
pub fn png(a: &Answer) {
    let doc = standalone(
        a,
        DrawOptions {
            images: false,
            detail: Detail::Full,
        },
    );
    let (w, h) = standalone_size(a);
    let name = format!("{}.png", a.file_stem());
    wasm_bindgen_futures::spawn_local(async move {
        let _ = render_png(&doc, w, h, &name).await;
    });
}

async fn render_png(doc: &str, w: f64, h: f64, name: &str) -> Option<()> {
    let url = blob_url(doc, "image/svg+xml")?;
    let document = web_sys::window()?.document()?;
    let img = web_sys::HtmlImageElement::new().ok()?;
    img.set_src(&url);
    wasm_bindgen_futures::JsFuture::from(img.decode())
        .await
        .ok()?;
    let (pw, ph, scale) = png_size(w, h);
    let canvas = document
        .create_element("canvas")
        .ok()?
        .dyn_into::<web_sys::HtmlCanvasElement>()
        .ok()?;
    canvas.set_width(pw);
    canvas.set_height(ph);
    let ctx = canvas
        .get_context("2d")
        .ok()??
        .dyn_into::<web_sys::CanvasRenderingContext2d>()
        .ok()?;
    ctx.scale(scale, scale).ok()?;
    ctx.draw_image_with_html_image_element_and_dw_and_dh(&img, 0.0, 0.0, w, h)
        .ok()?;
    let _ = web_sys::Url::revoke_object_url(&url);
    let data = canvas.to_data_url_with_type("image/png").ok()?;
    download(&data, name);
    Some(())
}

/// The people drawn as GEDCOM 5.5.1 (UTF-8), each link cited with its statement's URL and
/// references (see `wikikin_view::gedcom_export`).
pub fn gedcom(a: &Answer) {
    download_text(
        &a.to_gedcom(),
        "text/vnd.familysearch.gedcom;charset=utf-8",
        &format!("{}.ged", a.file_stem()),
    );
}
