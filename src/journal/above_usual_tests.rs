use super::*;
use crate::journal::alerts_on;
use crate::rules::Rules;
use crate::store::CheckIn;
use chrono::DateTime;
use chrono_tz::Europe::Berlin;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

/// Treated Fri 20 Nov 14:00 (Berlin), with one check-in on `d` of `ratings`.
fn session(d: u32, ratings: &[(&str, u8)]) -> Session {
    let at = DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap();
    let mut s = Session::new(at);
    let mut c = CheckIn::default();
    for (id, r) in ratings {
        c.ratings.insert((*id).to_string(), *r);
    }
    s.checkins.insert(day(d), c);
    s
}

#[test]
fn a_rating_well_above_the_usual_course_without_an_alert_is_said() {
    let rules = Rules::builtin().unwrap();
    let at = DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap();
    let plan = Plan::new(&rules, at, Berlin);
    // (day of November, ratings, what is said: (symptom, rating, usual))
    type Case<'a> = (u32, &'a [(&'a str, u8)], &'a [(&'a str, u8, u8)]);
    let cases: [Case<'_>; 8] = [
        // Day 2 (22 h after at noon): swelling usually about 1, so a 4 is said.
        (21, &[("swelling", 4)], &[("swelling", 4, 1)]),
        // A 3 is under two steps above (1.08 + 2): not said.
        (21, &[("swelling", 3)], &[]),
        // Redness is usually about 2 on Day 2 (2.08): a 4 is not two steps above; on Day 4
        // (about 1, no alert yet for a 3) a 3 is.
        (
            21,
            &[("redness", 4), ("swelling", 4)],
            &[("swelling", 4, 1)],
        ),
        (23, &[("redness", 3)], &[("redness", 3, 1)]),
        // Day 1, at the treatment (14:00, after noon): swelling usually 2, so 4 is said.
        (20, &[("swelling", 4)], &[("swelling", 4, 2)]),
        // A 5 is the severe alert's, never "above usual".
        (21, &[("discomfort", 5)], &[]),
        // Dryness is usually 2 on Days 2–3: a 3 is not said.
        (21, &[("dryness", 3)], &[]),
        // Day 3 (Sun 22 Nov): swelling 4 sets off the plan's call-today alert, which says it.
        (22, &[("swelling", 4)], &[]),
    ];
    for (d, ratings, want) in cases {
        let s = session(d, ratings);
        let alerts = alerts_on(&plan, &s, day(d), plan.day_bounds(day(d)).1);
        let got: Vec<(String, u8, u8)> = above_usual_on(&plan, &s, day(d), &alerts)
            .into_iter()
            .map(|a| (a.symptom, a.rating, a.usual))
            .collect();
        let want: Vec<(String, u8, u8)> = want
            .iter()
            .map(|(id, r, u)| ((*id).to_string(), *r, *u))
            .collect();
        assert_eq!(got, want, "Day of {d} Nov: {ratings:?}");
    }
    // A symptom is named short, as the alerts name it: "tenderness" for "Tenderness or
    // discomfort", whose full title cut the main screen's notice.
    let s = session(21, &[("discomfort", 4)]);
    let alerts = alerts_on(&plan, &s, day(21), plan.day_bounds(day(21)).1);
    let named: Vec<String> = above_usual_on(&plan, &s, day(21), &alerts)
        .into_iter()
        .map(|a| a.name)
        .collect();
    assert_eq!(named, ["tenderness"]);
    // Day 3's swelling 4 is an alert indeed.
    let s = session(22, &[("swelling", 4)]);
    assert!(
        alerts_on(&plan, &s, day(22), plan.day_bounds(day(22)).1)
            .iter()
            .any(|a| a.symptom == "swelling")
    );
}

#[test]
fn the_words_send_the_patient_to_the_warning_signs() {
    let items = [AboveUsual {
        symptom: "swelling".into(),
        name: "swelling".into(),
        rating: 4,
        usual: 1,
    }];
    assert_eq!(
        above_usual_words(&items, 2).as_deref(),
        Some(
            "Above the usual for Day 2: swelling 4 (usually about 1). If a warning sign fits \
             (such as severe pain), call your clinic today; if not, check in again tomorrow."
        )
    );
    let notice = above_usual_notice(&items).unwrap();
    assert_eq!(
        notice,
        "Saved · call today if a warning sign fits (s) · above usual: swelling 4 (~1)"
    );
    // It fits the footer's one row at 80 columns (78 after its margins).
    assert!(notice.chars().count() <= 78, "{notice}");
    // Two symptoms: the advice comes first, so the footer's one row cuts only the list.
    let two = [
        AboveUsual {
            symptom: "swelling".into(),
            name: "swelling".into(),
            rating: 3,
            usual: 1,
        },
        AboveUsual {
            symptom: "discomfort".into(),
            name: "tenderness".into(),
            rating: 4,
            usual: 1,
        },
    ];
    let notice = above_usual_notice(&two).unwrap();
    let row: String = notice.chars().take(78).collect();
    assert!(
        row.starts_with(
            "Saved · call today if a warning sign fits (s) · above usual: swelling 3 (~1),"
        ),
        "{notice}"
    );
    assert_eq!(above_usual_words(&[], 2), None);
    assert_eq!(above_usual_notice(&[]), None);
}
