//! The folders the store keeps files in beside the state (`plans/`, `photos/`): made private
//! (0700) from the start, used only as a real directory of the user's own (as the data
//! directory is), and written atomically: a temporary file, fsync, rename, fsync of the
//! folder, so that a state never names a file that is not whole on disk.

use super::StoreError;
use super::dir::check_owner_and_mode;
use super::read::kind_of;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// One such folder, and the words its errors use.
pub(super) struct KeptDir {
    pub path: PathBuf,
    /// The error when `path` is there but not a directory: its kind ("a symbolic link").
    pub not_a_dir: fn(PathBuf, &'static str) -> StoreError,
    /// What creating it is called: "create the plans directory".
    pub create: &'static str,
    /// The start of a temporary file's name: ".plan-".
    pub prefix: &'static str,
    /// What writing, flushing and keeping one of its files are called: "write a plan copy
    /// in", "flush a plan copy in", "keep a plan copy in".
    pub steps: [&'static str; 3],
}

impl KeptDir {
    /// The folder must be a real directory (not a link) of the user's own that others cannot
    /// write to; not being there yet is fine.
    pub fn check(&self) -> Result<(), StoreError> {
        let meta = match fs::symlink_metadata(&self.path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(source) => return Err(self.io("look at", source)),
        };
        if !meta.is_dir() {
            return Err((self.not_a_dir)(
                self.path.clone(),
                kind_of(&meta.file_type()),
            ));
        }
        check_owner_and_mode(&self.path, &meta)
    }

    /// Creates the folder, private, unless it is there, and `check`s it.
    pub fn create(&self) -> Result<(), StoreError> {
        let mut builder = fs::DirBuilder::new();
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        match builder.create(&self.path) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(self.io(self.create, e)),
        }
        self.check()
    }

    /// Writes `bytes` to `path`, a file of this folder, atomically.
    pub fn write(&self, path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
        let [write, flush, keep] = self.steps;
        // tempfile makes the file 0600 and never through a link; renaming keeps that.
        let mut temp = tempfile::Builder::new()
            .prefix(self.prefix)
            .suffix(".tmp")
            .tempfile_in(&self.path)
            .map_err(|e| self.io("create a temporary file in", e))?;
        temp.write_all(bytes).map_err(|e| self.io(write, e))?;
        temp.as_file().sync_all().map_err(|e| self.io(flush, e))?;
        temp.persist(path).map_err(|e| self.io(keep, e.error))?;
        self.sync()
    }

    /// Flushes the folder: a file added, renamed or deleted is only durable once it is.
    pub fn sync(&self) -> Result<(), StoreError> {
        #[cfg(unix)]
        fs::File::open(&self.path)
            .and_then(|d| d.sync_all())
            .map_err(|e| self.io("flush", e))?;
        Ok(())
    }

    fn io(&self, action: &'static str, source: io::Error) -> StoreError {
        StoreError::Io {
            action,
            path: self.path.clone(),
            source,
        }
    }
}
