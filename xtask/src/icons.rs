//! `cargo xtask icons`: draws the app's icons (the favicon's gold star on the brand green)
//! as PNGs for the web app manifest and iOS, into `public/icons/`.
//!
//! Drawn here rather than converted from the SVG with an SVG renderer: the icon is one
//! polygon, and a 40-line rasteriser with 4×4 supersampling keeps `resvg`'s minute of
//! compile time out of every CI run. The PNGs are committed; rerun after changing this file.

use std::fs::File;
use std::io::BufWriter;
use std::path::Path;

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

/// The xtask entry points report errors as text.
fn text<T>(result: Result<T>) -> std::result::Result<T, String> {
    result.map_err(|e| e.to_string())
}

const GREEN: [u8; 3] = [0x0b, 0x5d, 0x4b];
const GOLD: [u8; 3] = [0xf5, 0xc5, 0x18];

/// The favicon's star (public/favicon.svg), in its 32-unit box.
const STAR: [(f32, f32); 10] = [
    (16.0, 5.0),
    (19.2, 11.9),
    (26.7, 12.7),
    (21.1, 17.8),
    (22.7, 25.2),
    (16.0, 21.4),
    (9.3, 25.2),
    (10.9, 17.8),
    (5.3, 12.7),
    (12.8, 11.9),
];

/// How an icon is shaped.
#[derive(Clone, Copy)]
enum Shape {
    /// Rounded square with transparent corners, star filling most of it ("any" purpose).
    Rounded,
    /// Full-bleed square, star inside the central 80 % circle that every mask keeps.
    Maskable,
    /// Full-bleed square for iOS (which rounds it itself and shows no transparency).
    Square,
}

pub fn write_all() -> std::result::Result<(), String> {
    text(write_icons())
}

fn write_icons() -> Result {
    let dir = crate::process::root().join("public/icons");
    std::fs::create_dir_all(&dir)?;
    for (name, size, shape) in [
        ("icon-192.png", 192, Shape::Rounded),
        ("icon-512.png", 512, Shape::Rounded),
        ("icon-maskable-512.png", 512, Shape::Maskable),
        ("apple-touch-icon-180.png", 180, Shape::Square),
    ] {
        let path = dir.join(name);
        write_png(&path, size, &draw(size, shape))?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

/// RGBA pixels of one icon.
fn draw(size: u32, shape: Shape) -> Vec<u8> {
    let n = size as f32;
    // Star scale: the star spans 21.4 of its 32 units; maskable keeps it in the safe zone.
    let star_scale = match shape {
        Shape::Maskable => 0.62,
        Shape::Rounded | Shape::Square => 0.9,
    } * n
        / 32.0;
    let star_offset = (n - 32.0 * star_scale) / 2.0;
    let radius = n * 0.1875; // the favicon's rx 6 of 32
    const SAMPLES: u32 = 4;
    let mut pixels = Vec::with_capacity((size * size * 4) as usize);
    for y in 0..size {
        for x in 0..size {
            let (mut inside_icon, mut inside_star) = (0u32, 0u32);
            for sy in 0..SAMPLES {
                for sx in 0..SAMPLES {
                    let px = x as f32 + (sx as f32 + 0.5) / SAMPLES as f32;
                    let py = y as f32 + (sy as f32 + 0.5) / SAMPLES as f32;
                    let in_icon = match shape {
                        Shape::Rounded => in_rounded_square(px, py, n, radius),
                        Shape::Maskable | Shape::Square => true,
                    };
                    if in_icon {
                        inside_icon += 1;
                        let (ux, uy) = ((px - star_offset) / star_scale, (py - star_offset) / star_scale);
                        if in_polygon(ux, uy, &STAR) {
                            inside_star += 1;
                        }
                    }
                }
            }
            let total = (SAMPLES * SAMPLES) as f32;
            let gold = inside_star as f32 / inside_icon.max(1) as f32;
            for c in 0..3 {
                let value = GREEN[c] as f32 * (1.0 - gold) + GOLD[c] as f32 * gold;
                pixels.push(value.round() as u8);
            }
            pixels.push((inside_icon as f32 / total * 255.0).round() as u8);
        }
    }
    pixels
}

fn in_rounded_square(x: f32, y: f32, n: f32, r: f32) -> bool {
    let cx = x.clamp(r, n - r);
    let cy = y.clamp(r, n - r);
    (x - cx).powi(2) + (y - cy).powi(2) <= r * r
}

/// Even-odd point-in-polygon test.
fn in_polygon(x: f32, y: f32, points: &[(f32, f32)]) -> bool {
    let mut inside = false;
    let mut j = points.len() - 1;
    for i in 0..points.len() {
        let (xi, yi) = points[i];
        let (xj, yj) = points[j];
        if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
            inside = !inside;
        }
        j = i;
    }
    inside
}

fn write_png(path: &Path, size: u32, rgba: &[u8]) -> Result {
    let mut encoder = png::Encoder::new(BufWriter::new(File::create(path)?), size, size);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Best);
    encoder.write_header()?.write_image_data(rgba)?;
    Ok(())
}
