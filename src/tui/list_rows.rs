//! The task list as rows on screen: group headings between the tasks, which row a click
//! lands on, and scrolling so the selected task stays in view.

use super::app::{App, Row};
use chrono::TimeZone;

impl<Tz: TimeZone> App<Tz> {
    /// Headings and tasks in the order they are listed.
    pub fn rows(&self) -> Vec<Row> {
        let mut rows = Vec::new();
        let tasks = self.checklist.as_ref().map_or(&[][..], |c| &c.tasks[..]);
        for (i, task) in tasks.iter().enumerate() {
            if i == 0 || tasks[i - 1].kind != task.kind {
                rows.push(Row::Heading(task.kind));
            }
            rows.push(Row::Task(i));
        }
        rows
    }

    /// Selects the task on list row `row` (counted from the top of the list area) and ticks it.
    pub fn click_row(&mut self, row: usize) {
        if let Some(Row::Task(i)) = self.rows().get(self.top + row) {
            self.selected = *i;
            self.toggle();
            self.keep_selection_visible();
        }
    }

    pub(crate) fn keep_selection_visible(&mut self) {
        let height = usize::from(self.regions().list.height).max(1);
        let rows = self.rows();
        let Some(at) = rows.iter().position(|r| *r == Row::Task(self.selected)) else {
            self.top = 0;
            return;
        };
        // Show a group's heading along with its first task.
        let want_top = if at > 0 && matches!(rows[at - 1], Row::Heading(_)) {
            at - 1
        } else {
            at
        };
        if want_top < self.top {
            self.top = want_top;
        } else if at >= self.top + height {
            self.top = at + 1 - height;
        }
        self.top = self.top.min(rows.len().saturating_sub(height));
    }
}
