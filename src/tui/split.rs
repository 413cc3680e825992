//! Splitting a rectangle into parts laid side by side or stacked, by plain arithmetic.
//!
//! Every split on these screens is "these fixed sizes, and the rest to one or two parts".
//! ratatui's `Layout` answers that with a constraint solver, which took 28 % of the
//! instructions of the first frame (callgrind, built-in plan at 120x40): more than loading
//! the rules and deriving the day together. This does the same sums in a few instructions.

use ratatui::layout::Rect;

/// One part of a split.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Exactly this many rows or columns (fewer when the area runs out).
    Len(u16),
    /// An equal share of what the fixed parts leave.
    Fill,
}

/// Parts stacked top to bottom.
pub fn rows<const N: usize>(area: Rect, parts: [Part; N]) -> [Rect; N] {
    let sizes = sizes(area.height, parts, 0);
    let mut y = area.y;
    sizes.map(|(gap, height)| {
        y = y.saturating_add(gap);
        let rect = Rect { y, height, ..area };
        y = y.saturating_add(height);
        rect
    })
}

/// Parts side by side, left to right, with `spacing` empty columns between them.
pub fn columns<const N: usize>(area: Rect, parts: [Part; N], spacing: u16) -> [Rect; N] {
    let sizes = sizes(area.width, parts, spacing);
    let mut x = area.x;
    sizes.map(|(gap, width)| {
        x = x.saturating_add(gap);
        let rect = Rect { x, width, ..area };
        x = x.saturating_add(width);
        rect
    })
}

/// A `width` × `height` box in the middle of `area`, clipped to it; an odd spare cell goes
/// before the box, as with ratatui's `Flex::Center`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width).div_ceil(2),
        y: area.y + (area.height - height).div_ceil(2),
        width,
        height,
    }
}

/// The gap before each part and its size. Fixed parts are served first, in order; the fill
/// parts share the rest equally, the earlier ones taking the odd cells (as ratatui's `Layout` does).
fn sizes<const N: usize>(total: u16, parts: [Part; N], spacing: u16) -> [(u16, u16); N] {
    let gaps = spacing.saturating_mul(u16::try_from(N.saturating_sub(1)).unwrap_or(u16::MAX));
    let mut left = total.saturating_sub(gaps);
    let fixed = parts.map(|part| match part {
        Part::Len(len) => {
            let len = len.min(left);
            left -= len;
            len
        }
        Part::Fill => 0,
    });
    let fills = parts.iter().filter(|&&part| part == Part::Fill).count();
    let fills = u16::try_from(fills).unwrap_or(u16::MAX);
    let mut fill_index = 0;
    let mut result = [(0, 0); N];
    for (i, part) in parts.iter().enumerate() {
        let size = match part {
            Part::Len(_) => fixed[i],
            Part::Fill => {
                // Shares of `left` by running totals, so they add up to exactly `left`.
                let share = |k: u16| {
                    u16::try_from((u32::from(left) * u32::from(k)).div_ceil(u32::from(fills)))
                };
                let from = share(fill_index).unwrap_or(0);
                fill_index += 1;
                share(fill_index).unwrap_or(0) - from
            }
        };
        result[i] = (if i == 0 { 0 } else { spacing }, size);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use Part::{Fill, Len};

    #[test]
    fn fixed_parts_keep_their_size_and_the_fill_takes_the_rest() {
        let [a, b, c] = rows(Rect::new(0, 2, 80, 20), [Len(2), Fill, Len(3)]);
        assert_eq!(a, Rect::new(0, 2, 80, 2));
        assert_eq!(b, Rect::new(0, 4, 80, 15));
        assert_eq!(c, Rect::new(0, 19, 80, 3));
    }

    #[test]
    fn fills_share_equally_and_spacing_sits_between() {
        let [a, b] = columns(Rect::new(0, 0, 80, 1), [Fill, Fill], 1);
        assert_eq!((a.x, a.width, b.x, b.width), (0, 40, 41, 39));
        let [a, b] = columns(Rect::new(0, 0, 79, 1), [Fill, Fill], 1);
        assert_eq!((a.width, b.x, b.width), (39, 40, 39));
    }

    #[test]
    fn when_the_area_runs_out_the_later_parts_shrink() {
        let [a, b, c] = rows(Rect::new(0, 0, 10, 3), [Len(2), Len(2), Fill]);
        assert_eq!((a.height, b.height, c.height), (2, 1, 0));
        assert_eq!(b.y, 2);
        let [a, b] = columns(Rect::new(0, 0, 0, 1), [Fill, Fill], 1);
        assert_eq!((a.width, b.width), (0, 0));
    }

    #[test]
    fn a_box_is_centred_and_clipped() {
        assert_eq!(
            centered(Rect::new(0, 0, 80, 24), 40, 10),
            Rect::new(20, 7, 40, 10)
        );
        assert_eq!(
            centered(Rect::new(0, 0, 41, 11), 40, 10),
            Rect::new(1, 1, 40, 10)
        );
        assert_eq!(
            centered(Rect::new(5, 1, 30, 8), 40, 10),
            Rect::new(5, 1, 30, 8)
        );
    }
}
