//! Demo mode's top line: that this is a demo, the simulated time, that nothing is saved, and
//! whether the clock is playing.

use crate::plan::duration_label;
use crate::tui::app::App;
use crate::tui::{style, text};
use chrono::TimeZone;
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
        let since = if app.now < demo.treatment {
            format!("treatment in {}", duration_label(demo.treatment - app.now))
        } else if app.now == demo.treatment {
            "treatment just now".to_string()
        } else {
            format!("treatment +{}", duration_label(app.now - demo.treatment))
        };
        let state = if demo.playing { PLAYING } else { PAUSED };
        // The richest wording that fits: the play state and the time always stay.
        let room = usize::from(area.width);
        let wordings = [
            vec![
                format!("simulated {time}"),
                since.clone(),
                NOTHING_SAVED.into(),
            ],
            vec![time.clone(), since.clone(), NOTHING_SAVED.into()],
            vec![time.clone(), since],
            vec![time],
        ];
        let fits = |words: &[String]| {
            text::width(DEMO)
                + words
                    .iter()
                    .map(|w| text::width(w) + text::width(SEPARATOR))
                    .sum::<usize>()
                + text::width(state)
                < room
        };
        let words = wordings.iter().find(|w| fits(w)).unwrap_or(&wordings[3]);
        let mut spans = vec![Span::styled(DEMO, style::DEMO_BANNER_STRONG)];
        for word in words {
            spans.push(Span::styled(SEPARATOR, style::DEMO_BANNER));
            spans.push(Span::styled(word.clone(), style::DEMO_BANNER));
        }
        spans.push(Span::styled(SEPARATOR, style::DEMO_BANNER));
        spans.push(Span::styled(state, style::DEMO_BANNER_STRONG));
        Line::from(spans).render(area, buf);
    }
}
