//! How the handout words times, windows, tiers, the clinic and its citations.

use super::{Dates, Handout, Period, end_words, md, moment_words, period_label};
use crate::dates::short_date;
use crate::rules::{Edge, Kind, Provider, Repeat, Urgency, Windowed};
use chrono::{Duration, TimeZone};

impl<Tz: TimeZone> Handout<'_, '_, Tz> {
    /// "First 48 hours · Fri 20 Nov – Sun 22 Nov".
    pub(super) fn period_heading(&self, period: Period) -> String {
        let label = period_label(period);
        if self.dates == Dates::Relative {
            return label;
        }
        let start = self.plan.local(self.plan.at_hours(period.0));
        let end = self
            .plan
            .local(self.plan.at_hours(period.1) - Duration::seconds(1));
        format!(
            "{label} · {} – {}",
            short_date(start.date_naive()),
            short_date(end.date_naive())
        )
    }

    /// When a rule applies, from the page of `period`: "daily until Fri 27 Nov 14:00",
    /// "from Day 29, once, by 6 weeks after treatment".
    pub(super) fn rule_words(&self, rule: &crate::rules::Rule, period: Period) -> String {
        let window = rule.window();
        // A task of one day says which ("as needed on Day 1"), not when that day ends.
        if let (Kind::Do, Some(day)) = (rule.kind, self.only_day(window)) {
            match rule.repeat {
                _ if rule.as_needed => return format!("as needed on {day}"),
                Repeat::Daily => return format!("on {day}"),
                Repeat::MorningAndEvening => return format!("morning and evening on {day}"),
                Repeat::Once => {}
            }
        }
        // The booking's window is the next session's: "once, by 6 weeks after treatment"
        // read as a deadline to book by, a session after the window (walker S, round 11).
        if self.plan.is_booking(rule) {
            return format!("book ahead, for {}", self.booking_span(window));
        }
        let end = self.edge_words(window.until, true);
        let how = match (rule.kind, rule.repeat) {
            (Kind::Avoid, _) => format!("until {end}"),
            // Never due, so never "daily": done when it applies.
            (Kind::Do, _) if rule.as_needed => format!("as needed until {end}"),
            (Kind::Do, Repeat::Once) => format!("once, by {end}"),
            (Kind::Do, Repeat::Daily) => format!("daily until {end}"),
            (Kind::Do, Repeat::MorningAndEvening) => format!("twice daily until {end}"),
        };
        if window.nominal_hours().0 > period.0.max(0) {
            format!("from {}, {how}", self.edge_words(window.from, false))
        } else {
            how
        }
    }

    /// The next session's window, for its booking: "Fri 18 Dec to Fri 1 Jan", or "4–6 weeks
    /// after treatment" (`after_treatment`) where no date is known.
    fn booking_span(&self, window: crate::rules::Window) -> String {
        if self.dates == Dates::Absolute {
            let day = |edge| short_date(self.plan.local_date(self.plan.instant(edge)));
            return format!("{} to {}", day(window.from), day(window.until));
        }
        format!("{} after treatment", after_treatment(window))
    }

    /// A note's or alert's window as days: "to Fri 4 Dec", "Sat 21 Nov to Fri 18 Dec",
    /// "Days 2–28".
    pub(super) fn span_words(&self, entry: &impl Windowed) -> String {
        let window = entry.window();
        match self.dates {
            Dates::Absolute => {
                let (from, until) = self.plan.span(entry);
                let last = self.plan.local(until) - Duration::seconds(1);
                let to = crate::dates::day_and_month(last.date_naive());
                if from <= self.plan.treatment() {
                    format!("to {to}")
                } else {
                    format!(
                        "{}–{to}",
                        crate::dates::day_and_month(self.plan.local_date(from))
                    )
                }
            }
            Dates::Relative => {
                let (first, last) = nominal_days(window);
                if first == last {
                    format!("Day {first}")
                } else {
                    format!("Days {first}–{last}")
                }
            }
        }
    }

    /// The one local day a window lies in, if it lies in one: "Day 1" or "Fri 20 Nov".
    fn only_day(&self, window: crate::rules::Window) -> Option<String> {
        if self.dates == Dates::Relative {
            let (first, last) = nominal_days(window);
            return (first == last).then(|| format!("Day {first}"));
        }
        let from = self.plan.local(self.plan.instant(window.from));
        let last = self.plan.local(self.plan.instant(window.until)) - Duration::seconds(1);
        (from.date_naive() == last.date_naive()).then(|| short_date(from.date_naive()))
    }

