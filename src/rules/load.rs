//! Reading a rules file, start to end: its syntax (`syntax`), the shape of every entry
//! (`shape`), the plan it extends (`extend`), and what can only be checked once the plan is
//! whole (`validate`). Every problem on the way is kept, located in the file it is in, and
//! reported together; the same problem in many places is one line.

use super::error::{Problem, RulesError};
use super::extend;
use super::origins::{File, Origins};
use super::shape::{self, Step};
use super::{Rules, validate};
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// Reads the rules files a plan extends by path.
pub trait Loader {
    /// The text of the file `path` names (as written in `extends`), read relative to the file
    /// named `from`, with the name it goes by in messages; or why it cannot be read.
    fn load(&mut self, path: &str, from: &str) -> Result<(String, String), String>;
}

/// A loader that reads no files: a plan may still extend the built-in one.
pub struct NoFiles;

impl Loader for NoFiles {
    fn load(&mut self, path: &str, _from: &str) -> Result<(String, String), String> {
        Err(format!(
            "cannot read \"{path}\" here: only a plan named on the command line can extend a file"
        ))
    }
}

/// How deep a chain of `extends` may go before it is taken for a loop.
const MAX_CHAIN: usize = 8;

/// Reads `text` (named `origin`) into a checked plan; see the module docs. A whole plan
/// with no problems is read straight into its types (`direct`); any other file goes through
/// every check below, which reports each problem.
pub fn load(text: &str, origin: &str, loader: &mut dyn Loader) -> Result<Rules, RulesError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match super::direct::read(text) {
        Some(rules) => Ok(rules),
        None => full(text, origin, loader),
    }
}

/// `load` through the full checker: the file as a JSON value, its shape, the plans it
/// extends, then the checks of the whole plan.
pub(super) fn full(text: &str, origin: &str, loader: &mut dyn Loader) -> Result<Rules, RulesError> {
    let mut problems = Vec::new();
    let Some(resolved) = resolve(text, origin, loader, &mut Vec::new(), &mut problems) else {
        return Err(RulesError::new(origin, merge_repeats(problems)));
    };
    let mut value = resolved.value;
    for (key, empty) in [
        ("format", Value::from(super::RULES_FORMAT)),
        ("name", Value::from("")),
        ("procedure", Value::from("")),
        ("disclaimer", Value::from("")),
        ("rules", Value::Array(Vec::new())),
    ] {
        value.entry(key).or_insert(empty);
    }
    match serde_json::from_value::<Rules>(Value::Object(value)) {
        Ok(rules) => {
            validate::validate(&rules, &resolved.origins, &resolved.facts, &mut problems);
            if problems.is_empty() {
                return Ok(rules);
            }
        }
        // The shape check leaves out whatever serde would refuse; should it miss something,
        // the clinic still hears of it.
        Err(err) if problems.is_empty() => {
            problems.push(Problem::at(1, 1, super::serde_message(&err)))
        }
        Err(_) => {}
    }
    Err(RulesError::new(origin, merge_repeats(problems)))
}

/// A plan resolved through its `extends` chain, not yet built.
pub(super) struct Resolved {
    pub value: Map<String, Value>,
    pub origins: Origins,
    pub facts: extend::Facts,
}

fn resolve(
    text: &str,
    name: &str,
    loader: &mut dyn Loader,
    chain: &mut Vec<String>,
    problems: &mut Vec<Problem>,
) -> Option<Resolved> {
    let is_first = chain.is_empty();
    let located = |mut p: Problem| {
        if !is_first {
            p.file = Some(name.to_string());
        }
        p
    };
    let value = match super::syntax::parse(text) {
        Ok(value) => value,
        Err(p) => {
            problems.push(located(p));
            return None;
        }
    };
    let file = File::new(name, text, &value);
    let Value::Object(top) = value else {
        return None;
    };
    let checked = shape::check(top);
    let dropped = match &file.ids {
        Value::Object(ids) => extend::dropped_ids(ids, &checked.kept),
        _ => Default::default(),
    };
    let mut origins = Origins {
        files: vec![file],
        ..Origins::default()
    };
    for key in checked.value.keys() {
        origins.top.insert(key.clone(), 0);
    }
    for (list, kept) in &checked.kept {
        origins
            .entries
            .insert(list.clone(), kept.iter().map(|&i| (0, i)).collect());
    }
    for finding in &checked.findings {
        problems.push(located(origins.problem_in(
            0,
            &finding.path,
            finding.message.clone(),
        )));
    }
    let Some(Value::String(base_name)) = checked.value.get("extends").cloned() else {
        let mut value = checked.value;
        value.remove("$schema");
        return Some(Resolved {
            value,
            origins,
            facts: extend::Facts::with_dropped(dropped),
        });
    };
    chain.push(name.to_string());
    let base = if base_name == extend::BUILTIN_BASE {
        Ok((
            super::BUILTIN_JSON.to_string(),
            super::BUILTIN_NAME.to_string(),
        ))
    } else {
        loader.load(&base_name, name)
    };
    let extends_problem = |origins: &Origins, message: String| {
        located(origins.problem_in(0, &[Step::Key("extends".into())], message))
    };
    let base = match base {
        Ok((_, base_origin)) if chain.contains(&base_origin) || chain.len() > MAX_CHAIN => {
            problems.push(extends_problem(
                &origins,
                format!("\"{base_name}\" leads back to a plan already in the chain: plans cannot extend each other in a loop"),
            ));
            None
        }
        Ok((base_text, base_origin)) => {
            let before = problems.len();
            let base = resolve(&base_text, &base_origin, loader, chain, problems);
            if problems.len() > before {
                problems.push(extends_problem(
                    &origins,
                    format!("the plan this one extends (\"{base_name}\") has the problems listed"),
                ));
            }
            base
        }
        Err(why) => {
            problems.push(extends_problem(&origins, why));
            None
        }
    };
    chain.pop();
    let base = base?;
    Some(extend::merge(
        base,
        checked.value,
        origins,
        dropped,
        problems,
    ))
}

/// One line per distinct problem: the same message at several places (a mistyped source id
/// cited by 30 rules) is reported once, at the first, with the others counted.
fn merge_repeats(mut problems: Vec<Problem>) -> Vec<Problem> {
    // The checked file's problems first, then those of the plans it extends; each in the
    // order of the text.
    problems.sort_by(|a, b| {
        (a.file.is_some(), &a.file, a.line, a.column).cmp(&(
            b.file.is_some(),
            &b.file,
            b.line,
            b.column,
        ))
    });
    let mut out: Vec<(Problem, Vec<String>)> = Vec::new();
    let mut first: HashMap<(String, Option<String>), usize> = HashMap::new();
    for p in problems {
        match first.entry((p.message.clone(), p.file.clone())) {
            Entry::Occupied(at) => out[*at.get()].1.push(p.path),
            Entry::Vacant(at) => {
                at.insert(out.len());
                out.push((p, Vec::new()));
            }
        }
    }
    out.into_iter()
        .map(|(mut p, others)| {
            match others.len() {
                0 => {}
                1..=3 => p
                    .message
                    .push_str(&format!(" (also at {})", others.join("; "))),
                n => p.message.push_str(&format!(
                    " (also at {} and {} more)",
                    others[..2].join("; "),
                    n - 2
                )),
            }
            p
        })
        .collect()
}
