//! A plan that starts from another: `"extends": "builtin"` (or a path) with entries that
//! replace, remove or add by id.
//!
//! The design, for a clinic: an entry whose id the base plan has replaces that entry whole,
//! in its place (so every entry in the clinic's file reads complete on its own and is checked
//! as such); `remove` takes entries out by id; any other id is added after the base's entries,
//! in the file's order. Removals apply before replacements, so an id can be removed and
//! added again to move it to the end. Top-level fields given (name, procedure, disclaimer,
//! provider, next_session, after, photo_guidance) replace the base's.

use super::error::Problem;
use super::fields::SECTIONS;
use super::load::Resolved;
use super::origins::Origins;
use super::shape::Step;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet, VecDeque};

/// The name that means the built-in plan in `extends`.
pub const BUILTIN_BASE: &str = "builtin";

/// Entries of the extended plan to leave out, by id.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Removals {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phases: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub symptoms: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alerts: Vec<String>,
}

/// What the checks after the merge need to know to word their messages.
#[derive(Default)]
pub(super) struct Facts {
    /// (list, id) → where a `remove` took it out: file number and path in that file.
    pub removed: HashMap<(String, String), (usize, Vec<Step>)>,
    /// (list, id) of entries left out because they had problems already reported: citing
    /// them is not a second problem.
    pub dropped: HashSet<(String, String)>,
}

impl Facts {
    pub fn with_dropped(dropped: HashSet<(String, String)>) -> Facts {
        Facts {
            dropped,
            ..Facts::default()
        }
    }
}

/// The ids of the entries the shape check left out of `top`'s lists (`kept`: the positions
/// of the entries kept, in order).
pub(super) fn dropped_ids(
    top: &Map<String, Value>,
    kept: &[(String, Vec<usize>)],
) -> HashSet<(String, String)> {
    let mut out = HashSet::new();
    for (list, kept) in kept {
        let Some(Value::Array(items)) = top.get(list) else {
            continue;
        };
        let mut kept = kept.iter().peekable();
        for (i, item) in items.iter().enumerate() {
            if kept.next_if_eq(&&i).is_some() {
                continue;
            }
            if let Some(id) = item.get("id").and_then(Value::as_str) {
                out.insert((list.clone(), id.to_string()));
            }
        }
    }
    out
}

