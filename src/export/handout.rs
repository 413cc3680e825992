//! `plan --markdown`: the handout a clinic prints for a patient, one or two pages.
//!
//! Each rule appears once, under the period its window opens in, with when it ends; then
//! what is normal then, the warning signs by urgency (emergencies first), the clinic, the
//! check-in and its alert levels, the next-session window and the sources, numbered and
//! cited in full. The periods come from the plan's own windows (`periods`), so a clinic's
//! plan gets periods that fit it. With a treatment time (recorded, or `--at`) every date is
//! a date; without one the handout speaks in plan days ("Day 3"), so it can be printed for
//! anyone.
//!
//! The day-by-day listing with a box per task and day is `day_by_day` (`plan --markdown
//! --days`).

use super::{escape_markdown as md, moment_words};
use crate::plan::Plan;
use crate::rules::{
    Edge, Kind, Note, Provider, Repeat, Rules, SourceKind, Urgency, Window, Windowed,
};
use chrono::{Duration, TimeZone};
use std::io::{self, Write};

/// A line to write on with a pen: underscores, escaped so they are not emphasis.
const BLANK: &str = r"\_\_\_\_\_\_\_\_\_\_\_\_\_\_";

/// How the handout names times: as dates, for a known treatment, or as plan days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dates {
    /// The treatment moment is known (recorded, or given with `--at`).
    Absolute,
    /// No treatment time: "Day 3", "48 hours after treatment".
    Relative,
}

/// Writes the handout of `plan` to `out`. `photos` is how many photos each treatment of the
/// series has kept, earliest first (empty for a plan laid out with no record): the handout
/// says how many, never shows them.
pub fn write<Tz: TimeZone>(
    out: &mut dyn Write,
    plan: &Plan<'_, Tz>,
    dates: Dates,
    photos: &[usize],
) -> io::Result<()> {
    let handout = Handout { plan, dates };
    handout.head(out)?;
    handout.help(out)?;
    writeln!(out, "## What to do and avoid\n")?;
    for (n, period) in periods(plan.rules()).iter().enumerate() {
        handout.period(out, *period, n == 0)?;
    }
    handout.next_session(out)?;
    write_photos(out, photos)?;
    handout.sources(out)
}

/// "**Photos:** 3 kept (`aftercare photo list`)", per treatment for a series.
fn write_photos(out: &mut dyn Write, photos: &[usize]) -> io::Result<()> {
    let phrase = |n: usize| match n {
        1 => "1 photo".to_string(),
        n => format!("{n} photos"),
    };
    let counts = match photos {
        [] => return Ok(()),
        [n] => phrase(*n),
        all => all
            .iter()
            .enumerate()
            .map(|(i, n)| format!("session {} {}", i + 1, phrase(*n)))
            .collect::<Vec<_>>()
            .join(", "),
    };
    writeln!(
        out,
        "**Photos:** {counts} kept in aftercare (not printed here; `aftercare photo list` lists them).\n"
    )
}

/// A stretch of the recovery the handout groups rules under, in hours after the treatment
/// (`until` exclusive); `from` is negative for the days before it.
pub type Period = (i64, i64);

/// The periods of a plan: before the treatment (if any rule starts before it), then from
/// the treatment to the end of the last rule, split where the plan's rules and phases
/// start. The first split is at 48 hours or later, and each next one at least three times
/// as far from the treatment as the one before: the built-in plan's windows give the first
/// 48 hours, days 3–7, weeks 2–4 and weeks 5–6, as clinics count a recovery, never a
/// period for every day some phase begins.
pub fn periods(rules: &Rules) -> Vec<Period> {
    let windows = || {
        rules
            .rules
            .iter()
            .map(|r| r.window().nominal_hours())
            .chain(rules.phases.iter().map(|p| p.window().nominal_hours()))
    };
    let end = windows().map(|(_, until)| until).max().unwrap_or(1).max(1);
    let mut starts: Vec<i64> = windows()
        .map(|(from, _)| from)
        .filter(|&from| from > 0 && from < end)
        .collect();
    starts.sort_unstable();
    let mut bounds = vec![0];
    let mut next_at_least = 48;
    for start in starts {
        if start >= next_at_least {
            bounds.push(start);
            next_at_least = start.saturating_mul(3);
        }
    }
    bounds.push(end);
    let mut out: Vec<Period> = Vec::new();
    let earliest = windows().map(|(from, _)| from).min().unwrap_or(0);
    if earliest < 0 {
        out.push((earliest, 0));
    }
    out.extend(bounds.windows(2).map(|b| (b[0], b[1])));
    out
}

