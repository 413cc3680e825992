//! What differs between two plans, in words a clinic can act on: which rules, warnings and
//! other entries (by id) were changed, added or removed, and which top-level fields differ.
//! Used when `--rules` is refused because the treatment follows another plan: two plans of
//! the same name would otherwise be told apart only by their hashes.

use crate::inert::inert;
use crate::rules::Rules;
use serde::Serialize;
use serde_json::Value;

/// What a top-level field of a plan is, as a difference names it.
enum Field {
    /// A list whose entries have ids: the words for one entry and for many.
    List(&'static str, &'static str),
    /// Any other value: the words for it.
    Value(&'static str),
}

/// How many ids a summary names for one list before it says "and N more".
const NAMED: usize = 3;

/// What differs from `recorded` to `given`, one clause per list or field, lists first:
/// `["2 rules differ (no-makeup changed, clinic-serum added)", "the clinic's contact
/// details (provider)"]`. Empty when the two say the same.
pub fn differences(recorded: &Rules, given: &Rules) -> Vec<String> {
    let (old, new) = (fields(recorded), fields(given));
    old.iter()
        .zip(&new)
        .filter_map(|((_, field, old), (_, _, new))| match field {
            Field::List(one, many) => list_clause(&list_changes(old, new), one, many),
            Field::Value(words) => (old != new).then(|| words.to_string()),
        })
        .collect()
}

/// Every top-level field of `rules`: its key in the file, what it is, and its value as
/// JSON, in the order a difference names them. Every field of `Rules` is named below (no
/// `..`), so one added there does not compile until it is here too: none goes unsaid.
fn fields(rules: &Rules) -> [(&'static str, Field, Value); 17] {
    use Field::{List, Value as One};
    let Rules {
        schema,
        format,
        extends,
        remove,
        name,
        procedure,
        disclaimer,
        provider,
        sources,
        rules,
        phases,
        warnings,
        symptoms,
        alerts,
        next_session,
        after,
        photo_guidance,
    } = rules;
    [
        ("rules", List("rule", "rules"), json(rules)),
        (
            "warnings",
            List("warning sign", "warning signs"),
            json(warnings),
        ),
        ("phases", List("phase", "phases"), json(phases)),
        ("symptoms", List("symptom", "symptoms"), json(symptoms)),
        ("alerts", List("alert", "alerts"), json(alerts)),
        ("sources", List("source", "sources"), json(sources)),
        ("format", One("the format version"), json(format)),
        ("procedure", One("the procedure"), json(procedure)),
        ("disclaimer", One("the disclaimer"), json(disclaimer)),
        (
            "provider",
            One("the clinic's contact details (provider)"),
            json(provider),
        ),
        (
            "next_session",
            One("the next-session window"),
            json(next_session),
        ),
        ("after", One("what to expect after the plan"), json(after)),
        (
            "photo_guidance",
            One("the photo guidance"),
            json(photo_guidance),
        ),
        ("name", One("the name"), json(name)),
        // A plan as loaded has none of these (`Rules::canonical_json`): said all the same.
        (
            "$schema",
            One("the JSON Schema it names ($schema)"),
            json(schema),
        ),
        ("extends", One("the plan it extends"), json(extends)),
        ("remove", One("the entries it removes"), json(remove)),
    ]
}

/// `value` as JSON; `Null` for what is absent (a `None`), as for what cannot be written.
fn json(value: &impl Serialize) -> Value {
    // Plans are plain data: serialising them cannot fail (no maps with non-string keys).
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// "3 rules differ (no-makeup changed, a removed, b added)", with at most `NAMED` ids named;
/// `None` when nothing changed.
fn list_clause(changes: &[String], one: &str, many: &str) -> Option<String> {
    let (noun, verb) = match changes.len() {
        0 => return None,
        1 => (one, "differs"),
        _ => (many, "differ"),
    };
    let mut named: Vec<String> = changes.iter().take(NAMED).cloned().collect();
    if changes.len() > NAMED {
        named.push(format!("and {} more", changes.len() - NAMED));
    }
    Some(format!(
        "{} {noun} {verb} ({})",
        changes.len(),
        named.join(", ")
    ))
}

/// "no-makeup changed", "clinic-serum added", "wide-brim-hat removed": for each id in either
/// list whose entry is not the same in both, in the recorded plan's order, then the new ids.
fn list_changes(old: &Value, new: &Value) -> Vec<String> {
    let entries = |list: &Value| -> Vec<(String, Value)> {
        list.as_array()
            .map(|items| {
                items
                    .iter()
                    .map(|item| {
                        let id = item["id"].as_str().unwrap_or_default();
                        (inert(id).into_owned(), item.clone())
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let (old, new) = (entries(old), entries(new));
    let find = |list: &[(String, Value)], id: &str| {
        list.iter()
            .find(|(other, _)| other == id)
            .map(|(_, v)| v.clone())
    };
    let mut changes = Vec::new();
    for (id, entry) in &old {
        match find(&new, id) {
            None => changes.push(format!("{id} removed")),
            Some(other) if other != *entry => changes.push(format!("{id} changed")),
            Some(_) => {}
        }
    }
    for (id, _) in &new {
        if find(&old, id).is_none() {
            changes.push(format!("{id} added"));
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_each_changed_added_and_removed_entry_and_field() {
        let recorded = Rules::builtin().unwrap();
        let mut given = recorded.clone();
        assert!(differences(&recorded, &given).is_empty());
        given.rules[0].title = "Changed".into();
        let removed = given.rules.remove(1).id;
        let mut added = given.rules[0].clone();
        added.id = "clinic-serum".into();
        given.rules.push(added);
        given.provider = Some(crate::rules::Provider {
            name: "Clinic".into(),
            phone: Some("555".into()),
            ..Default::default()
        });
        let first = &recorded.rules[0].id;
        assert_eq!(
            differences(&recorded, &given),
            vec![
                format!("3 rules differ ({first} changed, {removed} removed, clinic-serum added)"),
                "the clinic's contact details (provider)".to_string(),
            ]
        );
    }

    #[test]
    fn every_field_a_plan_file_has_is_compared_under_its_own_key() {
        // A plan with every optional field there: each key it is written with is one of
        // `fields`, holding the same value, and no field is named twice.
        let mut full = Rules::builtin().unwrap();
        full.schema = Some("https://example.org/aftercare.schema.json".into());
        full.extends = Some("builtin".into());
        full.remove = Some(crate::rules::Removals {
            rules: vec!["no-makeup".into()],
            ..Default::default()
        });
        full.provider = Some(crate::rules::Provider {
            name: "Clinic".into(),
            ..Default::default()
        });
        let written = serde_json::to_value(&full).unwrap();
        let written = written.as_object().unwrap();
        let compared = fields(&full);
        for (key, value) in written {
            let field = compared.iter().find(|(k, _, _)| k == key);
            assert_eq!(field.map(|(_, _, v)| v), Some(value), "{key}");
        }
        let mut keys: Vec<&str> = compared.iter().map(|(k, _, _)| *k).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), compared.len());
    }

    #[test]
    fn a_field_the_old_list_left_out_is_said() {
        // `$schema`, `extends` and `remove` were not in the hand-written list: a plan that
        // differed only there was "another plan" with no difference named.
        let recorded = Rules::builtin().unwrap();
        let mut given = recorded.clone();
        given.extends = Some("builtin".into());
        assert_eq!(differences(&recorded, &given), vec!["the plan it extends"]);
    }

    #[test]
    fn more_than_three_changes_are_counted() {
        let recorded = Rules::builtin().unwrap();
        let mut given = recorded.clone();
        for rule in given.rules.iter_mut().take(5) {
            rule.rationale = format!("{} More.", rule.rationale).into();
        }
        let said = differences(&recorded, &given);
        assert_eq!(said.len(), 1);
        assert!(said[0].starts_with("5 rules differ ("), "{said:?}");
        assert!(said[0].ends_with(", and 2 more)"), "{said:?}");
    }
}
