//! The main screen placed on the terminal: what the day shows (`DayModel`), the rows each part
//! gets (`layout`), the block of things to avoid laid out in its rows, and from these what
//! can be selected, in screen order, and what is under a mouse click. The view, the keys and
//! the mouse all read this one placement.

use super::ChecklistScreen;
use super::after_plan::AfterPlanView;
use super::alerts;
use super::avoid::{AvoidBlock, AvoidWords};
use super::day_model::{DayModel, DoRow, Fold, Pick};
use super::layout::{self, Needs, Regions};
use super::notes::Notes;
use super::notes_panel::NotesPanel;
use super::placement::Inputs;
use super::task_list::{self, LEFT_COLUMNS};
use super::task_row::when_words;
use super::why;
use crate::checklist::Checklist;
use crate::rules::Kind;
use crate::tui::context::Context;
use crate::tui::text;
use chrono::TimeZone;
use ratatui::layout::Position;
use std::rc::Rc;

/// Columns right of a task's time: a space, and the scrollbar.
const RIGHT_COLUMNS: usize = 2;
/// Between a title and its time.
const GAP: usize = 2;

/// The main screen on the current terminal.
pub struct Placed {
    pub model: DayModel,
    pub regions: Regions,
    pub avoid: AvoidBlock,
    /// The viewed day is after the plan's last: the list's place says the plan is over.
    pub after_plan: bool,
    /// What the list's place says then, wrapped once at its width (the heading not
    /// included): the view draws these lines, scrolled (`ChecklistScreen::page`).
    pub after_plan_lines: Vec<ratatui::text::Line<'static>>,
}

impl ChecklistScreen {
    /// Where everything goes for the context's day and terminal (`None` before a treatment):
    /// worked out again only when something it reads changed (`placement`).
    pub(super) fn placed<Tz: TimeZone>(&self, ctx: &Context<Tz>) -> Option<Rc<Placed>> {
        let inputs = Inputs::of(ctx, &self.open);
        self.placement.get(inputs, || self.place(ctx))
    }

    /// Where everything goes, worked out.
    fn place<Tz: TimeZone>(&self, ctx: &Context<Tz>) -> Option<Placed> {
        let list = ctx.checklist.as_ref()?;
        let plan = ctx.plan()?;
        // An earlier session's last day is shown once its next session took over, but it
        // is a day past, not today: no "now", nothing "earlier today".
        let today = ctx.viewing_today;
        let model = DayModel::of(list, today, ctx.now, &self.open);
        let tz = plan.time_zone();
        let after_plan = ctx.is_after_plan();
        let words = AvoidWords::of(&model, &list.tasks, ctx.now, tz, !ctx.alerts.is_empty());
        let lay_out = |width: u16, rows: Option<u16>| {
            let rows = rows.map(usize::from);
            AvoidBlock::lay_out(&words, &model, &list.tasks, usize::from(width), rows)
        };
        let avoid_rows = |width: u16, rows: Option<u16>| {
            let block = lay_out(width, rows);
            let as_rows = u16::try_from(block.rows).unwrap_or(u16::MAX);
            (as_rows, block.more.is_none())
        };
        let avoid_compact = |width: u16| {
            let (timed, flow) = AvoidBlock::compact_rows(&words, usize::from(width));
            let rows = |r: usize| u16::try_from(r).unwrap_or(u16::MAX);
            (rows(timed), rows(flow))
        };
        // The list's rows down to its last task due now (those done as needed come after).
        let due_now = |i: &usize| model.now.contains(i) && !list.tasks[*i].as_needed;
        let now_rows = model
            .do_rows
            .iter()
            .rposition(|r| matches!(r, DoRow::Task(i) if due_now(i)))
            .map_or(0, |at| at + 1);
        let notes = notes_of(ctx, list, after_plan);
        let notes_rows = |width: u16| notes.rows_wanted(width);
        let notes_naming_emergency = |width: u16| notes.rows_naming_emergency(width);
        let row_width = if after_plan {
            // Prose: as wide as reads well, and as narrow as the notes beside it allow.
            (96, 48)
        } else {
            ctx.do_rows_width()
        };
        // Its lines wrap once, at the width the list will get (`list_column_width`).
        let after_plan_lines = if after_plan {
            let width = layout::list_column_width(ctx.screen_area().width, row_width);
            AfterPlanView::of(ctx, &plan).lines(usize::from(width))
        } else {
            Vec::new()
        };
        let list_rows = if after_plan {
            // One more row for the heading.
            1 + after_plan_lines.len()
        } else {
            model.do_rows.len()
        };
        // The "Why" of everything the day can select: its tasks and folded lines, its things
        // to avoid, and the line that opens those that do not fit (which the layout decides).
        let why_rows = |width: u16, cap: u16| {
            let avoid_fold = model.avoid_tasks().next().map(|_| Pick::Fold(Fold::Avoid));
            let picks = list_picks(&model, after_plan)
                .chain(model.avoid_tasks().map(Pick::Task))
                .chain(avoid_fold);
            why::longest_rows(picks, &ctx.rules, &model, &list.tasks, width, cap)
        };
        let needs = Needs {
            list_rows: u16::try_from(list_rows).unwrap_or(u16::MAX),
            avoid_rows: &avoid_rows,
            avoid_compact: &avoid_compact,
            now_rows: u16::try_from(now_rows).unwrap_or(u16::MAX),
            avoid_open: self.open.contains(&Fold::Avoid),
            notes_rows: &notes_rows,
            notes_naming_emergency: &notes_naming_emergency,
            // The "Why" strip explains the selection: none once nothing can be selected (the
            // plan over, a day without tasks), lest it explain a task the screen does not show.
            detail: anything_to_select(&model, after_plan),
            why_rows: &why_rows,
            status: ctx.status.is_some() || ctx.notice.is_some(),
            alerts: alerts::rows_wanted(&ctx.alerts, ctx.size),
            progress: ctx.progress.is_some(),
            // The page after the plan scrolls (↑↓): a row of it costs less than the days.
            progress_first: after_plan,
            row_width,
        };
        let regions = layout::regions(ctx.screen_area(), &needs);
        let avoid = lay_out(regions.avoid.width, Some(regions.avoid.height));
        Some(Placed {
            model,
            regions,
            avoid,
            after_plan,
            after_plan_lines,
        })
    }

