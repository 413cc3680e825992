//! Which plan is which: a plan's canonical JSON and the SHA-256 that names it.
//!
//! A treatment records the plan it follows by this name (`store::PlanRef`) and keeps a copy
//! of exactly these bytes, so "the same plan" means the same resolved content, whatever file
//! it was read from, however the file was spaced or split with `extends`.

use super::{Problem, RULES_FORMAT, Rules, RulesError};
use sha2::{Digest, Sha256};
use std::sync::OnceLock;

impl Rules {
    /// The plan as one line of JSON: resolved (no `extends`, `remove` or `$schema`), in the
    /// newest format, fields in the format's own order. Two plans with the same content give
    /// the same bytes; `Rules::parse` reads them back to the same plan (a test holds it).
    pub fn canonical_json(&self) -> String {
        let mut json = Vec::new();
        self.write_canonical(&mut json);
        // serde_json writes UTF-8.
        String::from_utf8(json).unwrap_or_default()
    }

    /// The SHA-256 of `canonical_json`, as 64 lowercase hex digits: the plan's identity.
    /// The JSON is hashed as it is written, never held whole (35 MB at 100,000 rules).
    pub fn sha256(&self) -> String {
        let mut hasher = Sha256::new();
        self.write_canonical(&mut hasher);
        format!("{:x}", hasher.finalize())
    }

    /// Writes `canonical_json` to `out`. A plan as loaded is canonical already (a file's
    /// `extends`, `remove` and `$schema` are gone, format 1 is read into format 2's fields):
    /// it is written as it is; only one that is not is copied first.
    fn write_canonical(&self, out: &mut impl std::io::Write) {
        let canonical = self.format == RULES_FORMAT
            && self.extends.is_none()
            && self.remove.is_none()
            && self.schema.is_none();
        let copy;
        let plan = if canonical {
            self
        } else {
            let mut plan = self.clone();
            plan.format = RULES_FORMAT;
            plan.extends = None;
            plan.remove = None;
            plan.schema = None;
            copy = plan;
            &copy
        };
        // Plain data into memory or a hasher: writing cannot fail.
        let _ = serde_json::to_writer(out, plan);
    }
}

impl Rules {
    /// A plan from the copy a treatment keeps (`canonical_json` of a plan checked when it was
    /// recorded, its bytes matching their SHA-256). It is read, not checked again: its text
    /// was made inert before it was kept, and inert text can be longer than the checks allow
    /// a title as written (an escape sequence shown as `\u{1b}`). Making it inert again
    /// changes nothing; a test holds both.
    ///
    /// # Errors
    /// When the text is not a plan of this build's format (a copy from a newer aftercare).
    pub fn from_kept_copy(text: &str, origin: &str) -> Result<Rules, RulesError> {
        let mut rules: Rules = serde_json::from_str(text).map_err(|err| {
            let problem = Problem::at(err.line(), err.column(), super::serde_message(&err));
            RulesError::new(origin, vec![problem])
        })?;
        rules.make_text_inert();
        // A copy kept by an earlier aftercare may still carry the built-in fallback.
        rules.use_clinic_out_of_hours();
        Ok(rules)
    }
}

/// The SHA-256 of `bytes` as 64 lowercase hex digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

/// The built-in plan's canonical JSON and its SHA-256, worked out once per run.
pub fn builtin_identity() -> Option<&'static (String, String)> {
    static BUILTIN: OnceLock<Option<(String, String)>> = OnceLock::new();
    BUILTIN
        .get_or_init(|| {
            let json = Rules::builtin().ok()?.canonical_json();
            let hash = sha256_hex(json.as_bytes());
            Some((json, hash))
        })
        .as_ref()
}

/// Whether `text` is a SHA-256 as `sha256_hex` writes it. A state file names plan copies by
/// it, so nothing else may become part of a path.
pub fn is_sha256_hex(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::BUILTIN_NAME;

    #[test]
    fn a_plan_reads_back_from_its_canonical_json_unchanged() {
        let hostile = include_str!("../../tests/fixtures/plans/hostile.json");
        for rules in [
            Rules::builtin().unwrap(),
            Rules::parse(hostile, "hostile.json").unwrap(),
        ] {
            let json = rules.canonical_json();
            let again = Rules::from_kept_copy(&json, "copy").unwrap_or_else(|e| panic!("{e}"));
            // The same plan, in the newest format (a format 1 file is a format 2 plan).
            let mut want = rules.clone();
            want.format = RULES_FORMAT;
            assert_eq!(again, want);
            assert_eq!(again.canonical_json(), json);
            assert_eq!(again.sha256(), rules.sha256());
            assert!(is_sha256_hex(&rules.sha256()));
        }
    }

    #[test]
    fn the_streamed_hash_is_the_hash_of_the_canonical_json() {
        let builtin = Rules::builtin().unwrap();
        let mut with_file_fields = builtin.clone();
        with_file_fields.schema = Some("rules.schema.json".into());
        with_file_fields.format = 1;
        with_file_fields.extends = Some(BUILTIN_NAME.into());
        assert_eq!(with_file_fields.canonical_json(), builtin.canonical_json());
        for rules in [builtin, with_file_fields] {
            assert_eq!(
                rules.sha256(),
                sha256_hex(rules.canonical_json().as_bytes())
            );
            assert!(!rules.canonical_json().contains("$schema"));
        }
    }

    #[test]
    fn the_hash_follows_the_content_not_the_file() {
        let builtin = Rules::builtin().unwrap();
        let spaced = serde_json::to_string_pretty(&builtin).unwrap();
        let reread = Rules::parse(&spaced, "spaced").unwrap();
        assert_eq!(reread.sha256(), builtin.sha256());
        assert_eq!(builtin_identity().unwrap().1, builtin.sha256());
        let mut changed = builtin.clone();
        changed.rules[0].title = format!("{}!", changed.rules[0].title).into();
        assert_ne!(changed.sha256(), builtin.sha256());
        // A known vector: SHA-256 of "abc".
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        for bad in ["", "../state.json", &"A".repeat(64), &"0".repeat(63)] {
            assert!(!is_sha256_hex(bad), "{bad}");
        }
    }
}
