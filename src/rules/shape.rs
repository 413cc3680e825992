//! The first check of a rules file: every field of every entry against the format's table
//! (`fields`), before anything is built from it. Because it reads the JSON value rather than
//! stopping at serde's first error, a file with a type error in five rules hears of all five.
//! Entries with problems are left out of what is built, so the checks that follow
//! (`validate`) still see the rest of the file.

use super::fields::{BIDI_CONTROLS, MAX_ID_LEN, NEEDED_UNLESS_EXTENDING, TOP, Table, Ty};
use serde_json::{Map, Value};

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

/// What a value is, in words: the text "48", the number 47.5, a list.
pub fn found(value: &Value) -> String {
    match value {
        Value::Null => "null (nothing)".into(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) if s.chars().count() > 40 => {
            let head: String = s.chars().take(37).collect();
            format!("the text \"{head}...\"")
        }
        Value::String(s) => format!("the text \"{s}\""),
        Value::Array(_) => "a list [ ... ]".into(),
        Value::Object(_) => "an object { ... }".into(),
    }
}

/// What is wrong with a scalar `value` for a field of type `ty`, if anything.
fn problem(ty: Ty, value: &Value) -> Option<String> {
    match ty {
        Ty::Int { min, max, unit } => int_problem(value, min, max, unit),
        Ty::Bool => {
            (!value.is_boolean()).then(|| format!("must be true or false, found {}", found(value)))
        }
        Ty::Ids => match value {
            Value::Array(items) => items.iter().enumerate().find_map(|(i, item)| {
                (!item.is_string()).then(|| {
                    format!(
                        "item {} must be an id in quotes, like \"s1\", found {}",
                        i + 1,
                        found(item)
                    )
                })
            }),
            _ => Some(format!(
                "must be a list of ids, like [\"s1\", \"s2\"], found {}",
                found(value)
            )),
        },
        Ty::List(table) => Some(format!(
            "must be a list of {}s [ {{ ... }} ], found {}",
            table.what,
            found(value)
        )),
        Ty::Object(table) => Some(format!(
            "must be an object {{ ... }} ({}), found {}",
            table.what,
            found(value)
        )),
        _ => {
            let Value::String(text) = value else {
                return Some(format!(
                    "must be text in double quotes, found {}",
                    found(value)
                ));
            };
            string_problem(ty, text)
        }
    }
}

fn int_problem(value: &Value, min: i64, max: i64, unit: &str) -> Option<String> {
    let unit_words = match unit {
        "hours" | "next hours" => "whole number of hours",
        "day" | "next day" => "whole number (a plan day)",
        _ => "whole number",
    };
    let n = match value {
        Value::Number(n) => match n.as_i64() {
            Some(n) => n,
            None if n.is_f64() && n.as_f64().is_some_and(|f| f.fract() != 0.0) => {
                return Some(format!("must be a {unit_words}, found {n}"));
            }
            None => return Some(format!("{n} is far outside {min} to {max}")),
        },
        Value::String(s) if s.trim().parse::<f64>().is_ok() => {
            return Some(format!(
                "must be a number, found the text \"{s}\": remove the quotes"
            ));
        }
        other => return Some(format!("must be a {unit_words}, found {}", found(other))),
    };
    if (min..=max).contains(&n) {
        return None;
    }
    Some(match unit {
        "format" if n > max => format!(
            "format {n} is newer than this aftercare can read (formats {min} to {max}): update aftercare"
        ),
        "format" => format!("format must be {min} or {max}, found {n}"),
        "rating" if n == 0 && min == 1 => {
            "at_least 0 would fire at every check-in: use a rating from 1 to 5".into()
        }
        "rating" => format!("ratings run from {min} to {max}, not {n}"),
        "next hours" | "next day" if n < min => format!(
            "the next session must come after this treatment: {} must be {min} or more, not {n}",
            if unit == "next day" {
                "from_day"
            } else {
                "from_hours"
            }
        ),
        "hours" => format!(
            "{n} h is outside {min} to {max} h (90 days before the treatment to two years after)"
        ),
        "day" => format!("day {n} is outside days {min} to {max}"),
        _ => format!("{n} is outside {min} to {max}"),
    })
}

