//! The first check of a rules file: every field of every entry against the format's table
//! (`fields`), before anything is built from it. Because it reads the JSON value rather than
//! stopping at serde's first error, a file with a type error in five rules hears of all five.
//! Entries with problems are left out of what is built, so the checks that follow
//! (`validate`) still see the rest of the file.

mod value;

use super::fields::{NEEDED_UNLESS_EXTENDING, TOP, Table, Ty};
use serde_json::{Map, Value};
use value::problem;
pub(super) use value::string_problem;
pub use value::{DATE_PATTERN, EMAIL_PATTERN, PHONE_PATTERN, URL_PATTERN, found};

/// One step of a path into the file, owned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// A problem found in the file's value, at a path.
#[derive(Debug, Clone)]
pub struct Finding {
    pub path: Vec<Step>,
    pub message: String,
}

/// The findings of the whole file, and the file with every entry or field that has a problem
/// left out (and the original positions of the entries kept, per list).
pub struct Checked {
    pub findings: Vec<Finding>,
    pub value: Map<String, Value>,
    pub kept: Vec<(String, Vec<usize>)>,
}

/// Checks the top-level object of a rules file (see the module docs), leaving out of it
/// what has problems.
pub fn check(mut value: Map<String, Value>) -> Checked {
    let format = value.get("format").and_then(Value::as_i64).unwrap_or(1);
    let extending = value.contains_key("extends");
    let missing: Vec<&str> = NEEDED_UNLESS_EXTENDING
        .into_iter()
        .filter(|name| !value.contains_key(*name))
        .collect();
    let mut run = Run {
        format,
        findings: Vec::new(),
        suggested: Vec::new(),
    };
    let mut kept = Vec::new();
    run.object(&TOP, &mut value, &mut Vec::new(), &mut kept);
    if !extending {
        for name in missing {
            run.push(
                &[],
                format!("the plan needs \"{name}\" (or \"extends\", to take it from another plan)"),
            );
        }
    }
    Checked {
        findings: run.findings,
        value,
        kept,
    }
}

struct Run {
    format: i64,
    findings: Vec<Finding>,
    /// Fields an unknown field was taken for ("titel" → "title"), by the object's path: not
    /// also reported as missing.
    suggested: Vec<(Vec<Step>, &'static str)>,
}

impl Run {
    fn push(&mut self, path: &[Step], message: String) {
        self.findings.push(Finding {
            path: path.to_vec(),
            message,
        });
    }

    /// Checks `object` against `table`, removing the fields that have problems. Returns
    /// whether it had none. `kept` collects, for the top level's lists, which entries stay.
    fn object(
        &mut self,
        table: &'static Table,
        object: &mut Map<String, Value>,
        path: &mut Vec<Step>,
        kept: &mut Vec<(String, Vec<usize>)>,
    ) -> bool {
        let before = self.findings.len();
        let names: Vec<String> = object.keys().cloned().collect();
        for name in names {
            let Some(field) = table.fields.iter().find(|f| f.name == name) else {
                if let Some(close) = super::did_you_mean(&name, table.fields.iter().map(|f| f.name))
                {
                    self.suggested.push((path.clone(), close));
                }
                path.push(Step::Key(name.clone()));
                let message = unknown_field(table, &name);
                self.push(path, message);
                path.pop();
                object.remove(&name);
                continue;
            };
            path.push(Step::Key(name.clone()));
            if field.since > 1 && self.format < i64::from(field.since) {
                self.push(
                    path,
                    format!(
                        "\"{name}\" is new in format {}: change \"format\": {} to \"format\": {}",
                        field.since, self.format, field.since
                    ),
                );
            }
            let good = match (field.ty, object.get_mut(&name)) {
                (Ty::List(entries), Some(Value::Array(items))) => {
                    let mut kept_here = Vec::new();
                    let mut good_items = Vec::new();
                    for (i, mut item) in std::mem::take(items).into_iter().enumerate() {
                        path.push(Step::Index(i));
                        let ok = match &mut item {
                            Value::Object(o) => self.object(entries, o, path, &mut Vec::new()),
                            other => {
                                let message = format!(
                                    "each {} is an object {{ ... }}, found {}",
                                    entries.what,
                                    found(other)
                                );
                                self.push(path, message);
                                false
                            }
                        };
                        path.pop();
                        if ok {
                            kept_here.push(i);
                            good_items.push(item);
                        }
                    }
                    *items = good_items;
                    if path.len() == 1 {
                        kept.push((name.clone(), kept_here));
                    }
                    true
                }
                (Ty::Object(inner), Some(Value::Object(o))) => {
                    self.object(inner, o, path, &mut Vec::new())
                }
                (ty, Some(value)) => match problem(ty, value) {
                    Some(message) => {
                        self.push(path, message);
                        false
                    }
                    None => true,
                },
                (_, None) => true,
            };
            path.pop();
            if !good {
                object.remove(&name);
            }
        }
        for field in table.fields.iter().filter(|f| f.required) {
            if !object.contains_key(field.name) && !self.reported(path, field.name) {
                self.push(path, format!("a {} needs \"{}\"", table.what, field.name));
            }
        }
        for [a, b] in table.one_of {
            match (object.contains_key(*a), object.contains_key(*b)) {
                (true, true) => {
                    path.push(Step::Key(b.to_string()));
                    self.push(
                        path,
                        format!("give \"{a}\" or \"{b}\", not both: they are two ways of saying the same end of the window"),
                    );
                    path.pop();
                }
                (false, false) if !self.reported(path, a) && !self.reported(path, b) => {
                    self.push(path, format!("a {} needs \"{a}\" (or \"{b}\")", table.what));
                }
                _ => {}
            }
        }
        if !table.any_of.is_empty()
            && !table.any_of.iter().any(|k| object.contains_key(*k))
            && !table.any_of.iter().any(|k| self.reported(path, k))
        {
            let names: Vec<String> = table.any_of.iter().map(|k| format!("\"{k}\"")).collect();
            self.push(
                path,
                format!(
                    "a {} needs at least one of {}",
                    table.what,
                    names.join(", ")
                ),
            );
        }
        self.findings.len() == before
    }

    /// Whether a problem was already reported for the field `name` of the object at `path`
    /// (a field with a wrong value is left out, and should not also be called missing).
    fn reported(&self, path: &[Step], name: &str) -> bool {
        let suggested = self.suggested.iter().any(|(p, n)| p == path && *n == name);
        suggested
            || self.findings.iter().any(|f| {
                f.path.len() == path.len() + 1
                    && f.path[..path.len()] == *path
                    && f.path[path.len()] == Step::Key(name.to_string())
            })
    }
}

fn unknown_field(table: &Table, name: &str) -> String {
    let names = table.fields.iter().map(|f| f.name);
    match super::did_you_mean(name, names.clone()) {
        Some(close) => format!(
            "\"{name}\" is not a field of a {}: did you mean \"{close}\"?",
            table.what
        ),
        None => {
            let all: Vec<&str> = names.collect();
            format!(
                "\"{name}\" is not a field of a {}, which has: {}",
                table.what,
                all.join(", ")
            )
        }
    }
}

#[cfg(test)]
mod tests;
