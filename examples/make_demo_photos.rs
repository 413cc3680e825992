//! Draws the demo's two sample photos, `assets/photos/demo-before.jpg` and
//! `demo-after.jpg`: a face-like drawing (no real patient), before treatment with red, uneven
//! cheeks and after with calmer, even skin, in the same light, angle and distance.
//!
//! Run `cargo run --example make_demo_photos` from the repository's top folder; the files are
//! committed, so this is only needed to change them. Each must stay under 30 KB.

use image::{Rgb, RgbImage};

const WIDTH: u32 = 240;
const HEIGHT: u32 = 300;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    for (name, redness) in [("demo-before.jpg", 1.0), ("demo-after.jpg", 0.25)] {
        let image = face(redness);
        let mut bytes = Vec::new();
        let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 80);
        image.write_with_encoder(encoder)?;
        let path = format!("assets/photos/{name}");
        std::fs::write(&path, &bytes)?;
        println!("{path}: {} bytes", bytes.len());
    }
    Ok(())
}

/// The face, with its cheeks `redness` (0 calm to 1 red and uneven) red.
fn face(redness: f32) -> RgbImage {
    RgbImage::from_fn(WIDTH, HEIGHT, |x, y| {
        let (x, y) = (x as f32, y as f32);
        // A soft grey-blue wall behind, lighter at the top (window light from above left).
        let wall = 200.0 - y * 0.25 + x * 0.05;
        let mut px = [wall * 0.85, wall * 0.9, wall];
        // The face: an oval, lit from the left.
        let (cx, cy, rx, ry) = (120.0, 150.0, 78.0, 105.0);
        let d = ((x - cx) / rx).powi(2) + ((y - cy) / ry).powi(2);
        // Neck below the face.
        let neck = (x - cx).abs() < 34.0 && y > 230.0;
        if d < 1.0 || neck {
            let shade = 1.0 - 0.18 * ((x - 60.0) / 140.0).clamp(0.0, 1.0) - 0.1 * d.min(1.0);
            px = [236.0 * shade, 196.0 * shade, 172.0 * shade];
        }
        if d < 1.0 {
            // Cheeks: red patches, with spots before the treatment.
            for cheek_x in [82.0, 158.0] {
                let c = ((x - cheek_x) / 26.0).powi(2) + ((y - 178.0) / 20.0).powi(2);
                if c < 1.0 {
                    let spots = ((x * 0.9).sin() * (y * 1.1).cos()).max(0.0).powi(8);
                    let red = redness * (1.0 - c) * (38.0 + 50.0 * spots);
                    px[0] += red * 0.2;
                    px[1] -= red;
                    px[2] -= red * 0.8;
                }
            }
            // Brows, eyes, nose shadow and lips.
            let eye = |ex: f32| ((x - ex) / 14.0).powi(2) + ((y - 128.0) / 6.0).powi(2) < 1.0;
            let pupil = |ex: f32| ((x - ex) / 5.0).powi(2) + ((y - 128.0) / 5.0).powi(2) < 1.0;
            let brow =
                |bx: f32| (x - bx).abs() < 18.0 && (y - 108.0 + (x - bx).abs() * 0.15).abs() < 3.0;
            let nose = (x - 124.0).abs() < 3.0 && (140.0..182.0).contains(&y);
            let lips = ((x - cx) / 26.0).powi(2) + ((y - 212.0) / 8.0).powi(2) < 1.0;
            if brow(90.0) || brow(150.0) {
                px = [110.0, 80.0, 60.0];
            } else if pupil(92.0) || pupil(148.0) {
                px = [60.0, 45.0, 40.0];
            } else if eye(92.0) || eye(148.0) {
                px = [245.0, 242.0, 236.0];
            } else if nose {
                px = [px[0] * 0.85, px[1] * 0.82, px[2] * 0.82];
            } else if lips {
                px = [196.0, 112.0, 110.0];
            }
        }
        // Hair over the top of the face.
        let hair = ((x - cx) / 86.0).powi(2) + ((y - 118.0) / 100.0).powi(2) < 1.0
            && y < 88.0 - ((x - cx) / 10.0).powi(2) * 0.2;
        if hair {
            px = [92.0, 64.0, 44.0];
        }
        Rgb(px.map(|v| v.clamp(0.0, 255.0) as u8))
    })
}