    /// Everything that can be selected, in screen order.
    pub(super) fn picks<Tz: TimeZone>(&self, ctx: &Context<Tz>) -> Vec<Pick> {
        self.placed(ctx).map_or_else(Vec::new, |p| p.picks())
    }

    /// The task a new day starts the selection on: the first on now, else the first task.
    pub(super) fn first_pick<Tz: TimeZone>(&self, ctx: &Context<Tz>) -> Option<usize> {
        let placed = self.placed(ctx)?;
        let tasks = &ctx.checklist.as_ref()?.tasks;
        // The first task on now still to do, else the first on now.
        let undone = placed.model.now.iter().copied().find(|&i| !tasks[i].done);
        undone.or(placed.model.now.first().copied()).or_else(|| {
            placed.picks().into_iter().find_map(|p| match p {
                Pick::Task(i) => Some(i),
                Pick::Fold(_) => None,
            })
        })
    }

    /// How far the panel of every note can scroll on this terminal.
    pub(super) fn notes_panel_scroll<Tz: TimeZone>(&self, ctx: &Context<Tz>) -> u16 {
        ctx.checklist.as_ref().map_or(0, |list| {
            NotesPanel {
                notes: notes_of(ctx, list, ctx.is_after_plan()),
                scroll: 0,
            }
            .max_scroll(ctx.screen_area())
        })
    }
}

/// The day's notes and the clinic. `after_plan` is `Context::is_after_plan`, which the
/// caller has already asked (the placement keeps it): once the plan is over, nothing is
/// "normal now" by it any more.
pub fn notes_of<'a, Tz: TimeZone>(
    ctx: &'a Context<Tz>,
    list: &'a Checklist,
    after_plan: bool,
) -> Notes<'a> {
    Notes {
        alerts: &ctx.alerts,
        phases: if after_plan { &[] } else { &list.phases },
        warnings: &list.warnings,
        provider: ctx.rules.provider.as_ref(),
    }
}

