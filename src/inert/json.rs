//! JSON for a terminal or a pipe, with file text kept exact and inert.
//!
//! JSON output carries text from the state file (a check-in's note, fields a newer build
//! wrote) to whatever reads it, often a terminal. serde_json already escapes the C0 controls
//! (ESC, BEL, …) inside strings, but JSON allows DEL, the C1 controls and the bidirectional
//! overrides raw. Here every character `inert::needs_care` finds is written as a `\uXXXX`
//! escape instead: a program decodes exactly the stored text, and a terminal shows it inert.

use super::needs_care;
use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter, Serializer};
use std::io::{self, Write};

/// Writes `value` as pretty-printed JSON (two-space indent, like `serde_json::to_writer_pretty`)
/// with every string inert as the module docs say.
///
/// # Errors
/// What `value`'s serialization or `writer` return.
pub fn to_writer_pretty<W: Write, T: ?Sized + Serialize>(
    writer: W,
    value: &T,
) -> serde_json::Result<()> {
    let mut serializer = Serializer::with_formatter(writer, InertFormatter::default());
    value.serialize(&mut serializer)
}

/// serde_json's pretty formatter, with string contents and raw values escaped where they
/// hold characters a terminal could act on.
#[derive(Default)]
pub struct InertFormatter {
    pretty: PrettyFormatter<'static>,
}

impl Formatter for InertFormatter {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        write_escaped(writer, fragment)
    }

    /// A raw value is JSON kept byte for byte from the state file. Outside its strings it can
    /// only hold white space and JSON's own punctuation, so any other character needing care
    /// is inside a string, where a `\uXXXX` escape means the same.
    fn write_raw_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        write_escaped(writer, fragment)
    }

    // The layout is the pretty formatter's.
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.begin_array(writer)
    }
    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_array(writer)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.pretty.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_array_value(writer)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.begin_object(writer)
    }
    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_object(writer)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.pretty.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.begin_object_value(writer)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_object_value(writer)
    }
}

/// `text` with each character needing care as `\uXXXX` (all of them are in the Basic
/// Multilingual Plane, so one escape each). JSON's white space (space, tab, line feed,
/// carriage return) is left: inside a string serde_json has escaped it already, and outside
/// one it is layout.
///
/// `plan --json` writes megabytes of rules text, much of it with "·" or "–" in it, so the
/// bytes are scanned rather than the characters: every character needing care is ASCII (a
/// control or DEL) or starts with one of four lead bytes, and only there is a character
/// decoded. (Continuation bytes, 0x80–0xBF, never match, so any match is a char boundary.)
fn write_escaped<W: ?Sized + Write>(writer: &mut W, text: &str) -> io::Result<()> {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut at = 0;
    while let Some(found) = bytes[at..].iter().position(|&b| may_start_care(b)) {
        let i = at + found;
        let c = text[i..].chars().next().unwrap_or_default();
        at = i + c.len_utf8().max(1);
        if needs_care(c) && !matches!(c, '\t' | '\n' | '\r') {
            writer.write_all(&bytes[start..i])?;
            write!(writer, "\\u{:04x}", u32::from(c))?;
            start = at;
        }
    }
    writer.write_all(&bytes[start..])
}

/// Whether a character needing care can start at byte `b`: a C0 control or DEL, or the lead
/// byte of U+0080–U+009F (C2), U+061C (D8), U+200E–U+2069 (E2) or U+FEFF (EF).
fn may_start_care(b: u8) -> bool {
    b < 0x20 || matches!(b, 0x7f | 0xc2 | 0xd8 | 0xe2 | 0xef)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn pretty(value: &impl Serialize) -> String {
        let mut out = Vec::new();
        to_writer_pretty(&mut out, value).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn strings_decode_to_the_same_text_and_hold_nothing_a_terminal_acts_on() {
        let hostile = "\u{1b}]0;title\u{7} \u{9b}2J \u{7f} \u{202e}evil\u{2069} ok é 😀";
        let doc = json!({ "note": hostile, hostile: [1, "x"] });
        let text = pretty(&doc);
        assert!(!text.chars().any(|c| needs_care(c) && c != '\n'), "{text}");
        assert!(
            text.contains(r"\u009b2J \u007f \u202eevil\u2069 ok é 😀"),
            "{text}"
        );
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, doc);
    }

    #[test]
    fn every_character_needing_care_starts_with_a_byte_the_scan_looks_for() {
        for c in (0..=0x10ffff)
            .filter_map(char::from_u32)
            .filter(|&c| needs_care(c))
        {
            let mut buf = [0; 4];
            let lead = c.encode_utf8(&mut buf).as_bytes()[0];
            assert!(may_start_care(lead), "{c:?}");
        }
    }

    #[test]
    fn the_layout_is_serde_jsons_pretty_layout() {
        let doc = json!({"a": [1, {"b": null}], "c": {}, "d": []});
        assert_eq!(pretty(&doc), serde_json::to_string_pretty(&doc).unwrap());
    }
}
