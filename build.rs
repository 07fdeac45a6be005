//! Generates the typed translation module from `locales/*.json` (leptos_i18n): a key missing
//! from a locale file is a compile-time error, not a blank on a kiosk screen.

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::error::Error;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=Cargo.toml");

    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR not set")?).join("i18n");
    // Vietnamese is the default: content is written in it first.
    // `interpolate_display` lets `t_string!` fill in values for attributes and messages.
    let options = ParseOptions::default().interpolate_display(true);
    let config = Config::new("vi")?
        .add_locale("en")?
        .add_locale("zh")?
        .parse_options(options);
    let translations = TranslationsInfos::parse(config)?;
    translations.emit_diagnostics();
    translations.rerun_if_locales_changed();
    translations.generate_i18n_module(out)?;
    Ok(())
}