/// The width, in cells, the list's rows of `list`'s do tasks want: with each time whole, and
/// with each at its shortest, as each row's own title and time need it (the list beside the
/// notes, which get the columns that saves: 120x40 cut the signs' details in a column of 47
/// while the list kept 12 columns no row used). It reads only the tasks, so it is worked out
/// once per checklist built (`Context::refresh`), not once per placement.
pub fn do_rows_width(list: &Checklist) -> (u16, u16) {
    let to_do = list.tasks.iter().filter(|t| t.kind == Kind::Do);
    let (mut row_whole, mut row_short) = (0, 0);
    for task in to_do {
        let when = when_words(task);
        let title_width = text::width(&task.title);
        let shortest = when.split(" · ").map(text::width).min().unwrap_or(0);
        row_whole = row_whole.max(title_width + GAP + text::width(&when));
        row_short = row_short.max(title_width + GAP + shortest);
    }
    let row = |cells: usize| {
        let cells = LEFT_COLUMNS + cells + RIGHT_COLUMNS;
        u16::try_from(cells.max(40)).unwrap_or(u16::MAX)
    };
    (row(row_whole), row(row_short))
}

/// What of the list can be selected, in screen order: its tasks and folded lines; nothing
/// once the plan is over (its place then tells so, in prose).
fn list_picks(model: &DayModel, after_plan: bool) -> impl Iterator<Item = Pick> + '_ {
    let rows = if after_plan {
        &[][..]
    } else {
        &model.do_rows[..]
    };
    rows.iter().filter_map(|r| match r {
        DoRow::Task(i) => Some(Pick::Task(*i)),
        DoRow::Fold(f) => Some(Pick::Fold(*f)),
        DoRow::Heading | DoRow::Nothing => None,
    })
}

/// Whether the day has anything to select, before the things to avoid are laid out: a task
/// or folded line of the list, or a thing to avoid (placed, or behind the line that opens
/// those that did not fit).
fn anything_to_select(model: &DayModel, after_plan: bool) -> bool {
    list_picks(model, after_plan).next().is_some() || model.avoid_tasks().next().is_some()
}

impl Placed {
    /// What can be selected, in screen order: the list's tasks and folded lines, then the
    /// things to avoid, then the line that opens those that did not fit.
    pub fn picks(&self) -> Vec<Pick> {
        let mut picks: Vec<Pick> = list_picks(&self.model, self.after_plan).collect();
        picks.extend(self.avoid.tasks().map(Pick::Task));
        if self.avoid.more.is_some() {
            picks.push(Pick::Fold(Fold::Avoid));
        }
        picks
    }

    /// The row of the list `pick` is on, if it is in the list.
    pub fn row_of(&self, pick: Pick) -> Option<usize> {
        self.model.do_rows.iter().position(|r| match (r, pick) {
            (DoRow::Task(i), Pick::Task(j)) => *i == j,
            (DoRow::Fold(f), Pick::Fold(g)) => *f == g,
            _ => false,
        })
    }

    /// What is at `at` on screen, with the list scrolled to `top`.
    pub fn pick_at(&self, at: Position, top: usize) -> Option<Pick> {
        let list = self.regions.list;
        if list.contains(at) && !self.after_plan {
            let rows = &self.model.do_rows;
            let shown = task_list::window(rows, usize::from(list.height), top);
            let row = shown.row_on(usize::from(at.y - list.y))?;
            return match rows[row] {
                DoRow::Task(i) => Some(Pick::Task(i)),
                DoRow::Fold(f) => Some(Pick::Fold(f)),
                DoRow::Heading | DoRow::Nothing => None,
            };
        }
        let area = self.regions.avoid;
        if !area.contains(at) || at.y == area.y {
            return None;
        }
        // The block's lines start under its heading.
        let (line, x) = (usize::from(at.y - area.y - 1), usize::from(at.x - area.x));
        if self.avoid.more.is_some_and(|(l, _)| l == line) {
            return Some(Pick::Fold(Fold::Avoid));
        }
        self.avoid.items.iter().find_map(|item| {
            let hit = item.pieces.iter().any(|(l, start, words)| {
                *l == line && (*start..*start + text::width(words)).contains(&x)
            });
            hit.then_some(item.task).flatten().map(Pick::Task)
        })
    }
}
