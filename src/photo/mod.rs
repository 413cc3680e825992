//! Photos of the treated skin, made safe to keep: checked from the header before anything
//! is decoded, decoded within limits, turned upright and encoded again.
//!
//! Encoding again is what removes the metadata: `image` writes pixels only, so the copy has
//! no EXIF (GPS position, camera make and model, serial numbers, time taken), no XMP, no
//! IPTC, no embedded thumbnail, whatever the original held. The EXIF orientation is applied
//! to the pixels first, so a phone photo taken sideways is kept upright. JPEG stays JPEG
//! (quality `JPEG_QUALITY`) and PNG stays PNG (lossless).
//!
//! Pure: bytes in, bytes out. Reading the file and keeping the copy are `cli::photo` and
//! `store::photos`.

mod samples;

pub use samples::{SAMPLES, Sample};

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};
use std::io::Cursor;

/// The largest photo file accepted, in bytes: 40 MiB. A 50-megapixel phone photo is about
/// 15–25 MiB as JPEG; anything larger is not a photo of a face (or not a photo).
pub const MAX_PHOTO_BYTES: u64 = 40 << 20;

/// The most pixels a side may have: 12,000 (a 108-megapixel phone sensor is 12,000 × 9,000).
pub const MAX_SIDE: u32 = 12_000;

/// The most pixels a photo may have: 110 megapixels, so decoding needs at most about 440 MB
/// (4 bytes a pixel, with alpha). A 20,000 × 20,000 image (400 megapixels, 1.6 GB decoded) is
/// refused from its header, before any pixel is read.
pub const MAX_PIXELS: u64 = 110_000_000;

/// The JPEG quality copies are encoded at: high enough that the skin's texture is kept.
pub const JPEG_QUALITY: u8 = 92;

/// The formats kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoFormat {
    Jpeg,
    Png,
}

impl PhotoFormat {
    /// The file name extension of a kept copy: "jpg" or "png".
    pub fn extension(self) -> &'static str {
        match self {
            PhotoFormat::Jpeg => "jpg",
            PhotoFormat::Png => "png",
        }
    }

    /// The format named by `extension` (as `extension` writes it).
    pub fn from_extension(extension: &str) -> Option<PhotoFormat> {
        match extension {
            "jpg" => Some(PhotoFormat::Jpeg),
            "png" => Some(PhotoFormat::Png),
            _ => None,
        }
    }

    fn image_format(self) -> ImageFormat {
        match self {
            PhotoFormat::Jpeg => ImageFormat::Jpeg,
            PhotoFormat::Png => ImageFormat::Png,
        }
    }
}

/// A photo ready to keep: re-encoded, upright, without metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    pub bytes: Vec<u8>,
    pub format: PhotoFormat,
    /// In pixels, upright.
    pub width: u32,
    pub height: u32,
    /// Whether the original carried EXIF metadata (location, camera, time taken), now gone.
    pub had_exif: bool,
}

/// Why a file cannot be kept as a photo. Nothing is kept when any of these happens.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PhotoError {
    #[error("it is empty")]
    Empty,
    #[error(
        "it is {} MiB, more than the {} MiB a photo may be; make it smaller (a phone's \"large\" or \"medium\" size is plenty)",
        .0.div_ceil(1 << 20),
        MAX_PHOTO_BYTES >> 20
    )]
    TooLarge(u64),
    #[error("it is not a JPEG or PNG image (aftercare keeps JPEG and PNG photos)")]
    NotAnImage,
    #[error(
        "it is {0} image; aftercare keeps JPEG and PNG photos: save or export it as JPEG first (on an iPhone: Settings › Camera › Formats › Most Compatible)"
    )]
    OtherFormat(&'static str),
    #[error(
        "it is {width} × {height} pixels, more than a photo may be (at most {MAX_SIDE} pixels a side and {} megapixels); make it smaller first",
        MAX_PIXELS / 1_000_000
    )]
    TooManyPixels { width: u32, height: u32 },
    #[error(
        "it needs more memory to decode than a photo may use (at most {} megapixels); make it smaller first",
        MAX_PIXELS / 1_000_000
    )]
    TooMuchMemory,
    #[error("it is damaged or cut short ({0})")]
    Damaged(String),
    #[error("it could not be encoded again ({0})")]
    Encode(String),
}

/// Checks, decodes and re-encodes `bytes` (see the module docs).
///
/// # Errors
/// `Empty`, `TooLarge` (over `MAX_PHOTO_BYTES`), `NotAnImage`, `OtherFormat`,
/// `TooManyPixels` (from the header, before decoding), `Damaged` (truncated or corrupt data),
/// `Encode`.
pub fn clean(bytes: &[u8]) -> Result<Cleaned, PhotoError> {
    let format = check(bytes)?;
    let mut decoder = reader(bytes, format)
        .into_decoder()
        .map_err(|e| damaged(&e))?;
    let orientation = decoder.orientation().map_err(|e| damaged(&e))?;
    let had_exif = decoder
        .exif_metadata()
        .map_err(|e| damaged(&e))?
        .is_some_and(|exif| !exif.is_empty());
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| damaged(&e))?;
    image.apply_orientation(orientation);
    let bytes = encode(&image, format)?;
    Ok(Cleaned {
        bytes,
        format,
        width: image.width(),
        height: image.height(),
        had_exif,
    })
}

