use super::*;
use crate::rules::Rules;
use chrono::NaiveDate;
use chrono_tz::Europe::Berlin;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

const FIRST: &str = "2026-11-28T10:00:00+01:00";
const NEXT: &str = "2027-01-02T11:00:00+01:00";

/// Session 1 on Sat 28 Nov 10:00, the next recorded for Sat 2 Jan 11:00; the next one's
/// "Tell provider" ticked on Thu 31 Dec.
fn series() -> State {
    let first = Session::new(at(FIRST));
    let mut next = Session::new(at(NEXT));
    let date = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
    next.ticks
        .entry(date)
        .or_default()
        .insert("before-tell-provider".to_string());
    State {
        sessions: vec![first, next],
        ..State::default()
    }
}

fn ids(list: &Option<Checklist>) -> Vec<(String, bool)> {
    list.iter()
        .flat_map(|l| l.tasks.iter().map(|t| (t.id.clone(), t.done)))
        .collect()
}

#[test]
fn the_next_treatments_preparation_is_open_from_a_week_before_until_its_hour() {
    let rules = Rules::builtin().unwrap();
    let state = series();
    let first = &state.sessions[0];
    let plan = Plan::new(&rules, at(NEXT), Berlin);
    // (now, the open preparation's tasks with whether each is ticked)
    let prep = |ticked: bool| {
        vec![
            ("before-tell-provider".to_string(), ticked),
            ("before-ask-products-to-stop".to_string(), false),
            ("before-postpone-if-flare-up".to_string(), false),
            ("before-no-exfoliants".to_string(), false),
            ("before-avoid-sun".to_string(), false),
        ]
    };
    let cases = [
        // Nothing before the day the preparation opens on, a week before (Sat 26 Dec
        // 11:00), as a first treatment's Day -6 shows it from the morning.
        ("2026-12-25T23:59:00+01:00", vec![]),
        ("2026-12-26T00:00:00+01:00", prep(false)),
        // The tick on 31 Dec is the next treatment's: not there the day before ...
        ("2026-12-30T09:00:00+01:00", prep(false)),
        ("2026-12-31T09:00:00+01:00", prep(true)),
        // ... and a thing to do once stays done to the treatment's hour.
        ("2027-01-02T09:00:00+01:00", prep(true)),
        ("2027-01-02T10:59:00+01:00", prep(true)),
        // From its hour the next treatment is the one in force.
        ("2027-01-02T11:00:00+01:00", vec![]),
    ];
    for (now, want) in cases {
        let now = at(now);
        let next = next_treatment(&state, first, now);
        let list = next.and_then(|next| open_at(&plan, &state, next, now, Wording::Short));
        assert_eq!(ids(&list), want, "{now}");
    }
}

#[test]
fn no_preparation_without_a_later_treatment_recorded() {
    let state = State {
        sessions: vec![Session::new(at(FIRST))],
        ..State::default()
    };
    let now = at("2026-12-30T09:00:00+01:00");
    assert!(next_treatment(&state, &state.sessions[0], now).is_none());
}

#[test]
fn remind_lists_the_preparation_to_do_that_is_due_and_not_ticked() {
    let rules = Rules::builtin().unwrap();
    let state = series();
    let next = &state.sessions[1];
    let plan = Plan::new(&rules, at(NEXT), Berlin);
    let due = |now: &str| -> Vec<String> {
        due_at(&plan, next, at(now))
            .into_iter()
            .map(|d| d.id)
            .collect()
    };
    // Things to do; nothing to avoid is "due". Ticked on 31 Dec (once), "Tell provider"
    // is not, from then to the treatment.
    assert_eq!(
        due("2026-12-30T09:00:00+01:00"),
        [
            "before-tell-provider",
            "before-ask-products-to-stop",
            "before-postpone-if-flare-up"
        ]
    );
    assert_eq!(
        due("2027-01-02T09:00:00+01:00"),
        ["before-ask-products-to-stop", "before-postpone-if-flare-up"]
    );
    assert!(due("2027-01-02T11:00:00+01:00").is_empty());
}
