//! The main screen once the plan is over (any day after its last): that it is over and when
//! it ended, what the sources say to keep up after it (rules with `keep_up_after`), what the
//! plan says to expect in the months after (its `after` note, with its sources), and the next
//! session while its window is open.

use crate::plan::Plan;
use crate::rules::{AfterPlan, Rules};
use crate::series::next_session_label;
use crate::tui::context::Context;
use crate::tui::widgets::{ScrollKeys, out_of_sight};
use crate::tui::{text, theme};
use chrono::{NaiveDate, TimeZone};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};
use std::borrow::Cow;

const HEADING: &str = " Your plan is over ";

/// What the screen says about the next session once the plan is over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextSession {
    /// Its window is still open or ahead: "next session due now (until Fri 1 Jan)".
    Due(String),
    /// Its window closed (from, until as dates) with no later treatment recorded.
    Overdue(NaiveDate, NaiveDate),
    /// The booking task was ticked (on the date given) and no later treatment is recorded:
    /// with the countdown while the window is open or ahead.
    Booked(NaiveDate, Option<String>),
    /// A later treatment is recorded.
    Recorded,
    /// The plan names no next session.
    None,
}

impl NextSession {
    /// The next session as the screen after `plan` tells it.
    fn of<Tz: TimeZone>(ctx: &Context<Tz>, plan: &Plan<'_, Tz>) -> Self {
        if ctx.session_position().is_some_and(|(n, count)| n < count) {
            return NextSession::Recorded;
        }
        if plan.rules().next_session.is_none() {
            return NextSession::None;
        }
        if let Some(on) = booked_on(ctx, plan) {
            return NextSession::Booked(on, next_session_label(plan, ctx.now, true));
        }
        match next_session_label(plan, ctx.now, false) {
            Some(words) => NextSession::Due(words),
            None => match crate::series::closed_window(plan, ctx.now) {
                Some((from, last)) => NextSession::Overdue(from, last),
                None => NextSession::None,
            },
        }
    }
}

/// The date the booking of the next session (`Plan::booking_rule`) was ticked, up to today,
/// where that tick counts (`Plan::is_booked`, from the day the booking comes up).
fn booked_on<Tz: TimeZone>(ctx: &Context<Tz>, plan: &Plan<'_, Tz>) -> Option<NaiveDate> {
    let ticks = &ctx.session()?.ticks;
    let today = plan.local_date(ctx.now);
    if !plan.is_booked(ticks, today) {
        return None;
    }
    let rule = plan.booking_rule()?;
    // The booking is a once task: its id is its rule's.
    let ticked = ticks
        .range(..=today)
        .rev()
        .find(|(_, ids)| ids.contains(&rule.id));
    ticked.map(|(date, _)| *date)
}

/// What the screen says after the plan.
pub struct AfterPlanView<'a> {
    pub rules: &'a Rules,
    /// The plan's last day and its date.
    pub last_day: (i64, NaiveDate),
    pub next_session: NextSession,
    /// Today's local date: dates outside its year read with the year.
    pub today: NaiveDate,
}

impl<'a> AfterPlanView<'a> {
    /// What the screen says after `plan`, the plan of the treatment `ctx` views.
    pub fn of<Tz: TimeZone>(ctx: &'a Context<Tz>, plan: &Plan<'_, Tz>) -> Self {
        AfterPlanView {
            rules: &ctx.rules,
            last_day: (plan.last_day(), plan.date_of(plan.last_day())),
            next_session: NextSession::of(ctx, plan),
            today: plan.local(ctx.now).date_naive(),
        }
    }

