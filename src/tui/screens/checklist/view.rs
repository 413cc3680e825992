//! The main screen drawn: the header, the recovery at a glance, any alert, the tasks to do,
//! the things to avoid, why the selected one matters, when to call and what is normal, and
//! the footer; every note over it when `s` opened them. It only reads.

use super::after_plan::AfterPlanPage;
use super::alerts::Alerts;
use super::avoid::AvoidView;
use super::day_model::{Fold, Pick};
use super::normal_now::NormalNow;
use super::notes_panel::NotesPanel;
use super::placed::notes_of;
use super::progress_strip::ProgressStrip;
use super::task_list::TaskList;
use super::{Action, ChecklistScreen, keys, why};
use crate::tui::context::Context;
use crate::tui::demo;
use crate::tui::keymap::{Hint, hints_where};
use crate::tui::widgets::footer::Footer;
use crate::tui::widgets::header::Header;
use chrono::TimeZone;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

impl ChecklistScreen {
    /// Draws the screen into the context's screen area (below any banner).
    pub fn render<Tz: TimeZone>(&self, ctx: &Context<Tz>, buf: &mut Buffer) {
        let (Some(placed), Some(list)) = (self.placed(ctx), ctx.checklist.as_ref()) else {
            return;
        };
        // The selection, where it is on screen (none on a day with nothing to select).
        let picks = placed.picks();
        let mut hints = demo::hints(ctx);
        // Not before the treatment: `c` would only say why not (`Context::checkin_date`).
        let may_check_in = ctx.checkin_date.is_some();
        hints.extend(footer_hints(&picks, may_check_in, !ctx.file_read_only));
        let regions = placed.regions;
        Header::of(ctx, None).render(regions.title.union(regions.summary), buf);
        if let Some(strip) = ProgressStrip::of(ctx) {
            strip.render(regions.progress, buf);
        }
        Alerts {
            alerts: &ctx.alerts,
            height: ctx.size.height,
            provider: ctx.rules.provider.as_ref(),
            other_day: (ctx.checklist.is_some() && !ctx.viewing_today).then_some(ctx.day),
            of_today: ctx.alerts_of_today,
        }
        .render(regions.alerts, buf);
        let pick = Some(self.pick()).filter(|p| picks.contains(p));
        if placed.after_plan {
            AfterPlanPage {
                lines: &placed.after_plan_lines,
                scroll: self.page,
            }
            .render(regions.list, buf);
        } else {
            TaskList {
                tasks: &list.tasks,
                model: &placed.model,
                selected: pick,
                top: self.top,
                is_open: &|fold| self.open.contains(&fold),
                // Where the recovery strip has no row, its check-in word goes on the rule.
                checkin: ProgressStrip::of(ctx)
                    .and_then(|strip| strip.checkin)
                    .filter(|_| regions.progress.height == 0 && placed.model.today),
            }
            .render(regions.list, buf);
        }
        let selected_task = match pick {
            Some(Pick::Task(i)) => Some(i),
            _ => None,
        };
        AvoidView {
            block: &placed.avoid,
            tasks: &list.tasks,
            selected: selected_task,
            more_selected: pick == Some(Pick::Fold(Fold::Avoid)),
            open: self.open.contains(&Fold::Avoid),
            today: ctx.viewing_today,
            alert_up: !ctx.alerts.is_empty(),
        }
        .render(regions.avoid, buf);
        let detail =
            pick.and_then(|pick| why::detail_of(pick, &ctx.rules, &placed.model, &list.tasks));
        // Beside the long column of warning signs, the column of tasks gives the rows it has
        // to spare, under the "Why" (as tall as the day's longest: `layout`), to what is
        // normal now.
        let spare_below = |from: Rect| Rect {
            height: regions.notes.bottom().saturating_sub(from.y),
            ..from
        };
        let mut notes = notes_of(ctx, list, placed.after_plan);
        if let Some(detail) = detail {
            detail.render(regions.detail, buf);
        }
        let rest = spare_below(Rect {
            y: regions.detail.bottom(),
            ..regions.detail
        });
        if regions.side_by_side && rest.height > 2 {
            let normal = NormalNow {
                phases: notes.phases,
            };
            let fits = normal
                .lines(usize::from(rest.width), usize::from(rest.height - 2))
                .is_some();
            if fits {
                let area = Rect {
                    y: rest.y + 1,
                    height: rest.height - 1,
                    ..rest
                };
                normal.render(area, buf);
                notes.phases = &[];
            }
        }
        self.notes
            .render(ctx.generation(), &notes, regions.notes, buf);
        // The key the signs and the alert box tell the patient to press ("press s") stays
        // in the footer at every size. (The other folds' words say their key whole where
        // they are: "i: until when", "Enter shows all".)
        let signs = !regions.notes.is_empty() || !regions.alerts.is_empty();
        let named = if signs { vec!["s"] } else { Vec::new() };
        Footer::of(ctx, hints).naming(named).render(
            regions
                .status
                .union(regions.hints)
                .union(regions.disclaimer),
            buf,
        );
        if let Some(scroll) = self.panel {
            NotesPanel {
                notes: notes_of(ctx, list, placed.after_plan),
                scroll,
            }
            .render(ctx.screen_area(), buf);
        }
    }
}

/// The keys the footer offers: with nothing to select (the plan over, a day without
/// tasks), not the keys that select, tick or explain a selection; before the treatment,
/// not the check-in, which opens only after it; where nothing is saved (a read-only data
/// file), none of the keys that save: tick, check in, undo.
fn footer_hints(picks: &[Pick], may_check_in: bool, saves: bool) -> Vec<Hint> {
    let anything = !picks.is_empty();
    hints_where(keys::KEYMAP, |action| match action {
        Action::Up | Action::Down | Action::Why => anything,
        Action::Toggle => anything && saves,
        Action::CheckIn => may_check_in && saves,
        Action::Undo => saves,
        _ => true,
    })
}
