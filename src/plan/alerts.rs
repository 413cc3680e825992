//! Which of the plan's alerts a day's check-in sets off.

use super::Plan;
use crate::rules::Alert;
use crate::store::Session;
use chrono::{NaiveDate, TimeZone};

/// An alert set off by a reading, with the readings that did it.
#[derive(Debug, Clone, PartialEq)]
pub struct Firing<'r> {
    pub alert: &'r Alert,
    pub rating: u8,
    /// The same symptom's rating at the check-in before, for `rising` alerts.
    pub previous: Option<u8>,
}

impl<'r, Tz: TimeZone> Plan<'r, Tz> {
    /// The alerts the check-in of `date` sets off; none when there is no check-in that day.
    pub fn alerts_on(&self, session: &Session, date: NaiveDate) -> Vec<Firing<'r>> {
        let Some(checkin) = session.checkins.get(&date) else {
            return Vec::new();
        };
        let day = self.day_bounds(date);
        self.rules()
            .alerts
            .iter()
            .filter(|a| self.at_hours(a.from_hours) < day.1 && self.at_hours(a.until_hours) > day.0)
            .filter_map(|alert| {
                let rating = *checkin.ratings.get(&alert.symptom)?;
                let previous = session
                    .checkins
                    .range(..date)
                    .rev()
                    .find_map(|(_, c)| c.ratings.get(&alert.symptom).copied());
                let high = alert.at_least.is_some_and(|n| rating >= n);
                let rising = alert.rising && previous.is_some_and(|p| rating > p);
                (high || rising).then_some(Firing {
                    alert,
                    rating,
                    previous,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::plan::Plan;
    use crate::rules::Rules;
    use crate::store::{CheckIn, Session};
    use chrono::DateTime;
    use chrono_tz::Europe::Berlin;

    const RULES: &str = r#"{"format":1,"name":"t","procedure":"t","disclaimer":"d",
        "rules":[{"id":"a","title":"a","kind":"do","from_hours":0,"until_hours":400,"rationale":"r","sources":[]}],
        "symptoms":[{"id":"red","title":"Redness"},{"id":"swell","title":"Swelling"}],
        "alerts":[
          {"id":"late-red","title":"Still red","symptom":"red","at_least":3,"from_hours":168,"until_hours":400,"message":"Call","sources":[]},
          {"id":"swell-up","title":"Swelling up","symptom":"swell","rising":true,"from_hours":72,"until_hours":400,"message":"Call","sources":[]}]}"#;

    fn checkin(red: u8, swell: u8) -> CheckIn {
        let mut c = CheckIn::default();
        c.ratings.insert("red".into(), red);
        c.ratings.insert("swell".into(), swell);
        c
    }

    #[test]
    fn thresholds_and_rises_fire_only_inside_their_windows() {
        let rules = Rules::parse(RULES, "t").unwrap();
        let at = DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap();
        let plan = Plan::new(&rules, at, Berlin);
        let mut session = Session::new(at);
        for (day, red, swell) in [(1, 4, 3), (3, 4, 1), (5, 2, 2), (8, 3, 2), (9, 1, 1)] {
            session
                .checkins
                .insert(plan.date_of(day), checkin(red, swell));
        }
        let fired = |day: i64| -> Vec<String> {
            plan.alerts_on(&session, plan.date_of(day))
                .iter()
                .map(|f| f.alert.id.clone())
                .collect()
        };
        assert!(fired(1).is_empty(), "red 4 on day 1 is expected");
        assert!(fired(3).is_empty(), "swelling fell");
        assert_eq!(fired(5), ["swell-up"]);
        // Day 8 starts after 168 h (treatment at 14:00 on day 1): red 3 fires.
        assert_eq!(fired(8), ["late-red"]);
        assert!(fired(9).is_empty());
        assert!(fired(2).is_empty(), "no check-in, no alert");
        let firing = &plan.alerts_on(&session, plan.date_of(5))[0];
        assert_eq!((firing.rating, firing.previous), (2, Some(1)));
    }
}
