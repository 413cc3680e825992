//! Rules files come from clinics by email: their text must never reach a terminal raw. A title
//! holding an escape sequence could recolour the screen, move the cursor or set the window
//! title. Every text field is made inert (`crate::inert`) once, when the file is loaded, so
//! every screen and every output after that can print it as it is.

use super::Rules;
use crate::inert::{inert, needs_care};
use std::sync::Arc;

impl Rules {
    /// Makes every text field inert (see the module docs).
    pub(super) fn make_text_inert(&mut self) {
        for field in [&mut self.name, &mut self.procedure, &mut self.disclaimer] {
            make_inert(field);
        }
        if let Some(p) = &mut self.provider {
            make_inert(&mut p.name);
            for text in [
                &mut p.phone,
                &mut p.email,
                &mut p.web,
                &mut p.hours,
                &mut p.out_of_hours,
            ]
            .into_iter()
            .flatten()
            {
                make_inert(text);
            }
        }
        for s in &mut self.sources {
            make_inert(&mut s.title);
            for text in [
                &mut s.author,
                &mut s.publisher,
                &mut s.date,
                &mut s.detail,
                &mut s.url,
                &mut s.note,
            ]
            .into_iter()
            .flatten()
            {
                make_inert(text);
            }
        }
        if let Some(after) = &mut self.after {
            make_inert(&mut after.title);
            make_inert(&mut after.detail);
        }
        for r in &mut self.rules {
            make_shared_inert(&mut r.title);
            make_shared_inert(&mut r.rationale);
            if let Some(lifted) = &mut r.lifted {
                make_shared_inert(lifted);
            }
            if let Some(keep) = &mut r.keep_up_after {
                make_inert(keep);
            }
        }
        for n in self.phases.iter_mut().chain(&mut self.warnings) {
            make_inert(&mut n.title);
            make_inert(&mut n.detail);
        }
        if let Some(g) = &mut self.photo_guidance {
            make_inert(&mut g.text);
        }
        for s in &mut self.symptoms {
            make_inert(&mut s.title);
            make_inert(&mut s.detail);
        }
        for a in &mut self.alerts {
            make_inert(&mut a.title);
            make_inert(&mut a.message);
        }
    }
}

/// Makes `field` inert in place; clean text (nearly all of it) is left as it is, uncopied.
fn make_inert(field: &mut String) {
    if field.chars().any(needs_care) {
        *field = inert(field).into_owned();
    }
}

/// `make_inert` for a rule's shared words (`Rule`): replaced by an inert copy when needed.
fn make_shared_inert(field: &mut Arc<str>) {
    if field.chars().any(needs_care) {
        *field = Arc::from(inert(field));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_loaded_file_has_no_control_characters_left() {
        let text = crate::rules::BUILTIN_JSON
            .replacen("No makeup", "No \\u001b[2Jmakeup", 1)
            .replacen("Redness like a mild sunburn", "Red\\u009b1mness", 1);
        let rules = Rules::parse(&text, "evil.json").unwrap();
        let all = serde_json::to_string(&rules).unwrap();
        let decoded: String = serde_json::from_str::<serde_json::Value>(&all)
            .unwrap()
            .to_string();
        assert!(!decoded.contains('\u{1b}') && !decoded.contains('\u{9b}'));
        assert!(
            rules
                .rules
                .iter()
                .any(|r| &*r.title == "No \\u{1b}[2Jmakeup")
        );
    }
}
