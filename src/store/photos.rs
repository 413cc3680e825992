//! The patient's photos: each treatment lists its photos by local date in the state file
//! (`Photo`), and the pictures themselves are kept beside it as `photos/<sha256>.<jpg|png>`.
//!
//! Kept as the plan copies are (`plans`): a picture is named by the SHA-256 of its bytes, so
//! it never changes once written and a copy whose bytes no longer match its name is damaged,
//! never shown; it is written atomically (temporary file, fsync, rename, fsync of the
//! directory), owner-only (0600), under the state's lock, before the state that names it;
//! read only as a regular file, never through a link, never beyond `MAX_PHOTO_BYTES`; the
//! `photos` directory must be a private directory of the user's own (0700). Removing a photo
//! takes it out of the state first, then deletes the picture if no treatment names it any more.
//!
//! What goes in is already cleaned (`crate::photo::clean`): re-encoded, without metadata.

use super::{State, Unknown};
use crate::photo::PhotoFormat;
use crate::rules::{is_sha256_hex, sha256_hex};
use chrono::{DateTime, FixedOffset};
use serde::Serialize;
use std::sync::Arc;

mod files;

/// The folder inside the data directory that holds the photos.
pub const PHOTOS_DIR: &str = "photos";

/// One photo of a treatment, as the state file records it (under its local date).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Photo {
    /// The SHA-256 of the kept picture's bytes, 64 lowercase hex digits: its file name.
    pub sha256: String,
    /// The picture's file name extension, "jpg" or "png".
    pub format: String,
    /// In pixels, upright.
    pub width: u32,
    pub height: u32,
    /// Taken before the treatment: the "before" of the before/after screen.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub before: bool,
    /// The patient's words, as stored: show it through `crate::inert`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// When it was added.
    pub added: DateTime<FixedOffset>,
    /// Fields written by a newer aftercare, kept as they are.
    #[serde(flatten)]
    pub other: Unknown,
}

impl Photo {
    /// The first 8 hex digits: the id `photo list` shows and `photo remove` takes.
    pub fn id(&self) -> &str {
        self.sha256.get(..8).unwrap_or(&self.sha256)
    }

    /// The picture's file name in `photos/`, when the record names a valid one.
    pub fn file_name(&self) -> Option<String> {
        (is_sha256_hex(&self.sha256) && PhotoFormat::from_extension(&self.format).is_some())
            .then(|| format!("{}.{}", self.sha256, self.format))
    }
}

/// A photo as a change records it: its record and the picture's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoCopy {
    pub record: Photo,
    bytes: Arc<[u8]>,
}

impl PhotoCopy {
    /// The copy of a cleaned picture (`crate::photo::clean`), added at `added`.
    pub fn new(
        cleaned: crate::photo::Cleaned,
        before: bool,
        note: String,
        added: DateTime<FixedOffset>,
    ) -> PhotoCopy {
        PhotoCopy {
            record: Photo {
                sha256: sha256_hex(&cleaned.bytes),
                format: cleaned.format.extension().to_string(),
                width: cleaned.width,
                height: cleaned.height,
                before,
                note,
                added,
                other: Unknown::new(),
            },
            bytes: cleaned.bytes.into(),
        }
    }

    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }
}

impl State {
    /// Whether any treatment still lists the picture with this SHA-256, a removed one too
    /// (it can be restored with its photos).
    pub fn names_photo(&self, sha256: &str) -> bool {
        self.sessions
            .iter()
            .chain(self.removed.iter().map(|r| &r.session))
            .flat_map(|s| s.photos.values().flatten())
            .any(|p| p.sha256 == sha256)
    }
}
