//! Where each part of a resolved plan came from: the files of a chain of plans (`File`),
//! and for each top-level field and entry, its file and position (`Origins`), so that a
//! problem found in the resolved plan is located in the text it was written in and named
//! in words (`rule 4 (no-makeup) › sources › item 1`).

use super::error::Problem;
use super::fields::Table;
use super::locate::{Segment, TextIndex};
use super::shape::Step;
use serde_json::Value;
use std::cell::OnceCell;
use std::collections::HashMap;

/// One file of a chain of plans.
pub(super) struct File {
    pub name: String,
    pub text: String,
    /// The file's lists and objects as written, with only the entries' ids (`skeleton`): for
    /// naming entries by id in messages.
    pub ids: Value,
    /// Where the text's lines and entries start, read when the first problem is located.
    pub index: OnceCell<TextIndex>,
}

impl File {
    pub fn new(name: &str, text: &str, value: &Value) -> File {
        File {
            name: name.to_string(),
            text: text.to_string(),
            ids: skeleton(value),
            index: OnceCell::new(),
        }
    }
}

/// `value` with every list and object kept and, of everything else, only objects' `id`
/// texts (other items of lists become `null`, so positions stay): what `place` and
/// `extend::dropped_ids` read, at a fraction of the file's size.
fn skeleton(value: &Value) -> Value {
    match value {
        Value::Array(items) => Value::Array(items.iter().map(skeleton).collect()),
        Value::Object(fields) => Value::Object(
            fields
                .iter()
                .filter(|(key, v)| v.is_array() || v.is_object() || (*key == "id" && v.is_string()))
                .map(|(key, v)| match v {
                    Value::String(id) => (key.clone(), Value::String(id.clone())),
                    v => (key.clone(), skeleton(v)),
                })
                .collect(),
        ),
        _ => Value::Null,
    }
}

/// The files a resolved plan was made from (the one checked first, then the plans it
/// extends) and, for each part of it, which file and which entry it came from.
#[derive(Default)]
pub(super) struct Origins {
    pub files: Vec<File>,
    /// Top-level field → the file that gave it.
    pub top: HashMap<String, usize>,
    /// List → for each entry of the resolved plan, its file and position in that file.
    pub entries: HashMap<String, Vec<(usize, usize)>>,
}

impl Origins {
    /// A problem at `path` in the resolved plan, located in the file the entry came from.
    pub fn problem(&self, path: &[Step], message: impl Into<String>) -> Problem {
        let mut path = path.to_vec();
        let mut file = 0;
        if let [Step::Key(list), Step::Index(i), ..] = path.as_slice()
            && let Some(&(f, j)) = self.entries.get(list).and_then(|e| e.get(*i))
        {
            file = f;
            path[1] = Step::Index(j);
        } else if let Some(Step::Key(key)) = path.first() {
            file = self.top.get(key).copied().unwrap_or(0);
        }
        self.problem_in(file, &path, message)
    }

    /// A problem at `path` in file number `file`.
    pub fn problem_in(&self, file: usize, path: &[Step], message: impl Into<String>) -> Problem {
        let Some(f) = self.files.get(file) else {
            return Problem::at(1, 1, message);
        };
        let segments: Vec<Segment<'_>> = path
            .iter()
            .map(|s| match s {
                Step::Key(k) => Segment::Key(k),
                Step::Index(i) => Segment::Index(*i),
            })
            .collect();
        let index = f.index.get_or_init(|| TextIndex::new(&f.text));
        let (line, column) = index.line_column(&f.text, index.locate(&f.text, &segments));
        Problem {
            file: (file > 0).then(|| f.name.clone()),
            line,
            column,
            path: place(&f.ids, path),
            message: message.into(),
        }
    }
}

/// A path in words: `rule 4 (no-makeup) › sources › item 1`.
fn place(value: &Value, path: &[Step]) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut at = Some(value);
    let mut parent_key: Option<&str> = None;
    for step in path {
        match step {
            Step::Key(k) => {
                words.push(k.clone());
                at = at.and_then(|v| v.get(k));
                parent_key = Some(k);
            }
            Step::Index(i) => {
                at = at.and_then(|v| v.get(i));
                let entry = parent_key.and_then(|k| {
                    let table: Option<&Table> = if k == "expected" {
                        Some(&super::fields::POINT)
                    } else {
                        super::fields::SECTIONS
                            .iter()
                            .find(|(name, _)| *name == k)
                            .filter(|_| words.len() == 1)
                            .map(|(_, t)| *t)
                    };
                    table.map(|t| ((), t))
                });
                match entry {
                    Some((_, table)) => {
                        words.pop();
                        let id = at.and_then(|v| v.get("id")).and_then(Value::as_str);
                        words.push(match id {
                            Some(id) => {
                                format!("{} {} ({})", table.what, i + 1, crate::inert::inert(id))
                            }
                            None => format!("{} {}", table.what, i + 1),
                        });
                    }
                    None => words.push(format!("item {}", i + 1)),
                }
            }
        }
    }
    words.join(" › ")
}
