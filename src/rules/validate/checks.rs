//! The checks a validation `Run` makes: unique ids, windows, rules that fit their kind, citations, and references to removed or mistyped ids.

use super::{At, Run, entry, key};
use crate::rules::shape::Step;
use crate::rules::{Edge, Kind, Repeat, Rule, Window};
use std::collections::HashSet;

impl Run<'_> {
    pub(super) fn push(&mut self, path: Vec<Step>, message: String) {
        self.out.push(self.origins.problem(&path, message));
    }

    pub(super) fn unique<'i>(&mut self, list: &'static str, ids: impl Iterator<Item = &'i str>) {
        let what = crate::rules::fields::SECTIONS
            .iter()
            .find(|(l, _)| *l == list)
            .map_or("entry", |(_, t)| t.what);
        let mut seen = HashSet::new();
        for (i, id) in ids.enumerate() {
            if !seen.insert(id) {
                let mut path = entry(list, i);
                path.push(key("id"));
                self.push(
                    path,
                    format!("another {what} already has the id \"{id}\": ids must be unique"),
                );
            }
        }
    }

    /// A window must open before it closes, whatever time of day the treatment is.
    pub(super) fn window(&mut self, at: At, window: Window) {
        let until_field = match window.until {
            Edge::Hours(_) => "until_hours",
            Edge::DayStart(_) => "until_day",
        };
        let message = match (window.from, window.until) {
            (Edge::Hours(a), Edge::Hours(b)) if a == b => Some(format!(
                "the window opens and closes at the same moment ({a} h after the treatment), so \
                 it never shows: until_hours must be more than from_hours"
            )),
            (Edge::Hours(a), Edge::Hours(b)) if b < a => Some(format!(
                "the window closes ({b} h) before it opens ({a} h): until_hours must be more \
                 than from_hours"
            )),
            (Edge::DayStart(a), Edge::DayStart(b)) if b <= a => Some(format!(
                "the window ends on day {} before it starts on day {a}: until_day must be \
                 from_day or later",
                b - 1
            )),
            // Mixed ends: the window must be open for a treatment at any time of Day 1.
            (Edge::Hours(h), Edge::DayStart(d)) if h > (d - 2) * 24 => Some(format!(
                "from {h} h to the end of day {} is empty for a treatment late on day 1: \
                 until_day must be at least {}",
                d - 1,
                (h + 23).div_euclid(24) + 1
            )),
            (Edge::DayStart(d), Edge::Hours(h)) if h <= (d - 1) * 24 => Some(format!(
                "from the start of day {d} to {h} h is empty for a treatment early on day 1: \
                 until_hours must be more than {}",
                (d - 1) * 24
            )),
            _ => None,
        };
        if let Some(message) = message {
            self.push(at.path(&[until_field]), message);
        }
    }

    /// `at` is when a task to do is due, once a day: not for avoid rules, nor for tasks due
    /// twice a day, nor for a task done as needed (never due). `lifted` is what an avoid
    /// rule's end allows again: not for tasks to do; `keep_up_after`, what a task to do goes
    /// on as after the plan: not for avoid rules.
    pub(super) fn fits_kind(&mut self, at: At, rule: &Rule) {
        let problem = |field: &str, message: &str| (at.path(&[field]), message.to_string());
        let mut problems = Vec::new();
        match (rule.kind, rule.repeat, rule.at.is_some()) {
            (Kind::Avoid, _, true) => problems.push(problem(
                "at",
                "\"at\" is the time a task to do is due; something to avoid has none: remove \
                 it (\"lifted\" says what the patient may do again when the window ends)",
            )),
            (Kind::Do, Repeat::MorningAndEvening, true) => problems.push(problem(
                "at",
                "\"at\" gives the one time of day of a daily or once task; a \
                 morning_and_evening task is due at 08:00 and 20:00: remove \"at\", or make \
                 it two daily rules with a time each",
            )),
            _ => {}
        }
        if rule.as_needed && rule.at.is_some() {
            problems.push(problem(
                "at",
                "\"at\" is the time a task is due, and a task done \"as_needed\" is never \
                 due: remove one of them",
            ));
        }
        if rule.kind == Kind::Do && rule.lifted.is_some() {
            problems.push(problem(
                "lifted",
                "\"lifted\" is what the patient may do again when something to avoid ends; a \
                 task to do has none: remove it",
            ));
        }
        if rule.kind == Kind::Avoid && rule.keep_up_after.is_some() {
            problems.push(problem(
                "keep_up_after",
                "\"keep_up_after\" is what to keep doing after the plan; something to avoid \
                 says what the patient may do again with \"lifted\": use that instead",
            ));
        }
        for (path, message) in problems {
            self.push(path, message);
        }
    }

    pub(super) fn cites(&mut self, at: At, cited: &[String], known: &HashSet<String>) {
        for (j, id) in cited.iter().enumerate() {
            if !known.contains(id) {
                let mut path = at.path(&["sources"]);
                path.push(Step::Index(j));
                self.missing(path, "source", "sources", id, known);
            }
        }
    }

    /// One line per removed entry that others still use, at the removal.
    pub(super) fn report_still_used(&mut self) {
        for ((list, id), users) in std::mem::take(&mut self.still_used) {
            let Some((file, removed_at)) = self.facts.removed.get(&(list.clone(), id.clone()))
            else {
                continue;
            };
            let what = if list == "sources" {
                "source"
            } else {
                "symptom"
            };
            let named = match users.len() {
                1..=3 => users.join(", "),
                n => format!("{} and {} more", users[..3].join(", "), n - 3),
            };
            let message = format!(
                "the {what} \"{id}\" this removes is still used by {named}: remove or replace \
                 those too, or keep the {what}"
            );
            self.out
                .push(self.origins.problem_in(*file, removed_at, message));
        }
    }

    /// A reference to an id the plan does not have: removed on purpose, or mistyped.
    pub(super) fn missing(
        &mut self,
        path: Vec<Step>,
        what: &str,
        list: &str,
        id: &str,
        known: &HashSet<String>,
    ) {
        if self
            .facts
            .removed
            .contains_key(&(list.to_string(), id.to_string()))
        {
            let mut user = self.origins.problem(&path, "").path;
            if let Some((entry, _)) = user.split_once(" › ") {
                user = entry.to_string();
            }
            let key = (list.to_string(), id.to_string());
            match self.still_used.iter_mut().find(|(k, _)| *k == key) {
                Some((_, users)) => users.push(user),
                None => self.still_used.push((key, vec![user])),
            }
            return;
        }
        let hint = crate::rules::did_you_mean(id, known.iter().map(String::as_str))
            .map(|c| format!(": did you mean \"{c}\"?"))
            .unwrap_or_default();
        self.push(path, format!("no {what} has the id \"{id}\"{hint}"));
    }
}
