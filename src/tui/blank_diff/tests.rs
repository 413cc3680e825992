use super::*;
use crate::tui::test_rng::Lcg;
use ratatui::style::Style;
use std::num::NonZeroU16;

/// Blank cells often, so runs of them occur; wide symbols with and without U+FE0F.
const SYMBOLS: [&str; 10] = [" ", " ", " ", "a", "日", "⚠️", "😀", "é", "━", ""];
const COLORS: [Color; 4] = [Color::Reset, Color::Reset, Color::Cyan, Color::Indexed(238)];

fn cell(rng: &mut Lcg) -> Cell {
    let mut cell = Cell::EMPTY;
    cell.set_symbol(SYMBOLS[rng.below(SYMBOLS.len())]);
    if rng.below(3) == 0 {
        cell.set_style(rng.style(&COLORS));
    }
    cell.diff_option = match rng.below(16) {
        0 => CellDiffOption::Skip,
        1 => CellDiffOption::AlwaysUpdate,
        2 => CellDiffOption::ForcedWidth(NonZeroU16::MIN.saturating_add(rng.below(3) as u16)),
        _ => CellDiffOption::None,
    };
    #[allow(deprecated)]
    if rng.below(16) == 0 {
        cell.skip = true;
    }
    cell
}

/// A frame of random cells (well-formed or not: the walk must match either way), at an
/// area that does not always start at the origin.
fn frame(seed: u64) -> Buffer {
    let mut rng = Lcg(seed);
    let area = Rect::new(
        rng.below(3) as u16,
        rng.below(3) as u16,
        1 + rng.below(30) as u16,
        1 + rng.below(6) as u16,
    );
    let mut frame = Buffer::empty(area);
    for at in 0..frame.content.len() {
        if rng.below(2) == 0 {
            frame.content[at] = cell(&mut rng);
        }
    }
    frame
}

fn assert_same(frame: &Buffer, case: &str) {
    let theirs = Buffer::empty(frame.area).diff(frame);
    let ours: Vec<_> = BlankDiff::new(frame).collect();
    let at = |cells: &[(u16, u16, &Cell)]| -> Vec<(u16, u16, *const Cell)> {
        cells
            .iter()
            .map(|&(x, y, c)| (x, y, c as *const _))
            .collect()
    };
    assert_eq!(at(&ours), at(&theirs), "{case}");
}

#[test]
fn yields_what_ratatuis_diff_against_a_blank_buffer_yields() {
    for seed in 0..2000 {
        assert_same(&frame(seed), &format!("seed {seed}"));
    }
}

#[test]
fn text_drawn_by_ratatui_with_wide_characters_and_emoji() {
    let mut frame = Buffer::empty(Rect::new(0, 0, 12, 3));
    frame.set_string(0, 0, "⚠️ 日本 ok", Style::new());
    frame.set_string(3, 1, "日本⚠️x", Style::new().bg(Color::Cyan));
    frame.set_string(10, 2, "⚠️", Style::new());
    assert_same(&frame, "text");
    // The emoji's second column is covered, so it is not written on its own.
    let written: Vec<_> = BlankDiff::new(&frame).map(|(x, y, _)| (x, y)).collect();
    assert!(written.contains(&(0, 0)) && !written.contains(&(1, 0)));
}
