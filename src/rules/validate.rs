//! What serde cannot check: ids, windows, references and text. Every problem is collected,
//! so a clinic fixing its file sees all of them in one run.

use super::locate::{Segment, line_column, locate};
use super::{Alert, MAX_RATING, Note, Problem, RULES_FORMAT, Rule, Rules, Symptom};
use std::collections::HashSet;

/// Windows may open at most this long before the treatment (90 days) ...
pub const EARLIEST_HOUR: i64 = -90 * 24;
/// ... and close at most this long after it (two years): enough for any aftercare plan,
/// small enough that a typo like 4800000 is caught rather than rendered.
pub const LATEST_HOUR: i64 = 2 * 366 * 24;
const MAX_ID_LEN: usize = 64;
const MAX_TITLE_CHARS: usize = 120;

/// Every problem in `rules`, located in `text` (the source it was parsed from).
pub fn validate(rules: &Rules, text: &str) -> Vec<Problem> {
    let mut out = Problems {
        text,
        list: Vec::new(),
    };
    if rules.format != RULES_FORMAT {
        out.push(
            &[Segment::Key("format")],
            format!(
                "format {} is not supported: this aftercare reads format {RULES_FORMAT}",
                rules.format
            ),
        );
    }
    for (field, value) in [
        ("name", &rules.name),
        ("procedure", &rules.procedure),
        ("disclaimer", &rules.disclaimer),
    ] {
        out.text_field(&[Segment::Key(field)], value, usize::MAX);
    }
    if rules.rules.is_empty() {
        out.push(
            &[Segment::Key("rules")],
            "a plan needs at least one rule".into(),
        );
    }

    let mut source_ids = HashSet::new();
    for (i, source) in rules.sources.iter().enumerate() {
        let at = [Segment::Key("sources"), Segment::Index(i)];
        out.id(&at, &source.id, &mut source_ids, "source");
        out.text_field(
            &[at[0].clone(), at[1].clone(), Segment::Key("title")],
            &source.title,
            usize::MAX,
        );
    }

    let mut rule_ids = HashSet::new();
    for (i, rule) in rules.rules.iter().enumerate() {
        out.rule(i, rule, &mut rule_ids, &source_ids);
    }
    for list in ["phases", "warnings"] {
        let notes = if list == "phases" {
            &rules.phases
        } else {
            &rules.warnings
        };
        let mut ids = HashSet::new();
        for (i, note) in notes.iter().enumerate() {
            out.note(list, i, note, &mut ids, &source_ids);
        }
    }
    let mut symptom_ids = HashSet::new();
    for (i, symptom) in rules.symptoms.iter().enumerate() {
        out.symptom(i, symptom, &mut symptom_ids, &source_ids);
    }
    let mut alert_ids = HashSet::new();
    for (i, alert) in rules.alerts.iter().enumerate() {
        out.alert(i, alert, &mut alert_ids, &symptom_ids, &source_ids);
    }
    if let Some(next) = &rules.next_session {
        let at = [Segment::Key("next_session")];
        out.window(&at, next.from_hours, next.until_hours);
        out.sources(&at, &next.sources, &source_ids);
    }
    out.list
}

struct Problems<'t> {
    text: &'t str,
    list: Vec<Problem>,
}

