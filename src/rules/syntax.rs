//! From text to a JSON value, with syntax errors in words a clinic can act on: curly quotes,
//! comments, single quotes and trailing commas are the usual ones from a word processor or a
//! habit from other formats. A field given twice is an error too (JSON readers differ on which
//! one wins, so we make the clinic choose).

use super::error::Problem;
use super::locate::line_column;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::fmt;

/// The JSON value of `text`, or the one syntax problem that stops reading it.
pub fn parse(text: &str) -> Result<Value, Problem> {
    let start = text.trim_start();
    if start.is_empty() {
        return Err(Problem::at(
            1,
            1,
            "the file is empty: a rules file is one JSON object, { ... }",
        ));
    }
    if !start.starts_with('{') {
        let (line, column) = line_column(text, text.len() - start.len());
        return Err(Problem::at(
            line,
            column,
            "a rules file is one JSON object: it must start with '{'",
        ));
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let value = Strict::deserialize(&mut de).and_then(|v| de.end().map(|()| v.0));
    value.map_err(|err| {
        let offset = offset_of(text, err.line(), err.column());
        let (line, column) = line_column(text, offset);
        Problem::at(line.max(1), column.max(1), explain(text, offset, &err))
    })
}

/// The byte offset of serde_json's line and (byte) column, on a character boundary.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let mut at = (line_start + column.saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// serde_json's message, in plain words, using what the text holds where reading stopped.
fn explain(text: &str, offset: usize, err: &serde_json::Error) -> String {
    let raw = super::serde_message(err);
    // The error is reported at or just after the character that stopped the reader.
    let mut back = offset.saturating_sub(3);
    while !text.is_char_boundary(back) {
        back -= 1;
    }
    let near: String = text[back..].chars().take(6).collect();
    let here = text[offset..].trim_start();
    if near.contains([
        '\u{201c}', '\u{201d}', '\u{2018}', '\u{2019}', '\u{201e}', '\u{00ab}',
    ]) {
        return "JSON needs straight quotes (\"), not curly ones (“ ”): a word processor or \
                \"smart quotes\" may have changed them; type them again in a plain-text editor"
            .into();
    }
    if here.starts_with("//") || here.starts_with("/*") || near.contains("//") {
        return "JSON has no comments: delete the comment (a remark for readers can go in a \
                rule's rationale or a source's note)"
            .into();
    }
    if here.starts_with('\'') {
        return "JSON needs double quotes (\") around names and text, not single quotes (')".into();
    }
    if err.is_eof() {
        return "the file ends too early: a closing }, ] or \" is missing (is the file \
                complete?)"
            .into();
    }
    match raw.as_str() {
        "trailing comma" => {
            "a comma after the last item: JSON allows no comma before a closing } or ]".into()
        }
        "key must be a string" if here.starts_with(',') => {
            "two commas in a row, or a comma after the last item: delete one".into()
        }
        "key must be a string" => "expected a field name in double quotes, like \"title\"".into(),
        "expected value" => "expected a value: text in double quotes, a number, true, false, \
                             a list [ ] or an object { }"
            .into(),
        "expected `,` or `}`" => "expected a comma (,) or a closing }: is a comma missing at \
                                  the end of the line before?"
            .into(),
        "expected `,` or `]`" => "expected a comma (,) or a closing ]: is a comma missing at \
                                  the end of the line before?"
            .into(),
        "expected `:`" => "expected a colon (:) after the field name".into(),
        "trailing characters" => "more text after the plan's closing }: a rules file is one \
                                  JSON object (is a { missing, or a } doubled?)"
            .into(),
        "recursion limit exceeded" => "lists or objects are nested too deeply".into(),
        "number out of range" => "a number too large to read".into(),
        m if m.starts_with("control character") => "a line break or tab inside text in quotes: \
                                                    JSON text stays on one line (write \\n for \
                                                    a line break)"
            .into(),
        m if m.starts_with("invalid escape") => "a backslash (\\) in text must be doubled (\\\\), \
                                                 or start an escape like \\n or \\\""
            .into(),
        _ => raw,
    }
}

/// A JSON value read like `serde_json::Value`, except that a field given twice in one object
/// is an error.
struct Strict(Value);

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(Strict(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                return Err(de::Error::custom(format!(
                    "the field \"{key}\" is given twice in one object: keep one"
                )));
            }
            let Strict(value) = map.next_value()?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(text: &str) -> String {
        let p = parse(text).unwrap_err();
        format!("{}:{}: {}", p.line, p.column, p.message)
    }

    #[test]
    fn syntax_errors_are_explained() {
        let cases = [
            ("{\n  “format”: 1\n}", "2:3: JSON needs straight quotes"),
            ("{\n  \"format\": 1, // v1\n}", "2:16: JSON has no comments"),
            ("{'format': 1}", "1:2: JSON needs double quotes"),
            ("{\"format\": 1,}", "1:14: a comma after the last item"),
            ("{\"format\": 1,, \"a\": 2}", "1:14: two commas in a row"),
            ("{\"format\": 1", "1:12: the file ends too early"),
            (
                "{\"a\": 1 \"b\": 2}",
                "1:9: expected a comma (,) or a closing }",
            ),
            ("{\"a\": 1} x", "1:10: more text after the plan's closing }"),
            (
                "{\"a\": 1, \"a\": 2}",
                "1:12: the field \"a\" is given twice",
            ),
            ("", "1:1: the file is empty"),
            ("[]", "1:1: a rules file is one JSON object"),
        ];
        for (text, want) in cases {
            let got = message(text);
            assert!(got.starts_with(want), "{text:?}\n got: {got}\nwant: {want}");
        }
    }
}
