//! The banners across the top of the screen: demo mode's line (that this is a demo, the
//! simulated time, that nothing is saved, whether the clock is playing), and the data
//! file's notice (see `context::banner` for when there is one and what it says).

use crate::plan::duration_label;
use crate::tui::context::Context;
use crate::tui::{text, theme};
use chrono::{DateTime, FixedOffset, TimeZone};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

const DEMO: &str = " DEMO";
const NOTHING_SAVED: &str = "nothing is saved";
const PLAYING: &str = "▶ playing";
const PAUSED: &str = "‖ paused";
const SEPARATOR: &str = " · ";

/// The demo's line: the simulated time, how far it is from the treatment, and whether
/// the clock is playing.
pub struct DemoBanner {
    /// "Sat 21 Nov 14:00", in the plan's time zone.
    pub time: String,
    pub treatment: DateTime<FixedOffset>,
    pub now: DateTime<FixedOffset>,
    /// The plan day of `now` (Day 1: the treatment's calendar day), as the header counts it.
    pub day: Option<i64>,
    pub playing: bool,
}

impl DemoBanner {
    /// The banner for a demo's context; `None` outside a demo.
    pub fn of<Tz: TimeZone>(ctx: &Context<Tz>) -> Option<Self> {
        let demo = ctx.demo?;
        Some(DemoBanner {
            time: crate::dates::short_moment(ctx.now.with_timezone(&ctx.tz).fixed_offset()),
            treatment: demo.treatment,
            now: ctx.now,
            day: ctx.today(),
            playing: demo.playing,
        })
    }
}

impl Widget for DemoBanner {
    fn render(self, area: Rect, buf: &mut Buffer) {
        buf.set_style(area, theme::DEMO_BANNER);
        let time = self.time;
        let (long, short) = since_treatment(self.now, self.treatment, self.day);
        let state = if self.playing { PLAYING } else { PAUSED };
        // The richest wording that fits; the time and the play state always stay.
        let wordings = [
            vec![format!("simulated {time} ({long})"), NOTHING_SAVED.into()],
            vec![format!("simulated {time} ({short})"), NOTHING_SAVED.into()],
            vec![format!("{time} ({short})"), NOTHING_SAVED.into()],
            vec![time.clone(), NOTHING_SAVED.into()],
            vec![time],
        ];
        let left = |words: &[String]| format!("{DEMO}{SEPARATOR}{}", words.join(SEPARATOR));
        let right = format!("{state} ");
        let room = usize::from(area.width).saturating_sub(text::width(&right) + 2);
        let words = wordings
            .iter()
            .map(|w| left(w))
            .find(|l| text::width(l) <= room)
            .unwrap_or_else(|| text::truncate(&left(&wordings[4]), room));
        let (demo_word, rest) = words.split_at_checked(DEMO.len()).unwrap_or((&words, ""));
        Line::from(vec![
            Span::styled(demo_word.to_string(), theme::DEMO_BANNER_STRONG),
            Span::styled(rest.to_string(), theme::DEMO_BANNER),
        ])
        .render(area, buf);
        Line::styled(right, theme::DEMO_BANNER_STRONG)
            .right_aligned()
            .render(area, buf);
    }
}

/// How far the simulated time is from the treatment, in long and short words. After the
/// treatment's day it counts calendar days, as the header does ("Day 14, 13 days after
/// treatment" beside "Day 14 of recovery · treated 13 days ago"), never elapsed time, which
/// reads a day short ("+12 d" at 10:00 on Day 14 of a 14:00 treatment).
fn since_treatment(
    now: DateTime<FixedOffset>,
    treatment: DateTime<FixedOffset>,
    day: Option<i64>,
) -> (String, String) {
    if now < treatment {
        let ahead = duration_label(treatment - now);
        return (format!("{ahead} before treatment"), format!("-{ahead}"));
    }
    if now == treatment {
        return ("treatment just now".into(), "just treated".into());
    }
    let since = duration_label(now - treatment);
    match day {
        Some(1) | None => (
            format!("Day 1, {since} after treatment"),
            format!("Day 1 +{since}"),
        ),
        Some(2) => ("Day 2, the day after treatment".into(), "Day 2".into()),
        Some(day) => (
            format!("Day {day}, {} days after treatment", day - 1),
            format!("Day {day}"),
        ),
    }
}

/// The data file's notice, its lines already fitted to the width, on a red bar.
pub struct FileBanner<'a>(pub &'a [String]);

impl Widget for FileBanner<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let lines: Vec<Line> = self.0.iter().map(|l| Line::raw(format!(" {l}"))).collect();
        Paragraph::new(lines).style(theme::ERROR).render(area, buf);
    }
}
