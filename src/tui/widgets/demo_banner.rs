//! Demo mode's top line: that this is a demo, the simulated time, that nothing is saved, and
//! whether the clock is playing.

use crate::plan::duration_label;
use crate::tui::app::App;
use crate::tui::paint::Paint;
use crate::tui::{style, text};
use chrono::{DateTime, FixedOffset, TimeZone};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

const DEMO: &str = " DEMO";
const NOTHING_SAVED: &str = "nothing is saved";
const PLAYING: &str = "▶ playing";
const PAUSED: &str = "‖ paused";
const SEPARATOR: &str = " · ";

pub struct DemoBanner<'a, Tz: TimeZone>(pub &'a App<Tz>);

impl<Tz: TimeZone> Widget for DemoBanner<'_, Tz> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let Some(demo) = app.demo else {
            return;
        };
        buf.set_style(area, style::DEMO_BANNER);
        let time = app
            .now
            .with_timezone(&app.tz)
            .fixed_offset()
            .format("%a %-d %b %H:%M")
            .to_string();
        let (long, short) = since_treatment(app.now, demo.treatment);
        let state = if demo.playing { PLAYING } else { PAUSED };
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
        let (demo_word, rest) = words.split_at(DEMO.len());
        Line::from(vec![
            Span::styled(demo_word.to_string(), style::DEMO_BANNER_STRONG),
            Span::styled(rest.to_string(), style::DEMO_BANNER),
        ])
        .paint(area, buf);
        Line::styled(right, style::DEMO_BANNER_STRONG)
            .right_aligned()
            .paint(area, buf);
    }
}

/// How far the simulated time is from the treatment, in long and short words.
fn since_treatment(
    now: DateTime<FixedOffset>,
    treatment: DateTime<FixedOffset>,
) -> (String, String) {
    if now < treatment {
        let ahead = duration_label(treatment - now);
        (format!("{ahead} before treatment"), format!("-{ahead}"))
    } else if now == treatment {
        ("treatment just now".into(), "just treated".into())
    } else {
        let since = duration_label(now - treatment);
        (format!("+{since} after treatment"), format!("+{since}"))
    }
}
