//! A call-today alert carried past midnight, as a severe rating is (`carried`). Swelling 4
//! on Day 3 at 18:05 set off "Strong swelling after 2 days: call your clinic today"; the next
//! morning the screen showed nothing of it, though nothing said the swelling had gone down
//! (walk-through after issue 15).
//!
//! The rule: a symptom whose latest rating, on an earlier local day, set off one of the
//! plan's alerts of the emergency or call tier carries that alert (one per tier and rated
//! day, naming every symptom), re-worded ("Strong swelling
//! after 2 days, rated yesterday (Mon 30 Nov) — If swelling is still as strong or worse, call
//! your clinic today. … Check in again today."), on every later day until a check-in rates
//! that symptom again or until `CARRY_DAYS` local days after the rated day. A rating of 5 is
//! `carried`'s, and alerts to mention at the next visit are not carried: they ask for no
//! action before then.

use super::{AlertLine, CARRY_DAYS, fallback, short_name, source_refs, symptom_name};
use crate::plan::Plan;
use crate::rules::{MAX_RATING, Urgency};
use crate::store::Session;
use crate::wrapping::lower_first;
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};

/// The id of a carried call alert: the plan alert's id, then the rated date
/// ("swelling-after-two-days-from-2026-11-30").
fn carried_id(alert: &str, rated: NaiveDate) -> String {
    format!("{alert}-from-{rated}")
}