    /// One end of a window: a date and time, or words relative to the treatment. A start at
    /// a local midnight is the day alone ("from Sat 21 Nov"), as an end there is the day it
    /// closes.
    fn edge_words(&self, edge: Edge, is_end: bool) -> String {
        if self.dates == Dates::Absolute {
            let at = self.plan.local(self.plan.instant(edge));
            return match (is_end, crate::plan::day_ended_by(at)) {
                (true, _) => end_words(at),
                (false, Some(_)) => short_date(at.date_naive()),
                (false, None) => moment_words(at),
            };
        }
        match edge {
            Edge::Hours(0) => "the treatment".to_string(),
            Edge::Hours(h) => {
                let (n, before) = (h.abs(), if h < 0 { "before" } else { "after" });
                if n % 168 == 0 && n >= 336 {
                    format!("{} weeks {before} treatment", n / 168)
                } else if n % 24 == 0 && n >= 72 {
                    format!("{} days {before} treatment", n / 24)
                } else {
                    format!("{n} hours {before} treatment")
                }
            }
            Edge::DayStart(d) if is_end => format!("the end of Day {}", d - 1),
            Edge::DayStart(d) => format!("Day {d}"),
        }
    }

    /// " [1, 3]": the numbers of the sources in the list at the end. A source is numbered
    /// when it is first cited, so numbers appear in order down the handout.
    pub(super) fn cites(&self, ids: &[String]) -> String {
        let sources = &self.rules().sources;
        let mut cited = self.cited.borrow_mut();
        let mut numbers = std::collections::BTreeSet::new();
        for id in ids {
            let Some(index) = sources.iter().position(|s| &s.id == id) else {
                continue;
            };
            let number = match cited.iter().position(|&i| i == index) {
                Some(n) => n + 1,
                None => {
                    cited.push(index);
                    cited.len()
                }
            };
            numbers.insert(number);
        }
        if numbers.is_empty() {
            String::new()
        } else {
            let numbers: Vec<String> = numbers.iter().map(usize::to_string).collect();
            format!(" [{}]", numbers.join(", "))
        }
    }

    /// The plan's sources in the handout's numbering: those cited, in the order first
    /// cited, then those it does not cite, in the plan's order (numbered on from there).
    pub(super) fn numbered_sources(&self) -> Vec<&crate::rules::Source> {
        let sources = &self.rules().sources;
        let cited = self.cited.borrow();
        let rest = (0..sources.len()).filter(|i| !cited.contains(i));
        cited
            .iter()
            .copied()
            .chain(rest)
            .map(|i| &sources[i])
            .collect()
    }
}

/// The first and last plan day a window covers, counted from its hours alone, whatever the
/// hour treated: a handout without a treatment time says "Days 2–28", "Day 1".
/// A window's length after the treatment in whole weeks where both ends are ("4–6 weeks"),
/// else in days ("28–42 days"): the next session's, and its booking's.
pub(super) fn after_treatment(window: crate::rules::Window) -> String {
    let (from, until) = window.nominal_hours();
    match (from % 168, until % 168) {
        (0, 0) => format!("{}–{} weeks", from / 168, until / 168),
        _ => format!("{}–{} days", from / 24, until / 24),
    }
}

fn nominal_days(window: crate::rules::Window) -> (i64, i64) {
    let day = |hours: i64| hours.div_euclid(24) + 1;
    let (from, until) = window.nominal_hours();
    (day(from), day(until - 1))
}

/// How the help section heads a tier, with the clinic's name and phone where the plan gives
/// them: "Call Example Skin Clinic today (+44 20 7946 0123) if".
pub(super) fn tier_heading(urgency: Urgency, provider: Option<&Provider>) -> String {
    md(&urgency.heading_with(provider))
}

/// How the check-in paragraph heads the alerts of a tier other than "call".
pub(super) fn alert_heading(urgency: Urgency) -> &'static str {
    match urgency {
        Urgency::Emergency => "Call emergency services now for",
        Urgency::Call => "Call your clinic today for",
        Urgency::Mention => "Mention at your next visit",
    }
}

/// The clinic's name and how to reach it, in Markdown: "**Example Skin Clinic** · Phone …".
pub(super) fn contact_markdown(p: &Provider) -> String {
    let mut parts = vec![format!("**{}**", md(&p.name))];
    for (label, value) in [("Phone", &p.phone), ("Email", &p.email), ("Web", &p.web)] {
        if let Some(value) = value {
            parts.push(format!("{label}: {}", md(value)));
        }
    }
    parts.join(" · ")
}
