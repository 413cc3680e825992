//! The handout's sections, in the order it prints them: head, help, periods, next session, sources.

use super::words::{alert_heading, contact_markdown, tier_heading};
use super::{BLANK, Dates, Handout, Period, md};
use crate::rules::{Kind, Note, SourceKind, Urgency, Window, Windowed};
use crate::wrapping::lower_first;
use chrono::{Duration, TimeZone};
use std::io::{self, Write};

impl<Tz: TimeZone> Handout<'_, '_, Tz> {
    pub(super) fn head(&self, out: &mut dyn Write) -> io::Result<()> {
        let rules = self.rules();
        writeln!(out, "# {}\n", md(&rules.name))?;
        let when = match self.dates {
            Dates::Absolute => {
                let at = self.plan.local(self.plan.treatment());
                let (date, clock) = (
                    crate::dates::long_date(at.date_naive()),
                    crate::dates::clock(at),
                );
                format!("**Treatment:** {date}, {clock} (Day 1)")
            }
            Dates::Relative => {
                format!("**Treatment:** {BLANK} (Day 1 is your treatment day)")
            }
        };
        writeln!(out, "{} · {when}\n", md(&rules.procedure))?;
        writeln!(out, "> **Not medical advice.** {}\n", md(&rules.disclaimer))
    }

    /// The warning signs, most urgent first, each once with when to watch for it.
    pub(super) fn help(&self, out: &mut dyn Write) -> io::Result<()> {
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
                    // An emergency is one at any time: "(to 16 Feb)" read as these signs
                    // being no emergency after the plan (walker S, round 11).
                    match urgency {
                        Urgency::Emergency => format!("{}{cites}", md(&sign.title)),
                        _ => format!("{} ({}){cites}", md(&sign.title), self.span_words(*sign)),
                    }
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
    pub(super) fn period(
        &self,
        out: &mut dyn Write,
        period: Period,
        first: bool,
    ) -> io::Result<()> {
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
        // Short names ("tenderness" for "Tenderness or discomfort"), so the check-in and its
        // alerts stay one paragraph of the two printed pages.
        let names: Vec<String> = rules
            .symptoms
            .iter()
            .map(|s| md(&crate::journal::short_name(&s.title)))
            .collect();
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

    pub(super) fn next_session(&self, out: &mut dyn Write) -> io::Result<()> {
        let Some(next) = &self.rules().next_session else {
            return Ok(());
        };
        let after = super::words::after_treatment(next.window());
        let when = match self.dates {
            Dates::Absolute => {
                let (a, b) = self.plan.span(next);
                let last = self.plan.local(b) - Duration::seconds(1);
                format!(
                    "{} – {}",
                    crate::dates::short_date(self.plan.local_date(a)),
                    crate::dates::long_date(last.date_naive())
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

    pub(super) fn sources(&self, out: &mut dyn Write) -> io::Result<()> {
        let sources = self.numbered_sources();
        if sources.is_empty() {
            return Ok(());
        }
        // One paragraph, in the order numbered (the order the text above first cites them),
        // each run of articles or of clinical literature under its label: a list of twenty
        // citations would take a page of its own.
        let mut text = String::new();
        let mut kind = None;
        for (n, source) in sources.iter().enumerate() {
            if kind != Some(source.kind) {
                let label = match source.kind {
                    SourceKind::Article => "Articles",
                    SourceKind::Clinical => "Clinical literature",
                };
                if kind.is_some() {
                    text.push(' ');
                }
                text.push_str(&format!("**{label}:**"));
                kind = Some(source.kind);
            }
            text.push_str(&format!(
                " \\[{}\\] {}",
                n + 1,
                md(&source.short_citation())
            ));
            if let Some(note) = &source.note {
                text.push_str(&format!(" ({})", md(note.trim_end_matches('.'))));
            }
        }
        writeln!(
            out,
            "## Sources\n\n{text} `aftercare plan` cites each in full, with its title and web \
             address."
        )
    }
}
