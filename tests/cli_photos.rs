//! `photo add|list|remove` from the command line: a copy kept without its metadata, owner
//! only, the original untouched; bad files refused with a clear message and nothing kept;
//! `history` and the handout count the photos.

mod cli_common;

use cli_common::*;
use image::{ImageEncoder, Rgb, RgbImage};
use predicates::prelude::*;
use predicates::str::contains;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

/// A 64 × 48 JPEG, landscape as stored.
fn jpeg() -> Vec<u8> {
    let image = RgbImage::from_fn(64, 48, |x, y| Rgb([(x * 4) as u8, (y * 5) as u8, 90]));
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .write_image(image.as_raw(), 64, 48, image::ExtendedColorType::Rgb8)
        .unwrap();
    out
}

/// An EXIF block (big-endian TIFF) with the camera's make, orientation 6 (the camera was
/// turned: rotate 90° clockwise to view) and a GPS position, 52° 31' N.
fn exif_with_gps() -> Vec<u8> {
    let entry = |tag: u16, kind: u16, count: u32, value: u32| {
        let mut e = tag.to_be_bytes().to_vec();
        e.extend(kind.to_be_bytes());
        e.extend(count.to_be_bytes());
        e.extend(value.to_be_bytes());
        e
    };
    const ASCII: u16 = 2;
    const SHORT: u16 = 3;
    const LONG: u16 = 4;
    const RATIONAL: u16 = 5;
    let mut tiff = b"MM\0\x2a\0\0\0\x08".to_vec();
    // IFD0 at 8: three entries, ending at 50; the make's text at 50..58; the GPS IFD at 58:
    // two entries, ending at 88; the latitude's three rationals at 88.
    tiff.extend(3u16.to_be_bytes());
    tiff.extend(entry(0x010F, ASCII, 8, 50));
    tiff.extend(entry(0x0112, SHORT, 1, 6 << 16));
    tiff.extend(entry(0x8825, LONG, 1, 58));
    tiff.extend(0u32.to_be_bytes());
    tiff.extend(b"TestCam\0");
    tiff.extend(2u16.to_be_bytes());
    tiff.extend(entry(0x0001, ASCII, 2, u32::from_be_bytes(*b"N\0\0\0")));
    tiff.extend(entry(0x0002, RATIONAL, 3, 88));
    tiff.extend(0u32.to_be_bytes());
    for (num, den) in [(52u32, 1u32), (31, 1), (0, 1)] {
        tiff.extend(num.to_be_bytes());
        tiff.extend(den.to_be_bytes());
    }
    let mut payload = b"Exif\0\0".to_vec();
    payload.extend(tiff);
    payload
}

/// `jpeg()` with an APP1 segment holding `exif_with_gps()` right after its start marker.
fn jpeg_with_gps() -> Vec<u8> {
    let plain = jpeg();
    let payload = exif_with_gps();
    let mut out = plain[..2].to_vec();
    out.extend([0xFF, 0xE1]);
    out.extend(((payload.len() + 2) as u16).to_be_bytes());
    out.extend(payload);
    out.extend(&plain[2..]);
    out
}

fn exif_of(bytes: &[u8]) -> Result<exif::Exif, exif::Error> {
    exif::Reader::new().read_from_container(&mut std::io::Cursor::new(bytes))
}

fn write(p: &Patient, name: &str, bytes: &[u8]) -> PathBuf {
    let path = p.data().join(name);
    fs::write(&path, bytes).unwrap();
    path
}

fn photo(p: &Patient, now: &str) -> assert_cmd::Command {
    let mut cmd = p.at(now);
    cmd.arg("photo");
    cmd
}

fn state(p: &Patient) -> serde_json::Value {
    serde_json::from_str(&fs::read_to_string(p.state_file()).unwrap()).unwrap()
}

