//! A window as a row of glyphs, to an eighth of a cell: full cells, then partial blocks where
//! it starts or ends inside one. Each kind of bar has its own glyphs, so do, avoid, phase,
//! warning-sign and session bars differ on a monochrome terminal and in plain ASCII too.

use super::layout::EIGHTHS;

/// The glyphs of one kind of bar.
#[derive(Debug, Clone, Copy)]
pub struct Glyphs {
    pub full: &'static str,
    /// A cell the bar enters partway: it covers the cell's right part.
    pub starts: &'static str,
    /// A cell the bar leaves partway, by how many eighths it covers from the left (1–7).
    pub ends: [&'static str; 7],
}

/// Things to do: solid blocks, ending to the eighth.
pub const DO: Glyphs = Glyphs {
    full: "█",
    starts: "▐",
    ends: ["▏", "▎", "▍", "▌", "▋", "▊", "▉"],
};

/// Things to avoid: a heavy line, ending to the half cell.
pub const AVOID: Glyphs = Glyphs {
    full: "━",
    starts: "╺",
    ends: ["╸", "╸", "╸", "╸", "╸", "━", "━"],
};

/// The days a task is offered before its window opens (the booking of the next session,
/// a week early): a light band, whole cells, which the window's own bar overdraws.
pub const LEAD_IN: Glyphs = whole("░");

/// What is normal (phases): a shaded band, in whole cells. A shade has no partial glyphs,
/// and the solid ones (▐, ▌) read as a do bar's end, in plain ASCII too ("#").
pub const BAND: Glyphs = whole("▒");

/// Warning signs to watch for: hatched like a hazard, in whole cells ("!" in plain ASCII),
/// so a sign's band never reads as a normal phase where colour is not seen.
pub const SIGN: Glyphs = whole("╱");

/// The next session's window: a dark shade, in whole cells ("%" in plain ASCII), apart from
/// a do bar's "█" ("#") without colour too.
pub const SESSION: Glyphs = whole("▓");

/// Glyphs that fill whole cells only.
const fn whole(glyph: &'static str) -> Glyphs {
    Glyphs {
        full: glyph,
        starts: glyph,
        ends: [glyph; 7],
    }
}

/// The glyph for each of `cells` cells of a bar over `[from, until)` eighths; `None` where the
/// bar is not.
pub fn cells(from: i64, until: i64, cells: u16, glyphs: Glyphs) -> Vec<Option<&'static str>> {
    (0..i64::from(cells))
        .map(|c| {
            let (left, right) = (c * EIGHTHS, (c + 1) * EIGHTHS);
            let covered = until.min(right) - from.max(left);
            if covered <= 0 {
                return None;
            }
            if covered == EIGHTHS {
                return Some(glyphs.full);
            }
            let enters = from > left;
            let leaves = until < right;
            // Less than an eighth left to show of a start: the cell is as good as full.
            if enters && (!leaves || from - left >= EIGHTHS / 2) {
                return Some(if right - from >= EIGHTHS - 1 {
                    glyphs.full
                } else {
                    glyphs.starts
                });
            }
            let eighths = usize::try_from(until.min(right) - left)
                .unwrap_or(1)
                .clamp(1, 7);
            Some(glyphs.ends[eighths - 1])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draw(from: i64, until: i64, n: u16, glyphs: Glyphs) -> String {
        cells(from, until, n, glyphs)
            .into_iter()
            .map(|g| g.unwrap_or(" "))
            .collect()
    }

    #[test]
    fn a_48_hour_window_from_14_00_ends_in_day_3() {
        // One cell a day; 14:00 is 5 eighths into a day.
        assert_eq!(draw(5, 21, 4, DO), "▐█▋ ");
        assert_eq!(draw(5, 21, 4, AVOID), "╺━╸ ");
        // Two cells a day: 14:00 is 9 eighths in.
        assert_eq!(draw(9, 41, 6, DO), " ████▏");
    }

    #[test]
    fn whole_days_and_bars_off_screen() {
        assert_eq!(draw(0, 16, 3, BAND), "▒▒ ");
        assert_eq!(draw(4, 16, 3, SIGN), "╱╱ ");
        assert_eq!(draw(4, 12, 3, SESSION), "▓▓ ");
        assert_eq!(draw(-40, 4, 2, DO), "▌ ");
        assert_eq!(draw(30, 90, 2, DO), "  ");
        // Starting a sliver into a cell still fills it.
        assert_eq!(draw(1, 16, 2, DO), "██");
    }
}
