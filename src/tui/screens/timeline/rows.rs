//! The timeline's rows: every rule, phase and warning sign of the plan, each section's items
//! by when they start and then end (a staircase), under the section's heading.

use crate::rules::{Rules, Windowed};
use crate::tui::plan_item::{Item, Section, section_of};

/// One row of the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Heading(Section),
    Item(Item),
}

/// The rows of `rules`, in order.
pub fn rows(rules: &Rules) -> Vec<Row> {
    let mut items: Vec<(Section, i64, i64, Item)> = Vec::new();
    for (i, rule) in rules.rules.iter().enumerate() {
        let (from, until) = rule.window().nominal_hours();
        items.push((section_of(rule), from, until, Item::Rule(i)));
    }
    for (i, n) in rules.phases.iter().enumerate() {
        let (from, until) = n.window().nominal_hours();
        items.push((Section::Normal, from, until, Item::Phase(i)));
    }
    for (i, n) in rules.warnings.iter().enumerate() {
        let (from, until) = n.window().nominal_hours();
        items.push((Section::Warning, from, until, Item::Warning(i)));
    }
    items.sort_by_key(|(section, from, until, _)| (*section, *from, *until));
    let mut rows = Vec::new();
    for (n, (section, _, _, item)) in items.iter().enumerate() {
        if n == 0 || items[n - 1].0 != *section {
            rows.push(Row::Heading(*section));
        }
        rows.push(Row::Item(*item));
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_come_in_order_each_under_its_heading() {
        let rules = Rules::builtin().unwrap();
        let rows = rows(&rules);
        let headings: Vec<Section> = rows
            .iter()
            .filter_map(|r| match r {
                Row::Heading(s) => Some(*s),
                Row::Item(_) => None,
            })
            .collect();
        let mut sorted = headings.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(headings, sorted);
        let items = rows.iter().filter(|r| matches!(r, Row::Item(_))).count();
        assert_eq!(
            items,
            rules.rules.len() + rules.phases.len() + rules.warnings.len()
        );
    }
}