    /// The lines at `width`, the heading not included: that the plan is over, the next
    /// session (what a patient can act on), then what to expect in the months after.
    pub fn lines(&self, width: usize) -> Vec<Line<'static>> {
        let (day, date) = self.last_day;
        let wrap = |words: &str| text::wrap(words, width.saturating_sub(2), usize::MAX);
        let mut lines = Vec::new();
        let mut push = |words: Vec<String>, look| {
            lines.extend(
                words
                    .into_iter()
                    .map(|l| Line::from(vec![Span::raw(" "), Span::styled(l, look)])),
            );
        };
        // What the sources ask for beyond the plan (SPF, daily, always), from the rules file,
        // in the same words: it is what a patient is to go on doing. Its sources are the
        // rule's own (Tab, the plan, shows them; `aftercare today` cites them).
        let keep = self
            .rules
            .keep_up_list(true, "; ")
            .map_or_else(String::new, |kept| {
                format!(" Keep up after the plan: {kept}.")
            });
        push(
            wrap(&format!(
                "The plan ended on Day {day}, {}: there is nothing more to do or avoid day by \
                 day.{keep}",
                crate::dates::date_near(date, self.today)
            )),
            theme::TASK,
        );
        let day_month = |d: &NaiveDate| crate::dates::date_near(*d, self.today);
        // The command gets a line of its own: wrapped with the words, it could break in two.
        // `--at`: recorded afterwards, a treatment is not "now".
        let record = Some("aftercare start --next --at \"YYYY-MM-DD HH:MM\"");
        let (next, command) = match &self.next_session {
            NextSession::Due(next) => (format!("Your {next}: book it with your provider."), None),
            NextSession::Overdue(from, until) => (
                format!(
                    "The suggested window for your next session was {} to {}: if it is not booked, ask your \
                     provider when to come. Had it? Record it with:",
                    day_month(from),
                    day_month(until)
                ),
                record,
            ),
            // Booked, with its window still open or ahead; or booked for a window that has
            // closed with no treatment recorded since, which is said (it read as fine on Day
            // 60, 17 days after the window closed).
            NextSession::Booked(on, Some(due)) => (
                format!(
                    "Your next session is booked: you ticked it on {}. Your {due}. Record \
                     its date and time, and the week before it the checklist shows how to \
                     prepare:",
                    day_month(on)
                ),
                record,
            ),
            NextSession::Booked(on, None) => (
                format!(
                    "You ticked your next session as booked on {}, and its window has closed \
                     with no treatment recorded. Had it? Record it with this; if not, ask your \
                     provider when to come:",
                    day_month(on)
                ),
                record,
            ),
            NextSession::Recorded => (
                "Your next session is recorded: ] shows its plan.".to_string(),
                None,
            ),
            NextSession::None => (
                "Had another session? Record it with this, and a new plan begins:".to_string(),
                record,
            ),
        };
        push(wrap(&next), theme::MILESTONE_TITLE);
        if let Some(command) = command {
            push(vec![format!("  {command}")], theme::MILESTONE_TITLE);
        }
        if let Some(AfterPlan {
            title,
            detail,
            sources,
        }) = &self.rules.after
        {
            push(wrap(title), theme::EMPHASIS);
            push(wrap(detail), theme::DETAIL);
            if !sources.is_empty() {
                push(wrap(&self.cited(sources)), theme::MUTED);
            }
        }
        lines
    }

    /// "Source: title; title".
    fn cited(&self, sources: &[String]) -> String {
        let titles: Vec<Cow<str>> = sources
            .iter()
            .map(|id| self.rules.source_title(id))
            .collect();
        format!("Source: {}", titles.join("; "))
    }
}

/// The page after the plan as drawn: its lines (wrapped once, `AfterPlanView::lines`),
/// scrolled down `scroll` lines. What does not fit is said on its last row, with the keys
/// that read on ("↓ 6 more below — ↓ j reads on"), never cut silently.
pub struct AfterPlanPage<'a> {
    pub lines: &'a [Line<'static>],
    pub scroll: usize,
}

impl AfterPlanPage<'_> {
    /// How far the page can scroll in a region `height` rows tall (its heading included).
    pub fn max_scroll(lines: usize, height: u16) -> usize {
        let rows = usize::from(height.saturating_sub(1));
        match rows {
            0 => 0,
            // The last row says what is below where the lines do not all fit.
            rows if lines > rows => lines - (rows - 1).max(1),
            _ => 0,
        }
    }
}

impl Widget for AfterPlanPage<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let rule = Block::new()
            .borders(Borders::TOP)
            .border_style(theme::RULE)
            .title(Span::styled(HEADING, theme::DO_HEADING));
        let inner = rule.inner(area);
        rule.render(area, buf);
        let rows = usize::from(inner.height);
        let all = self.lines.len();
        let top = self.scroll.min(AfterPlanPage::max_scroll(all, area.height));
        let mut lines: Vec<Line> = self.lines.iter().skip(top).cloned().collect();
        let cut = lines.len() > rows;
        if rows > 0 && (cut || top > 0) {
            // Never cut without a word: the last row says what is above and below, and the
            // keys that scroll.
            let shown = if cut {
                rows - 1
            } else {
                lines.len().min(rows - 1)
            };
            let below = all - top - shown;
            lines.truncate(shown);
            let keys = ScrollKeys {
                below: "↓ j read on",
                above: "↑ k back",
                both: "↑↓ scroll",
            };
            let words = format!(" {}", out_of_sight(top, below, &keys));
            while lines.len() < rows - 1 {
                lines.push(Line::default());
            }
            lines.push(Line::from(Span::styled(words, theme::MUTED)));
        }
        Paragraph::new(lines).render(inner, buf);
    }
}
