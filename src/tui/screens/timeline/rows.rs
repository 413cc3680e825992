//! The timeline's rows: every rule, phase and warning sign of the plan, each section's items
//! by when they start and then end (a staircase), under the section's heading.

use crate::rules::Rules;
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
        let entry = (
            section_of(rule),
            rule.from_hours,
            rule.until_hours,
            Item::Rule(i),
        );
        items.push(entry);
    }
    for (i, n) in rules.phases.iter().enumerate() {
        items.push((Section::Normal, n.from_hours, n.until_hours, Item::Phase(i)));
    }
    for (i, n) in rules.warnings.iter().enumerate() {
        items.push((
            Section::Warning,
            n.from_hours,
            n.until_hours,
            Item::Warning(i),
        ));
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
