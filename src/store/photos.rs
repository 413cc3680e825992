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

use super::dir::check_owner_and_mode;
use super::read::{kind_of, open_no_follow};
use super::{State, Store, StoreError, Unknown};
use crate::photo::{MAX_PHOTO_BYTES, PhotoFormat};
use crate::rules::{is_sha256_hex, sha256_hex};
use chrono::{DateTime, FixedOffset};
use serde::Serialize;
use std::fs::{self, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

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

impl Store {
    fn photos_dir(&self) -> PathBuf {
        self.dir().join(PHOTOS_DIR)
    }

    /// Where the picture of `photo` is kept; `None` when the record names no valid file.
    pub fn photo_path(&self, photo: &Photo) -> Option<PathBuf> {
        Some(self.photos_dir().join(photo.file_name()?))
    }

    /// The bytes of `photo`'s picture, checked against its SHA-256.
    ///
    /// # Errors
    /// `Photo` when the record names no valid file, or the picture is missing, a link, not a
    /// regular file, too large, or no longer the picture that was kept; `PhotosDir` when
    /// `photos` is not a private directory of the user's own.
    pub fn read_photo(&self, photo: &Photo) -> Result<Vec<u8>, StoreError> {
        self.check_photos_dir()?;
        let Some(path) = self.photo_path(photo) else {
            return Err(StoreError::Photo {
                path: self.path(),
                why: "the state file names it by something other than a SHA-256 and jpg or png"
                    .into(),
            });
        };
        let bytes = read_picture(&path)
            .map_err(|why| StoreError::Photo {
                path: path.clone(),
                why,
            })?
            .ok_or_else(|| StoreError::Photo {
                path: path.clone(),
                why: "it is not there (was it moved or deleted?)".into(),
            })?;
        if sha256_hex(&bytes) != photo.sha256 {
            return Err(StoreError::Photo {
                path,
                why: "it is no longer the picture that was kept (it was changed after)".into(),
            });
        }
        Ok(bytes)
    }

    /// Keeps `copy`'s picture in `photos/`, unless an intact one is there already. Called
    /// under the lock, before the state naming it is written.
    pub(super) fn keep_photo(&self, copy: &PhotoCopy) -> Result<(), StoreError> {
        let dir = self.photos_dir();
        let io_err = |action, source| StoreError::Io {
            action,
            path: dir.clone(),
            source,
        };
        let mut builder = fs::DirBuilder::new();
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        match builder.create(&dir) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(io_err("create the photos directory", e)),
        }
        self.check_photos_dir()?;
        let Some(path) = self.photo_path(&copy.record) else {
            return Err(StoreError::Photo {
                path: dir,
                why: "its record names no valid file".into(),
            });
        };
        if let Ok(Some(bytes)) = read_picture(&path)
            && *bytes == *copy.bytes()
        {
            return Ok(());
        }
        // tempfile makes the file 0600 and never through a link; renaming keeps that.
        let mut temp = tempfile::Builder::new()
            .prefix(".photo-")
            .suffix(".tmp")
            .tempfile_in(&dir)
            .map_err(|e| io_err("create a temporary file in", e))?;
        temp.write_all(copy.bytes())
            .map_err(|e| io_err("write a photo in", e))?;
        temp.as_file()
            .sync_all()
            .map_err(|e| io_err("flush a photo in", e))?;
        temp.persist(&path)
            .map_err(|e| io_err("keep a photo in", e.error))?;
        sync(&dir).map_err(|e| io_err("flush", e))
    }

    /// Deletes the picture with this SHA-256 if `state` (as just saved, under the lock) no
    /// longer names it. A picture that is not there is fine.
    pub(super) fn drop_photo_if_unnamed(
        &self,
        state: &State,
        sha256: &str,
    ) -> Result<(), StoreError> {
        if state.names_photo(sha256) || !is_sha256_hex(sha256) {
            return Ok(());
        }
        self.check_photos_dir()?;
        let dir = self.photos_dir();
        for format in [PhotoFormat::Jpeg, PhotoFormat::Png] {
            let path = dir.join(format!("{sha256}.{}", format.extension()));
            match fs::remove_file(&path) {
                Ok(()) => sync(&dir).map_err(|source| StoreError::Io {
                    action: "flush",
                    path: dir.clone(),
                    source,
                })?,
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(source) => {
                    return Err(StoreError::Io {
                        action: "delete",
                        path,
                        source,
                    });
                }
            }
        }
        Ok(())
    }

    /// `photos` must be a real directory (not a link) of the user's own that others cannot
    /// write to; not being there yet is fine.
    fn check_photos_dir(&self) -> Result<(), StoreError> {
        let dir = self.photos_dir();
        let meta = match fs::symlink_metadata(&dir) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(source) => {
                return Err(StoreError::Io {
                    action: "look at",
                    path: dir,
                    source,
                });
            }
        };
        if !meta.is_dir() {
            return Err(StoreError::PhotosDir {
                kind: kind_of(&meta.file_type()),
                path: dir,
            });
        }
        check_owner_and_mode(&dir, &meta)
    }
}

/// A directory entry is only durable once the directory is flushed too.
fn sync(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    fs::File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// The bytes of a kept picture, `None` when there is none, or why it cannot be used.
fn read_picture(path: &Path) -> Result<Option<Vec<u8>>, String> {
    let file = match open_no_follow(path, OpenOptions::new().read(true)) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(match fs::symlink_metadata(path) {
                Ok(m) if m.file_type().is_symlink() => {
                    "it is a symbolic link; aftercare keeps its photos as plain files".into()
                }
                _ => format!("it cannot be read: {e}"),
            });
        }
    };
    let meta = file
        .metadata()
        .map_err(|e| format!("it cannot be read: {e}"))?;
    if !meta.is_file() {
        return Err(format!(
            "it is {}, not a regular file",
            kind_of(&meta.file_type())
        ));
    }
    let mut bytes = Vec::new();
    file.take(MAX_PHOTO_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("it cannot be read: {e}"))?;
    if bytes.len() as u64 > MAX_PHOTO_BYTES {
        return Err(format!(
            "it is larger than {} MiB, more than any photo kept",
            MAX_PHOTO_BYTES >> 20
        ));
    }
    Ok(Some(bytes))
}
