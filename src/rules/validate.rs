//! What can only be checked once the plan is whole: ids unique, windows that open before they
//! close, references to sources and symptoms that exist. The shape of each field was checked
//! before (`shape`); here every problem is collected too, each located in the file its entry
//! came from (a clinic's file, or the plan it extends).

use super::error::Problem;
use super::extend::Facts;
use super::origins::Origins;
use super::shape::Step;
use super::{Edge, Kind, Repeat, Rule, Rules, Window, Windowed};
use std::collections::HashSet;

/// Adds every problem of the resolved plan `rules` to `out`.
pub(super) fn validate(rules: &Rules, origins: &Origins, facts: &Facts, out: &mut Vec<Problem>) {
    let mut run = Run {
        origins,
        facts,
        out,
        still_used: Vec::new(),
    };
    if rules.rules.is_empty() && run.out.is_empty() {
        run.push(vec![key("rules")], "a plan needs at least one rule".into());
    }
    let ids = |list: &'static str, ids: Vec<&str>| -> HashSet<String> {
        let mut set: HashSet<String> = ids.into_iter().map(str::to_string).collect();
        set.extend(
            facts
                .dropped
                .iter()
                .filter(|(l, _)| l == list)
                .map(|(_, id)| id.clone()),
        );
        set
    };
    let sources = ids(
        "sources",
        rules.sources.iter().map(|s| s.id.as_str()).collect(),
    );
    let symptoms = ids(
        "symptoms",
        rules.symptoms.iter().map(|s| s.id.as_str()).collect(),
    );

    run.unique("sources", rules.sources.iter().map(|s| s.id.as_str()));
    run.unique("rules", rules.rules.iter().map(|r| r.id.as_str()));
    run.unique("phases", rules.phases.iter().map(|n| n.id.as_str()));
    run.unique("warnings", rules.warnings.iter().map(|n| n.id.as_str()));
    run.unique("symptoms", rules.symptoms.iter().map(|s| s.id.as_str()));
    run.unique("alerts", rules.alerts.iter().map(|a| a.id.as_str()));

    for (i, r) in rules.rules.iter().enumerate() {
        run.window(At::Entry("rules", i), r.window());
        run.fits_kind(At::Entry("rules", i), r);
        run.cites(At::Entry("rules", i), &r.sources, &sources);
    }
    for (list, notes) in [("phases", &rules.phases), ("warnings", &rules.warnings)] {
        for (i, n) in notes.iter().enumerate() {
            run.window(At::Entry(list, i), n.window());
            run.cites(At::Entry(list, i), &n.sources, &sources);
        }
    }
    for (i, s) in rules.symptoms.iter().enumerate() {
        let mut previous = None;
        for (j, point) in s.expected.iter().enumerate() {
            if previous.is_some_and(|h| point.hours <= h) {
                let mut path = entry("symptoms", i);
                path.extend([key("expected"), Step::Index(j), key("hours")]);
                run.push(
                    path,
                    format!(
                        "the expected course must go forward in time: {} h comes after {} h",
                        point.hours,
                        previous.unwrap_or_default()
                    ),
                );
            }
            previous = Some(point.hours);
        }
        run.cites(At::Entry("symptoms", i), &s.sources, &sources);
    }
    for (i, a) in rules.alerts.iter().enumerate() {
        if !symptoms.contains(&a.symptom) {
            let path = [entry("alerts", i), vec![key("symptom")]].concat();
            run.missing(path, "symptom", "symptoms", &a.symptom, &symptoms);
        }
        if a.at_least.is_none() && !a.rising {
            run.push(
                entry("alerts", i),
                "an alert needs \"at_least\" (a rating from 1 to 5), \"rising\": true, or both"
                    .into(),
            );
        }
        run.window(At::Entry("alerts", i), a.window());
        run.cites(At::Entry("alerts", i), &a.sources, &sources);
    }
    if let Some(next) = &rules.next_session {
        let at = At::Top("next_session");
        let window = next.window();
        let opens_after_treatment = match window.from {
            Edge::Hours(h) => h > 0,
            Edge::DayStart(d) => d > 1,
        };
        if !opens_after_treatment {
            let field = if next.from_day.is_some() {
                "from_day"
            } else {
                "from_hours"
            };
            run.push(
                at.path(&[field]),
                "the next session must come after this treatment: from_hours more than 0, or \
                 from_day 2 or later"
                    .into(),
            );
        }
        run.window(at, window);
        run.cites(at, &next.sources, &sources);
    }
    if let Some(after) = &rules.after {
        run.cites(At::Top("after"), &after.sources, &sources);
    }
    if let Some(guidance) = &rules.photo_guidance {
        run.cites(At::Top("photo_guidance"), &guidance.sources, &sources);
    }
    run.report_still_used();
}

fn key(k: &str) -> Step {
    Step::Key(k.to_string())
}

fn entry(list: &str, i: usize) -> Vec<Step> {
    vec![key(list), Step::Index(i)]
}

/// What a check is about: an entry of a list, or a top-level object. Its path is only
/// written out for a problem: a valid plan of any size is checked without one.
#[derive(Clone, Copy)]
enum At {
    Entry(&'static str, usize),
    Top(&'static str),
}

impl At {
    /// The path to the field `fields` names inside this (a field, or a field then more).
    fn path(self, fields: &[&str]) -> Vec<Step> {
        let mut path = match self {
            At::Entry(list, i) => entry(list, i),
            At::Top(name) => vec![key(name)],
        };
        path.extend(fields.iter().map(|f| key(f)));
        path
    }
}

struct Run<'a> {
    origins: &'a Origins,
    facts: &'a Facts,
    out: &'a mut Vec<Problem>,
    /// Removed entries still referred to: (what, id) and the entries that refer to them,
    /// reported as one line per removal.
    still_used: Vec<((String, String), Vec<String>)>,
}

impl Run<'_> {
    fn push(&mut self, path: Vec<Step>, message: String) {
        self.out.push(self.origins.problem(&path, message));
    }

    fn unique<'i>(&mut self, list: &'static str, ids: impl Iterator<Item = &'i str>) {
        let what = super::fields::SECTIONS
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
    fn window(&mut self, at: At, window: Window) {
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
    /// rule's end allows again: not for tasks to do.
    fn fits_kind(&mut self, at: At, rule: &Rule) {
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
        for (path, message) in problems {
            self.push(path, message);
        }
    }

    fn cites(&mut self, at: At, cited: &[String], known: &HashSet<String>) {
        for (j, id) in cited.iter().enumerate() {
            if !known.contains(id) {
                let mut path = at.path(&["sources"]);
                path.push(Step::Index(j));
                self.missing(path, "source", "sources", id, known);
            }
        }
    }

    /// One line per removed entry that others still use, at the removal.
    fn report_still_used(&mut self) {
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
    fn missing(
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
        let hint = super::did_you_mean(id, known.iter().map(String::as_str))
            .map(|c| format!(": did you mean \"{c}\"?"))
            .unwrap_or_default();
        self.push(path, format!("no {what} has the id \"{id}\"{hint}"));
    }
}