/// The plan's emergency- and call-tier alerts set off by an earlier day's check-in and not
/// yet answered by a newer rating of their symptom, for `date` seen at `now`: the latest
/// rated day first. With them, those a rating would set off at `now` but did not when it
/// was given, before the alert's window opened (`Plan::pending_on`), on `date` itself too:
/// swelling 3 rated at 35 h on Day 3 had never been said to need a call, that evening or
/// the next day (walker R, round 11). None for a symptom last rated 5
/// (`carried::carried_on` carries that one) or rated more than `CARRY_DAYS` local days
/// before `date`.
pub fn carried_calls_on<Tz: TimeZone>(
    plan: &Plan<'_, Tz>,
    session: &Session,
    date: NaiveDate,
    now: DateTime<FixedOffset>,
) -> Vec<AlertLine> {
    let rules = plan.rules();
    let oldest = date - chrono::Duration::days(CARRY_DAYS);
    // One rated on `date` itself replaces any earlier one (its alerts are that day's own
    // check-in's).
    let latest = super::carried::latest_ratings(session, oldest, date);
    let mut days: Vec<NaiveDate> = latest
        .values()
        .filter(|(day, rating)| *day <= date && *rating < MAX_RATING)
        .map(|(day, _)| *day)
        .collect();
    days.sort_unstable();
    days.dedup();
    let provider = rules.provider.as_ref();
    let mut lines = Vec::new();
    for rated in days.into_iter().rev() {
        // The day's own alerts are said as such (`journal::alerts_on`): carried from
        // earlier days only; the pending ones from any day, where no alert of the rating's
        // own already names the symptom.
        let mut own = match rated < date {
            true => plan.alerts_on(session, rated),
            false => Vec::new(),
        };
        for pending in plan.pending_on(session, rated, now) {
            if !own.iter().any(|f| f.symptom == pending.symptom) {
                own.push(pending);
            }
        }
        let firings: Vec<_> = own
            .into_iter()
            .filter_map(|firing| Some((firing.alert?, firing)))
            .filter(|(_, firing)| {
                let still_latest = latest
                    .get(firing.symptom.as_str())
                    .is_some_and(|&(day, rating)| day == rated && rating < MAX_RATING);
                still_latest && firing.urgency != Urgency::Mention
            })
            .collect();
        // One alert per tier and rated day, as the severe carry is one per day: two
        // symptoms rated on Day 3 each repeated the whole action on Day 4 (seen in tmux).
        for urgency in [Urgency::Emergency, Urgency::Call] {
            let tier: Vec<_> = firings
                .iter()
                .filter(|(_, f)| f.urgency == urgency)
                .collect();
            let Some((first, firing)) = tier.first() else {
                continue;
            };
            let names: Vec<String> = tier
                .iter()
                .map(|(_, f)| short_name(symptom_name(rules, &f.symptom)))
                .collect();
            // "Strong swelling after 2 days; still tender after 2 days": one sentence.
            let titles: Vec<String> = tier
                .iter()
                .enumerate()
                .map(|(i, (a, _))| match i {
                    0 => a.title.clone(),
                    _ => lower_first(&a.title),
                })
                .collect();
            let mut sources: Vec<String> = Vec::new();
            for (alert, _) in &tier {
                for id in &alert.sources {
                    if !sources.contains(id) {
                        sources.push(id.clone());
                    }
                }
            }
            let name = names.join(" or ");
            let action = lower_first(&urgency.action_with(provider));
            let message = match urgency {
                Urgency::Call => format!(
                    "If {name} is still as strong or worse, {action}. {} Check in again today.",
                    fallback(provider)
                ),
                _ => format!("If {name} is still as strong or worse, {action}."),
            };
            // Rated earlier today: "rated today at 08:00".
            let clock = session
                .checkins
                .get(&rated)
                .and_then(|c| c.rated_at.get(&firing.symptom))
                .map(|at| crate::dates::clock(plan.local(*at)));
            let when = super::carried::when(rated, date, clock);
            lines.push(AlertLine {
                id: carried_id(&first.id, rated),
                title: format!("{}, rated {when}", titles.join("; ")),
                message,
                symptoms: tier.iter().map(|(_, f)| f.symptom.clone()).collect(),
                symptom: firing.symptom.clone(),
                rating: firing.rating,
                previous: None,
                previous_on: None,
                urgency,
                sources: source_refs(rules, &sources),
                rated_on: Some(rated),
            });
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rules;
    use crate::store::CheckIn;
    use chrono::DateTime;
    use chrono_tz::Europe::Berlin;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    /// Treated Fri 20 Nov 14:00 (Berlin), with check-ins of `(day, [(symptom, rating)])`.
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
    fn a_call_alert_carries_until_its_symptom_is_rated_again_or_a_week_has_passed() {
        let rules = Rules::builtin().unwrap();
        let at = DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap();
        let plan = Plan::new(&rules, at, Berlin);
        // Swelling 4 on Day 3 (Sun 22 Nov), 52 h and more after the treatment: its alert.
        let swollen: CheckIns<'_> = &[(22, &[("swelling", 4)])];
        let rated_again: CheckIns<'_> = &[(22, &[("swelling", 4)]), (23, &[("swelling", 1)])];
        let rated_today: CheckIns<'_> = &[(22, &[("swelling", 4)]), (24, &[("swelling", 0)])];
        let other: CheckIns<'_> = &[(22, &[("swelling", 4)]), (23, &[("redness", 1)])];
        let mild: CheckIns<'_> = &[(22, &[("swelling", 1)])];
        let severe: CheckIns<'_> = &[(22, &[("swelling", 5)])];
        let title = "Strong swelling after 2 days, rated yesterday (Sun 22 Nov)";
        // (check-ins, viewed day, carried alerts' titles)
        let cases: [(CheckIns<'_>, u32, &[&str]); 10] = [
            (swollen, 22, &[]),
            (swollen, 23, &[title]),
            (
                swollen,
                29,
                &["Strong swelling after 2 days, rated on Sun 22 Nov (7 days ago)"],
            ),
            (swollen, 30, &[]),
            (rated_again, 23, &[]),
            (rated_again, 24, &[]),
            // Rated on the day viewed: that check-in replaces the carried alert.
            (rated_today, 24, &[]),
            (other, 23, &[title]),
            (mild, 23, &[]),
            // A 5 is the severe alert's to carry.
            (severe, 23, &[]),
        ];
        for (checkins, viewed, want) in cases {
            let got: Vec<String> = carried_calls_on(
                &plan,
                &session(checkins),
                day(viewed),
                plan.day_bounds(day(viewed)).1,
            )
            .into_iter()
            .map(|a| a.title)
            .collect();
            assert_eq!(got, want, "{checkins:?} seen on {viewed}");
        }
        // Two symptoms of one day are one alert, saying the action once.
        let both: CheckIns<'_> = &[(22, &[("swelling", 4), ("discomfort", 3)])];
        let lines = carried_calls_on(&plan, &session(both), day(23), plan.day_bounds(day(23)).1);
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert_eq!(lines[0].symptoms, ["swelling", "discomfort"]);
        assert!(
            lines[0]
                .message
                .starts_with("If swelling or tenderness is still as strong or worse"),
            "{}",
            lines[0].message
        );
        let line = &carried_calls_on(
            &plan,
            &session(swollen),
            day(23),
            plan.day_bounds(day(23)).1,
        )[0];
        assert_eq!(
            line.message,
            "If swelling is still as strong or worse, call your clinic today. If you can't \
             reach your clinic today, use urgent care. Check in again today."
        );
        assert_eq!(line.rated_on, Some(day(22)));
        assert_eq!(line.urgency, Urgency::Call);
    }
}
