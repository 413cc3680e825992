//! Exports of a plan for use outside the app: a printable Markdown handout (and the
//! day-by-day listing), and an iCalendar file. Both are pure: they take a `Plan` (rules, treatment, time zone) and produce text, so
//! the command line only decides where the text goes.

pub mod handout;
pub mod ics;
pub mod markdown;

use chrono::{DateTime, FixedOffset};

/// The line every exported item carries, short enough for a calendar event.
pub const NOT_ADVICE: &str = "Not medical advice; follow your provider.";

/// "Sun 22 Nov 14:00": a window's edge in a document read days apart from now.
pub fn moment_words(at: DateTime<FixedOffset>) -> String {
    crate::dates::short_moment(at)
}

/// The end of a window in a document: as `moment_words` ("Sun 22 Nov 14:00"), or at a day
/// boundary (a local midnight, as every `until_day` end is) the day it closes: "the end of
/// Thu 3 Dec" rather than "Fri 4 Dec 00:00", which some read as Friday included. Reads after
/// "until", "by" and "and".
pub fn end_words(at: DateTime<FixedOffset>) -> String {
    match crate::plan::day_ended_by(at) {
        Some(last) => format!("the end of {}", crate::dates::short_date(last)),
        None => moment_words(at),
    }
}

/// `text` from a rules file made safe to put inside a Markdown paragraph or list item: every
/// character Markdown could read as formatting is backslash-escaped (CommonMark allows that
/// for any ASCII punctuation), and line breaks become spaces so a list item stays one item.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    // A leading "-", "+" or "1." would start a list if the text began a line; escaping the
    // first character is enough, wherever the text ends up.
    match out.chars().next() {
        Some('-' | '+' | '=') => format!("\\{out}"),
        Some(c) if c.is_ascii_digit() => match out.find(|c: char| !c.is_ascii_digit()) {
            Some(i) if out[i..].starts_with(['.', ')']) => {
                format!("{}\\{}", &out[..i], &out[i..])
            }
            _ => out,
        },
        _ => out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_markdown_would_format() {
        assert_eq!(
            escape_markdown("Use *gentle* soap_now [x] <b> #1 | a & b"),
            r"Use \*gentle\* soap\_now \[x\] \<b\> \#1 \| a \& b"
        );
        assert_eq!(escape_markdown("two\nlines"), "two lines");
        assert_eq!(escape_markdown("- not a list"), r"\- not a list");
        assert_eq!(escape_markdown("12. not a list"), r"12\. not a list");
        assert_eq!(escape_markdown("24–48 h"), "24–48 h");
    }
}