pub(super) fn string_problem(ty: Ty, text: &str) -> Option<String> {
    if let Some((at, c)) = text
        .chars()
        .enumerate()
        .find(|&(_, c)| matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
    {
        let _ = BIDI_CONTROLS;
        return Some(format!(
            "holds an invisible text-direction control (U+{:04X}) at character {}, which can \
             make the text show in a different order from how it is written: delete it",
            u32::from(c),
            at + 1
        ));
    }
    match ty {
        Ty::Id => (!is_id(text)).then(|| {
            format!(
                "\"{text}\" is not a usable id: use 1–{MAX_ID_LEN} lowercase letters, digits, \
                 '-' or '_', starting with a letter or digit (like \"no-makeup\")"
            )
        }),
        Ty::Text { max, blank_ok } => {
            let chars = text.chars().count();
            if !blank_ok && text.trim().is_empty() {
                Some("must not be empty".into())
            } else if chars > max {
                Some(format!("is {chars} characters long; at most {max} fit"))
            } else {
                None
            }
        }
        Ty::Enum(words) => (!words.contains(&text)).then(|| {
            let quoted: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
            let list = match quoted.split_last() {
                Some((last, [])) => last.clone(),
                Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
                None => String::new(),
            };
            match super::did_you_mean(text, words.iter().copied()) {
                Some(close) => format!("must be {list}, found \"{text}\": did you mean \"{close}\"?"),
                None => format!("must be {list}, found \"{text}\""),
            }
        }),
        Ty::Phone => (!is_phone(text)).then(|| {
            format!("\"{text}\" does not look like a phone number: use digits, spaces and + ( ) - . only, like \"+44 20 7946 0000\"")
        }),
        Ty::Email => (!is_email(text)).then(|| {
            format!("\"{text}\" does not look like an email address, like \"care@example-clinic.com\"")
        }),
        Ty::Url => (!is_url(text)).then(|| {
            format!("\"{text}\" is not a web address: write it in full, starting with https://")
        }),
        Ty::Date => (!is_date(text)).then(|| {
            format!("\"{text}\" is not a date: write 2023-08-09, 2023-08 or 2023")
        }),
        Ty::TimeOfDay => super::time_of_day::parse(text).is_none().then(|| {
            format!(
                "\"{text}\" is not a time of day: write hours and minutes on a 24-hour clock, \
                 two digits each, like \"07:30\" or \"21:00\""
            )
        }),
        _ => None,
    }
}

pub fn is_id(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= MAX_ID_LEN
        && text.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// Digits with the usual separators, 5 to 20 digits, perhaps after a + (the schema says
/// the same with `PHONE_PATTERN`).
pub const PHONE_PATTERN: &str = r"^\+?[0-9 ().\-/]{5,40}$";
fn is_phone(text: &str) -> bool {
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let body = text.strip_prefix('+').unwrap_or(text);
    (5..=20).contains(&digits)
        && body.len() <= 40
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || " ().-/".contains(c))
}

pub const EMAIL_PATTERN: &str = r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$";
fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let clean = |s: &str| !s.is_empty() && !s.contains(|c: char| c.is_whitespace() || c == '@');
    clean(local)
        && clean(domain)
        && domain.contains('.')
        && domain.split('.').all(|part| !part.is_empty())
        && text.len() <= 254
}

pub const URL_PATTERN: &str = r"^https?://[^\s/?#]+\.[^\s/?#]+([/?#]\S*)?$";
fn is_url(text: &str) -> bool {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    let Some(rest) = rest else { return false };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && !text.contains(char::is_whitespace)
        && text.len() <= 2000
}

pub const DATE_PATTERN: &str = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$";
fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let number = |s: &str, len: usize| s.len() == len && s.chars().all(|c| c.is_ascii_digit());
    match parts.as_slice() {
        [y] => number(y, 4),
        [y, m] => number(y, 4) && number(m, 2) && (1..=12).contains(&m.parse::<u32>().unwrap_or(0)),
        [y, m, d] => {
            number(y, 4)
                && number(m, 2)
                && number(d, 2)
                && chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok()
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_of_contact_details_and_dates() {
        for (ok, phone) in [
            (true, "+44 20 7946 0000"),
            (true, "(555) 010-0199"),
            (false, "call us"),
            (false, "123"),
            (false, "+44 20 7946 0000 ext. 5"),
        ] {
            assert_eq!(is_phone(phone), ok, "{phone}");
        }
        for (ok, email) in [
            (true, "care@example-clinic.com"),
            (false, "care@clinic"),
            (false, "a b@c.de"),
            (false, "clinic.com"),
        ] {
            assert_eq!(is_email(email), ok, "{email}");
        }
        for (ok, url) in [
            (true, "https://example.com/after?x=1"),
            (true, "http://nhs.uk"),
            (false, "example.com"),
            (false, "https://localhost"),
            (false, "javascript:alert(1)"),
        ] {
            assert_eq!(is_url(url), ok, "{url}");
        }
        for (ok, date) in [
            (true, "2023"),
            (true, "2023-08"),
            (true, "2024-02-29"),
            (false, "2023-02-29"),
            (false, "Aug 2023"),
            (false, "2023-13"),
        ] {
            assert_eq!(is_date(date), ok, "{date}");
        }
    }
}
