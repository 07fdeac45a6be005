//! The files of a page's part, preloaded from the pre-rendered page's head: a visitor who
//! opens a route, a spot or the map directly downloads that page's code beside the main
//! wasm, instead of only once the app has started and asked for it (on slow 4G, 21 files of
//! the routes part took the take-over from 4.1 to 6.1 s: docs/performance.md).

use std::collections::BTreeMap;
use std::path::Path;

/// Each part's files (`pkg/<id>/parts.json`, written by the build's splitter).
pub struct PartFiles {
    /// `pkg/<id>`, where the files are.
    pkg: String,
    parts: BTreeMap<String, Vec<String>>,
}

impl PartFiles {
    /// Finds the build's `pkg/<id>` from the app script the template loads, and reads its
    /// manifest.
    pub fn read(dist: &Path, template: &str) -> Result<PartFiles, String> {
        let pkg = pkg_dir(template).ok_or("index.html loads no /pkg/<id>/ script")?;
        let manifest = dist.join(&pkg).join("parts.json");
        let text = std::fs::read_to_string(&manifest).map_err(|e| format!("{}: {e}", manifest.display()))?;
        let parts = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", manifest.display()))?;
        Ok(PartFiles { pkg, parts })
    }

    /// `<link rel="preload">` tags for every file of `part` (none for `None`). A part the
    /// manifest does not name is an error: the app and the build disagree on its name.
    pub fn preload_links(&self, part: Option<&str>) -> Result<String, String> {
        let Some(part) = part else {
            return Ok(String::new());
        };
        let files = self
            .parts
            .get(part)
            .ok_or_else(|| format!("parts.json has no part {part:?} (app::parts::first_screen_part)"))?;
        // `crossorigin`: the loader fetches each file with `fetch()` (CORS mode), and only a
        // preload in the same mode is reused.
        Ok(files
            .iter()
            .map(|file| {
                format!(
                    "<link rel=\"preload\" href=\"/{}/{file}\" as=\"fetch\" type=\"application/wasm\" crossorigin>",
                    self.pkg
                )
            })
            .collect())
    }
}

/// `pkg/<id>` from the first `/pkg/<id>/` in the template.
fn pkg_dir(template: &str) -> Option<String> {
    let start = template.find("/pkg/")? + 1;
    let id_end = start + "pkg/".len() + template[start + "pkg/".len()..].find('/')?;
    Some(template[start..id_end].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> PartFiles {
        PartFiles {
            pkg: "pkg/ab12".into(),
            parts: BTreeMap::from([(
                "routes_part".into(),
                vec!["chunk_1.wasm".into(), "split_routes_part.wasm".into()],
            )]),
        }
    }

    #[test]
    fn the_build_directory_is_read_from_the_app_script() {
        let template = r#"<link rel="modulepreload" href="/pkg/05786586efd922ef/app.js">"#;
        assert_eq!(pkg_dir(template).as_deref(), Some("pkg/05786586efd922ef"));
        assert_eq!(pkg_dir("<script src=/app.js>"), None);
    }

    #[test]
    fn a_part_gives_one_preload_per_file_and_no_part_gives_none() {
        let links = files().preload_links(Some("routes_part")).unwrap();
        assert_eq!(
            links,
            "<link rel=\"preload\" href=\"/pkg/ab12/chunk_1.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin>\
             <link rel=\"preload\" href=\"/pkg/ab12/split_routes_part.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin>"
        );
        assert_eq!(files().preload_links(None).unwrap(), "");
    }

    #[test]
    fn a_part_the_build_does_not_know_is_an_error() {
        let error = files().preload_links(Some("maps_part")).unwrap_err();
        assert!(error.contains("maps_part"), "{error}");
    }
}
