//! Fitting words into cells: cut with "…" rather than wrap or spill.

const ELLIPSIS: char = '…';

/// How many cells `text` takes (`wrapping::cells`: as ratatui counts them).
pub fn width(text: &str) -> usize {
    crate::wrapping::cells(text)
}

fn char_width(c: char) -> usize {
    let mut buf = [0u8; 4];
    width(c.encode_utf8(&mut buf))
}

/// `text` cut to `max` cells, ending in "…" when something was cut.
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = char_width(c);
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push(ELLIPSIS);
    out
}

/// `text` word-wrapped to `max` cells in at most `lines` lines; the last one ends in "…"
/// when the text did not fit.
pub fn wrap(text: &str, max: usize, lines: usize) -> Vec<String> {
    if lines == 0 {
        return Vec::new();
    }
    let all = crate::wrapping::wrap_lines(text, max, "", "");
    let cut = all.len() > lines;
    all.into_iter()
        .take(lines)
        .enumerate()
        .map(|(i, line)| match cut && i + 1 == lines {
            true => mark_cut(&line, max),
            false => truncate(&line, max),
        })
        .collect()
}

/// A line that more text should have followed.
fn mark_cut(line: &str, max: usize) -> String {
    let mut line = line;
    while width(line) + 1 > max {
        match line.rsplit_once(' ') {
            Some((head, _)) => line = head.trim_end(),
            None => break,
        }
    }
    let mut cut = truncate(line, max.saturating_sub(1));
    if !cut.ends_with(ELLIPSIS) && max > 0 {
        cut.push(ELLIPSIS);
    }
    cut
}

/// The most of something that fits: `make(n)` for the largest `n` of `counts` whose result
/// `fits`, trying from the most down (`None` when none does). How every folded line says as
/// many whole titles as fit and then "+N more", so none is cut mid-word: the main screen's
/// folds ("▸ Evening, from 20:00 (2): … · +1 more"), the warning signs run together and the
/// line that counts their groups.
pub fn most_that_fit<T>(
    counts: std::ops::Range<usize>,
    make: impl FnMut(usize) -> T,
    fits: impl FnMut(&T) -> bool,
) -> Option<T> {
    counts.rev().map(make).find(fits)
}

/// The first sentence of `text`, for a one-line disclaimer.
pub fn first_sentence(text: &str) -> &str {
    match text.find(". ") {
        Some(end) => &text[..=end],
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_with_an_ellipsis() {
        assert_eq!(truncate("Sunscreen", 20), "Sunscreen");
        assert_eq!(truncate("Sunscreen SPF 30", 10), "Sunscreen…");
        assert_eq!(truncate("abc", 1), "…");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn wraps_words_and_marks_what_was_cut() {
        assert_eq!(wrap("one two three", 7, 3), ["one two", "three"]);
        assert_eq!(wrap("one two three four", 7, 1), ["one…"]);
        assert_eq!(wrap("one two three four", 8, 1), ["one two…"]);
        assert_eq!(wrap("", 7, 2), Vec::<String>::new());
        assert_eq!(wrap("unbreakablewordhere", 5, 2), ["unbr…"]);
        assert_eq!(wrap("a b", 5, 0), Vec::<String>::new());
    }

    #[test]
    fn widths_count_cells() {
        assert_eq!(width("SPF 30+"), 7);
        assert_eq!(width("until 14:00 · 5 h left"), 22);
        assert_eq!(width("日本"), 4);
        assert_eq!(width("e\u{301}"), 1);
    }

    #[test]
    fn the_most_that_fit_is_tried_from_the_most_down() {
        let titles = ["Cleanse", "Moisturize", "SPF"];
        let joined = |n: usize| titles[..n].join(" · ");
        let fits = |max: usize| move |t: &String| width(t) <= max;
        assert_eq!(
            most_that_fit(0..4, joined, fits(30)).as_deref(),
            Some("Cleanse · Moisturize · SPF")
        );
        assert_eq!(
            most_that_fit(0..4, joined, fits(20)).as_deref(),
            Some("Cleanse · Moisturize")
        );
        assert_eq!(most_that_fit(0..4, joined, fits(3)).as_deref(), Some(""));
        assert_eq!(most_that_fit(1..4, joined, fits(3)), None);
    }

    #[test]
    fn takes_the_first_sentence() {
        assert_eq!(first_sentence("Not advice. Ask."), "Not advice.");
        assert_eq!(first_sentence("Not advice"), "Not advice");
    }
}
