//! Plain-text helpers shared by the commands: how dates read, and wrapping to 80 columns.

use crate::locale;
use std::borrow::Cow;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether text is printed in plain ASCII (`locale::Output`), set once at the edge
/// (`print_plain`): text is laid out as it will be printed, so that ASCII stand-ins wider
/// than their characters ("…" is "...") still keep to `WIDTH`.
static PLAIN: AtomicBool = AtomicBool::new(false);

/// Says whether this process prints its text in plain ASCII (where the locale is not UTF-8).
pub fn print_plain(plain: bool) {
    PLAIN.store(plain, Ordering::Relaxed);
}

/// `text` as it will be printed: in ASCII when `print_plain` said so.
pub fn printed(text: &str) -> Cow<'_, str> {
    match PLAIN.load(Ordering::Relaxed) {
        true => locale::to_ascii(text),
        false => Cow::Borrowed(text),
    }
}

/// How many columns `text` takes as printed.
pub fn columns(text: &str) -> usize {
    crate::wrapping::cells(&printed(text))
}

/// The width plain output is laid out for.
pub const WIDTH: usize = 80;

/// How dates read: shared with the store's messages and the exports.
pub use crate::dates::{long_date, moment, short_date};

/// How a day is introduced: "Day 3 of recovery", "Day 1 · treatment day",
/// "3 days before treatment", or "After the plan": days before the treatment are counted
/// down, never shown as negative days (`check --day` still takes their numbers, 0 and below),
/// and days after `last_day` (the plan's last) are not numbered at all, as the screen's header
/// says them: nothing is asked of them.
pub fn day_title(day: i64, last_day: i64) -> String {
    match day {
        d if d > last_day => "After the plan".to_string(),
        1 => "Day 1 · treatment day".to_string(),
        d if d > 1 => format!("Day {d} of recovery"),
        0 => "The day before treatment".to_string(),
        d => format!("{} days before treatment", 1 - d),
    }
}

/// `text` wrapped at word boundaries to `WIDTH`: the first line starts with `first`, the rest
/// with `indent`. Words longer than a line are left whole.
pub fn wrap(text: &str, first: &str, indent: &str) -> String {
    wrap_to(text, WIDTH, first, indent)
}

/// `wrap` to `width` columns rather than `WIDTH`.
pub fn wrap_to(text: &str, width: usize, first: &str, indent: &str) -> String {
    let (text, first, indent) = (printed(text), printed(first), printed(indent));
    let lines = crate::wrapping::wrap_lines(&text, width, &first, &indent);
    match lines.is_empty() {
        true => first.trim_end().to_string(),
        false => lines.join("\n"),
    }
}

/// Pads `text` with spaces to `width` columns (cells, not bytes: titles may hold "–").
pub fn pad(text: &str, width: usize) -> String {
    let text = printed(text);
    let len = crate::wrapping::cells(&text);
    format!("{text}{}", " ".repeat(width.saturating_sub(len)))
}

pub use crate::wrapping::capitalized;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_words_with_a_hanging_indent() {
        let text = "word ".repeat(30);
        let wrapped = wrap(&text, "  • ", "    ");
        let lines: Vec<&str> = wrapped.lines().collect();
        assert!(lines.len() > 1);
        assert!(lines[0].starts_with("  • word"));
        assert!(lines[1].starts_with("    word"));
        assert!(lines.iter().all(|l| l.chars().count() <= WIDTH));
    }

    #[test]
    fn names_days_with_the_number_check_takes() {
        assert_eq!(day_title(3, 43), "Day 3 of recovery");
        assert_eq!(day_title(1, 43), "Day 1 · treatment day");
        assert_eq!(day_title(0, 43), "The day before treatment");
        assert_eq!(day_title(-6, 43), "7 days before treatment");
        assert_eq!(day_title(43, 43), "Day 43 of recovery");
        assert_eq!(day_title(50, 43), "After the plan");
    }
}
