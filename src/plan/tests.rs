//! Table tests of the engine with fixed instants and real time zones.

use super::*;
use crate::rules::Rules;
use chrono::{DateTime, FixedOffset, NaiveDate};
use chrono_tz::America::{New_York, Sao_Paulo};
use chrono_tz::Europe::Berlin;

/// A plan with one rule per (id, kind, from, until, repeat).
pub(super) fn rules(list: &[(&str, &str, i64, i64, &str)]) -> Rules {
    let rules: Vec<String> = list
        .iter()
        .map(|(id, kind, from, until, repeat)| {
            format!(
                r#"{{"id":"{id}","title":"{id}","kind":"{kind}","from_hours":{from},"until_hours":{until},"repeat":"{repeat}","rationale":"r","sources":[]}}"#
            )
        })
        .collect();
    let text = format!(
        r#"{{"format":1,"name":"t","procedure":"t","disclaimer":"d","rules":[{}],
            "phases":[{{"id":"red","title":"Red","from_hours":0,"until_hours":48}}]}}"#,
        rules.join(",")
    );
    Rules::parse(&text, "test").unwrap()
}

pub(super) fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

pub(super) fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// The days (number, date) on which `rule_id` shows.
pub(super) fn days_of<Tz: TimeZone>(plan: &Plan<'_, Tz>, rule_id: &str) -> Vec<(i64, String)> {
    plan.days()
        .filter(|d| d.tasks.iter().any(|t| t.rule.id == rule_id))
        .map(|d| (d.day, d.date.to_string()))
        .collect()
}

