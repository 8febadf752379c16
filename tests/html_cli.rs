//! The CLI's web-page input: `parallax extract [--json]`, `.html` files in
//! `compare`, and pages saved in a legacy charset.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const STORY: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/html/story.html"
);

fn parallax(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .output()
        .unwrap()
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// A scratch folder for this test, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("parallax-html-cli-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn extract_json_prints_one_object_a_line_in_order() {
    let scratch = Scratch::new("json");
    let bare = scratch.file("bare.htm", b"<p>Only a short paragraph here.</p>");
    let out = ok(&parallax(&[
        "extract".as_ref(),
        "--json".as_ref(),
        STORY.as_ref(),
        bare.as_os_str(),
    ]));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].starts_with("{\"file\":"), "{}", lines[0]);
    let first: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(first["file"], STORY);
    assert_eq!(first["title"], "Harbour bridge reopens after repairs");
    assert_eq!(first["byline"], "Maria Jensen");
    assert!(first["text"]
        .as_str()
        .unwrap()
        .starts_with("The harbour bridge reopened"));
    let second: serde_json::Value = serde_json::from_str(lines[1]).unwrap();
    assert!(second["title"].is_null() && second["byline"].is_null());
    assert_eq!(second["text"], "Only a short paragraph here.");
}

#[test]
fn extract_prints_title_byline_and_text() {
    let out = ok(&parallax(&["extract".as_ref(), STORY.as_ref()]));
    assert!(
        out.contains("title: Harbour bridge reopens after repairs"),
        "{out}"
    );
    assert!(out.contains("byline: Maria Jensen"), "{out}");
    assert!(out.contains("\n\nCrews worked through the night"), "{out}");
}

#[test]
fn extract_without_files_or_with_a_missing_one_fails_clearly() {
    let out = parallax(&["extract".as_ref()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage: parallax extract"));
    let out = parallax(&["extract".as_ref(), "/nonexistent/page.html".as_ref()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /nonexistent/page.html"));
}

#[test]
fn compare_reads_html_through_the_reader_with_its_title() {
    let scratch = Scratch::new("compare");
    let story = std::fs::read_to_string(STORY).unwrap();
    // A syndicated copy of the story on another site's page.
    let copy = story
        .replace("The Coastal Courier", "Metro Daily")
        .replace("<nav>", "<nav><a href=/x>Metro home</a>");
    let copy = scratch.file("copy.HTML", copy.as_bytes());
    let out = ok(&parallax(&[
        "compare".as_ref(),
        "--json".as_ref(),
        STORY.as_ref(),
        copy.as_os_str(),
    ]));
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let docs = report["documents"].as_array().unwrap();
    assert_eq!(docs[0]["id"], "story");
    assert_eq!(docs[1]["id"], "copy");
    assert!(
        docs.iter()
            .all(|d| d["title"] == "Harbour bridge reopens after repairs"),
        "{docs:?}"
    );
    assert!(report["pairs"][0]["containment"]["aInB"].as_f64().unwrap() > 0.9);
}

/// Needs the legacy encodings (windows-1251 by its <meta>).
#[cfg(feature = "encodings")]
#[test]
fn legacy_charset_pages_are_decoded_by_their_meta() {
    let scratch = Scratch::new("charset");
    let mut page = b"<html><head><meta http-equiv=Content-Type content='text/html; charset=iso-8859-1'>\
        <title>Caf\xe9</title></head><body><p>Le caf\xe9 du march\xe9 rouvre ses portes, apr\xe8s deux ans de travaux.</p></body></html>"
        .to_vec();
    let latin1 = scratch.file("latin1.html", &page);
    let out = ok(&parallax(&[
        "extract".as_ref(),
        "--json".as_ref(),
        latin1.as_os_str(),
    ]));
    let got: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(got["title"], "Café");
    assert!(
        got["text"]
            .as_str()
            .unwrap()
            .contains("café du marché rouvre"),
        "{got}"
    );

    // Windows-1251, declared with <meta charset>.
    page = b"<meta charset=\"windows-1251\"><p>\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0</p>".to_vec();
    let cyrillic = scratch.file("cp1251.html", &page);
    let out = ok(&parallax(&[
        "extract".as_ref(),
        "--json".as_ref(),
        cyrillic.as_os_str(),
    ]));
    assert!(out.contains("Привет, мир"), "{out}");
    assert!(Path::new(&cyrillic).exists());
}