/// "First 48 hours", "Days 3–7", "Weeks 2–4", "Before your treatment".
pub fn period_label((from, until): Period) -> String {
    if until <= 0 {
        return "Before your treatment".to_string();
    }
    let ceil = |h: i64, unit: i64| (h + unit - 1) / unit;
    if from == 0 && until <= 72 {
        format!("First {until} hours")
    } else if until <= 14 * 24 {
        let (first, last) = (from / 24 + 1, ceil(until, 24));
        match (from, first == last) {
            (0, _) => format!("First {last} days"),
            (_, true) => format!("Day {first}"),
            _ => format!("Days {first}–{last}"),
        }
    } else {
        let (first, last) = (from / 168 + 1, ceil(until, 168));
        match (from, first == last) {
            (0, _) => format!("First {last} weeks"),
            (_, true) => format!("Week {first}"),
            _ => format!("Weeks {first}–{last}"),
        }
    }
}

struct Handout<'p, 'r, Tz: TimeZone> {
    plan: &'p Plan<'r, Tz>,
    dates: Dates,
}

impl<Tz: TimeZone> Handout<'_, '_, Tz> {
    fn rules(&self) -> &Rules {
        self.plan.rules()
    }

    fn head(&self, out: &mut dyn Write) -> io::Result<()> {
        let rules = self.rules();
        writeln!(out, "# {}\n", md(&rules.name))?;
        let when = match self.dates {
            Dates::Absolute => {
                let at = self.plan.local(self.plan.treatment());
                format!(
                    "**Treatment:** {} (Day 1)",
                    at.format("%a %-d %b %Y, %H:%M")
                )
            }
            Dates::Relative => {
                format!("**Treatment:** {BLANK} (Day 1 is the day of your treatment)")
            }
        };
        writeln!(out, "{} · {when}\n", md(&rules.procedure))?;
        writeln!(out, "> **Not medical advice.** {}\n", md(&rules.disclaimer))
    }

    /// The warning signs, most urgent first, each once with when to watch for it.
    fn help(&self, out: &mut dyn Write) -> io::Result<()> {
        let warnings = &self.rules().warnings;
        writeln!(out, "## When to get help\n")?;
        self.clinic(out)?;
        let provider = self.rules().provider.as_ref();
        for urgency in Urgency::ALL {
            let signs: Vec<&Note> = warnings.iter().filter(|w| w.urgency() == urgency).collect();
            if signs.is_empty() {
                continue;
            }
            let items: Vec<String> = signs
                .iter()
                .map(|sign| {
                    let cites = self.cites(&sign.sources);
                    format!("{} ({}){cites}", md(&sign.title), self.span_words(*sign))
                })
                .collect();
            let heading = tier_heading(urgency, provider);
            if urgency == Urgency::Mention {
                // The least urgent tier takes the least room: one paragraph.
                writeln!(out, "**{heading}:** {}.\n", items.join("; "))?;
            } else {
                writeln!(out, "**{heading}:**\n\n- {}\n", items.join("\n- "))?;
            }
        }
        self.checkin(out)
    }

    fn clinic(&self, out: &mut dyn Write) -> io::Result<()> {
        match &self.rules().provider {
            Some(p) => {
                let mut parts = vec![format!("**Your clinic:** {}", contact_markdown(p))];
                if let Some(hours) = &p.hours {
                    parts.push(format!("open {}", md(hours)));
                }
                let mut line = parts.join(" · ");
                if let Some(closed) = &p.out_of_hours {
                    line.push_str(&format!(". **When it is closed:** {}", md(closed)));
                }
                writeln!(out, "{line}\n")?;
            }
            // The built-in plan names no clinic: a line to write its number on, never a
            // number made up.
            None => writeln!(
                out,
                "**Your clinic:** {BLANK} **Phone:** {BLANK} (ask your clinic and write it \
                 here)\n"
            )?,
        }
        Ok(())
    }

