//! Photos: the picture kept before the state names it, shared by two treatments, deleted only
//! once no treatment names it, and never shown when changed, linked or missing; a newer
//! aftercare's fields beside a photo are kept.

use super::*;
use crate::photo::{Cleaned, PhotoFormat};
use chrono::DateTime;
use std::fs;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

const T1: &str = "2026-11-20T14:00:00+01:00";
const T2: &str = "2026-12-25T10:00:00+01:00";

fn copy(bytes: &[u8]) -> PhotoCopy {
    let cleaned = Cleaned {
        bytes: bytes.to_vec(),
        format: PhotoFormat::Png,
        width: 2,
        height: 3,
        had_exif: false,
    };
    PhotoCopy::new(cleaned, false, String::new(), at(T1))
}

fn add(session: &str, day: u32, photo: &PhotoCopy) -> Change {
    Change::AddPhoto {
        session: at(session),
        date: NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
        photo: photo.clone(),
    }
}

fn treated() -> (tempfile::TempDir, Store) {
    let dir = private_tempdir();
    let store = Store::new(dir.path());
    store.apply(&Change::AddSession { at: at(T1) }).unwrap();
    store.apply(&Change::AddSession { at: at(T2) }).unwrap();
    (dir, store)
}

#[test]
fn a_photo_is_kept_before_the_state_names_it_and_read_back_checked() {
    let (_dir, store) = treated();
    let photo = copy(b"picture one");
    let saved = store.save(&add(T1, 22, &photo)).unwrap();
    assert!(saved.changed);
    let record =
        &saved.state.sessions[0].photos[&NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()][0];
    assert_eq!(record, &photo.record);
    let path = store.photo_path(record).unwrap();
    assert_eq!(fs::read(&path).unwrap(), b"picture one");
    assert_eq!(store.read_photo(record).unwrap(), b"picture one");
    // The same picture on the same day again changes nothing.
    assert!(!store.save(&add(T1, 22, &photo)).unwrap().changed);
    // Changed after it was kept: refused.
    fs::write(&path, b"something else").unwrap();
    let err = store.read_photo(record).unwrap_err().to_string();
    assert!(err.contains("no longer the picture that was kept"), "{err}");
    // A link in its place: refused, not followed.
    fs::remove_file(&path).unwrap();
    std::os::unix::fs::symlink("/etc/hostname", &path).unwrap();
    let err = store.read_photo(record).unwrap_err().to_string();
    assert!(err.contains("symbolic link"), "{err}");
    fs::remove_file(&path).unwrap();
    let err = store.read_photo(record).unwrap_err().to_string();
    assert!(err.contains("it is not there"), "{err}");
}

#[test]
fn a_picture_two_treatments_name_is_deleted_only_when_neither_does() {
    let (_dir, store) = treated();
    let photo = copy(b"shared picture");
    store.apply(&add(T1, 21, &photo)).unwrap();
    store.apply(&add(T2, 26, &photo)).unwrap();
    let path = store.photo_path(&photo.record).unwrap();
    let remove = |session| Change::RemovePhoto {
        session: at(session),
        sha256: photo.record.sha256.clone(),
    };
    let state = store.apply(&remove(T1)).unwrap();
    assert!(state.sessions[0].photos.is_empty());
    assert!(path.exists(), "the other treatment still names it");
    store.apply(&remove(T2)).unwrap();
    assert!(!path.exists());
    // Removing it again changes nothing and fails nowhere.
    assert!(!store.save(&remove(T2)).unwrap().changed);
}

#[test]
fn a_photo_for_a_treatment_no_longer_recorded_is_refused_and_nothing_kept() {
    let dir = private_tempdir();
    let store = Store::new(dir.path());
    let err = store.save(&add(T1, 22, &copy(b"x"))).unwrap_err();
    assert!(matches!(err, StoreError::Conflict(Conflict::NoSession(_))));
    assert!(!dir.path().join(PHOTOS_DIR).exists());
}

#[test]
fn fields_a_newer_aftercare_writes_beside_a_photo_are_kept() {
    let (_dir, store) = treated();
    store.apply(&add(T1, 22, &copy(b"p"))).unwrap();
    let text = fs::read_to_string(store.path())
        .unwrap()
        .replace("\"width\": 2", "\"width\": 2, \"lens\": {\"mm\": 1.50}");
    fs::write(store.path(), text).unwrap();
    store.apply(&add(T1, 23, &copy(b"q"))).unwrap();
    assert!(
        fs::read_to_string(store.path())
            .unwrap()
            .contains("\"lens\": {\"mm\": 1.50}")
    );
}

#[test]
fn a_removed_treatment_keeps_its_pictures_for_a_restore() {
    let (_dir, store) = treated();
    let photo = copy(b"kept for a restore");
    store.apply(&add(T1, 21, &photo)).unwrap();
    store.apply(&add(T2, 26, &photo)).unwrap();
    store
        .apply(&Change::RemoveSession {
            at: at(T1),
            removed: at(T2),
        })
        .unwrap();
    store
        .apply(&Change::RemovePhoto {
            session: at(T2),
            sha256: photo.record.sha256.clone(),
        })
        .unwrap();
    assert!(store.photo_path(&photo.record).unwrap().exists());
    let state = store.apply(&Change::RestoreSession { at: at(T1) }).unwrap();
    let restored = &state.sessions[0].photos;
    assert_eq!(restored.values().flatten().next(), Some(&photo.record));
    assert_eq!(
        store.read_photo(&photo.record).unwrap(),
        b"kept for a restore"
    );
}
