//! Text from any file is made inert before it reaches a terminal.
//!
//! Rules files come from clinics by email and the state file can be edited by hand or by any
//! program of the user's; either may hold text that a terminal would obey rather than show:
//! an escape sequence (ESC, CSI, OSC: recolour the screen, move the cursor, set the window
//! title, write the clipboard), a bell, or a bidirectional override that reorders what a
//! reader sees (the "Trojan Source" characters). `inert` is the one function that turns such
//! text into text that only shows: every output of file text goes through it (plain text) or
//! through `json::InertFormatter` (JSON, which keeps the exact text but escapes these
//! characters as `\uXXXX`).
//!
//! The files themselves are never rewritten: what is stored stays byte for byte as it was.

pub mod json;

use std::borrow::Cow;

/// `text` with line breaks and tabs turned into spaces, and every other character a terminal
/// could act on (see `needs_care`) shown as a visible `\u{..}` escape instead. Clean text,
/// nearly all of it, is returned as it is, uncopied.
pub fn inert(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_care) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if needs_care(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A path as a message shows it, made inert (`inert`): a file's name can hold anything, and a
/// name a shell glob picked is no more the user's words than a file's text is.
pub fn inert_path(path: &std::path::Path) -> String {
    inert(&path.display().to_string()).into_owned()
}

/// Whether a terminal, or a reader, could be misled by `c` printed as it is:
/// - C0 controls (ESC, BEL, backspace, line breaks …), DEL and the C1 controls U+0080–U+009F
///   (CSI U+009B and OSC U+009D start sequences on their own on some terminals);
/// - the bidirectional embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069,
///   and the invisible direction marks U+200E, U+200F and U+061C, which reorder or disguise
///   what is shown (CVE-2021-42574);
/// - the line and paragraph separators U+2028 and U+2029, which some terminals and viewers
///   take as line breaks, and U+FEFF, an invisible character inside text.
pub fn needs_care(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{061c}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{feff}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_controls_become_visible_text() {
        let cases = [
            ("No makeup", "No makeup"),
            ("\u{1b}[31mRED\u{1b}[0m", "\\u{1b}[31mRED\\u{1b}[0m"),
            ("\u{1b}]0;pwned\u{7}", "\\u{1b}]0;pwned\\u{7}"),
            ("\u{1b}]52;c;aGk=\u{1b}\\", "\\u{1b}]52;c;aGk=\\u{1b}\\"),
            ("two\nlines\tand tab\r", "two lines and tab "),
            ("C1 \u{9b}31m \u{9d}0;x", "C1 \\u{9b}31m \\u{9d}0;x"),
            ("del\u{7f}", "del\\u{7f}"),
            (
                "abc\u{202e}def\u{2066}g\u{2069}",
                "abc\\u{202e}def\\u{2066}g\\u{2069}",
            ),
            (
                "mark\u{200f}\u{200e}\u{61c}",
                "mark\\u{200f}\\u{200e}\\u{61c}",
            ),
            (
                "a\u{2028}b\u{2029}c\u{feff}",
                "a\\u{2028}b\\u{2029}c\\u{feff}",
            ),
            ("日本語 😀 ok, café, 👩‍⚕️", "日本語 😀 ok, café, 👩‍⚕️"),
        ];
        for (input, want) in cases {
            assert_eq!(inert(input), want, "{input:?}");
        }
    }

    #[test]
    fn clean_text_is_not_copied() {
        assert!(matches!(inert("Apply SPF 30+"), Cow::Borrowed(_)));
    }
}
