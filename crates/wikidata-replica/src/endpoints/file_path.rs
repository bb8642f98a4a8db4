//! `GET /wiki/Special:FilePath/{file}?width=N`: a deterministic SVG portrait for any file a
//! P18 names.

use crate::render;
use crate::response::{base_headers, html};
use crate::route::{param, percent_decode};
use crate::{Replica, Response};

pub(crate) fn normalize_file(name: &str) -> String {
    name.replace('_', " ").trim().to_string()
}

impl Replica {
    fn file_known(&self, name: &str) -> bool {
        if self.files.contains(name) {
            return true;
        }
        let Some(q) = name
            .strip_prefix("Replica portrait Q")
            .and_then(|r| r.strip_suffix(".svg"))
            .and_then(|n| n.parse::<u32>().ok())
        else {
            return false;
        };
        let Some(&idx) = self.data.by_qid.get(&q) else {
            return false;
        };
        self.data
            .person(idx)
            .and_then(|p| render::image_of(&self.data, idx, p))
            .is_some_and(|f| f == name)
    }

    pub(crate) fn file_path(&self, path: &str, query: &str) -> Response {
        let raw = path.trim_start_matches("/wiki/Special:FilePath/");
        let name = normalize_file(&percent_decode(raw));
        if name.is_empty() || !self.file_known(&name) {
            return html(
                404,
                "Not Found",
                &format!("No file by the name {name} exists."),
            );
        }
        let width = param(query, "width")
            .and_then(|w| w.parse::<u32>().ok())
            .unwrap_or(220)
            .clamp(8, 4000);
        let height = width * 5 / 4;
        let h = name.bytes().fold(0xcbf2_9ce4_8422_2325u64, |a, b| {
            (a ^ b as u64).wrapping_mul(0x100_0000_01b3)
        });
        let hue = h % 360;
        let svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 100 125\">\
<rect width=\"100\" height=\"125\" fill=\"hsl({hue},45%,78%)\"/>\
<circle cx=\"50\" cy=\"45\" r=\"22\" fill=\"hsl({hue},30%,35%)\"/>\
<ellipse cx=\"50\" cy=\"115\" rx=\"38\" ry=\"40\" fill=\"hsl({hue},30%,35%)\"/>\
<rect x=\"0\" y=\"0\" width=\"100\" height=\"125\" fill=\"none\" stroke=\"hsl({hue},40%,50%)\" stroke-width=\"{}\"/>\
</svg>\n",
            1 + h % 4
        );
        let mut headers = base_headers("image/svg+xml");
        headers.push(("Content-Disposition".into(), "inline".into()));
        Response {
            status: 200,
            headers,
            body: svg.into_bytes(),
        }
    }
}