    /// The rules that open in `period`, once each, then what is normal in it.
    fn period(&self, out: &mut dyn Write, period: Period, first: bool) -> io::Result<()> {
        let rules = self.rules();
        let opens_here = |w: Window| {
            let from = w.nominal_hours().0;
            (from >= period.0 && from < period.1) || (first && from < period.0)
        };
        writeln!(out, "### {}\n", self.period_heading(period))?;
        let normal: Vec<String> = rules
            .phases
            .iter()
            .filter(|p| opens_here(p.window()))
            .map(|p| md(&p.title))
            .collect();
        if !normal.is_empty() {
            writeln!(out, "**Normal:** {}.\n", normal.join("; "))?;
        }
        // What to do, then what to avoid (whose titles say so: "No makeup"), each once.
        let lines: Vec<String> = [Kind::Do, Kind::Avoid]
            .into_iter()
            .flat_map(|kind| rules.rules.iter().filter(move |r| r.kind == kind))
            .filter(|r| opens_here(r.window()))
            .map(|r| {
                let mut line = format!("- {} — {}", md(&r.title), self.rule_words(r, period));
                line.push_str(&self.cites(&r.sources));
                line
            })
            .collect();
        if !lines.is_empty() {
            writeln!(out, "{}\n", lines.join("\n"))?;
        }
        Ok(())
    }

    fn checkin(&self, out: &mut dyn Write) -> io::Result<()> {
        let rules = self.rules();
        if rules.symptoms.is_empty() {
            return Ok(());
        }
        let names: Vec<String> = rules.symptoms.iter().map(|s| md(&s.title)).collect();
        let mut text = format!(
            "**Daily check-in:** rate {} from 0 (none) to 5 (severe). {} for a 5 on any",
            names.join(", "),
            md(&Urgency::Call.action_with(rules.provider.as_ref()))
        );
        for urgency in Urgency::ALL {
            let alerts: Vec<String> = rules
                .alerts
                .iter()
                .filter(|a| a.urgency() == urgency)
                .map(|a| lower_first(&md(&a.title)))
                .collect();
            match (urgency, alerts.is_empty()) {
                (_, true) => {}
                (Urgency::Call, false) => text.push_str(&format!(", or for {}", alerts.join("; "))),
                (_, false) => text.push_str(&format!(
                    ". {}: {}",
                    alert_heading(urgency),
                    alerts.join("; ")
                )),
            }
        }
        writeln!(out, "{text}.\n")
    }

    fn next_session(&self, out: &mut dyn Write) -> io::Result<()> {
        let Some(next) = &self.rules().next_session else {
            return Ok(());
        };
        let (from, until) = next.window().nominal_hours();
        let after = match (from % 168, until % 168) {
            (0, 0) => format!("{}–{} weeks", from / 168, until / 168),
            _ => format!("{}–{} days", from / 24, until / 24),
        };
        let when = match self.dates {
            Dates::Absolute => {
                let (a, b) = self.plan.span(next);
                let last = self.plan.local(b) - Duration::seconds(1);
                format!(
                    "{} – {}",
                    self.plan.local(a).format("%a %-d %b"),
                    last.format("%a %-d %b %Y")
                )
            }
            Dates::Relative => self.span_words(next),
        };
        writeln!(
            out,
            "**Next session** (for a series): {after} after this one, {when}.{}\n",
            self.cites(&next.sources)
        )
    }

    fn sources(&self, out: &mut dyn Write) -> io::Result<()> {
        let sources = &self.rules().sources;
        if sources.is_empty() {
            return Ok(());
        }
        // One paragraph, each source numbered as the lists above cite it, articles and
        // clinical literature apart: a list of twenty citations would take a page of its own.
        let mut parts = Vec::new();
        for (kind, label) in [
            (SourceKind::Article, "Articles"),
            (SourceKind::Clinical, "Clinical literature"),
        ] {
            let cited: Vec<String> = sources
                .iter()
                .enumerate()
                .filter(|(_, s)| s.kind == kind)
                .map(|(n, source)| {
                    let mut text = format!("\\[{}\\] {}", n + 1, md(&source.short_citation()));
                    if let Some(note) = &source.note {
                        text.push_str(&format!(" ({})", md(note.trim_end_matches('.'))));
                    }
                    text
                })
                .collect();
            if !cited.is_empty() {
                parts.push(format!("**{label}:** {}", cited.join(" ")));
            }
        }
        writeln!(
            out,
            "## Sources\n\n{} `aftercare plan` cites each in full, with its title and web \
             address.",
            parts.join(" ")
        )
    }

