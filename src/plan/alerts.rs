//! Which alerts a day's check-in sets off: the plan's own, and a rating of 5 (severe) on any
//! symptom on any day, which always alerts whatever the plan says.

use super::Plan;
use crate::rules::{Alert, MAX_RATING, Urgency};
use crate::store::Session;
use chrono::{NaiveDate, TimeZone};

/// An alert set off by a reading, with the readings that did it.
#[derive(Debug, Clone, PartialEq)]
pub struct Firing<'r> {
    /// The plan's alert, or `None` for a severe rating the plan has no alert for.
    pub alert: Option<&'r Alert>,
    /// The symptom's id, as the check-in saved it.
    pub symptom: String,
    pub rating: u8,
    /// The same symptom's rating at the check-in before, for `rising` alerts.
    pub previous: Option<u8>,
    pub urgency: Urgency,
}

impl<'r, Tz: TimeZone> Plan<'r, Tz> {
    /// The alerts the check-in of `date` sets off, most urgent first (the plan's order within
    /// a tier); none when there is no check-in that day.
    ///
    /// A rating of `MAX_RATING` on any symptom always alerts with `Urgency::Call`, on any day
    /// and whether or not the plan has an alert for it, unless one of the plan's alerts for
    /// that symptom already fired at `Call` or more urgent. Those severe firings come in the
    /// plan's symptom order (`journal::alerts_on` makes them one alert).
    pub fn alerts_on(&self, session: &Session, date: NaiveDate) -> Vec<Firing<'r>> {
        let Some(checkin) = session.checkins.get(&date) else {
            return Vec::new();
        };
        let day = self.day_bounds(date);
        let previous_of = |symptom: &str| {
            session
                .checkins
                .range(..date)
                .rev()
                .find_map(|(_, c)| c.ratings.get(symptom).copied())
        };
        let mut fired: Vec<Firing<'r>> = self
            .rules()
            .alerts
            .iter()
            .filter(|a| {
                let (from, until) = self.span(*a);
                from < day.1 && until > day.0
            })
            .filter_map(|alert| {
                let rating = *checkin.ratings.get(&alert.symptom)?;
                let previous = previous_of(&alert.symptom);
                let high = alert.at_least.is_some_and(|n| rating >= n);
                let rising = alert.rising && previous.is_some_and(|p| rating > p);
                (high || rising).then(|| Firing {
                    alert: Some(alert),
                    symptom: alert.symptom.clone(),
                    rating,
                    previous,
                    urgency: alert.urgency(),
                })
            })
            .collect();
        // The plan's symptom order (then any id the plan no longer lists), so one severe alert
        // names them as every other screen lists them.
        let rated: Vec<&str> = checkin.ratings.keys().map(String::as_str).collect();
        for symptom in self.rules().in_symptom_order(&rated) {
            let Some(&rating) = checkin.ratings.get(symptom) else {
                continue;
            };
            let covered = fired
                .iter()
                .any(|f| f.symptom == symptom && f.urgency <= Urgency::Call);
            if rating >= MAX_RATING && !covered {
                fired.push(Firing {
                    alert: None,
                    symptom: symptom.to_string(),
                    rating,
                    previous: previous_of(symptom),
                    urgency: Urgency::Call,
                });
            }
        }
        fired.sort_by_key(|f| f.urgency);
        fired
    }
}

#[cfg(test)]
mod tests {
    use crate::plan::Plan;
    use crate::rules::{Rules, Urgency};
    use crate::store::{CheckIn, Session};
    use chrono::DateTime;
    use chrono_tz::Europe::Berlin;

