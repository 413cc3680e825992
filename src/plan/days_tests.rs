//! Windows written in local days: each end is the local midnight of a plan day in the
//! patient's zone, whatever the time of the treatment and across changes of clocks.

use super::{Plan, ShownDays};
use crate::rules::Rules;
use chrono::DateTime;
use chrono_tz::Tz;

fn plan_with(window: &str) -> Rules {
    let text = format!(
        r#"{{"format":2,"name":"t","procedure":"t","disclaimer":"d",
        "rules":[{{"id":"r","title":"R","kind":"avoid",{window},"rationale":"r","sources":[]}}]}}"#
    );
    Rules::parse(&text, "t").unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn day_windows_open_and_close_at_local_midnights() {
    // (zone, treatment, window, opens, closes, days it shows on)
    type Case = (
        Tz,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        (i64, i64),
    );
    let cases: [Case; 7] = [
        // The worked example of docs/rules.md: 14:00, days 3–5.
        (
            chrono_tz::Europe::Berlin,
            "2026-11-20T14:00:00+01:00",
            r#""from_day":3,"until_day":5"#,
            "2026-11-22T00:00:00+01:00",
            "2026-11-25T00:00:00+01:00",
            (3, 5),
        ),
        // Clocks go forward on Day 2 (29 March): that day has 23 hours.
        (
            chrono_tz::Europe::Berlin,
            "2026-03-28T22:30:00+01:00",
            r#""from_day":2,"until_day":2"#,
            "2026-03-29T00:00:00+01:00",
            "2026-03-30T00:00:00+02:00",
            (2, 2),
        ),
        // Clocks go back on Day 3 (1 November in New York): 25 hours.
        (
            chrono_tz::America::New_York,
            "2026-10-30T09:00:00-04:00",
            r#""from_day":3,"until_day":3"#,
            "2026-11-01T00:00:00-04:00",
            "2026-11-02T00:00:00-05:00",
            (3, 3),
        ),
        // A treatment a minute before midnight: Day 1 is nearly over.
        (
            chrono_tz::Asia::Kolkata,
            "2026-06-10T23:59:00+05:30",
            r#""from_hours":0,"until_day":1"#,
            "2026-06-10T23:59:00+05:30",
            "2026-06-11T00:00:00+05:30",
            (1, 1),
        ),
        // Leap day: Day 1 is 29 February, Day 2 the 1st of March.
        (
            chrono_tz::Europe::London,
            "2028-02-28T10:00:00+00:00",
            r#""from_day":2,"until_day":3"#,
            "2028-02-29T00:00:00+00:00",
            "2028-03-02T00:00:00+00:00",
            (2, 3),
        ),
        // Days before the treatment: the week before, to the end of the day before.
        (
            chrono_tz::Europe::Berlin,
            "2026-11-20T14:00:00+01:00",
            r#""from_day":-6,"until_day":0"#,
            "2026-11-13T00:00:00+01:00",
            "2026-11-20T00:00:00+01:00",
            (-6, 0),
        ),
        // São Paulo skipped midnight on 4 November 2018: Day 2 began at 01:00.
        (
            chrono_tz::America::Sao_Paulo,
            "2018-11-03T12:00:00-03:00",
            r#""from_day":2,"until_day":2"#,
            "2018-11-04T01:00:00-02:00",
            "2018-11-05T00:00:00-02:00",
            (2, 2),
        ),
    ];
    for (tz, at, window, opens, closes, days) in cases {
        let rules = plan_with(window);
        let at = DateTime::parse_from_rfc3339(at).unwrap();
        let plan = Plan::new(&rules, at, tz);
        let rule = &rules.rules[0];
        let (from, until) = plan.span(rule);
        let want = |s: &str| DateTime::parse_from_rfc3339(s).unwrap();
        assert_eq!((from, until), (want(opens), want(closes)), "{tz} {window}");
        let got = plan.rule_days(rule).map(|d| (d.first, d.last));
        assert_eq!(got, Some(days), "{tz} {window}");
        // Day by day, the rule is on exactly those days.
        let on: Vec<i64> = (plan.first_day()..=plan.last_day())
            .filter(|&d| plan.day(d).tasks.iter().any(|t| t.rule.id == "r"))
            .collect();
        let expected: Vec<i64> = if days.1 <= 0 || days.0 >= 1 {
            (days.0..=days.1).collect()
        } else {
            (days.0..=days.1).filter(|&d| d <= 0).collect()
        };
        assert_eq!(on, expected, "{tz} {window}");
    }
}

#[test]
fn days_and_hours_differ_as_the_guide_says() {
    // "days 3–5" written as 48–120 h after a 14:00 treatment still shows on Day 6.
    let at = DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap();
    let tz = chrono_tz::Europe::Berlin;
    let hours = plan_with(r#""from_hours":48,"until_hours":120"#);
    let days = plan_with(r#""from_day":3,"until_day":5"#);
    assert_eq!(
        Plan::new(&hours, at, tz).rule_days(&hours.rules[0]),
        Some(ShownDays::between(3, 6))
    );
    assert_eq!(
        Plan::new(&days, at, tz).rule_days(&days.rules[0]),
        Some(ShownDays::between(3, 5))
    );
}
