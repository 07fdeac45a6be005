//! `data check` and `data synth`: tools for dataset publishers, sharing the app's own code.

use ocop_core::validate::{parse_and_validate, Action, Limits};
use std::process::ExitCode;

/// Validates `file` with exactly the app's rules. Exit status: 0 when the app would use every
/// record as written (warnings allowed), 1 when it would refuse the file or drop anything.
pub fn check(file: &str) -> ExitCode {
    let text = match std::fs::read(file) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("{file}: not UTF-8 text ({e})");
                return ExitCode::FAILURE;
            }
        },
        Err(e) => {
            eprintln!("{file}: {e}");
            return ExitCode::FAILURE;
        }
    };
    match parse_and_validate(&text, &Limits::default()) {
        Err(fatal) => {
            eprintln!("{file}: REFUSED: {fatal}");
            ExitCode::FAILURE
        }
        Ok(v) => {
            let c = v.dataset.counts();
            println!(
                "{file}: schema {} · dataset {} · {} products, {} producers, {} spots, {} sales points, {} routes{}",
                v.dataset.schema_version,
                v.dataset.meta.dataset_version,
                c.products,
                c.producers,
                c.spots,
                c.sales_points,
                c.routes,
                if v.dataset.meta.synthetic { " (SYNTHETIC)" } else { "" }
            );
            for issue in &v.issues {
                let level = if issue.action == Action::Kept {
                    "warning"
                } else {
                    "error"
                };
                println!("  {level}: {issue}");
            }
            let errors = v.issues.iter().filter(|i| i.action != Action::Kept).count();
            if errors == 0 {
                println!("ok: {} warning(s)", v.issues.len());
                ExitCode::SUCCESS
            } else {
                println!("{errors} error(s): the app would leave those values or records out");
                ExitCode::FAILURE
            }
        }
    }
}

pub fn synth(args: &[&str]) -> Result<(), String> {
    let mut count = None;
    let mut seed = 42u64;
    let mut out = None;
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it.next().ok_or(format!("{flag} needs a value"))?;
        match *flag {
            "--count" => count = Some(value.parse::<usize>().map_err(|e| format!("--count: {e}"))?),
            "--seed" => seed = value.parse().map_err(|e| format!("--seed: {e}"))?,
            "--out" => out = Some(value.to_string()),
            other => return Err(format!("unknown option {other}")),
        }
    }
    let count = count.ok_or("--count N is required")?;
    if count == 0 {
        return Err("--count must be at least 1".into());
    }
    let dataset = ocop_core::synth::synth_dataset(count, seed);
    let json = serde_json::to_string(&dataset).map_err(|e| e.to_string())?;
    match out {
        Some(path) => {
            std::fs::write(&path, json).map_err(|e| format!("{path}: {e}"))?;
            eprintln!("wrote {count} synthetic products to {path}");
        }
        None => println!("{json}"),
    }
    Ok(())
}