/// Decodes a kept photo (or a demo sample) for drawing, within the same limits.
///
/// # Errors
/// As `clean`, for a copy damaged since it was kept.
pub fn decode(bytes: &[u8]) -> Result<DynamicImage, PhotoError> {
    let format = check(bytes)?;
    reader(bytes, format).decode().map_err(|e| damaged(&e))
}

/// The format of `bytes`, once its size, signature and header dimensions are within limits.
fn check(bytes: &[u8]) -> Result<PhotoFormat, PhotoError> {
    if bytes.is_empty() {
        return Err(PhotoError::Empty);
    }
    if bytes.len() as u64 > MAX_PHOTO_BYTES {
        return Err(PhotoError::TooLarge(bytes.len() as u64));
    }
    if is_heif(bytes) {
        return Err(PhotoError::OtherFormat("an HEIC (HEIF)"));
    }
    let format = match image::guess_format(bytes) {
        Ok(ImageFormat::Jpeg) => PhotoFormat::Jpeg,
        Ok(ImageFormat::Png) => PhotoFormat::Png,
        Ok(other) => return Err(PhotoError::OtherFormat(format_name(other))),
        Err(_) => return Err(PhotoError::NotAnImage),
    };
    if format == PhotoFormat::Jpeg && !ends_with_eoi(bytes) {
        // zune-jpeg fills a cut-off JPEG with grey rather than failing: refuse it here.
        return Err(PhotoError::Damaged(
            "the JPEG ends without its end marker".into(),
        ));
    }
    let mut header = ImageReader::with_format(Cursor::new(bytes), format.image_format());
    header.no_limits();
    let (width, height) = header.into_dimensions().map_err(|e| damaged(&e))?;
    if width == 0 || height == 0 {
        return Err(PhotoError::Damaged("it has no pixels".into()));
    }
    if width > MAX_SIDE || height > MAX_SIDE || u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(PhotoError::TooManyPixels { width, height });
    }
    Ok(format)
}

/// A reader of `bytes` with `image`'s limits set to ours: what `check` found in the header
/// is also what the decoder is held to.
fn reader(bytes: &[u8], format: PhotoFormat) -> ImageReader<Cursor<&[u8]>> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format.image_format());
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_PIXELS * 4 + (64 << 20));
    reader.limits(limits);
    reader
}

/// Whether `bytes` start as an HEIC/HEIF file does (an iPhone's photos by default): an ISO
/// box `ftyp` with one of HEIF's brands.
fn is_heif(bytes: &[u8]) -> bool {
    let brand = bytes.get(8..12).unwrap_or_default();
    bytes.get(4..8) == Some(b"ftyp")
        && [
            b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1",
        ]
        .iter()
        .any(|b| brand == *b)
}

/// Whether a JPEG's last marker is its end (EOI), allowing the zero padding some cameras add.
fn ends_with_eoi(bytes: &[u8]) -> bool {
    let end = bytes.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
    bytes[..end].ends_with(&[0xFF, 0xD9])
}

fn encode(image: &DynamicImage, format: PhotoFormat) -> Result<Vec<u8>, PhotoError> {
    let mut out = Vec::new();
    let failed = |e: image::ImageError| PhotoError::Encode(e.to_string());
    match format {
        PhotoFormat::Jpeg => {
            // JPEG has no alpha; grey stays grey.
            let image = match image {
                DynamicImage::ImageLuma8(_) | DynamicImage::ImageRgb8(_) => image.clone(),
                DynamicImage::ImageLuma16(_) | DynamicImage::ImageLumaA8(_) => {
                    DynamicImage::ImageLuma8(image.to_luma8())
                }
                _ => DynamicImage::ImageRgb8(image.to_rgb8()),
            };
            let encoder =
                image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY);
            image.write_with_encoder(encoder).map_err(failed)?;
        }
        PhotoFormat::Png => {
            let encoder = image::codecs::png::PngEncoder::new(&mut out);
            image.write_with_encoder(encoder).map_err(failed)?;
        }
    }
    Ok(out)
}

fn damaged(e: &image::ImageError) -> PhotoError {
    match e {
        image::ImageError::Limits(_) => PhotoError::TooMuchMemory,
        e => PhotoError::Damaged(e.to_string()),
    }
}

fn format_name(format: ImageFormat) -> &'static str {
    match format {
        ImageFormat::Gif => "a GIF",
        ImageFormat::WebP => "a WebP",
        ImageFormat::Tiff => "a TIFF",
        ImageFormat::Bmp => "a BMP",
        ImageFormat::Avif => "an AVIF",
        ImageFormat::Ico => "an icon",
        _ => "another kind of",
    }
}

#[cfg(test)]
mod tests;