/// `file` (the clinic's plan, checked, file 0 of `origins`) laid over the resolved `base`.
pub(super) fn merge(
    base: Resolved,
    mut file: Map<String, Value>,
    mut origins: Origins,
    dropped: HashSet<(String, String)>,
    problems: &mut Vec<Problem>,
) -> Resolved {
    // The base's files follow this one's.
    let offset = origins.files.len();
    origins.files.extend(base.origins.files);
    let mut value = base.value;
    let mut top: HashMap<String, usize> = base
        .origins
        .top
        .into_iter()
        .map(|(k, f)| (k, f + offset))
        .collect();
    let mut entries: HashMap<String, Vec<(usize, usize)>> = base
        .origins
        .entries
        .into_iter()
        .map(|(k, v)| (k, v.into_iter().map(|(f, i)| (f + offset, i)).collect()))
        .collect();
    let mut facts = Facts {
        removed: base
            .facts
            .removed
            .into_iter()
            .map(|(k, (f, p))| (k, (f + offset, p)))
            .collect(),
        dropped: base.facts.dropped,
    };
    facts.dropped.extend(dropped);

    let removals = file.remove("remove");
    for (list, table) in SECTIONS {
        let items = match value.remove(list) {
            Some(Value::Array(items)) => items,
            _ => Vec::new(),
        };
        let from = entries.remove(list).unwrap_or_default();
        let mut merged = Merged::new(items, from);
        let remove = removals
            .as_ref()
            .and_then(|r| r.get(list))
            .and_then(Value::as_array);
        for (j, id) in remove.into_iter().flatten().enumerate() {
            let id = id.as_str().unwrap_or_default();
            let path = vec![
                Step::Key("remove".into()),
                Step::Key(list.into()),
                Step::Index(j),
            ];
            if merged.remove(id) {
                facts
                    .removed
                    .insert((list.to_string(), id.to_string()), (0, path));
            } else {
                let hint = super::did_you_mean(id, merged.ids())
                    .map(|c| format!(": did you mean \"{c}\"?"))
                    .unwrap_or_default();
                problems.push(origins.problem_in(
                    0,
                    &path,
                    format!(
                        "the plan this one extends has no {} with the id \"{id}\"{hint}",
                        table.what
                    ),
                ));
            }
        }
        let own = match file.remove(list) {
            Some(Value::Array(own)) => own,
            _ => Vec::new(),
        };
        let own_positions = origins.entries.remove(list).unwrap_or_default();
        let mut seen = HashSet::new();
        for (entry, (_, at_in_file)) in own.into_iter().zip(own_positions) {
            let id = id_of(&entry).to_string();
            if !seen.insert(id.clone()) {
                let path = [
                    Step::Key(list.into()),
                    Step::Index(at_in_file),
                    Step::Key("id".into()),
                ];
                problems.push(origins.problem_in(
                    0,
                    &path,
                    format!("the {} id \"{id}\" is used twice in this file", table.what),
                ));
                continue;
            }
            merged.put(&id, entry, (0, at_in_file));
        }
        let (items, from) = merged.finish();
        value.insert(list.to_string(), Value::Array(items));
        entries.insert(list.to_string(), from);
    }
    file.remove("extends");
    file.remove("$schema");
    for (key, field) in file {
        top.insert(key.clone(), 0);
        value.insert(key, field);
    }
    origins.top = top;
    origins.entries = entries;
    Resolved {
        value,
        origins,
        facts,
    }
}

fn id_of(entry: &Value) -> &str {
    entry.get("id").and_then(Value::as_str).unwrap_or_default()
}

/// One list of the base plan as the file changes it: entries removed and replaced in place by
/// id, new ones added at the end; each with the file and position it came from. Ids are
/// found through an index, so a file of any size merges in time proportional to it.
struct Merged {
    slots: Vec<Option<(Value, (usize, usize))>>,
    /// Id → the positions in `slots` of the base's entries with that id, first first (a base
    /// may give an id twice; that is reported later, and the first is the one changed).
    by_id: HashMap<String, VecDeque<usize>>,
}

impl Merged {
    fn new(items: Vec<Value>, from: Vec<(usize, usize)>) -> Merged {
        let mut by_id: HashMap<String, VecDeque<usize>> = HashMap::new();
        for (at, item) in items.iter().enumerate() {
            if let Some(id) = item.get("id").and_then(Value::as_str) {
                by_id.entry(id.to_string()).or_default().push_back(at);
            }
        }
        let slots = items.into_iter().zip(from).map(Some).collect();
        Merged { slots, by_id }
    }

    /// Takes out the first entry with this id; whether there was one.
    fn remove(&mut self, id: &str) -> bool {
        let Some(at) = self.by_id.get_mut(id).and_then(VecDeque::pop_front) else {
            return false;
        };
        self.slots[at] = None;
        true
    }

    /// The ids of the entries still in, for suggestions.
    fn ids(&self) -> impl Iterator<Item = &str> {
        self.slots
            .iter()
            .flatten()
            .filter_map(|(e, _)| e.get("id").and_then(Value::as_str))
    }

    /// Replaces the first entry with `id`, or adds `entry` at the end.
    fn put(&mut self, id: &str, entry: Value, from: (usize, usize)) {
        match self.by_id.get(id).and_then(|at| at.front()) {
            Some(&at) => self.slots[at] = Some((entry, from)),
            None => self.slots.push(Some((entry, from))),
        }
    }

    fn finish(self) -> (Vec<Value>, Vec<(usize, usize)>) {
        self.slots.into_iter().flatten().unzip()
    }
}
