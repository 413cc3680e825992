//! A severe rating carried past midnight. A rating of 5 (severe) alerts on its own day; on a
//! later day with no newer rating of that symptom the patient must still see it, or a
//! severe swelling rated at 08:10 vanishes at 00:00 (walk-through after issue 15).
//!
//! The rule: a symptom whose latest rating, on an earlier local day, was 5 carries one alert
//! ("Rated severe yesterday (Sun 29 Nov): swelling — … If swelling is still severe or worse,
//! call your clinic today. … Check in again today.") on every later day until a
//! check-in rates that symptom again (any value replaces it: a new 5 alerts on its own day)
//! or until `CARRY_DAYS` local days after the rated day, whichever comes first. Days are
//! local calendar days, so a 23- or 25-hour day (DST) counts as one day.

use super::{AlertLine, ESCALATION, short_name, symptom_name};
use crate::dates::short_date;
use crate::rules::{MAX_RATING, Rules, Urgency};
use crate::store::Session;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// How many local days after the rated day a severe rating is still carried: a week, the
/// conservative span (the sources name no figure; a week covers the days a patient may
/// skip checking in, after which the carried alert would be stale rather than useful).
pub const CARRY_DAYS: i64 = 7;

/// The id prefix of a carried alert; the rated date follows: "severe-from-2026-11-29".
pub const CARRIED_ID: &str = "severe-from";

/// The carried alerts for `date`, one per earlier day with symptoms still rated severe, the
/// latest day first; none when every such rating was replaced or is older than `CARRY_DAYS`.
pub fn carried_on(rules: &Rules, session: &Session, date: NaiveDate) -> Vec<AlertLine> {
    let oldest = date - chrono::Duration::days(CARRY_DAYS);
    // Each symptom's latest rating up to `date` (one rated on `date` itself is that day's own
    // check-in's business, and replaces the rest); older ratings can never carry.
    let latest = latest_ratings(session, oldest, date);
    let mut by_day: BTreeMap<NaiveDate, Vec<String>> = BTreeMap::new();
    let rated: Vec<&str> = latest.keys().copied().collect();
    for symptom in rules.in_symptom_order(&rated) {
        if let Some(&(day, rating)) = latest.get(symptom)
            && day < date
            && day >= oldest
            && rating >= MAX_RATING
        {
            by_day.entry(day).or_default().push(symptom.to_string());
        }
    }
    by_day
        .into_iter()
        .rev()
        .map(|(day, symptoms)| carried(rules, day, date, symptoms))
        .collect()
}

/// Each symptom's latest rating from `oldest` to `date` (both included), with its day: what
/// a carried alert (`carried_on`, `carried_calls`) is judged on.
pub(super) fn latest_ratings(
    session: &Session,
    oldest: NaiveDate,
    date: NaiveDate,
) -> BTreeMap<&str, (NaiveDate, u8)> {
    let mut latest = BTreeMap::new();
    for (day, checkin) in session.checkins.range(oldest..=date) {
        for (symptom, &rating) in &checkin.ratings {
            latest.insert(symptom.as_str(), (*day, rating));
        }
    }
    latest
}

/// "today at 08:00" (with the local `clock` of the rating, where it is known), "yesterday
/// (Sun 29 Nov)", "on Fri 27 Nov (3 days ago)".
pub(super) fn when(rated: NaiveDate, date: NaiveDate, clock: Option<String>) -> String {
    match (date - rated).num_days() {
        0 => clock.map_or("today".to_string(), |clock| format!("today at {clock}")),
        1 => format!("yesterday ({})", short_date(rated)),
        n => format!("on {} ({n} days ago)", short_date(rated)),
    }
}

