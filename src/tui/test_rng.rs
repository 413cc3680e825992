//! A small deterministic generator for the tests that compare our drawing with ratatui's
//! on generated frames, so that a failure names a case that can be re-run.

use ratatui::style::{Color, Modifier, Style};

pub struct Lcg(pub u64);

impl Lcg {
    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize % n
    }

    /// Some modifiers, and a foreground, background and underline colour out of `colors`.
    pub fn style(&mut self, colors: &[Color]) -> Style {
        let modifier = Modifier::from_bits_truncate(self.below(1 << 9) as u16);
        Style::new()
            .fg(colors[self.below(colors.len())])
            .bg(colors[self.below(colors.len())])
            .underline_color(colors[self.below(colors.len())])
            .add_modifier(modifier)
    }
}