    const RULES: &str = r#"{"format":2,"name":"t","procedure":"t","disclaimer":"d",
        "rules":[{"id":"a","title":"a","kind":"do","from_hours":0,"until_hours":400,"rationale":"r","sources":[]}],
        "symptoms":[{"id":"red","title":"Redness"},{"id":"swell","title":"Swelling"}],
        "alerts":[
          {"id":"late-red","title":"Still red","symptom":"red","at_least":3,"from_hours":168,"until_hours":400,"message":"Call","sources":[]},
          {"id":"swell-up","title":"Swelling up","symptom":"swell","rising":true,"urgency":"mention","from_hours":72,"until_hours":400,"message":"Call","sources":[]}]}"#;

    fn checkin(red: u8, swell: u8) -> CheckIn {
        let mut c = CheckIn::default();
        c.ratings.insert("red".into(), red);
        c.ratings.insert("swell".into(), swell);
        c
    }

    fn fired(ratings: &[(i64, u8, u8)], on: i64) -> Vec<(String, Urgency)> {
        let rules = Rules::parse(RULES, "t").unwrap();
        let at = DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap();
        let plan = Plan::new(&rules, at, Berlin);
        let mut session = Session::new(at);
        for &(day, red, swell) in ratings {
            session
                .checkins
                .insert(plan.date_of(day), checkin(red, swell));
        }
        plan.alerts_on(&session, plan.date_of(on))
            .into_iter()
            .map(|f| {
                (
                    f.alert
                        .map_or(format!("severe-{}", f.symptom), |a| a.id.clone()),
                    f.urgency,
                )
            })
            .collect()
    }

    #[test]
    fn thresholds_and_rises_fire_only_inside_their_windows() {
        let days = [(1, 4, 3), (3, 4, 1), (5, 2, 2), (8, 3, 2), (9, 1, 1)];
        assert!(fired(&days, 1).is_empty(), "red 4 on day 1 is expected");
        assert!(fired(&days, 3).is_empty(), "swelling fell");
        assert_eq!(fired(&days, 5), [("swell-up".into(), Urgency::Mention)]);
        // Day 8 starts after 168 h (treatment at 14:00 on day 1): red 3 fires.
        assert_eq!(fired(&days, 8), [("late-red".into(), Urgency::Call)]);
        assert!(fired(&days, 9).is_empty());
        assert!(fired(&days, 2).is_empty(), "no check-in, no alert");
    }

    #[test]
    fn a_severe_rating_always_alerts_most_urgent_first() {
        let call = Urgency::Call;
        type Case<'a> = (&'a [(i64, u8, u8)], i64, Vec<(String, Urgency)>);
        let cases: [Case<'_>; 5] = [
            // Outside every window of the plan, and with no alert for swelling at all.
            (
                &[(2, 5, 5)],
                2,
                vec![("severe-red".into(), call), ("severe-swell".into(), call)],
            ),
            (
                &[(3, 5, 5)],
                3,
                vec![("severe-red".into(), call), ("severe-swell".into(), call)],
            ),
            (&[(1, 4, 4)], 1, vec![]),
            // The plan's own call-level alert for redness covers a 5; the mention-level rise
            // of swelling does not.
            (
                &[(7, 1, 1), (8, 5, 5)],
                8,
                vec![
                    ("late-red".into(), call),
                    ("severe-swell".into(), call),
                    ("swell-up".into(), Urgency::Mention),
                ],
            ),
            // Before the treatment day, and long after the plan ends.
            (&[(400, 0, 5)], 400, vec![("severe-swell".into(), call)]),
        ];
        for (days, on, want) in cases {
            assert_eq!(fired(days, on), want, "day {on}");
        }
    }

    /// The built-in plan: redness 4 a week on and long after the plan's last day (Day 43)
    /// still calls the clinic, for as long as the plan's sign of lasting redness
    /// (`redness-beyond-14-days`, to 2016 h: Day 85 at 14:00) applies.
    #[test]
    fn the_builtin_plan_alerts_on_lasting_redness_after_the_plan_ends() {
        let rules = Rules::builtin().unwrap();
        let at = DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap();
        let plan = Plan::new(&rules, at, Berlin);
        assert_eq!(plan.last_day(), 43);
        let cases: [(i64, &[&str]); 6] = [
            (7, &[]),
            (8, &["redness-after-a-week"]),
            (21, &["redness-after-a-week"]),
            (60, &["redness-after-a-week"]),
            (85, &["redness-after-a-week"]),
            (86, &[]),
        ];
        for (day, want) in cases {
            let mut session = Session::new(at);
            let mut c = CheckIn::default();
            c.ratings.insert("redness".into(), 4);
            session.checkins.insert(plan.date_of(day), c);
            let fired: Vec<(&str, Urgency)> = plan
                .alerts_on(&session, plan.date_of(day))
                .iter()
                .map(|f| (f.alert.map_or("severe", |a| a.id.as_str()), f.urgency))
                .collect();
            let want: Vec<(&str, Urgency)> = want.iter().map(|id| (*id, Urgency::Call)).collect();
            assert_eq!(fired, want, "Day {day}");
        }
        // No alert of the plan stops before its sign of lasting redness does.
        let sign = rules
            .warnings
            .iter()
            .find(|w| w.id == "redness-beyond-14-days")
            .unwrap();
        for alert in &rules.alerts {
            assert!(alert.until_hours >= sign.until_hours, "{}", alert.id);
        }
    }
}
