//! Reading the timing reports other tools write, and the test command's closing summary.
//! Plain data and text: `process` times the commands and hands the figures here.
//!
//! * cargo's `--timings` report is HTML with the units as a JSON array in a script
//!   (`const UNIT_DATA = [...]`); a unit is one crate compiled in one mode (lib, build
//!   script, a build script's run, a test).
//! * Playwright's JSON reporter (`target/e2e/results.json`, set in playwright.config.ts)
//!   holds every test's duration, grouped by spec file.

use serde_json::Value;
use std::collections::BTreeMap;
use std::time::Duration;

/// One timed step of a layer: a command, or a part of one (a crate, a fuzz target, a spec
/// file) that the command's own report timed.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub what: String,
    pub took: Duration,
    /// The slowest parts inside it, slowest first (may overlap in time: cargo compiles two
    /// crates at once on two cores, Playwright runs two spec files at once).
    pub parts: Vec<(String, Duration)>,
}

/// The `count` slowest units of a cargo `--timings` HTML report, as `crate (what)`.
/// An unreadable report gives none: the summary is a help, never a reason to fail.
pub fn slowest_units(html: &str, count: usize) -> Vec<(String, Duration)> {
    let Some(start) = html.find("const UNIT_DATA = ") else {
        return Vec::new();
    };
    let json = &html[start + "const UNIT_DATA = ".len()..];
    let Some(Ok(Value::Array(units))) = serde_json::Deserializer::from_str(json)
        .into_iter::<Value>()
        .next()
    else {
        return Vec::new();
    };
    let mut timed: Vec<(String, Duration)> = units
        .iter()
        .filter_map(|unit| {
            let name = unit.get("name")?.as_str()?;
            let seconds = unit.get("duration")?.as_f64()?;
            let target = unit.get("target").and_then(Value::as_str).unwrap_or("").trim();
            // cargo writes some targets in parentheses already: " (check)".
            let label = match target {
                "" => name.to_string(),
                t if t.starts_with('(') => format!("{name} {t}"),
                t => format!("{name} ({t})"),
            };
            Some((label, Duration::from_secs_f64(seconds.max(0.0))))
        })
        .collect();
    slowest(&mut timed, count)
}

/// The `count` slowest spec files of a Playwright JSON report, each with the sum of its
/// tests' durations (two workers run files side by side, so the sums exceed the wall time).
pub fn slowest_spec_files(report: &str, count: usize) -> Vec<(String, Duration)> {
    let Ok(report) = serde_json::from_str::<Value>(report) else {
        return Vec::new();
    };
    let mut per_file: BTreeMap<String, f64> = BTreeMap::new();
    fn walk(suite: &Value, per_file: &mut BTreeMap<String, f64>) {
        for spec in suite.get("specs").and_then(Value::as_array).into_iter().flatten() {
            let file = spec.get("file").and_then(Value::as_str).unwrap_or("?");
            let ms: f64 = spec
                .get("tests")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .flat_map(|t| t.get("results").and_then(Value::as_array).into_iter().flatten())
                .filter_map(|r| r.get("duration").and_then(Value::as_f64))
                .sum();
            *per_file.entry(file.to_string()).or_default() += ms;
        }
        for child in suite
            .get("suites")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            walk(child, per_file);
        }
    }
    for suite in report
        .get("suites")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        walk(suite, &mut per_file);
    }
    let mut timed: Vec<(String, Duration)> = per_file
        .into_iter()
        .map(|(file, ms)| (file, Duration::from_secs_f64(ms / 1000.0)))
        .collect();
    slowest(&mut timed, count)
}

fn slowest(timed: &mut [(String, Duration)], count: usize) -> Vec<(String, Duration)> {
    timed.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    timed.iter().take(count).cloned().collect()
}

/// A finished layer, for the summary.
pub struct LayerTime {
    pub name: &'static str,
    pub took: Duration,
    pub steps: Vec<Step>,
}

