//! Finds where a field sits in a JSON text, so a problem found after parsing (a duplicate id,
//! a window that ends before it starts) can still be reported with a line and column.
//!
//! serde_json keeps no positions once a value is built, so this walks the text again along a
//! path. It only has to be right for text that already parsed.

/// One step of a path into a JSON document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment<'a> {
    Key(&'a str),
    Index(usize),
}

/// The 1-based line and column of byte `offset` in `text`, counting columns in characters.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// The byte offset of the value at `path` in `text`; where the path does not exist (a
/// missing field), the offset of the deepest value that does.
pub fn locate(text: &str, path: &[Segment<'_>]) -> usize {
    let bytes = text.as_bytes();
    let mut pos = skip_ws(bytes, 0);
    for segment in path {
        match find_child(bytes, pos, segment) {
            Some(child) => pos = child,
            None => break,
        }
    }
    pos
}

fn find_child(b: &[u8], pos: usize, segment: &Segment<'_>) -> Option<usize> {
    match (segment, b.get(pos)) {
        (Segment::Key(key), Some(b'{')) => {
            let mut p = skip_ws(b, pos + 1);
            while b.get(p) == Some(&b'"') {
                let key_end = skip_string(b, p)?;
                let name: String = serde_json::from_slice(&b[p..key_end]).ok()?;
                p = skip_ws(b, key_end);
                if b.get(p) != Some(&b':') {
                    return None;
                }
                let value = skip_ws(b, p + 1);
                if name == *key {
                    return Some(value);
                }
                p = skip_ws(b, skip_value(b, value)?);
                if b.get(p) == Some(&b',') {
                    p = skip_ws(b, p + 1);
                }
            }
            None
        }
        (Segment::Index(index), Some(b'[')) => {
            let mut p = skip_ws(b, pos + 1);
            let mut i = 0;
            while p < b.len() && b[p] != b']' {
                if i == *index {
                    return Some(p);
                }
                p = skip_ws(b, skip_value(b, p)?);
                if b.get(p) == Some(&b',') {
                    p = skip_ws(b, p + 1);
                }
                i += 1;
            }
            None
        }
        _ => None,
    }
}

fn skip_ws(b: &[u8], mut p: usize) -> usize {
    while p < b.len() && matches!(b[p], b' ' | b'\t' | b'\n' | b'\r') {
        p += 1;
    }
    p
}

/// The offset just past the string starting at `p` (which holds its opening quote).
fn skip_string(b: &[u8], p: usize) -> Option<usize> {
    let mut q = p + 1;
    while q < b.len() {
        match b[q] {
            b'\\' => q += 2,
            b'"' => return Some(q + 1),
            _ => q += 1,
        }
    }
    None
}

/// The offset just past the value starting at `p`. Iterative, so deep nesting cannot
/// overflow the stack.
fn skip_value(b: &[u8], p: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut q = p;
    loop {
        match *b.get(q)? {
            b'"' => q = skip_string(b, q)?,
            b'{' | b'[' => {
                depth += 1;
                q += 1;
            }
            b'}' | b']' => {
                depth = depth.checked_sub(1)?;
                q += 1;
            }
            // A separator between members (inside a container only) or a scalar, which
            // runs until a delimiter. Either way at least one byte is consumed.
            _ => {
                q += 1;
                while q < b.len() && !matches!(b[q], b',' | b':' | b'}' | b']' | b'"' | b'{' | b'[')
                {
                    q += 1;
                }
            }
        }
        if depth == 0 {
            return Some(q);
        }
        if q >= b.len() {
            return None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str =
        "{\n  \"a\": [1, {\"b\": \"x\\\"y\"}, {\"c\": 3}],\n  \"d\": {\"e\": null}\n}";

    fn at(path: &[Segment<'_>]) -> (usize, usize) {
        line_column(DOC, locate(DOC, path))
    }

    #[test]
    fn finds_keys_and_indexes() {
        assert_eq!(at(&[]), (1, 1));
        assert_eq!(at(&[Segment::Key("a")]), (2, 8));
        assert_eq!(at(&[Segment::Key("a"), Segment::Index(0)]), (2, 9));
        assert_eq!(
            at(&[Segment::Key("a"), Segment::Index(2), Segment::Key("c")]),
            (2, 33)
        );
        assert_eq!(at(&[Segment::Key("d"), Segment::Key("e")]), (3, 14));
    }

    #[test]
    fn a_missing_field_points_at_its_parent() {
        assert_eq!(at(&[Segment::Key("d"), Segment::Key("zzz")]), (3, 8));
        assert_eq!(at(&[Segment::Key("a"), Segment::Index(9)]), (2, 8));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "{\"ü\": 1, \"x\": 2}";
        assert_eq!(
            line_column(text, locate(text, &[Segment::Key("x")])),
            (1, 15)
        );
    }
}
