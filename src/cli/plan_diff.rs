//! What differs between two plans, in words a clinic can act on: which rules, warnings and
//! other entries (by id) were changed, added or removed, and which top-level fields differ.
//! Used when `--rules` is refused because the treatment follows another plan: two plans of
//! the same name would otherwise be told apart only by their hashes.

use crate::inert::inert;
use crate::rules::Rules;
use serde_json::Value;

/// The lists of a plan whose entries have ids, with the words for one and for many.
const LISTS: [(&str, &str, &str); 6] = [
    ("rules", "rule", "rules"),
    ("warnings", "warning sign", "warning signs"),
    ("phases", "phase", "phases"),
    ("symptoms", "symptom", "symptoms"),
    ("alerts", "alert", "alerts"),
    ("sources", "source", "sources"),
];

/// The top-level fields of a plan that are not lists, with the words for them.
const FIELDS: [(&str, &str); 8] = [
    ("format", "the format version"),
    ("procedure", "the procedure"),
    ("disclaimer", "the disclaimer"),
    ("provider", "the clinic's contact details (provider)"),
    ("next_session", "the next-session window"),
    ("after", "what to expect after the plan"),
    ("photo_guidance", "the photo guidance"),
    ("name", "the name"),
];

/// How many ids a summary names for one list before it says "and N more".
const NAMED: usize = 3;

/// What differs from `recorded` to `given`, one clause per list or field, in the plans'
/// order: `["2 rules differ (no-makeup changed, clinic-serum added)", "the clinic's contact
/// details (provider)"]`. Empty when the two say the same.
pub fn differences(recorded: &Rules, given: &Rules) -> Vec<String> {
    let (Ok(old), Ok(new)) = (serde_json::to_value(recorded), serde_json::to_value(given)) else {
        // Plans are plain data; serialising them cannot fail (no maps with non-string keys).
        return Vec::new();
    };
    let mut said = Vec::new();
    for (key, one, many) in LISTS {
        let changes = list_changes(&old[key], &new[key]);
        if changes.is_empty() {
            continue;
        }
        let (noun, verb) = if changes.len() == 1 {
            (one, "differs")
        } else {
            (many, "differ")
        };
        let mut named: Vec<String> = changes.iter().take(NAMED).cloned().collect();
        if changes.len() > NAMED {
            named.push(format!("and {} more", changes.len() - NAMED));
        }
        said.push(format!(
            "{} {noun} {verb} ({})",
            changes.len(),
            named.join(", ")
        ));
    }
    for (key, words) in FIELDS {
        if old.get(key) != new.get(key) {
            said.push(words.to_string());
        }
    }
    said
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
