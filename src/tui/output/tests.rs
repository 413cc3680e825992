use super::*;
use crate::tui::test_rng::Lcg;
use ratatui::backend::{Backend, CrosstermBackend};

const SYMBOLS: [&str; 8] = ["a", " ", "›", "━", "日", "é", "😀", "x"];
const COLORS: [Color; 8] = [
    Color::Reset,
    Color::Black,
    Color::Cyan,
    Color::LightRed,
    Color::DarkGray,
    Color::White,
    Color::Indexed(238),
    Color::Rgb(1, 20, 255),
];

fn cells(seed: u64, count: usize) -> Vec<(u16, u16, Cell)> {
    let mut rng = Lcg(seed);
    let (mut x, mut y) = (0u16, 0u16);
    let mut out = Vec::new();
    for _ in 0..count {
        match rng.below(4) {
            0 => (x, y) = (rng.below(1200) as u16, rng.below(300) as u16),
            1 => x += 2,
            _ => x += 1,
        }
        let mut cell = Cell::new(SYMBOLS[rng.below(SYMBOLS.len())]);
        // Styles change now and then, as they do between spans.
        if rng.below(3) == 0 {
            cell.set_style(rng.style(&COLORS));
        } else if let Some((_, _, last)) = out.last() {
            let last: &Cell = last;
            cell.set_style(last.style());
        }
        out.push((x, y, cell));
    }
    out
}

#[test]
fn writes_exactly_what_ratatuis_crossterm_backend_writes() {
    for seed in 0..400 {
        let cells = cells(seed, 1 + seed as usize % 90);
        let items = || cells.iter().map(|(x, y, c)| (*x, *y, c));
        let (mut theirs, mut ours) = (Vec::new(), Vec::new());
        CrosstermBackend::new(&mut theirs).draw(items()).unwrap();
        write_cells(&mut ours, items()).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&ours),
            String::from_utf8_lossy(&theirs),
            "seed {seed}"
        );
    }
}

#[test]
fn cursor_moves_are_one_based_row_then_column() {
    let mut out = Vec::new();
    move_to(&mut out, 0, 0);
    move_to(&mut out, 119, 39);
    move_to(&mut out, 65534, 9);
    assert_eq!(out, b"\x1b[1;1H\x1b[40;120H\x1b[10;65535H");
}