fn carried(rules: &Rules, rated: NaiveDate, date: NaiveDate, symptoms: Vec<String>) -> AlertLine {
    let provider = rules.provider.as_ref();
    let names: Vec<String> = symptoms
        .iter()
        .map(|id| short_name(symptom_name(rules, id)))
        .collect();
    let them = match names.len() {
        1 => names[0].clone(),
        _ => format!("any of {}", names.join(", ")),
    };
    let action = crate::wrapping::lower_first(&Urgency::Call.action_with(provider));
    let fallback = super::fallback(provider);
    let title = format!(
        "Rated severe {}: {}",
        when(rated, date, None),
        names.join(", ")
    );
    AlertLine {
        id: format!("{CARRIED_ID}-{rated}"),
        title,
        message: format!(
            "{ESCALATION} If {them} is still severe or worse, {action}. {fallback} Check in \
             again today."
        ),
        symptom: symptoms[0].clone(),
        symptoms,
        rating: MAX_RATING,
        previous: None,
        previous_on: None,
        urgency: Urgency::Call,
        sources: Vec::new(),
        rated_on: Some(rated),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::CheckIn;
    use chrono::DateTime;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    /// A session with check-ins of `(day, [(symptom, rating)])`.
    fn session(checkins: &[(u32, &[(&str, u8)])]) -> Session {
        let at = DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap();
        let mut s = Session::new(at);
        for (d, ratings) in checkins {
            let mut c = CheckIn::default();
            for (id, r) in *ratings {
                c.ratings.insert((*id).to_string(), *r);
            }
            s.checkins.insert(day(*d), c);
        }
        s
    }

    type CheckIns<'a> = &'a [(u32, &'a [(&'a str, u8)])];

    #[test]
    fn a_severe_rating_carries_until_rated_again_or_a_week_has_passed() {
        let rules = Rules::builtin().unwrap();
        let severe_29: CheckIns<'_> = &[(21, &[("swelling", 5), ("redness", 3)])];
        let replaced: CheckIns<'_> = &[(21, &[("swelling", 5)]), (23, &[("swelling", 4)])];
        let other: CheckIns<'_> = &[(21, &[("swelling", 5)]), (22, &[("redness", 1)])];
        let two_days: CheckIns<'_> = &[(21, &[("swelling", 5)]), (22, &[("redness", 5)])];
        // (check-ins, viewed day, carried alerts' titles)
        let cases: [(CheckIns<'_>, u32, &[&str]); 9] = [
            (severe_29, 21, &[]),
            (
                severe_29,
                22,
                &["Rated severe yesterday (Sat 21 Nov): swelling"],
            ),
            (
                severe_29,
                24,
                &["Rated severe on Sat 21 Nov (3 days ago): swelling"],
            ),
            (
                severe_29,
                28,
                &["Rated severe on Sat 21 Nov (7 days ago): swelling"],
            ),
            (severe_29, 29, &[]),
            (
                replaced,
                22,
                &["Rated severe yesterday (Sat 21 Nov): swelling"],
            ),
            (replaced, 24, &[]),
            // A check-in that leaves swelling unrated does not replace it.
            (
                other,
                23,
                &["Rated severe on Sat 21 Nov (2 days ago): swelling"],
            ),
            (
                two_days,
                23,
                &[
                    "Rated severe yesterday (Sun 22 Nov): redness",
                    "Rated severe on Sat 21 Nov (2 days ago): swelling",
                ],
            ),
        ];
        for (checkins, on, want) in cases {
            let got: Vec<String> = carried_on(&rules, &session(checkins), day(on))
                .into_iter()
                .map(|a| a.title)
                .collect();
            assert_eq!(got, want, "{checkins:?} on {on}");
        }
        let said = &carried_on(&rules, &session(severe_29), day(22))[0];
        assert_eq!(said.id, "severe-from-2026-11-21");
        assert_eq!(said.rated_on, Some(day(21)));
        assert_eq!(
            said.message,
            "Feel very unwell or have trouble breathing? Call emergency services now. \
             If swelling is still severe or worse, call your clinic today. If you can't \
             reach your clinic today, use urgent care. Check in again today."
        );
        let later = &carried_on(&rules, &session(severe_29), day(24))[0];
        assert_eq!(
            later.title,
            "Rated severe on Sat 21 Nov (3 days ago): swelling"
        );
    }
}
