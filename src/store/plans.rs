//! The plans treatments follow: each treatment names its plan (`PlanRef`), and a copy of that
//! plan is kept beside the state as `plans/<sha256>.json`, so the patient never needs the
//! clinic's file again.
//!
//! A copy is named by the SHA-256 of its bytes (the plan's canonical JSON, `Rules::
//! canonical_json`), so it never changes once written: a second treatment on the same plan
//! shares it, and a copy whose bytes no longer match its name is damaged, never trusted. Like
//! the state file, copies are written atomically (temporary file, fsync, rename, fsync of the
//! directory), under the state's lock, before the state that names them; read only as
//! regular files, never through a link, never beyond `MAX_PLAN_BYTES`; the `plans` directory
//! must be a private directory of the user's own, as the data directory must.

use super::kept_dir::KeptDir;
use super::read::read_kept;
use super::{Store, StoreError, Unknown};
use crate::rules::{Rules, builtin_identity, is_sha256_hex, sha256_hex};
use serde::Serialize;
use std::path::PathBuf;
use std::sync::Arc;

/// The folder inside the data directory that holds the plan copies.
pub const PLANS_DIR: &str = "plans";

/// The largest plan copy read, in bytes: as `--rules` reads (the benchmarks' 100,000-rule
/// plan is 35 MiB).
pub const MAX_PLAN_BYTES: u64 = 256 << 20;

/// Which plan a treatment follows, as the state file records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanRef {
    /// The plan's `name`, for messages: "Example Skin Clinic: microneedling aftercare".
    pub name: String,
    /// The rules format of the copy (`RULES_FORMAT` when it was recorded).
    pub format: u32,
    /// The SHA-256 of the copy's bytes, 64 lowercase hex digits: its file name in `plans/`.
    pub sha256: String,
    /// Whether it was the built-in plan of the aftercare that recorded it. A newer aftercare
    /// compares it with its own built-in plan to say when that has changed.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub builtin: bool,
    /// Fields written by a newer aftercare, kept as they are.
    #[serde(flatten)]
    pub other: Unknown,
}

impl PlanRef {
    /// The reference a treatment following `rules` records, without the copy's bytes (for
    /// comparing a plan with the one recorded).
    pub fn of(rules: &Rules) -> PlanRef {
        PlanRef::named(rules, rules.sha256())
    }

    fn named(rules: &Rules, sha256: String) -> PlanRef {
        let builtin = builtin_identity().is_some_and(|(_, hash)| *hash == sha256);
        PlanRef {
            name: rules.name.clone(),
            format: crate::rules::RULES_FORMAT,
            sha256,
            builtin,
            other: Unknown::new(),
        }
    }

    /// The first 8 hex digits, enough to tell plans apart in a message: "plan 3f2a9c1e".
    pub fn short(&self) -> &str {
        self.sha256.get(..8).unwrap_or(&self.sha256)
    }
}

/// A plan as a treatment records it: its reference and the bytes of its copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanCopy {
    pub reference: PlanRef,
    json: Arc<str>,
}

impl PlanCopy {
    /// The copy of `rules` (a plan already loaded and checked).
    pub fn of(rules: &Rules) -> PlanCopy {
        let json = rules.canonical_json();
        PlanCopy {
            reference: PlanRef::named(rules, sha256_hex(json.as_bytes())),
            json: json.into(),
        }
    }

    /// The canonical JSON kept in `plans/<sha256>.json`.
    pub fn json(&self) -> &str {
        &self.json
    }
}

impl Store {
    /// Where the copy of the plan with this SHA-256 is kept.
    pub fn plan_path(&self, sha256: &str) -> PathBuf {
        self.dir().join(PLANS_DIR).join(format!("{sha256}.json"))
    }

    /// The bytes of the copy `reference` names, checked against its SHA-256.
    ///
    /// # Errors
    /// `PlanMissing` when there is no copy; `PlanDamaged` when the name is not a SHA-256, or
    /// the copy is not a regular file, too large, or no longer matches its SHA-256;
    /// `PlansDir` when `plans` is not a private directory of the user's own.
    pub fn read_plan(&self, reference: &PlanRef) -> Result<String, StoreError> {
        let damaged = |path: PathBuf, why: String| StoreError::PlanDamaged {
            path,
            name: reference.name.clone(),
            why,
        };
        if !is_sha256_hex(&reference.sha256) {
            return Err(damaged(
                self.dir().join(super::STATE_FILE),
                format!(
                    "the state file names its copy \"{}\", which is not a SHA-256",
                    reference.sha256
                ),
            ));
        }
        self.plans_dir().check()?;
        let path = self.plan_path(&reference.sha256);
        let bytes = match read_copy(&path) {
            Ok(Some(bytes)) => bytes,
            Ok(None) => {
                return Err(StoreError::PlanMissing {
                    path,
                    name: reference.name.clone(),
                });
            }
            Err(why) => return Err(damaged(path, why)),
        };
        if sha256_hex(&bytes) != reference.sha256 {
            return Err(damaged(
                path,
                "its content no longer matches the plan recorded (it was changed after it was kept)".into(),
            ));
        }
        String::from_utf8(bytes).map_err(|_| damaged(path, "it is not UTF-8 text".into()))
    }

    /// Keeps `copy` in `plans/`, unless an intact copy is there already. Called under the
    /// lock, before the state naming it is written, so a state never names a copy that was
    /// not on disk first. A damaged copy of the same name is replaced by the right bytes.
    pub(super) fn keep_plan(&self, copy: &PlanCopy) -> Result<(), StoreError> {
        let dir = self.plans_dir();
        dir.create()?;
        let path = self.plan_path(&copy.reference.sha256);
        if let Ok(Some(bytes)) = read_copy(&path)
            && bytes == copy.json().as_bytes()
        {
            return Ok(());
        }
        dir.write(&path, copy.json().as_bytes())
    }

    /// `plans/`, and the words of its errors.
    fn plans_dir(&self) -> KeptDir {
        KeptDir {
            path: self.dir().join(PLANS_DIR),
            not_a_dir: |path, kind| StoreError::PlansDir { path, kind },
            create: "create the plans directory",
            prefix: ".plan-",
            steps: [
                "write a plan copy in",
                "flush a plan copy in",
                "keep a plan copy in",
            ],
        }
    }
}

/// The bytes of a plan copy, `None` when there is none, or why it cannot be used: read as
/// every file the app keeps (`read_kept`), in a plan's own words.
fn read_copy(path: &std::path::Path) -> Result<Option<Vec<u8>>, String> {
    read_kept(path, MAX_PLAN_BYTES, "plan copies", || {
        format!(
            "it is larger than {} MiB, far more than any plan",
            MAX_PLAN_BYTES >> 20
        )
    })
}
