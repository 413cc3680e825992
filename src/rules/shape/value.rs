//! The checks of one value against its field's type (`fields::Ty`), and what a value is in
//! words: for `shape`, and for the direct reader (`field_check`), which makes the same checks.

use crate::rules::fields::{BIDI_CONTROLS, MAX_ID_LEN, Ty};
use serde_json::Value;

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
pub(super) fn problem(ty: Ty, value: &Value) -> Option<String> {
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

pub(in crate::rules) fn string_problem(ty: Ty, text: &str) -> Option<String> {
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
            match crate::rules::did_you_mean(text, words.iter().copied()) {
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
        Ty::TimeOfDay => crate::rules::time_of_day::parse(text).is_none().then(|| {
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
pub(super) fn is_phone(text: &str) -> bool {
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let body = text.strip_prefix('+').unwrap_or(text);
    (5..=20).contains(&digits)
        && body.len() <= 40
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || " ().-/".contains(c))
}

pub const EMAIL_PATTERN: &str = r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$";
pub(super) fn is_email(text: &str) -> bool {
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
pub(super) fn is_url(text: &str) -> bool {
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
pub(super) fn is_date(text: &str) -> bool {
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
