//! The checklist drawn: the header, the recovery at a glance, any alert, the tasks, why the
//! selected one matters, what is normal and when to call, and the footer. It only reads.

use super::alerts::Alerts;
use super::detail::Detail;
use super::notes::Notes;
use super::progress_strip::ProgressStrip;
use super::task_list::TaskList;
use super::{ChecklistScreen, Row, keys, rows};
use crate::tui::context::Context;
use crate::tui::demo;
use crate::tui::keymap::hints as hints_of;
use crate::tui::widgets::footer::Footer;
use crate::tui::widgets::header::Header;
use chrono::TimeZone;
use ratatui::buffer::Buffer;
use ratatui::widgets::Widget;

impl ChecklistScreen {
    /// Draws the screen into the context's screen area (below any banner).
    pub fn render<Tz: TimeZone>(&self, ctx: &Context<Tz>, buf: &mut Buffer) {
        let regions = self.regions(ctx);
        Header::of(ctx, None).render(regions.title.union(regions.summary), buf);
        if let Some(strip) = ProgressStrip::of(ctx) {
            strip.render(regions.progress, buf);
        }
        Alerts {
            alerts: &ctx.alerts,
            height: ctx.size.height,
        }
        .render(regions.alerts, buf);
        let rows = rows(ctx);
        if let Some(list) = &ctx.checklist {
            TaskList {
                tasks: &list.tasks,
                rows: &rows,
                selected: self.selected,
                top: self.top,
            }
            .render(regions.list, buf);
            Notes {
                phases: &list.phases,
                warnings: &list.warnings,
                side_by_side: regions.side_by_side,
            }
            .render(regions.notes, buf);
        }
        if let Some(task) = self.selected_task(ctx) {
            let sources = task
                .sources
                .iter()
                .map(|id| {
                    ctx.rules
                        .source(id)
                        .map_or(id.as_str(), |s| s.title.as_str())
                })
                .collect();
            Detail {
                rationale: &task.rationale,
                sources,
                hidden: self.hidden_tasks(&rows, usize::from(regions.list.height)),
            }
            .render(regions.detail, buf);
        }
        let mut hints = demo::hints(ctx);
        hints.extend(hints_of(keys::KEYMAP));
        Footer::of(ctx, hints).render(
            regions
                .status
                .union(regions.hints)
                .union(regions.disclaimer),
            buf,
        );
    }

    /// Tasks scrolled out of sight above and below a list `height` rows tall.
    fn hidden_tasks(&self, rows: &[Row], height: usize) -> (usize, usize) {
        let tasks = |rows: &[Row]| rows.iter().filter(|r| matches!(r, Row::Task(_))).count();
        let above = tasks(&rows[..self.top.min(rows.len())]);
        let below = tasks(rows.get(self.top + height..).unwrap_or(&[]));
        (above, below)
    }
}
