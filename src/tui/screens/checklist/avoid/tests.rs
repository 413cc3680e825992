//! Placing only the items that can be within the block's rows gives the very block that
//! placing every item and cutting it to those rows gives.

use super::*;

/// Groups of every kind: short items, items longer than a narrow line, and lifted ones.
fn groups(seed: usize) -> Vec<Group> {
    let words = |i: usize| match (i + seed) % 4 {
        0 => "✕ No makeup".to_string(),
        1 => "✕ No intense workouts or heavy sweating".to_string(),
        2 => format!("✕ Generated task number {i} with a title of usual length"),
        _ => "✕ Sun".to_string(),
    };
    let item = |task: Option<usize>, words: String| {
        let width = crate::tui::text::width(&words);
        (task, words, width)
    };
    let mut groups: Vec<Group> = (0..1 + seed % 4)
        .map(|g| Group {
            label: format!("until Sun 1{g}:00"),
            lifted: false,
            items: (0..(seed * 7 + g * 3) % 23)
                .map(|i| item(Some(g * 100 + i), words(i)))
                .collect(),
        })
        .collect();
    if !seed.is_multiple_of(3) {
        groups.push(Group {
            label: "from 14:00".to_string(),
            lifted: true,
            items: (0..seed % 5)
                .map(|i| item(None, format!("✓ Rule {i} is fine again")))
                .collect(),
        });
    }
    groups
}

#[test]
fn a_block_placed_up_to_its_rows_is_the_block_placed_whole_and_cut() {
    for seed in 0..24 {
        let groups = groups(seed);
        let count = (seed % 3, groups.iter().map(|g| g.items.len()).sum());
        for width in [8, 20, 41, 80, 120] {
            for rows in 0..14 {
                let limited = AvoidBlock::fit(&groups, count, width, Some(rows), Some(rows));
                let mut whole = AvoidBlock::fit(&groups, count, width, Some(rows), None);
                // Whether a left-out item would have wrapped is asked only while fitting.
                whole.wraps = limited.wraps;
                assert_eq!(limited, whole, "seed {seed}, width {width}, rows {rows}");
            }
        }
    }
}
