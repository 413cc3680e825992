//! The pictures kept in `photos/`: where each is, reading one back checked against its SHA-256, keeping a new one, and removing one no treatment names.

use super::{PHOTOS_DIR, Photo, PhotoCopy};
use crate::photo::{MAX_PHOTO_BYTES, PhotoFormat};
use crate::rules::{is_sha256_hex, sha256_hex};
use crate::store::kept_dir::KeptDir;
use crate::store::read::read_kept;
use crate::store::{State, Store, StoreError};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

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
        self.photos_kept().check()?;
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
    pub(in crate::store) fn keep_photo(&self, copy: &PhotoCopy) -> Result<(), StoreError> {
        let dir = self.photos_kept();
        dir.create()?;
        let Some(path) = self.photo_path(&copy.record) else {
            return Err(StoreError::Photo {
                path: dir.path,
                why: "its record names no valid file".into(),
            });
        };
        if let Ok(Some(bytes)) = read_picture(&path)
            && *bytes == *copy.bytes()
        {
            return Ok(());
        }
        dir.write(&path, copy.bytes())
    }

    /// Deletes the picture with this SHA-256 if `state` (as just saved, under the lock) no
    /// longer names it. A picture that is not there is fine.
    pub(in crate::store) fn drop_photo_if_unnamed(
        &self,
        state: &State,
        sha256: &str,
    ) -> Result<(), StoreError> {
        if state.names_photo(sha256) || !is_sha256_hex(sha256) {
            return Ok(());
        }
        let kept = self.photos_kept();
        kept.check()?;
        let dir = &kept.path;
        for format in [PhotoFormat::Jpeg, PhotoFormat::Png] {
            let path = dir.join(format!("{sha256}.{}", format.extension()));
            match fs::remove_file(&path) {
                Ok(()) => kept.sync()?,
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

    /// `photos/`, and the words of its errors.
    fn photos_kept(&self) -> KeptDir {
        KeptDir {
            path: self.photos_dir(),
            not_a_dir: |path, kind| StoreError::PhotosDir { path, kind },
            create: "create the photos directory",
            prefix: ".photo-",
            steps: ["write a photo in", "flush a photo in", "keep a photo in"],
        }
    }
}

/// The bytes of a kept picture, `None` when there is none, or why it cannot be used: read as
/// every file the app keeps (`read_kept`), in a photo's own words.
fn read_picture(path: &Path) -> Result<Option<Vec<u8>>, String> {
    read_kept(path, MAX_PHOTO_BYTES, "photos", || {
        format!(
            "it is larger than {} MiB, more than any photo kept",
            MAX_PHOTO_BYTES >> 20
        )
    })
}
