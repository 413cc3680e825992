//! The recovery timeline: every rule, phase and warning of the plan as a row, its window a
//! bar across the days. This file is the model (which rows, in which order, what is selected
//! and scrolled); `timeline_layout` measures it and `widgets::timeline` draws it.

use super::action::Action;
use super::app::App;
use super::timeline_layout::{self, Columns};
use crate::rules::{Kind, Note, Repeat, Rule, Rules, Window, Windowed};
use chrono::TimeZone;

/// A group of rows, in the order they are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Before,
    Do,
    Avoid,
    Normal,
    Warning,
}

impl Section {
    pub fn title(self) -> &'static str {
        match self {
            Section::Before => "Before treatment",
            Section::Do => "To do",
            Section::Avoid => "To avoid",
            Section::Normal => "What is normal",
            Section::Warning => "Call your provider if",
        }
    }
}

/// What a row is about: a rule, a phase or a warning sign, by index into the rules file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Rule(usize),
    Phase(usize),
    Warning(usize),
}

/// One row of the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Heading(Section),
    Item(Item),
}

/// What the timeline shows: the selected item, the first row and the first day on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TimelineView {
    /// Index into the items (rows that are not headings).
    pub selected: usize,
    pub top: usize,
    pub left_day: i64,
}

/// What a row needs to be drawn: its words and its window.
pub struct ItemInfo<'r> {
    pub title: &'r str,
    /// When the row's window opens and closes (`Plan::instant` places each end).
    pub window: Window,
    pub section: Section,
    /// Do or avoid, for rules.
    pub kind: Option<Kind>,
    /// A one-off task after the treatment, such as booking the next session: highlighted.
    pub milestone: bool,
}

impl Item {
    pub fn info(self, rules: &Rules) -> Option<ItemInfo<'_>> {
        fn note(note: &Note, section: Section) -> ItemInfo<'_> {
            ItemInfo {
                title: &note.title,
                window: note.window(),
                section,
                kind: None,
                milestone: false,
            }
        }
        Some(match self {
            Item::Rule(i) => {
                let rule = rules.rules.get(i)?;
                ItemInfo {
                    title: &rule.title,
                    window: rule.window(),
                    section: section_of(rule),
                    kind: Some(rule.kind),
                    milestone: is_milestone(rule),
                }
            }
            Item::Phase(i) => note(rules.phases.get(i)?, Section::Normal),
            Item::Warning(i) => note(rules.warnings.get(i)?, Section::Warning),
        })
    }
}

fn section_of(rule: &Rule) -> Section {
    match rule.kind {
        _ if rule.window().ends_by_treatment() => Section::Before,
        Kind::Do => Section::Do,
        Kind::Avoid => Section::Avoid,
    }
}

pub fn is_milestone(rule: &Rule) -> bool {
    rule.kind == Kind::Do && rule.repeat == Repeat::Once && rule.window().nominal_hours().0 > 0
}

/// The timeline's rows: each section's items by when they start, then end (a staircase),
/// each section under its heading.
pub fn rows(rules: &Rules) -> Vec<Row> {
    let mut items: Vec<(Section, i64, i64, Item)> = Vec::new();
    for (i, rule) in rules.rules.iter().enumerate() {
        let (from, until) = rule.window().nominal_hours();
        let entry = (section_of(rule), from, until, Item::Rule(i));
        items.push(entry);
    }
    for (i, n) in rules.phases.iter().enumerate() {
        let (from, until) = n.window().nominal_hours();
        items.push((Section::Normal, from, until, Item::Phase(i)));
    }
    for (i, n) in rules.warnings.iter().enumerate() {
        let (from, until) = n.window().nominal_hours();
        items.push((Section::Warning, from, until, Item::Warning(i)));
    }
    let order = |s: Section| s as u8;
    items.sort_by_key(|(section, from, until, _)| (order(*section), *from, *until));
    let mut rows = Vec::new();
    for (n, (section, _, _, item)) in items.iter().enumerate() {
        if n == 0 || items[n - 1].0 != *section {
            rows.push(Row::Heading(*section));
        }
        rows.push(Row::Item(*item));
    }
    rows
}

impl<Tz: TimeZone> App<Tz> {
    /// The timeline's rows, sorted once: the rules never change while the app runs, and
    /// sorting a clinic's 10,000 rules on every frame cost 2 ms a key.
    pub fn timeline_rows(&self) -> &[Row] {
        self.timeline_rows.get_or_init(|| rows(&self.rules))
    }

