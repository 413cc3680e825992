//! The engine knows nothing about microneedling: plans for other (invented) procedures work
//! the same way, and the core modules name no procedure.

use aftercare::checklist::Checklist;
use aftercare::plan::Plan;
use aftercare::rules::Rules;
use chrono::DateTime;
use chrono_tz::Europe::Berlin;

fn fixture(name: &str) -> Rules {
    let path = format!("{}/tests/fixtures/plans/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap();
    Rules::from_bytes(&bytes, &path).unwrap_or_else(|e| panic!("{e}"))
}

fn ids(plan: &Plan<'_, chrono_tz::Tz>, day: i64) -> Vec<String> {
    plan.day(day).tasks.iter().map(|t| t.id()).collect()
}

#[test]
fn a_tattoo_plan_runs_on_the_same_engine() {
    let rules = fixture("tattoo.json");
    let plan = Plan::new(
        &rules,
        DateTime::parse_from_rfc3339("2026-11-20T18:00:00+01:00").unwrap(),
        Berlin,
    );
    assert_eq!((plan.first_day(), plan.last_day()), (1, 22));
    assert_eq!(
        ids(&plan, 1),
        ["keep-bandage", "wash@evening", "no-swimming"]
    );
    assert_eq!(
        ids(&plan, 2),
        ["wash@morning", "wash@evening", "no-swimming"]
    );
    assert_eq!(ids(&plan, 22), ["no-swimming"]);
    let now = DateTime::parse_from_rfc3339("2026-11-20T19:00:00+01:00").unwrap();
    let day1 = Checklist::build(&plan, 1, None, now);
    assert_eq!(day1.tasks[0].when, "by 22:00 · 3 h left");
    assert_eq!(day1.phases[0].id, "oozing");
}

#[test]
fn a_dental_plan_with_preparation_and_no_sources_works() {
    let rules = fixture("dental.json");
    let plan = Plan::new(
        &rules,
        DateTime::parse_from_rfc3339("2026-11-20T09:00:00+01:00").unwrap(),
        Berlin,
    );
    assert_eq!(plan.first_day(), 0);
    assert_eq!(ids(&plan, 0), ["fast"]);
    assert_eq!(ids(&plan, 1), ["no-straws"]);
    assert_eq!(ids(&plan, 6), ["follow-up"]);
    assert_eq!(plan.last_day(), 11);
}

#[test]
fn the_core_names_no_procedure() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    let core = [
        "plan/mod.rs",
        "plan/day.rs",
        "plan/when.rs",
        "checklist.rs",
        "store/mod.rs",
        "store/file.rs",
        "timearg.rs",
        "clock.rs",
    ];
    for file in core {
        let text = std::fs::read_to_string(format!("{root}/{file}"))
            .unwrap()
            .to_lowercase();
        for word in ["microneedl", "sunscreen", "makeup", "retinoid", "redness"] {
            assert!(!text.contains(word), "{file} mentions {word:?}");
        }
    }
}