#[test]
fn windows_touch_the_days_they_overlap() {
    let r = rules(&[
        ("makeup", "avoid", 0, 48, "daily"),
        ("hour", "avoid", 0, 1, "daily"),
    ]);
    // (treatment, rule, expected days)
    type Case<'a> = (&'a str, &'a str, &'a [(i64, &'a str)]);
    let cases: [Case<'_>; 5] = [
        // 48 h from 14:00 ends at 14:00 on Day 3.
        (
            "2026-11-20T14:00:00+01:00",
            "makeup",
            &[(1, "2026-11-20"), (2, "2026-11-21"), (3, "2026-11-22")],
        ),
        // From midnight, 48 h ends exactly at a midnight: Day 3 is not touched.
        (
            "2026-11-20T00:00:00+01:00",
            "makeup",
            &[(1, "2026-11-20"), (2, "2026-11-21")],
        ),
        // A minute before midnight: Day 1 is that day, and one hour spills into Day 2.
        (
            "2026-11-20T23:59:00+01:00",
            "hour",
            &[(1, "2026-11-20"), (2, "2026-11-21")],
        ),
        ("2026-11-20T22:00:00+01:00", "hour", &[(1, "2026-11-20")]),
        // An instant recorded in another offset still belongs to the local day.
        ("2026-11-20T23:30:00+00:00", "hour", &[(1, "2026-11-21")]),
    ];
    for (treatment, rule, want) in cases {
        let plan = Plan::new(&r, at(treatment), Berlin);
        let want: Vec<(i64, String)> = want.iter().map(|(d, s)| (*d, s.to_string())).collect();
        assert_eq!(days_of(&plan, rule), want, "{treatment} {rule}");
    }
}

#[test]
fn windows_are_exact_hours_across_dst() {
    let r = rules(&[("makeup", "avoid", 0, 48, "daily")]);
    // Spring forward (29 Mar 2026 in Berlin): 48 h after 14:00 CET is 15:00 CEST.
    let plan = Plan::new(&r, at("2026-03-28T14:00:00+01:00"), Berlin);
    let day2 = plan.day(2);
    assert_eq!(day2.date, date("2026-03-29"));
    assert_eq!((day2.ends - day2.starts).num_hours(), 23);
    assert_eq!(
        plan.local(day2.tasks[0].ends).to_rfc3339(),
        "2026-03-30T15:00:00+02:00"
    );
    assert_eq!(days_of(&plan, "makeup").len(), 3);
    // Fall back (25 Oct 2026): the day is 25 hours long, 48 h after 14:00 CEST is 13:00 CET.
    let plan = Plan::new(&r, at("2026-10-24T14:00:00+02:00"), Berlin);
    let day2 = plan.day(2);
    assert_eq!((day2.ends - day2.starts).num_hours(), 25);
    assert_eq!(
        plan.local(day2.tasks[0].ends).to_rfc3339(),
        "2026-10-26T13:00:00+01:00"
    );
}

#[test]
fn a_day_whose_midnight_is_skipped_starts_when_clocks_resume() {
    // São Paulo moved clocks from 00:00 to 01:00 on 4 Nov 2018.
    let r = rules(&[("a", "do", 0, 72, "daily")]);
    let plan = Plan::new(&r, at("2018-11-03T12:00:00-03:00"), Sao_Paulo);
    let day2 = plan.day(2);
    assert_eq!(day2.date, date("2018-11-04"));
    assert_eq!(
        plan.local(day2.starts).to_rfc3339(),
        "2018-11-04T01:00:00-02:00"
    );
    assert_eq!((day2.ends - day2.starts).num_hours(), 23);
}

#[test]
fn leap_day_and_year_end_are_ordinary_days() {
    let r = rules(&[("a", "do", 0, 72, "daily")]);
    let plan = Plan::new(&r, at("2028-02-28T10:00:00+01:00"), Berlin);
    assert_eq!(plan.date_of(2), date("2028-02-29"));
    assert_eq!(plan.date_of(3), date("2028-03-01"));
    let plan = Plan::new(&r, at("2026-12-31T20:00:00+01:00"), Berlin);
    assert_eq!(
        days_of(&plan, "a").last().unwrap(),
        &(4, "2027-01-03".to_string())
    );
}

#[test]
fn the_same_instant_falls_on_different_days_in_different_zones() {
    let r = rules(&[("a", "do", 0, 24, "daily")]);
    let treatment = at("2026-11-21T03:00:00+01:00");
    assert_eq!(
        Plan::new(&r, treatment, Berlin).date_of(1),
        date("2026-11-21")
    );
    assert_eq!(
        Plan::new(&r, treatment, New_York).date_of(1),
        date("2026-11-20")
    );
}

/// The plan remembers each date's midnight: asked in any order, twice, inside the plan's days
/// and beyond them, across both changes of clocks and São Paulo's skipped midnight, it gives
/// what the time zone gives.
#[test]
fn day_bounds_are_the_zones_midnights_however_often_asked() {
    let r = rules(&[("long", "do", -48, 24 * 200, "daily")]);
    let cases = [
        ("2026-11-20T14:00:00+01:00", Berlin),
        ("2018-10-20T14:00:00-03:00", Sao_Paulo),
        ("2026-03-01T09:00:00-05:00", New_York),
    ];
    for (treatment, tz) in cases {
        let plan = Plan::new(&r, at(treatment), tz);
        let dates = (plan.first_day() - 3..=plan.last_day() + 3).map(|d| plan.date_of(d));
        let backwards: Vec<NaiveDate> = dates.clone().rev().collect();
        for date in dates.chain(backwards) {
            let want = (
                wall_clock::local_midnight(&tz, date),
                wall_clock::local_midnight(&tz, date.succ_opt().unwrap()),
            );
            assert_eq!(plan.day_bounds(date), want, "{tz} {date}");
            assert_eq!(plan.day_bounds(date), want, "{tz} {date}, asked again");
        }
    }
    // São Paulo's 4 Nov 2018 began at 01:00, when the clocks resumed.
    let plan = Plan::new(&r, at("2018-10-20T14:00:00-03:00"), Sao_Paulo);
    let (starts, ends) = plan.day_bounds(date("2018-11-04"));
    assert_eq!(starts, at("2018-11-04T01:00:00-02:00"));
    assert_eq!(ends - starts, Duration::hours(23));
}
