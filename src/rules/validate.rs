//! What can only be checked once the plan is whole: ids unique, windows that open before they
//! close, references to sources and symptoms that exist. The shape of each field was checked
//! before (`shape`); here every problem is collected too, each located in the file its entry
//! came from (a clinic's file, or the plan it extends).

use super::error::Problem;
use super::extend::Facts;
use super::origins::Origins;
use super::shape::Step;
use super::{Edge, Rules, Windowed};
use std::collections::HashSet;

mod checks;

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