    /// The selected row's item.
    pub fn timeline_item(&self) -> Option<Item> {
        let items = self.timeline_rows().iter().filter_map(|r| match r {
            Row::Item(item) => Some(*item),
            Row::Heading(_) => None,
        });
        items.into_iter().nth(self.timeline.selected)
    }

    /// Where the timeline's parts go on the current terminal.
    pub fn timeline_regions(&self) -> timeline_layout::TimelineRegions {
        // The status line (when a tick failed), the key hints and the disclaimer.
        let footer_rows = 2 + u16::from(self.status.is_some());
        timeline_layout::regions(self.screen_area(), footer_rows)
    }

    /// How the timeline's columns fit the terminal.
    pub fn timeline_columns(&self) -> Columns {
        let (first, last) = self
            .plan()
            .map_or((1, 1), |p| (p.first_day(), p.last_day()));
        timeline_layout::columns(self.size.width, first, last)
    }

    /// Carries out one action on the timeline.
    pub(crate) fn update_timeline(&mut self, action: Action) {
        let items = self
            .timeline_rows()
            .iter()
            .filter(|r| matches!(r, Row::Item(_)))
            .count();
        let view = &mut self.timeline;
        match action {
            Action::Up => view.selected = view.selected.saturating_sub(1),
            Action::Down => view.selected = (view.selected + 1).min(items.saturating_sub(1)),
            Action::ScrollLeft => view.left_day -= timeline_layout::SCROLL_DAYS,
            Action::ScrollRight => view.left_day += timeline_layout::SCROLL_DAYS,
            Action::Today => self.timeline.left_day = i64::MIN,
            _ => {}
        }
        self.fit_timeline();
    }

    /// Opens the timeline on the rule of the task selected in the checklist, with today in view.
    pub(crate) fn open_timeline(&mut self) {
        let rule = self
            .selected_task()
            .map(|t| t.id.split('@').next().unwrap_or("").to_string());
        let items = self.timeline_rows().iter().filter_map(|r| match r {
            Row::Item(item) => Some(*item),
            Row::Heading(_) => None,
        });
        let rules = &self.rules.rules;
        let at = items
            .into_iter()
            .position(|item| matches!(item, Item::Rule(i) if Some(&rules[i].id) == rule.as_ref()));
        self.timeline.selected = at.unwrap_or(0);
        self.timeline.left_day = i64::MIN;
        self.fit_timeline();
    }

    /// Keeps today's line in view as the demo clock moves.
    pub(crate) fn follow_today_on_timeline(&mut self) {
        let (Some(today), columns) = (self.today(), self.timeline_columns()) else {
            return;
        };
        let left = self.timeline.left_day;
        if today < left || today >= left + columns.days {
            self.timeline.left_day = i64::MIN;
        }
        self.fit_timeline();
    }

    /// Scrolls so the selection is on screen and no blank days are, and puts today in view
    /// when `left_day` was reset to `i64::MIN`.
    pub(crate) fn fit_timeline(&mut self) {
        let columns = self.timeline_columns();
        let (first, last) = (columns.first_day, columns.last_day);
        if self.timeline.left_day == i64::MIN {
            // Today a third of the way in, so what comes next is in view.
            let today = self.today().unwrap_or(first);
            self.timeline.left_day = today - columns.days / 3;
        }
        let max_left = (last - columns.days + 1).max(first);
        self.timeline.left_day = self.timeline.left_day.clamp(first, max_left);
        let height = usize::from(self.timeline_regions().rows.height).max(1);
        let rows = self.timeline_rows();
        let at = rows
            .iter()
            .filter(|r| matches!(r, Row::Item(_)))
            .count()
            .min(self.timeline.selected + 1);
        let Some(row) = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| matches!(r, Row::Item(_)))
            .nth(at.saturating_sub(1))
            .map(|(i, _)| i)
        else {
            return;
        };
        // A section's first item brings its heading with it.
        let want_top = if row > 0 && matches!(rows[row - 1], Row::Heading(_)) {
            row - 1
        } else {
            row
        };
        let row_count = rows.len();
        let view = &mut self.timeline;
        if want_top < view.top {
            view.top = want_top;
        } else if row >= view.top + height {
            view.top = row + 1 - height;
        }
        view.top = view.top.min(row_count.saturating_sub(height));
    }
}
