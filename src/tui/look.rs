//! What the terminal the app runs in can show, applied to each frame once the screens have
//! drawn it: plain ASCII where the locale is not UTF-8 (`crate::locale`: "✕" becomes "x",
//! box lines "-", "|" and "+"), and no colour where NO_COLOR asks for none
//! (<https://no-color.org>: set and not empty). The screens stay as they are; this is the one
//! place that knows.

use crate::locale;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

/// How frames are shown on this terminal.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Look {
    /// Every cell in ASCII.
    pub ascii: bool,
    /// No foreground or background colours; a cell that had a background (the selected
    /// row, the title bar) is shown reversed instead, so it still stands out.
    pub no_colour: bool,
}

impl Look {
    /// The look the environment asks for; `var` reads one variable.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Self {
        Look {
            ascii: !locale::is_utf8(&var),
            no_colour: var("NO_COLOR").is_some_and(|v| !v.is_empty()),
        }
    }

    /// The look this process's environment asks for.
    pub fn of_process() -> Self {
        Look::from_env(|v| std::env::var(v).ok())
    }

    /// Changes a drawn frame to this look.
    pub fn apply(&self, buf: &mut Buffer) {
        if !self.ascii && !self.no_colour {
            return;
        }
        for cell in buf.content.iter_mut() {
            if let (Color::Rgb(r, g, b), Color::Rgb(r2, g2, b2)) = (cell.fg, cell.bg) {
                // A photo's half-block (only pictures draw in 24-bit colour): it is what the
                // patient asked to see, not colour added to text, so NO_COLOR leaves it. In
                // ASCII, the cell's two halves become one blank of their average colour.
                if self.ascii {
                    let mean = |a: u8, b: u8| ((u16::from(a) + u16::from(b)) / 2) as u8;
                    cell.set_symbol(" ");
                    cell.bg = Color::Rgb(mean(r, r2), mean(g, g2), mean(b, b2));
                }
                continue;
            }
            if self.ascii && !cell.symbol().is_ascii() {
                let plain = locale::to_ascii(cell.symbol()).into_owned();
                // One cell, one character: "->" keeps its ">", "..." one ".".
                let one = match plain.as_str() {
                    "->" => ">",
                    "<-" => "<",
                    "..." => ".",
                    // "38 °C" reads "38 oC" in one cell, not "38 gC".
                    " deg" => "o",
                    other => &other[other.len().saturating_sub(1)..],
                };
                cell.set_symbol(one);
            }
            if self.no_colour {
                if cell.bg != Color::Reset {
                    cell.modifier.insert(Modifier::REVERSED);
                }
                cell.fg = Color::Reset;
                cell.bg = Color::Reset;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    #[test]
    fn the_environment_chooses_the_look() {
        let cases: [(&[(&str, &str)], Look); 5] = [
            (&[("LANG", "en_US.UTF-8")], Look::default()),
            (
                &[("LANG", "C")],
                Look {
                    ascii: true,
                    no_colour: false,
                },
            ),
            (
                &[("LANG", "C.UTF-8"), ("NO_COLOR", "1")],
                Look {
                    ascii: false,
                    no_colour: true,
                },
            ),
            (&[("LANG", "C.UTF-8"), ("NO_COLOR", "")], Look::default()),
            (
                &[("LANG", "en_US.ISO-8859-1"), ("NO_COLOR", "yes")],
                Look {
                    ascii: true,
                    no_colour: true,
                },
            ),
        ];
        for (env, want) in cases {
            let var = |name: &str| {
                env.iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            };
            assert_eq!(Look::from_env(var), want, "{env:?}");
        }
    }

    #[test]
    fn a_mark_of_several_letters_keeps_one_cell_that_reads() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 1));
        buf.set_string(0, 0, "38 °C ‖ ▾", Style::new());
        Look {
            ascii: true,
            no_colour: false,
        }
        .apply(&mut buf);
        let text: String = buf.content.iter().map(|c| c.symbol()).collect();
        assert_eq!(text, "38 oC | v   ");
    }

    #[test]
    fn the_main_screen_marks_keep_their_meanings_apart_in_ascii() {
        // Each mark the main screen draws, by meaning: marks of one meaning may share their
        // ASCII, marks of two meanings never do (issue 15: "v" read as both "checked in" and
        // "more below"). Text (the "·" between words, dashes, "…") and borders are words'
        // punctuation, not marks.
        let meanings: [(&str, &[&str]); 12] = [
            ("the selected row", &["›"]),
            ("a box to tick, ticked", &["[x]"]),
            ("a thing to avoid", &["✕"]),
            ("done, checked in, allowed again", &["✓"]),
            ("rows below: more below, an opened fold", &["↓", "▾"]),
            ("rows above", &["↑"]),
            ("a folded line that opens", &["▸"]),
            ("an item of a list (what is normal now)", &["•"]),
            ("an alert", &["⚠"]),
            ("a day with nothing done (progress strip)", &["░"]),
            ("a day with some done", &["▒", "▓"]),
            ("a day with all done", &["█"]),
        ];
        let plain = |mark: &str| {
            let mut buf = Buffer::empty(Rect::new(0, 0, 3, 1));
            buf.set_string(0, 0, mark, Style::new());
            Look {
                ascii: true,
                no_colour: false,
            }
            .apply(&mut buf);
            buf.content.iter().map(|c| c.symbol()).collect::<String>()
        };
        let mut seen: Vec<(String, &str)> = Vec::new();
        for (meaning, marks) in meanings {
            for mark in marks {
                let ascii = plain(mark).trim_end().to_string();
                assert!(ascii.is_ascii() && !ascii.is_empty(), "{mark}");
                if let Some((_, other)) = seen.iter().find(|(a, m)| *a == ascii && *m != meaning) {
                    panic!("{mark} ({meaning}) and {other} both read {ascii:?}");
                }
                seen.push((ascii, meaning));
            }
        }
        // The marks of one meaning that differ in shade still differ in ASCII.
        assert_ne!(plain("▒"), plain("▓"));
        assert_eq!(plain("✓").trim_end(), "*");
        assert_eq!(plain("↓").trim_end(), "v");
    }

    #[test]
    fn frames_become_ascii_and_colourless() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 1));
        let selected = Style::new().fg(Color::White).bg(Color::Indexed(238));
        buf.set_string(0, 0, "✕ a → b…", selected);
        buf.set_string(9, 0, "術", Style::new().fg(Color::Red));
        Look {
            ascii: true,
            no_colour: true,
        }
        .apply(&mut buf);
        let text: String = buf.content.iter().map(|c| c.symbol()).collect();
        assert_eq!(text, "- a > b. ?  ");
        assert!(buf.content[0].modifier.contains(Modifier::REVERSED));
        assert_eq!(buf.content[0].bg, Color::Reset);
        assert!(!buf.content[9].modifier.contains(Modifier::REVERSED));
        assert_eq!(buf.content[9].fg, Color::Reset);
    }

    #[test]
    fn a_photo_keeps_its_colours_and_in_ascii_each_cell_is_its_average() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 1, 1));
        let half = Style::new()
            .fg(Color::Rgb(200, 40, 40))
            .bg(Color::Rgb(100, 20, 0));
        buf.set_string(0, 0, "▀", half);
        let mut colourless = buf.clone();
        Look {
            ascii: false,
            no_colour: true,
        }
        .apply(&mut colourless);
        assert_eq!(colourless, buf);
        Look {
            ascii: true,
            no_colour: true,
        }
        .apply(&mut buf);
        assert_eq!(buf.content[0].symbol(), " ");
        assert_eq!(buf.content[0].bg, Color::Rgb(150, 30, 20));
    }
}
