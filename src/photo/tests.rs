use super::*;
use image::{ImageEncoder, Rgb, RgbImage};

fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let image = RgbImage::from_fn(width, height, |x, y| Rgb([x as u8, y as u8, 128]));
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .write_image(
            image.as_raw(),
            width,
            height,
            image::ExtendedColorType::Rgb8,
        )
        .unwrap();
    out
}

fn png(width: u32, height: u32) -> Vec<u8> {
    let image = RgbImage::from_fn(width, height, |x, y| Rgb([x as u8, y as u8, 7]));
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(
            image.as_raw(),
            width,
            height,
            image::ExtendedColorType::Rgb8,
        )
        .unwrap();
    out
}

/// A PNG claiming `width` × `height` in its header, with a few bytes of pixel data: what
/// a huge image looks like up to where its pixels start.
fn png_header(width: u32, height: u32) -> Vec<u8> {
    let mut ihdr = width.to_be_bytes().to_vec();
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    for (kind, data) in [
        (b"IHDR", ihdr),
        (b"IDAT", vec![0x78, 0x9c, 0x03, 0x00]),
        (b"IEND", vec![]),
    ] {
        out.extend((data.len() as u32).to_be_bytes());
        let mut chunk = kind.to_vec();
        chunk.extend(data);
        out.extend(&chunk);
        out.extend(crc32(&chunk).to_be_bytes());
    }
    out
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn jpeg_and_png_are_kept_in_their_format_with_their_size() {
    let cleaned = clean(&jpeg(64, 48)).unwrap();
    assert_eq!(
        (cleaned.format, cleaned.width, cleaned.height),
        (PhotoFormat::Jpeg, 64, 48)
    );
    assert!(!cleaned.had_exif);
    assert_eq!(
        image::guess_format(&cleaned.bytes).unwrap(),
        ImageFormat::Jpeg
    );
    let cleaned = clean(&png(10, 20)).unwrap();
    assert_eq!(
        (cleaned.format, cleaned.width, cleaned.height),
        (PhotoFormat::Png, 10, 20)
    );
    assert_eq!(
        decode(&cleaned.bytes).unwrap().to_rgb8(),
        RgbImage::from_fn(10, 20, |x, y| Rgb([x as u8, y as u8, 7]))
    );
}

#[test]
fn bad_files_are_refused_with_their_reason() {
    let whole = jpeg(64, 48);
    assert!(matches!(
        clean(&whole[..whole.len() / 2]),
        Err(PhotoError::Damaged(_))
    ));
    let whole = png(64, 48);
    assert!(matches!(
        clean(&whole[..whole.len() - 20]),
        Err(PhotoError::Damaged(_))
    ));
    assert_eq!(clean(b"not an image at all"), Err(PhotoError::NotAnImage));
    assert_eq!(clean(b""), Err(PhotoError::Empty));
    assert_eq!(
        clean(&png_header(20_000, 20_000)),
        Err(PhotoError::TooManyPixels {
            width: 20_000,
            height: 20_000
        })
    );
    assert_eq!(
        clean(&png_header(11_000, 11_000)),
        Err(PhotoError::TooManyPixels {
            width: 11_000,
            height: 11_000
        })
    );
    assert_eq!(
        clean(b"GIF89a\x01\x00\x01\x00\x00\x00\x00"),
        Err(PhotoError::OtherFormat("a GIF"))
    );
    assert_eq!(
        clean(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic"),
        Err(PhotoError::OtherFormat("an HEIC (HEIF)"))
    );
    let huge = vec![0u8; (MAX_PHOTO_BYTES + 1) as usize];
    assert_eq!(clean(&huge), Err(PhotoError::TooLarge(MAX_PHOTO_BYTES + 1)));
}

#[test]
fn the_demo_samples_are_small_jpegs_without_metadata() {
    for sample in SAMPLES {
        assert!(sample.bytes.len() < 30 * 1024, "{}", sample.name);
        let cleaned = clean(sample.bytes).unwrap();
        assert!(!cleaned.had_exif, "{}", sample.name);
        assert_eq!(cleaned.format, PhotoFormat::Jpeg);
    }
}