fn kept_files(p: &Patient) -> Vec<PathBuf> {
    match fs::read_dir(p.data().join("photos")) {
        Ok(entries) => entries.map(|e| e.unwrap().path()).collect(),
        Err(_) => Vec::new(),
    }
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn the_fixture_has_gps_and_camera_metadata() {
    let exif = exif_of(&jpeg_with_gps()).unwrap();
    assert!(
        exif.get_field(exif::Tag::GPSLatitude, exif::In::PRIMARY)
            .is_some()
    );
    assert!(exif.get_field(exif::Tag::Make, exif::In::PRIMARY).is_some());
}

#[test]
fn photo_add_keeps_a_copy_without_metadata_owner_only_and_leaves_the_file() {
    let p = Patient::treated();
    let original = jpeg_with_gps();
    let file = write(&p, "face.jpg", &original);
    photo(&p, DAY3)
        .args(["add"])
        .arg(&file)
        .args(["--note", "left cheek"])
        .assert()
        .success()
        .stdout(contains("Kept photo ").and(contains("of Day 3 (Sun 22 Nov): 48 × 64 pixels, JPEG")))
        .stdout(contains(
            "Location and camera metadata (EXIF) were removed from the copy. Your file was not changed.",
        ))
        .stdout(contains("Photos you can compare (general practice"))
        .stdout(contains("  Take every photo the same way"))
        .stdout(contains("general practice"));
    assert_eq!(
        fs::read(&file).unwrap(),
        original,
        "the original is untouched"
    );
    let kept = kept_files(&p);
    assert_eq!(kept.len(), 1);
    let copy = fs::read(&kept[0]).unwrap();
    assert!(
        matches!(exif_of(&copy), Err(exif::Error::NotFound(_))),
        "EXIF left in the copy"
    );
    assert!(!copy.windows(7).any(|w| w == b"TestCam"));
    assert_eq!(mode(&kept[0]), 0o600);
    assert_eq!(mode(&p.data().join("photos")), 0o700);
    // Turned upright: the camera's orientation is applied to the pixels.
    assert_eq!(image::load_from_memory(&copy).unwrap().width(), 48);
    let record = &state(&p)["sessions"][0]["photos"]["2026-11-22"][0];
    assert_eq!(record["note"], "left cheek");
    assert_eq!(record["format"], "jpg");
    assert_eq!(
        (record["width"].as_u64(), record["height"].as_u64()),
        (Some(48), Some(64))
    );
    let name = kept[0].file_name().unwrap().to_str().unwrap().to_string();
    assert_eq!(name, format!("{}.jpg", record["sha256"].as_str().unwrap()));
}

#[test]
fn a_png_without_metadata_says_so_and_only_the_first_photo_gets_the_advice() {
    let p = Patient::treated();
    let image = RgbImage::from_fn(30, 40, |x, y| Rgb([x as u8, y as u8, 1]));
    let mut png = Vec::new();
    image::codecs::png::PngEncoder::new(&mut png)
        .write_image(image.as_raw(), 30, 40, image::ExtendedColorType::Rgb8)
        .unwrap();
    let file = write(&p, "before.png", &png);
    photo(&p, DAY3)
        .args(["add", "--before"])
        .arg(&file)
        .assert()
        .success()
        .stdout(contains(
            "from before the treatment (Fri 20 Nov): 30 × 40 pixels, PNG",
        ))
        .stdout(contains(
            "The photo had no location or camera metadata (EXIF); the copy holds none either.",
        ))
        .stdout(contains("same light"));
    let jpg = write(&p, "day2.jpg", &jpeg());
    photo(&p, DAY3)
        .args(["add", "--day", "2"])
        .arg(&jpg)
        .assert()
        .success()
        .stdout(contains("of Day 2 (Sat 21 Nov)"))
        .stdout(contains("same light").not());
    // The same picture again is not kept twice.
    photo(&p, DAY3)
        .args(["add", "--day", "2"])
        .arg(&jpg)
        .assert()
        .success()
        .stdout(contains("already kept, of Day 2"));
    assert_eq!(kept_files(&p).len(), 2);
}

#[test]
fn photo_list_shows_each_photo_and_remove_deletes_its_copy() {
    let p = Patient::treated();
    photo(&p, DAY3)
        .args(["list"])
        .assert()
        .success()
        .stdout(contains("No photos yet"));
    let file = write(&p, "face.jpg", &jpeg());
    photo(&p, DAY3)
        .args(["add", "--before", "--note", "morning"])
        .arg(&file)
        .assert()
        .success();
    let listed = photo(&p, DAY3).args(["list"]).assert().success();
    let out = String::from_utf8(listed.get_output().stdout.clone()).unwrap();
    assert!(
        out.contains("before  Fri 20 Nov  64 × 48 jpg  “morning”"),
        "{out}"
    );
    assert!(out.contains("1 photo in all"), "{out}");
    let id = out.split_whitespace().next().unwrap().to_string();
    assert_eq!(id.len(), 8);

    photo(&p, DAY3)
        .args(["remove", "zzzz"])
        .assert()
        .code(2)
        .stderr(contains("is not a photo id"));
    photo(&p, DAY3)
        .args(["remove", "0000000"])
        .assert()
        .code(2)
        .stderr(contains("no photo has the id 0000000"));
    photo(&p, DAY3)
        .args(["remove", &id[..4]])
        .assert()
        .success()
        .stdout(contains(format!("Removed photo {id}")))
        .stdout(contains("the file you added it from was not touched"));
    assert!(kept_files(&p).is_empty());
    assert!(state(&p)["sessions"][0].get("photos").is_none());
    assert!(file.exists());
}

#[test]
fn bad_files_get_a_clear_error_and_nothing_is_kept() {
    let p = Patient::treated();
    let whole = jpeg();
    let huge = p.data().join("huge.jpg");
    fs::File::create(&huge).unwrap().set_len(41 << 20).unwrap();
    let cases: Vec<(PathBuf, i32, &str)> = vec![
        (
            write(&p, "cut.jpg", &whole[..whole.len() / 2]),
            2,
            "it is damaged or cut short",
        ),
        (
            write(&p, "notes.jpg", b"just some text, not a photo"),
            2,
            "it is not a JPEG or PNG image",
        ),
        (
            write(&p, "huge.png", &png_claiming(20_000, 20_000)),
            2,
            "it is 20000 × 20000 pixels, more than a photo may be",
        ),
        (huge, 2, "it is 41 MiB, more than the 40 MiB a photo may be"),
        (
            write(&p, "anim.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00"),
            2,
            "it is a GIF image",
        ),
        (p.data().join("missing.jpg"), 1, "cannot read"),
        (
            p.data().to_path_buf(),
            2,
            "is a directory, not a photo file",
        ),
        (fifo(&p), 2, "is a FIFO (named pipe), not a photo file"),
    ];
    let before = fs::read(p.state_file()).unwrap();
    for (file, code, message) in cases {
        photo(&p, DAY3)
            .arg("add")
            .arg(&file)
            .assert()
            .code(code)
            .stdout("")
            .stderr(contains(message))
            .stderr(contains("nothing was kept").or(contains("not a photo file")));
        assert_eq!(
            fs::read(p.state_file()).unwrap(),
            before,
            "{}",
            file.display()
        );
        assert!(kept_files(&p).is_empty(), "{}", file.display());
    }
}

#[test]
fn photos_are_for_days_up_to_today() {
    let p = Patient::treated();
    let file = write(&p, "face.jpg", &jpeg());
    photo(&p, DAY3)
        .args(["add", "--day", "5"])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(contains(
            "cannot file a photo under Day 5: photos are for Day",
        ));
    assert!(kept_files(&p).is_empty());
    Patient::new()
        .at(DAY3)
        .args(["photo", "add"])
        .arg(&file)
        .assert()
        .code(1)
        .stderr(contains("No treatment recorded yet"));
}

#[test]
fn history_and_the_handout_count_the_photos() {
    let p = Patient::treated();
    for (day, seed) in [("1", 10u8), ("3", 200)] {
        let image = RgbImage::from_pixel(16, 16, Rgb([seed, 3, 4]));
        let mut bytes = Vec::new();
        image::codecs::png::PngEncoder::new(&mut bytes)
            .write_image(image.as_raw(), 16, 16, image::ExtendedColorType::Rgb8)
            .unwrap();
        let file = write(&p, &format!("d{day}.png"), &bytes);
        photo(&p, DAY3)
            .args(["add", "--day", day])
            .arg(&file)
            .assert()
            .success();
    }
    p.at(DAY3)
        .arg("history")
        .assert()
        .success()
        .stdout(contains("Photos                2"));
    let json = p.json(DAY3, &["history", "--json"]);
    assert_eq!(json["sessions"][0]["photos"], 2);
    p.at(DAY3)
        .args(["plan", "--markdown"])
        .assert()
        .success()
        .stdout(contains(
            "**Photos:** 2 photos kept in aftercare (not printed here",
        ));
    // A plan laid out for papers, with no record, says nothing of photos.
    p.at(DAY3)
        .args(["plan", "--markdown", "--at", TREATED])
        .assert()
        .success()
        .stdout(contains("**Photos:**").not());
}

/// A PNG whose header claims `width` × `height`, followed by a scrap of pixel data: a huge
/// image as far as a reader gets before decoding.
fn png_claiming(width: u32, height: u32) -> Vec<u8> {
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

/// A named pipe with no writer: opening it must not wait.
fn fifo(p: &Patient) -> PathBuf {
    let path = p.data().join("pipe.jpg");
    let c_path = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo has no other preconditions.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
    path
}
