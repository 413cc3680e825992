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
fn write_escaped<W: ?Sized + Write>(writer: &mut W, text: &str) -> io::Result<()> {
    // Nearly all text is printable ASCII: written in one go.
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return writer.write_all(text.as_bytes());
    }
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if needs_care(c) && !matches!(c, '\t' | '\n' | '\r') {
            writer.write_all(&text.as_bytes()[start..i])?;
            write!(writer, "\\u{:04x}", u32::from(c))?;
            start = i + c.len_utf8();
        }
    }
    writer.write_all(&text.as_bytes()[start..])
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
    fn the_layout_is_serde_jsons_pretty_layout() {
        let doc = json!({"a": [1, {"b": null}], "c": {}, "d": []});
        assert_eq!(pretty(&doc), serde_json::to_string_pretty(&doc).unwrap());
    }
}
