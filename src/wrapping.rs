//! Word wrapping as every output of the app does it, by `textwrap`'s first-fit algorithm:
//! each line takes as many words as fit (so a line reads the same whatever follows it), words
//! are never split (not at hyphens; a word longer than a line keeps a line of its own), and
//! any run of whitespace in the text is one space. Widths are terminal cells as ratatui
//! counts them (`unicode-width` over the whole word, so "👨‍👩‍👧‍👦" is one glyph of two cells),
//! which is why the words are measured here rather than by textwrap's own `wrap`. A unit
//! stays with its number ("24–48 h", "38 °C"): "within 24–48" at a line's end and "h." alone
//! at the next one's start read as two broken words (walker Q, round 10).

use std::borrow::Cow;
use textwrap::core::Fragment;
use textwrap::wrap_algorithms::wrap_first_fit;
use unicode_width::UnicodeWidthStr;

/// A word and the cells it takes; one space follows it.
#[derive(Debug)]
struct Word<'a> {
    text: Cow<'a, str>,
    cells: usize,
}

/// Units that never start a line: each is kept on the line of the number before it.
const UNITS: [&str; 6] = ["h", "min", "d", "°C", "°F", "%"];

/// Whether `word` is a unit, with any punctuation after it ("h.", "min)").
fn is_unit(word: &str) -> bool {
    let bare = word.trim_end_matches(|c: char| c.is_ascii_punctuation() && c != '%');
    UNITS.contains(&bare)
}

/// The words of `text`, a unit joined to the number before it by a space that does not
/// break.
fn words(text: &str) -> Vec<Word<'_>> {
    let mut words: Vec<Word<'_>> = Vec::new();
    for word in text.split_whitespace() {
        let after_number = words
            .last()
            .is_some_and(|w| w.text.ends_with(|c: char| c.is_ascii_digit()));
        match words.last_mut() {
            Some(last) if after_number && is_unit(word) => {
                let joined = format!("{} {word}", last.text);
                last.cells = cells(&joined);
                last.text = Cow::Owned(joined);
            }
            _ => words.push(Word {
                text: Cow::Borrowed(word),
                cells: cells(word),
            }),
        }
    }
    words
}

impl Fragment for Word<'_> {
    fn width(&self) -> f64 {
        self.cells as f64
    }

    fn whitespace_width(&self) -> f64 {
        1.0
    }

    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// How many terminal cells `text` takes.
pub fn cells(text: &str) -> usize {
    // Printable ASCII, most of what is drawn, takes a cell a character.
    if text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return text.len();
    }
    text.width()
}

/// `text` in lines of at most `width` cells (but for a word longer than that), the first
/// starting with `first`, the others with `indent`; no line ends in a space. No lines when
/// `text` has no words.
pub fn wrap_lines(text: &str, width: usize, first: &str, indent: &str) -> Vec<String> {
    let words = words(text);
    if words.is_empty() {
        return Vec::new();
    }
    let room = |prefix: &str| width.saturating_sub(cells(prefix)) as f64;
    wrap_first_fit(&words, &[room(first), room(indent)])
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let mut out = String::from(if i == 0 { first } else { indent });
            for (n, word) in line.iter().enumerate() {
                if n > 0 {
                    out.push(' ');
                }
                out.push_str(&word.text);
            }
            out.truncate(out.trim_end().len());
            out
        })
        .collect()
}

/// `text` with its first letter lower-cased, to go on after other words ("Call your clinic
/// today" → "call your clinic today").
pub fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

/// `text` with its first letter upper-cased, to start a sentence ("next session …" → "Next
/// session …").
pub fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_whole_words_first_fit_in_cells() {
        let cases: [(&str, usize, &str, &str, &[&str]); 8] = [
            ("one two three", 7, "", "", &["one two", "three"]),
            ("one  two\nthree ", 80, "", "", &["one two three"]),
            ("", 10, "- ", "  ", &[]),
            ("a b c d", 5, "- ", "  ", &["- a b", "  c d"]),
            // Never split at a hyphen, and a long word keeps a line of its own.
            ("well-known fact", 6, "", "", &["well-known", "fact"]),
            (
                "a unbreakablewordhere b",
                5,
                "",
                "",
                &["a", "unbreakablewordhere", "b"],
            ),
            // Cells, not characters: each of these takes two.
            ("日本 日本 日本", 10, "", "", &["日本 日本", "日本"]),
            // A family is one glyph of two cells, as ratatui draws it.
            ("👨‍👩‍👧‍👦 ab cd", 8, "", "", &["👨‍👩‍👧‍👦 ab cd"]),
        ];
        for (text, width, first, indent, want) in cases {
            assert_eq!(wrap_lines(text, width, first, indent), want, "{text:?}");
        }
    }

    #[test]
    fn a_unit_stays_with_its_number() {
        let cases: [(&str, usize, &[&str]); 6] = [
            // "within 24–48" then "h." alone (walker Q at 60x20).
            (
                "usually settles within 24–48 h.",
                27,
                &["usually settles within", "24–48 h."],
            ),
            (
                "a fever of 38 °C or more",
                13,
                &["a fever of", "38 °C or more"],
            ),
            ("in 25 min, then", 5, &["in", "25 min,", "then"]),
            ("up 50 % today", 5, &["up", "50 %", "today"]),
            // Not after a word that is no number, and not a longer word.
            ("the h key", 5, &["the h", "key"]),
            ("for 2 hours", 5, &["for 2", "hours"]),
        ];
        for (text, width, want) in cases {
            assert_eq!(wrap_lines(text, width, "", ""), want, "{text:?}");
        }
    }
}