/// The closing table: every layer's time, the total against the limit, then the three
/// slowest layers with their three slowest steps and, inside those, the slowest parts.
pub fn summary(layers: &[LayerTime], total: Duration, limit: Duration) -> String {
    let mut out = String::from("\nTimings:\n");
    for layer in layers {
        out += &format!("  {:>7.1}s  {}\n", layer.took.as_secs_f64(), layer.name);
    }
    out += &format!(
        "  {:>7.1}s  total (limit {} min)\n",
        total.as_secs_f64(),
        limit.as_secs() / 60
    );
    let mut by_time: Vec<&LayerTime> = layers.iter().collect();
    by_time.sort_by_key(|l| std::cmp::Reverse(l.took));
    out += "\nSlowest layers, and the slowest steps inside them:\n";
    for layer in by_time.iter().take(3) {
        out += &format!("  {} ({:.0} s)\n", layer.name, layer.took.as_secs_f64());
        let mut steps: Vec<&Step> = layer.steps.iter().collect();
        steps.sort_by_key(|s| std::cmp::Reverse(s.took));
        for step in steps.iter().take(3) {
            out += &format!("    {:>6.1}s  {}\n", step.took.as_secs_f64(), step.what);
            for (part, took) in &step.parts {
                out += &format!("              {:>6.1}s  {part}\n", took.as_secs_f64());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const CARGO_HTML: &str = r#"<script>
const UNIT_DATA = [
  {"i": 0, "name": "syn", "version": "2.0.1", "mode": "todo", "target": "", "start": 0.0, "duration": 3.5},
  {"i": 1, "name": "leptos_i18n_build", "version": "0.6.2", "mode": "run-custom-build", "target": " build-script (run)", "start": 1.0, "duration": 40.25},
  {"i": 2, "name": "serde", "version": "1.0.0", "mode": "todo", "target": "", "start": 0.0, "duration": 7.0},
  {"i": 3, "name": "tiny", "version": "1.0.0", "mode": "todo", "target": "", "start": 0.0, "duration": 0.1},
  {"i": 4, "name": "web-sys", "version": "0.3.0", "mode": "todo", "target": " (check)", "start": 0.0, "duration": 1.0}
];
const CONCURRENCY_DATA = [];
</script>"#;

    #[test]
    fn reads_the_slowest_crates_of_a_cargo_timings_report() {
        let units = slowest_units(CARGO_HTML, 3);
        let names: Vec<&str> = units.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["leptos_i18n_build (build-script (run))", "serde", "syn"]);
        assert_eq!(units[0].1, Duration::from_secs_f64(40.25));
        assert_eq!(slowest_units(CARGO_HTML, 4)[3].0, "web-sys (check)");
        assert!(slowest_units("<html>no data</html>", 3).is_empty());
        assert!(slowest_units("const UNIT_DATA = [ {oops", 3).is_empty());
    }

    #[test]
    fn sums_a_playwright_report_per_spec_file() {
        let report = r#"{"suites": [
          {"file": "a.spec.ts", "specs": [
            {"file": "a.spec.ts", "tests": [{"results": [{"duration": 1500}]}, {"results": [{"duration": 500}]}]}
          ], "suites": [
            {"specs": [{"file": "a.spec.ts", "tests": [{"results": [{"duration": 1000}]}]}]}
          ]},
          {"file": "b.spec.ts", "specs": [
            {"file": "b.spec.ts", "tests": [{"results": [{"duration": 2500}]}]}
          ]}
        ]}"#;
        assert_eq!(
            slowest_spec_files(report, 3),
            [
                ("a.spec.ts".to_string(), Duration::from_secs(3)),
                ("b.spec.ts".to_string(), Duration::from_millis(2500)),
            ]
        );
        assert!(slowest_spec_files("not json", 3).is_empty());
    }

    #[test]
    fn the_summary_names_the_slowest_layers_and_their_steps() {
        let step = |what: &str, secs: u64| Step {
            what: what.into(),
            took: Duration::from_secs(secs),
            parts: vec![("leptos (lib)".into(), Duration::from_secs(secs / 2))],
        };
        let layers = [
            LayerTime {
                name: "format",
                took: Duration::from_secs(2),
                steps: vec![step("cargo fmt", 2)],
            },
            LayerTime {
                name: "clippy",
                took: Duration::from_secs(300),
                steps: vec![step("cargo clippy a", 100), step("cargo clippy b", 200)],
            },
        ];
        let text = summary(&layers, Duration::from_secs(400), Duration::from_secs(45 * 60));
        assert!(text.contains("  300.0s  clippy\n"), "{text}");
        assert!(text.contains("400.0s  total (limit 45 min)"), "{text}");
        let slowest = text.split("Slowest layers").nth(1).unwrap();
        let clippy_b = slowest.find("cargo clippy b").unwrap();
        let clippy_a = slowest.find("cargo clippy a").unwrap();
        assert!(clippy_b < clippy_a, "slowest step first: {slowest}");
        assert!(slowest.contains("100.0s  leptos (lib)"));
    }
}
