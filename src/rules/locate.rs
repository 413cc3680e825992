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

/// Where one text's lines, top-level fields and the entries of its top-level lists start:
/// read once, so that locating many problems in a large file costs each the length of its
/// entry rather than of the file. `locate` and `line_column` give the same answers.
pub(super) struct TextIndex {
    root: usize,
    /// Each top-level field (the first, where one is given twice) with the offset of its
    /// value and, for a list, of each of its entries.
    fields: Vec<(String, usize, Vec<usize>)>,
    line_starts: Vec<usize>,
}

impl TextIndex {
    pub fn new(text: &str) -> TextIndex {
        let b = text.as_bytes();
        let root = skip_ws(b, 0);
        let mut fields: Vec<(String, usize, Vec<usize>)> = Vec::new();
        if b.get(root) == Some(&b'{') {
            let mut p = skip_ws(b, root + 1);
            while b.get(p) == Some(&b'"') {
                let Some(key_end) = skip_string(b, p) else {
                    break;
                };
                let Ok(name) = serde_json::from_slice::<String>(&b[p..key_end]) else {
                    break;
                };
                p = skip_ws(b, key_end);
                if b.get(p) != Some(&b':') {
                    break;
                }
                let value = skip_ws(b, p + 1);
                let entries = if b.get(value) == Some(&b'[') {
                    entries(b, value)
                } else {
                    Vec::new()
                };
                if !fields.iter().any(|(n, _, _)| *n == name) {
                    fields.push((name, value, entries));
                }
                let Some(end) = skip_value(b, value) else {
                    break;
                };
                p = skip_ws(b, end);
                if b.get(p) == Some(&b',') {
                    p = skip_ws(b, p + 1);
                }
            }
        }
        let line_starts = std::iter::once(0)
            .chain(
                b.iter()
                    .enumerate()
                    .filter(|(_, c)| **c == b'\n')
                    .map(|(i, _)| i + 1),
            )
            .collect();
        TextIndex {
            root,
            fields,
            line_starts,
        }
    }

    /// `locate(text, path)` for the `text` this index was made of.
    pub fn locate(&self, text: &str, path: &[Segment<'_>]) -> usize {
        let Some((Segment::Key(key), rest)) = path.split_first() else {
            return locate(text, path);
        };
        let Some((_, value, entries)) = self.fields.iter().find(|(n, _, _)| n == key) else {
            return self.root;
        };
        let (mut pos, mut rest) = (*value, rest);
        if let Some((Segment::Index(i), after)) = rest.split_first() {
            match entries.get(*i) {
                Some(&entry) => (pos, rest) = (entry, after),
                None => return pos,
            }
        }
        for segment in rest {
            match find_child(text.as_bytes(), pos, segment) {
                Some(child) => pos = child,
                None => break,
            }
        }
        pos
    }

    /// `line_column(text, offset)` for the `text` this index was made of.
    pub fn line_column(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let start = self.line_starts[line - 1];
        (line, text[start..offset].chars().count() + 1)
    }
}

/// The offsets of the entries of the list starting at `pos`.
fn entries(b: &[u8], pos: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut p = skip_ws(b, pos + 1);
    while p < b.len() && b[p] != b']' {
        out.push(p);
        let Some(end) = skip_value(b, p) else { break };
        p = skip_ws(b, end);
        if b.get(p) == Some(&b',') {
            p = skip_ws(b, p + 1);
        }
    }
    out
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
#[path = "locate_tests.rs"]
mod tests;
