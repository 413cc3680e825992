//! Drawing the header: the title bar (the plan's name, the session and the viewed day, each
//! giving way in turn where the row is narrow) and the summary row under it (when the
//! treatment was, the next session, and the viewed day's count, which is never cut).

use super::Header;
use super::words::relative_day;
use crate::tui::widgets::day_label;
use crate::tui::{text, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Constraint::Length;
use ratatui::layout::{Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Cells the plan's name keeps on the title bar before the day's words give way.
const NAME_MIN: usize = 14;

impl Widget for Header<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let [title, summary] = area.layout(&Layout::vertical([Length(1), Length(1)]));
        self.render_title(title, summary.height == 0, buf);
        self.render_summary(summary, buf);
    }
}

impl Header<'_> {
    fn render_title(&self, area: Rect, alone: bool, buf: &mut Buffer) {
        buf.set_style(area, theme::TITLE_BAR);
        let after = |day: i64| self.last_day.is_some_and(|last| day > last);
        let today = match (self.today, self.day) {
            (Some(today), Some((day, _))) if today != day => relative_day(day - today),
            _ => String::new(),
        };
        let day = self.day.map_or_else(String::new, |(day, date)| {
            let label = if after(day) {
                "After the plan".to_string()
            } else {
                day_label(day)
            };
            let date = crate::dates::date_near(date, self.today_date.unwrap_or(date));
            let short_label = if day >= 1 && !after(day) {
                format!("Day {day}")
            } else {
                label.clone()
            };
            // With no row under it, the bar says when the treatment was, where it fits
            // beside the plan's name: in full ("Day 11 of recovery"), else in short.
            let mut candidates = Vec::new();
            // Only beside today: "Day 4 · treated 2 days ago (tomorrow)" would read wrong.
            if alone && !self.short.is_empty() && today.is_empty() {
                candidates.push(format!(" {label} · {date} · {} ", self.short));
                candidates.push(format!(" {short_label} · {date} · {} ", self.short));
            }
            candidates.push(format!(" {label} · {date} "));
            candidates.push(format!(" {short_label} · {date} "));
            // The plan's name whole if it can be, else at least this much of it.
            let name = text::width(self.plan_name) + 2;
            let fits = |words: &String, name: usize| {
                text::width(words) + text::width(&today) + name <= usize::from(area.width)
            };
            [name, NAME_MIN]
                .into_iter()
                .find_map(|name| candidates.iter().find(|c| fits(c, name)))
                .or(candidates.last())
                .cloned()
                .unwrap_or_default()
        });
        let right = format!("{day}{today}");
        let room = usize::from(area.width).saturating_sub(text::width(&right) + 2);
        // Which treatment, once there is more than one, and whether it may be changed. The
        // latest is "Session 2", not "Session 2 of 2", which read as the course finished
        // (walk-through); an earlier one says how many are recorded.
        let session = match self.session {
            Some((n, count)) if n < count => format!(" · Session {n} of {count}"),
            Some((n, count)) if count > 1 => format!(" · Session {n}"),
            _ => String::new(),
        };
        let read_only = if self.read_only { " read-only " } else { "" };
        let room = if read_only.is_empty() {
            room
        } else {
            room.saturating_sub(text::width(read_only) + 1)
        };
        // The plan's name gives way before the session does.
        let name_room = room.saturating_sub(text::width(&session));
        // The screen's name is kept whole: the plan's name gives way to it
        // ("Microneedling aft… · timeline"), and only where not even a few letters of the
        // plan's name fit is the screen's name alone.
        let plan_name = match self.screen_name {
            Some(screen) => {
                let screen = format!(" · {screen}");
                let keep = name_room.saturating_sub(text::width(&screen));
                match keep >= 4 || text::width(self.plan_name) <= keep {
                    true => format!("{}{screen}", text::truncate(self.plan_name, keep)),
                    false => text::truncate(screen.trim_start_matches(" · "), name_room),
                }
            }
            None => text::truncate(self.plan_name, name_room),
        };
        let name = format!("{plan_name}{session}");
        let mut left = vec![Span::raw(" "), Span::styled(name, theme::TITLE_BAR)];
        if !read_only.is_empty() {
            left.extend([Span::raw(" "), Span::styled(read_only, theme::READ_ONLY)]);
        }
        Line::from(left).render(area, buf);
        Line::from(vec![
            Span::styled(day, theme::TITLE_DAY),
            Span::styled(today, theme::TITLE_BAR),
        ])
        .right_aligned()
        .render(area, buf);
    }

    fn render_summary(&self, area: Rect, buf: &mut Buffer) {
        let Some((done, total)) = self.progress else {
            return;
        };
        // Every task of the viewed day that counts, to do and to avoid alike ("ticked", the
        // word for both), so it reads apart from "To do now" (one part of the day).
        // Away from today the count is the viewed day's, and says so by its date: the
        // words before it are today's ("Today Mon 30 Nov: 0/13 ticked · … · Sun 29 Nov:
        // 4/15 ticked").
        let away = matches!((self.today, self.day), (Some(t), Some((d, _))) if t != d);
        let fits = |w: &str, count: &str| {
            text::width(w) + text::width(count) + 4 <= usize::from(area.width)
        };
        let progress = match self.day {
            Some((_, date)) if away => {
                // The viewed day's date whole where today's words still fit beside it,
                // else its weekday (the title bar names the day in full).
                let whole = crate::dates::date_near(date, self.today_date.unwrap_or(date));
                let whole = format!("{whole}: {done}/{total} done");
                if fits(&self.brief, &whole) {
                    whole
                } else {
                    format!("{}: {done}/{total} done", date.format("%a"))
                }
            }
            Some(_) => format!("{done}/{total} done today"),
            None => format!("{done}/{total} done"),
        };
        let mut words = self.summary.clone();
        // Away from today the treatment's date gives way before today's words are cut.
        if away && total > 0 && !fits(&words, &progress) && !self.brief.is_empty() {
            words = self.brief.clone();
        }
        // The countdown to the next treatment where it fits whole beside the count, the
        // treatment's date giving way to it first ("Treated 40 days ago · next session due
        // now (through Fri 1 Jan)"): it is cut short only where not even that fits.
        if let Some(next) = &self.next_session {
            let short = next.split(" (").next().unwrap_or(next).to_string();
            let mut candidates = vec![format!("{words} · {next}")];
            if let Some(today) = &self.next_today {
                candidates.extend([format!("{} · {next}", self.brief), today.clone()]);
            }
            candidates.push(format!("{words} · {short}"));
            // A session near (or away from today, where today's count leaves less room):
            // the treatment's date gives way to it first.
            if self.next_session_soon || away {
                let brief = &self.brief;
                candidates.extend([format!("{brief} · {next}"), format!("{brief} · {short}")]);
            }
            for candidate in candidates {
                // Room for " · ", the count and the margins.
                if fits(&candidate, &progress) {
                    words = candidate;
                    break;
                }
            }
        }
        // The count follows the words after a " · " (so "26 d" and "0/15" read apart), and
        // is never cut: the words give way first. Nothing follows it: a bar of the day's
        // share after it read as a stray rule (the count says it, and the recovery strip
        // under the header shows the days).
        let separator = if words.is_empty() || total == 0 {
            ""
        } else {
            " · "
        };
        let shown_progress = if total == 0 { "" } else { progress.as_str() };
        let count_width = text::width(separator) + text::width(shown_progress);
        // The leading space, then the words up to the count (which ends the row).
        let room = usize::from(area.width).saturating_sub(1 + count_width);
        Line::from(vec![
            Span::raw(" "),
            Span::styled(text::truncate(&words, room), theme::SUMMARY),
            Span::styled(separator, theme::MUTED),
            Span::styled(shown_progress.to_string(), theme::EMPHASIS),
        ])
        .render(area, buf);
    }
}
