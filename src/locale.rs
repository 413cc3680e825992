//! Following the locale's character set: text for a terminal whose locale is not UTF-8
//! (LANG=C, en_US.ISO-8859-1) is written in plain ASCII, so `today --short` in a Latin-1
//! prompt reads "Day 3 - 0/15 done" rather than "Day 3 Â· 0/15 done".
//!
//! The locale is read as the C library does for LC_CTYPE: the first of LC_ALL, LC_CTYPE and
//! LANG that is set and not empty; none set is the "C" locale, which is ASCII.

use std::borrow::Cow;
use std::io::{self, Write};

/// Whether the locale the environment names uses UTF-8; `var` reads one variable (the
/// process environment in the app, a table in tests).
pub fn is_utf8(var: impl Fn(&str) -> Option<String>) -> bool {
    let name = ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .find_map(|v| var(v).filter(|value| !value.is_empty()));
    name.is_some_and(|name| {
        let name = name.to_ascii_lowercase();
        name.contains("utf-8") || name.contains("utf8")
    })
}

/// Whether this process's locale uses UTF-8.
pub fn process_is_utf8() -> bool {
    is_utf8(|v| std::env::var(v).ok())
}

/// The ASCII stand-in for a character the app writes (punctuation, marks, arrows, box
/// drawing); any other character outside ASCII becomes "?".
fn ascii_for(c: char) -> &'static str {
    match c {
        '·' => "-",
        // A bullet of a list (what is normal now) is "o", as in a manual page: "-" is the
        // mark of a thing to avoid.
        '•' => "o",
        '⚠' => "!",
        // A thing to avoid is marked "-", never "x": "x" beside a title reads as ticked.
        '✕' | '✗' => "-",
        '×' => "x",
        // Done, checked in, allowed again: "*". Not "v", the arrow down of "v 3 more below",
        // nor "x", a box ticked as kept ("[x]") beside "* Makeup is fine again".
        '✓' | '✔' => "*",
        '→' => "->",
        // A folded line that opens is "+", as in a tree view, apart from the selection's ">".
        '▸' => "+",
        '›' | '▶' | '»' => ">",
        '‹' | '◂' | '◀' | '«' => "<",
        '←' => "<-",
        '↑' | '▲' => "^",
        '↓' | '▾' | '▼' => "v",
        '◆' | '●' | '★' => "*",
        '⚕' => "+",
        '–' | '—' | '‐' | '−' => "-",
        '…' => "...",
        '‖' => "|",
        '“' | '”' | '„' => "\"",
        '‘' | '’' | '‚' => "'",
        '≥' => ">=",
        '≤' => "<=",
        '±' => "+/-",
        '\u{a0}' | '\u{2009}' | '\u{202f}' => " ",
        '\u{2500}'..='\u{257f}' => box_drawing(c),
        '\u{2580}'..='\u{259f}' => block_element(c),
        _ => "?",
    }
}

/// Box drawing (U+2500–U+257F), whatever its weight (thin, thick, double, dashed,
/// rounded): lines along a row read "-", lines down a column "|", and every corner,
/// tee and cross "+", so any border ratatui draws stays a border.
fn box_drawing(c: char) -> &'static str {
    match c {
        // A heavy line along a row is a bar (the timeline's things to avoid, the history's
        // filled share) or the alert box's edge: "=", apart from the thin lines' "-" and
        // the timeline's week marks ("·", "-").
        '━' | '╸' | '╺' => "=",
        // The timeline's band of a warning sign to watch for.
        '╱' => "!",
        '─' | '┄' | '┅' | '┈' | '┉' | '═' | '╌' | '╍' | '╴' | '╶' | '╼' | '╾' => {
            "-"
        }
        '│' | '┃' | '┆' | '┇' | '┊' | '┋' | '║' | '╎' | '╏' | '╵' | '╷' | '╹' | '╻' | '╽' | '╿' => {
            "|"
        }
        _ => "+",
    }
}

/// Block elements (U+2580–U+259F): shades by how dark they are, and a partly filled cell
/// (a bar's last eighths) as the bar it ends.
fn block_element(c: char) -> &'static str {
    match c {
        '░' => ".",
        '▒' => ":",
        // The timeline's next-session window, apart from a do bar's "#" and an avoid bar's
        // "="; the progress strip's "most done" shade, apart from its "all done" "#".
        '▓' => "%",
        '▁' | '▂' | '▃' => "_",
        // The end of a bar is the bar's "#", however little of the cell it fills: "|" is the
        // timeline's now line.
        _ => "#",
    }
}

/// The ASCII for "°", from the character before it (a space or not) and the one after:
/// "38 °C" and "38°C" read "38 C", no wider than they were; "90°" reads "90 deg".
fn degrees(after_space: bool, next: Option<char>) -> &'static str {
    match (after_space, next) {
        (true, Some('C' | 'F')) => "",
        (false, Some('C' | 'F')) => " ",
        (true, _) => "deg",
        (false, _) => " deg",
    }
}

/// `text` in plain ASCII (borrowed when it already is).
pub fn to_ascii(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let mut plain = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii() {
            plain.push(c);
        } else if c == '°' {
            plain.push_str(degrees(plain.ends_with(' '), chars.peek().copied()));
        } else {
            plain.push_str(ascii_for(c));
        }
    }
    Cow::Owned(plain)
}