    /// "First 48 hours · Fri 20 Nov – Sun 22 Nov".
    fn period_heading(&self, period: Period) -> String {
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
            start.format("%a %-d %b"),
            end.format("%a %-d %b")
        )
    }

    /// When a rule applies, from the page of `period`: "daily until Fri 27 Nov 14:00",
    /// "from Day 29, once, by 6 weeks after treatment".
    fn rule_words(&self, rule: &crate::rules::Rule, period: Period) -> String {
        let window = rule.window();
        let end = self.edge_words(window.until, true);
        let how = match (rule.kind, rule.repeat) {
            (Kind::Avoid, _) => format!("until {end}"),
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

    /// A note's or alert's window as days: "to Fri 4 Dec", "Sat 21 Nov to Fri 18 Dec",
    /// "Days 2–28".
    fn span_words(&self, entry: &impl Windowed) -> String {
        let window = entry.window();
        match self.dates {
            Dates::Absolute => {
                let (from, until) = self.plan.span(entry);
                let last = self.plan.local(until) - Duration::seconds(1);
                let to = last.format("%-d %b");
                if from <= self.plan.treatment() {
                    format!("to {to}")
                } else {
                    format!("{}–{to}", self.plan.local(from).format("%-d %b"))
                }
            }
            Dates::Relative => {
                let day = |hours: i64| hours.div_euclid(24) + 1;
                let (from, until) = window.nominal_hours();
                let (first, last) = (day(from), day(until - 1));
                if first == last {
                    format!("Day {first}")
                } else {
                    format!("Days {first}–{last}")
                }
            }
        }
    }

    /// One end of a window: a date and time, or words relative to the treatment.
    fn edge_words(&self, edge: Edge, is_end: bool) -> String {
        if self.dates == Dates::Absolute {
            return moment_words(self.plan.local(self.plan.instant(edge)));
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
            Edge::DayStart(d) => format!("the start of Day {d}"),
        }
    }

    /// " [1, 3]": the numbers of the sources in the list at the end.
    fn cites(&self, ids: &[String]) -> String {
        let numbers: Vec<String> = ids
            .iter()
            .filter_map(|id| self.rules().sources.iter().position(|s| &s.id == id))
            .map(|n| n + 1)
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .map(|n| n.to_string())
            .collect();
        if numbers.is_empty() {
            String::new()
        } else {
            format!(" [{}]", numbers.join(", "))
        }
    }
}

/// How the help section heads a tier, with the clinic's name and phone where the plan gives
/// them: "Contact Example Skin Clinic today (+44 20 7946 0123) if".
fn tier_heading(urgency: Urgency, provider: Option<&Provider>) -> String {
    md(&urgency.heading_with(provider))
}

/// How the check-in paragraph heads the alerts of a tier other than "call".
fn alert_heading(urgency: Urgency) -> &'static str {
    match urgency {
        Urgency::Emergency => "Call emergency services now for",
        Urgency::Call => "Contact your clinic today for",
        Urgency::Mention => "Mention at your next visit",
    }
}

/// The clinic's name and how to reach it, in Markdown: "**Example Skin Clinic** · Phone …".
fn contact_markdown(p: &Provider) -> String {
    let mut parts = vec![format!("**{}**", md(&p.name))];
    for (label, value) in [("Phone", &p.phone), ("Email", &p.email), ("Web", &p.web)] {
        if let Some(value) = value {
            parts.push(format!("{label}: {}", md(value)));
        }
    }
    parts.join(" · ")
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_follow_the_windows_of_the_plan() {
        let builtin = Rules::builtin().unwrap();
        let periods = periods(&builtin);
        let labels: Vec<String> = periods.iter().map(|p| period_label(*p)).collect();
        assert_eq!(
            labels,
            [
                "Before your treatment",
                "First 48 hours",
                "Days 3–7",
                "Weeks 2–4",
                "Weeks 5–6"
            ]
        );
        assert_eq!(periods[1..], [(0, 48), (48, 168), (168, 672), (672, 1008)]);
    }

    #[test]
    fn period_labels_count_hours_then_days_then_weeks() {
        let cases = [
            ((0, 24), "First 24 hours"),
            ((0, 120), "First 5 days"),
            ((72, 96), "Day 4"),
            ((120, 336), "Days 6–14"),
            ((0, 720), "First 5 weeks"),
            ((336, 504), "Week 3"),
            ((-168, 0), "Before your treatment"),
        ];
        for (period, want) in cases {
            assert_eq!(period_label(period), want, "{period:?}");
        }
    }
}