impl Problems<'_> {
    fn push(&mut self, path: &[Segment<'_>], message: String) {
        let (line, column) = line_column(self.text, locate(self.text, path));
        self.list.push(Problem {
            line,
            column,
            path: path_string(path),
            message,
        });
    }

    fn id(&mut self, at: &[Segment<'_>], id: &str, seen: &mut HashSet<String>, what: &str) {
        // The path is only built for a message: this runs for every rule of a clinic's file.
        let path = || [at, &[Segment::Key("id")]].concat();
        let well_formed = !id.is_empty()
            && id.len() <= MAX_ID_LEN
            && id.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if !well_formed {
            self.push(
                &path(),
                format!(
                    "{what} id {id:?} must be 1–{MAX_ID_LEN} lowercase letters, digits, '-' or '_'"
                ),
            );
        } else if !seen.insert(id.to_string()) {
            self.push(&path(), format!("duplicate {what} id {id:?}"));
        }
    }

    fn text_field(&mut self, path: &[Segment<'_>], value: &str, max_chars: usize) {
        if value.trim().is_empty() {
            self.push(path, "must not be empty".into());
        } else if value.chars().count() > max_chars {
            self.push(path, format!("is longer than {max_chars} characters"));
        }
    }

    fn window(&mut self, at: &[Segment<'_>], from: i64, until: i64) {
        let from_path = [at, &[Segment::Key("from_hours")]].concat();
        let until_path = [at, &[Segment::Key("until_hours")]].concat();
        if !(EARLIEST_HOUR..=LATEST_HOUR).contains(&from) {
            self.push(
                &from_path,
                format!("{from} h is outside {EARLIEST_HOUR}..={LATEST_HOUR} h"),
            );
        }
        if !(EARLIEST_HOUR..=LATEST_HOUR).contains(&until) {
            self.push(
                &until_path,
                format!("{until} h is outside {EARLIEST_HOUR}..={LATEST_HOUR} h"),
            );
        }
        if until <= from {
            self.push(
                &until_path,
                format!("the window ends ({until} h) before it starts ({from} h)"),
            );
        }
    }

    fn sources(&mut self, at: &[Segment<'_>], cited: &[String], known: &HashSet<String>) {
        for (j, id) in cited.iter().enumerate() {
            if !known.contains(id) {
                let path = [at, &[Segment::Key("sources"), Segment::Index(j)]].concat();
                self.push(&path, format!("no source has the id {id:?}"));
            }
        }
    }

    fn rule(&mut self, i: usize, rule: &Rule, ids: &mut HashSet<String>, known: &HashSet<String>) {
        let at = [Segment::Key("rules"), Segment::Index(i)];
        self.id(&at, &rule.id, ids, "rule");
        self.text_field(
            &[&at[..], &[Segment::Key("title")]].concat(),
            &rule.title,
            MAX_TITLE_CHARS,
        );
        self.text_field(
            &[&at[..], &[Segment::Key("rationale")]].concat(),
            &rule.rationale,
            usize::MAX,
        );
        self.window(&at, rule.from_hours, rule.until_hours);
        self.sources(&at, &rule.sources, known);
    }

    fn note(
        &mut self,
        list: &'static str,
        i: usize,
        note: &Note,
        ids: &mut HashSet<String>,
        known: &HashSet<String>,
    ) {
        let at = [Segment::Key(list), Segment::Index(i)];
        let what = if list == "phases" { "phase" } else { "warning" };
        self.id(&at, &note.id, ids, what);
        self.text_field(
            &[&at[..], &[Segment::Key("title")]].concat(),
            &note.title,
            MAX_TITLE_CHARS,
        );
        self.window(&at, note.from_hours, note.until_hours);
        self.sources(&at, &note.sources, known);
    }
}

impl Problems<'_> {
    fn symptom(
        &mut self,
        i: usize,
        symptom: &Symptom,
        ids: &mut HashSet<String>,
        known: &HashSet<String>,
    ) {
        let at = [Segment::Key("symptoms"), Segment::Index(i)];
        self.id(&at, &symptom.id, ids, "symptom");
        self.text_field(
            &[&at[..], &[Segment::Key("title")]].concat(),
            &symptom.title,
            MAX_TITLE_CHARS,
        );
        let mut previous = None;
        for (j, point) in symptom.expected.iter().enumerate() {
            let point_at = [&at[..], &[Segment::Key("expected"), Segment::Index(j)]].concat();
            if point.rating > MAX_RATING {
                let path = [&point_at[..], &[Segment::Key("rating")]].concat();
                self.push(
                    &path,
                    format!("ratings run from 0 to {MAX_RATING}, not {}", point.rating),
                );
            }
            if previous.is_some_and(|h| point.hours <= h) {
                let path = [&point_at[..], &[Segment::Key("hours")]].concat();
                self.push(&path, "points must be in order of increasing hours".into());
            }
            previous = Some(point.hours);
        }
        self.sources(&at, &symptom.sources, known);
    }

    fn alert(
        &mut self,
        i: usize,
        alert: &Alert,
        ids: &mut HashSet<String>,
        symptoms: &HashSet<String>,
        known: &HashSet<String>,
    ) {
        let at = [Segment::Key("alerts"), Segment::Index(i)];
        self.id(&at, &alert.id, ids, "alert");
        self.text_field(
            &[&at[..], &[Segment::Key("title")]].concat(),
            &alert.title,
            MAX_TITLE_CHARS,
        );
        self.text_field(
            &[&at[..], &[Segment::Key("message")]].concat(),
            &alert.message,
            usize::MAX,
        );
        if !symptoms.contains(&alert.symptom) {
            let path = [&at[..], &[Segment::Key("symptom")]].concat();
            self.push(&path, format!("no symptom has the id {:?}", alert.symptom));
        }
        match alert.at_least {
            Some(n) if n > MAX_RATING => {
                let path = [&at[..], &[Segment::Key("at_least")]].concat();
                self.push(
                    &path,
                    format!("ratings run from 0 to {MAX_RATING}, not {n}"),
                );
            }
            None if !alert.rising => {
                self.push(
                    &at,
                    "an alert needs `at_least`, `rising: true`, or both".into(),
                );
            }
            _ => {}
        }
        self.window(&at, alert.from_hours, alert.until_hours);
        self.sources(&at, &alert.sources, known);
    }
}

/// `rules[3].until_hours`, the way serde_path_to_error writes paths.
fn path_string(path: &[Segment<'_>]) -> String {
    let mut s = String::new();
    for segment in path {
        match segment {
            Segment::Key(k) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(k);
            }
            Segment::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}