/// A writer that passes UTF-8 text on as it is, or (when `plain`) in ASCII (`to_ascii`).
/// A character split across two writes is held until its last byte comes; bytes that are
/// not UTF-8 at all pass on unchanged.
pub struct Output<W: Write> {
    inner: W,
    plain: bool,
    /// The first bytes of a character whose rest has not been written yet.
    pending: Vec<u8>,
}

impl<W: Write> Output<W> {
    pub fn new(inner: W, plain: bool) -> Self {
        Output {
            inner,
            plain,
            pending: Vec::new(),
        }
    }
}

impl<W: Write> Write for Output<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if !self.plain {
            return self.inner.write(buf);
        }
        self.pending.extend_from_slice(buf);
        let bytes = std::mem::take(&mut self.pending);
        let mut rest = &bytes[..];
        while !rest.is_empty() {
            match std::str::from_utf8(rest) {
                Ok(text) => {
                    self.inner.write_all(to_ascii(text).as_bytes())?;
                    rest = &[];
                }
                Err(e) => {
                    let (good, after) = rest.split_at(e.valid_up_to());
                    let text = std::str::from_utf8(good).unwrap_or_default();
                    self.inner.write_all(to_ascii(text).as_bytes())?;
                    match e.error_len() {
                        // Not UTF-8: passed on as it is.
                        Some(n) => {
                            self.inner.write_all(&after[..n])?;
                            rest = &after[n..];
                        }
                        // The start of a character: wait for the rest.
                        None => {
                            self.pending = after.to_vec();
                            rest = &[];
                        }
                    }
                }
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            let bytes = std::mem::take(&mut self.pending);
            self.inner.write_all(&bytes)?;
        }
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_follows_lc_all_then_lc_ctype_then_lang() {
        let cases: [(&[(&str, &str)], bool); 9] = [
            (&[], false),
            (&[("LANG", "C")], false),
            (&[("LANG", "en_US.ISO-8859-1")], false),
            (&[("LANG", "en_US.UTF-8")], true),
            (&[("LANG", "de_DE.utf8")], true),
            (&[("LANG", "C.UTF-8"), ("LC_ALL", "C")], false),
            (&[("LANG", "C"), ("LC_CTYPE", "en_GB.UTF-8")], true),
            (&[("LANG", "C.UTF-8"), ("LC_ALL", "")], true),
            (&[("LC_ALL", "POSIX"), ("LC_CTYPE", "en_US.UTF-8")], false),
        ];
        for (env, want) in cases {
            let var = |name: &str| {
                env.iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            };
            assert_eq!(is_utf8(var), want, "{env:?}");
        }
    }

    #[test]
    fn every_timeline_bar_has_its_own_ascii_mark() {
        // do, avoid, normal, warning sign, next session, booking lead-in, now.
        let bars = ["█", "━", "▒", "╱", "▓", "░", "│"];
        let marks: Vec<String> = bars.iter().map(|b| to_ascii(b).into_owned()).collect();
        assert_eq!(marks, ["#", "=", ":", "!", "%", ".", "|"]);
    }

    #[test]
    fn marks_become_ascii() {
        let cases = [
            (
                "Day 3 · 2/18 done · ⚠ 1 alert",
                "Day 3 - 2/18 done - ! 1 alert",
            ),
            ("✕ Avoid direct sun → Fri", "- Avoid direct sun -> Fri"),
            ("1–3 so far…", "1-3 so far..."),
            ("╭─╮│░", "+-+|."),
            ("plain", "plain"),
            // The main screen's folded lines, and the demo's pause.
            ("▸ Evening ▾ Missed ‖ paused", "+ Evening v Missed | paused"),
            ("術後", "??"),
            // Checked in, a bullet and the arrow down each keep their own mark.
            (
                "✓ checked in • Redness ↓ 2 more",
                "* checked in o Redness v 2 more",
            ),
            // Every border weight ratatui draws (the alert box is thick), bars and marks.
            ("┏━┓┃┗┛╔═╗║╚╝┣┫", "+=+|+++-+|++++"),
            ("╺━╸ ████▏ ▁ ◆", "=== ##### _ *"),
            // Temperatures no wider than in UTF-8, and with one space.
            ("Fever of 38 °C (100.4 °F)", "Fever of 38 C (100.4 F)"),
            ("38°C", "38 C"),
            ("a 90° turn", "a 90 deg turn"),
        ];
        for (text, want) in cases {
            assert_eq!(to_ascii(text), want, "{text}");
        }
    }

    #[test]
    fn a_character_split_across_writes_is_kept_whole() {
        let mut out = Output::new(Vec::new(), true);
        let text = "a · b ⚠".as_bytes();
        for byte in text {
            out.write_all(&[*byte]).unwrap();
        }
        out.flush().unwrap();
        assert_eq!(String::from_utf8(out.inner).unwrap(), "a - b !");
        let mut out = Output::new(Vec::new(), false);
        out.write_all("a · b".as_bytes()).unwrap();
        assert_eq!(String::from_utf8(out.inner).unwrap(), "a · b");
    }
}
