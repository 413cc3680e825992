//! The daily check-in form's state: one rating per symptom of the plan, then a note.
//! Pure data; `journal` opens and saves it, the `checkin` widget draws it.

use super::form_keys::FormAction;
use crate::journal::MAX_NOTE_CHARS;
use crate::rules::{MAX_RATING, Rules};
use crate::store::CheckIn;
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckInForm {
    /// The plan day and date the check-in is for.
    pub day: i64,
    pub date: NaiveDate,
    /// (symptom id, rating) in the plan's order. A symptom not rated yet starts at 0, "none".
    pub ratings: Vec<(String, u8)>,
    /// The focused row: a symptom, or the note after the last one.
    pub row: usize,
    pub note: String,
    /// The check-in being edited, so fields this build does not know survive the save.
    base: CheckIn,
}

impl CheckInForm {
    /// A form for `date`, filled in from the day's check-in when there is one.
    pub fn new(rules: &Rules, day: i64, date: NaiveDate, existing: Option<&CheckIn>) -> Self {
        let base = existing.cloned().unwrap_or_default();
        let ratings = rules
            .symptoms
            .iter()
            .map(|s| (s.id.clone(), base.ratings.get(&s.id).copied().unwrap_or(0)))
            .collect();
        CheckInForm {
            day,
            date,
            ratings,
            row: 0,
            note: base.note.clone(),
            base,
        }
    }

    pub fn on_note(&self) -> bool {
        self.row == self.ratings.len()
    }

    /// Whether the day had a check-in before this one.
    pub fn is_update(&self) -> bool {
        !self.base.ratings.is_empty() || !self.base.note.is_empty()
    }

    /// Applies an editing action (saving and cancelling are the app's business).
    pub fn edit(&mut self, action: FormAction) {
        let rows = self.ratings.len() + 1;
        match action {
            FormAction::PrevRow => self.row = (self.row + rows - 1) % rows,
            FormAction::NextRow => self.row = (self.row + 1) % rows,
            FormAction::Less => self.set(|r| r.saturating_sub(1)),
            FormAction::More => self.set(|r| (r + 1).min(MAX_RATING)),
            FormAction::Set(n) => {
                self.set(|_| n.min(MAX_RATING));
                // Typing "2 1 0 1" rates the symptoms one after the other.
                self.row += 1;
            }
            FormAction::Insert(c) if self.on_note() && !c.is_control() => {
                if self.note.chars().count() < MAX_NOTE_CHARS {
                    self.note.push(c);
                }
            }
            FormAction::Erase if self.on_note() => {
                self.note.pop();
            }
            FormAction::Insert(_) | FormAction::Erase | FormAction::Save | FormAction::Cancel => {}
        }
    }

    fn set(&mut self, f: impl Fn(u8) -> u8) {
        if let Some((_, rating)) = self.ratings.get_mut(self.row) {
            *rating = f(*rating);
        }
    }

    /// The check-in to save: the form's ratings over the earlier ones (a symptom the plan no
    /// longer lists keeps its rating), and the note.
    pub fn to_checkin(&self) -> CheckIn {
        let mut checkin = self.base.clone();
        checkin.ratings.extend(self.ratings.iter().cloned());
        checkin.note = crate::journal::clean_note(&self.note);
        checkin
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_rate_and_move_on_and_the_note_takes_text() {
        let rules = Rules::builtin().unwrap();
        let date = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let mut old = CheckIn::default();
        old.ratings.insert("swelling".into(), 3);
        old.ratings.insert("gone-from-plan".into(), 1);
        let mut form = CheckInForm::new(&rules, 3, date, Some(&old));
        assert_eq!(form.ratings[1], ("swelling".into(), 3));
        for action in [FormAction::Set(2), FormAction::Less, FormAction::NextRow] {
            form.edit(action);
        }
        form.edit(FormAction::More);
        form.edit(FormAction::More);
        form.edit(FormAction::More);
        form.edit(FormAction::NextRow);
        form.edit(FormAction::NextRow);
        assert!(form.on_note());
        for c in "ok!".chars() {
            form.edit(FormAction::Insert(c));
        }
        form.edit(FormAction::Erase);
        let saved = form.to_checkin();
        let get = |id: &str| saved.ratings.get(id).copied();
        assert_eq!(
            (
                get("redness"),
                get("swelling"),
                get("dryness"),
                get("gone-from-plan")
            ),
            (Some(2), Some(2), Some(3), Some(1))
        );
        assert_eq!(saved.note, "ok");
        // Up from the first row wraps to the note; 5 is the ceiling.
        form.row = 0;
        form.edit(FormAction::PrevRow);
        assert!(form.on_note());
        form.row = 0;
        for _ in 0..9 {
            form.edit(FormAction::More);
        }
        assert_eq!(form.ratings[0].1, MAX_RATING);
    }
}
