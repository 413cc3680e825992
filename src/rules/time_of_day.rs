//! A time of day as rules files write it: `"07:30"`, on a 24-hour clock. A rule's `at` gives
//! the time its task is due each day (and so when it is reminded); the checker (`shape`)
//! has already refused any other shape by the time serde reads one.

use chrono::{NaiveTime, Timelike};
use serde::{Deserialize, Deserializer, Serializer};

/// "HH:MM", as the checker and the JSON Schema accept it.
pub const TIME_OF_DAY_PATTERN: &str = "^([01][0-9]|2[0-3]):[0-5][0-9]$";

/// The time `text` names, if it is written "HH:MM" (two digits each, 00:00 to 23:59).
pub fn parse(text: &str) -> Option<NaiveTime> {
    let (h, m) = text.split_once(':')?;
    let two_digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !two_digits(h) || !two_digits(m) {
        return None;
    }
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

/// "07:30".
pub fn format(time: NaiveTime) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// serde's `with` for an optional time of day.
pub fn serialize<S: Serializer>(time: &Option<NaiveTime>, s: S) -> Result<S::Ok, S::Error> {
    match time {
        Some(t) => s.serialize_str(&format(*t)),
        None => s.serialize_none(),
    }
}

/// serde's `with` for an optional time of day.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveTime>, D::Error> {
    let text: Option<String> = Option::deserialize(d)?;
    text.map(|t| {
        parse(&t).ok_or_else(|| {
            serde::de::Error::custom(format!("\"{t}\" is not a time of day like \"07:30\""))
        })
    })
    .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_only_two_digit_24_hour_times() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0);
        for (text, want) in [
            ("07:30", t(7, 30)),
            ("00:00", t(0, 0)),
            ("23:59", t(23, 59)),
            ("24:00", None),
            ("7:30", None),
            ("07:60", None),
            ("07.30", None),
            ("0730", None),
            ("07:30:00", None),
            ("+7:30", None),
        ] {
            assert_eq!(parse(text), want, "{text}");
        }
        assert_eq!(format(NaiveTime::from_hms_opt(7, 5, 0).unwrap()), "07:05");
    }
}
