//! No input makes the rules parser, the time parser or the plan engine panic, and the engine's
//! days always hold together. (Issue 4, item 4.)

use aftercare::plan::Plan;
use aftercare::rules::{Repeat, Rules, Segment, Windowed, line_column, locate};
use aftercare::timearg::parse_time;
use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use chrono_tz::Tz;
use proptest::prelude::*;
use std::collections::BTreeSet;

/// Zones with DST both ways, a midnight DST gap, half-hour offsets and the date line.
const ZONES: [Tz; 7] = [
    chrono_tz::Europe::Berlin,
    chrono_tz::America::New_York,
    chrono_tz::America::Sao_Paulo,
    chrono_tz::Australia::Lord_Howe,
    chrono_tz::Asia::Kolkata,
    chrono_tz::Pacific::Kiritimati,
    chrono_tz::UTC,
];

fn rules_json(windows: &[(i64, i64, u8)]) -> String {
    let repeats = ["once", "daily", "morning_and_evening"];
    let rules: Vec<String> = windows
        .iter()
        .enumerate()
        .map(|(i, (from, len, repeat))| {
            format!(
                r#"{{"id":"r{i}","title":"t","kind":"{}","from_hours":{from},"until_hours":{},"repeat":"{}","rationale":"r","sources":[]}}"#,
                if i % 2 == 0 { "do" } else { "avoid" },
                from + len,
                repeats[usize::from(*repeat) % 3]
            )
        })
        .collect();
    format!(
        r#"{{"format":1,"name":"p","procedure":"p","disclaimer":"d","rules":[{}]}}"#,
        rules.join(",")
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_rules_parser_never_panics_on_any_text(text in "\\PC{0,300}") {
        let _ = Rules::parse(&text, "fuzz.json");
    }

    #[test]
    fn the_rules_parser_never_panics_on_damaged_json(cut in 0usize..2000, byte in any::<u8>()) {
        let good = aftercare::rules::BUILTIN_JSON.as_bytes();
        let mut damaged = good.to_vec();
        let at = cut % good.len();
        damaged[at] = byte;
        if let Ok(text) = std::str::from_utf8(&damaged) {
            let _ = Rules::parse(text, "fuzz.json");
        }
        if let Ok(text) = std::str::from_utf8(&good[..at]) {
            prop_assert!(Rules::parse(text, "cut.json").is_err());
        }
    }

    #[test]
    fn locating_a_path_never_panics_or_hangs(text in "[\\[\\]{}\",: a-z0-9\\\\]{0,80}", key in "[a-z]{1,3}", index in 0usize..4) {
        let offset = locate(&text, &[Segment::Key(&key), Segment::Index(index), Segment::Key("id")]);
        prop_assert!(offset <= text.len());
        let _ = line_column(&text, offset);
    }

    #[test]
    fn the_time_parser_never_panics(text in "\\PC{0,40}", zone in 0usize..ZONES.len()) {
        let _ = parse_time(&text, &ZONES[zone]);
    }

    #[test]
    fn local_times_round_trip_unless_in_a_dst_gap(minutes in 0i64..(60 * 24 * 366 * 3), zone in 0usize..ZONES.len()) {
        let tz = ZONES[zone];
        let instant = Utc.timestamp_opt(1_767_225_600 + minutes * 60, 0).unwrap().with_timezone(&tz);
        let typed = instant.format("%Y-%m-%d %H:%M").to_string();
        let parsed = parse_time(&typed, &tz).unwrap();
        // In the repeated hour of a fall-back the earlier instant is meant.
        prop_assert!(parsed <= instant.fixed_offset());
        prop_assert_eq!(parsed.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string(), typed);
    }

    #[test]
    fn every_day_of_any_plan_holds_together(
        windows in prop::collection::vec((-2000i64..2000, 1i64..3000, any::<u8>()), 1..12),
        minutes in 0i64..(60 * 24 * 366 * 3),
        zone in 0usize..ZONES.len(),
    ) {
        let rules = Rules::parse(&rules_json(&windows), "gen.json").unwrap();
        let tz = ZONES[zone];
        let treatment: DateTime<FixedOffset> =
            Utc.timestamp_opt(1_767_225_600 + minutes * 60, 0).unwrap().fixed_offset();
        let plan = Plan::new(&rules, treatment, tz);
        prop_assert!(plan.first_day() <= 1 && plan.last_day() >= 1);
        let mut previous_end = None;
        for day in plan.days() {
            // Days are contiguous: each starts where the last ended, 22–26 h long.
            if let Some(end) = previous_end {
                prop_assert_eq!(day.starts, end);
            }
            let hours = (day.ends - day.starts).num_minutes() as f64 / 60.0;
            prop_assert!((22.0..=26.0).contains(&hours), "{} h", hours);
            previous_end = Some(day.ends);
            prop_assert_eq!(plan.day_of(day.starts), day.day);
            for task in &day.tasks {
                prop_assert!(task.starts < day.ends && task.ends > day.starts);
                prop_assert!(plan.find_rule(&task.id()).is_some());
            }
        }
        // Every window shows on at least one day (unless it is preparation that ends on Day 1,
        // or a task on Day 1 alone that the treatment left no time for).
        for rule in &rules.rules {
            let shown = plan.days().any(|d| d.tasks.iter().any(|t| t.rule.id == rule.id));
            let prep_on_day_one = rule.window().ends_by_treatment() && plan.day_of(plan.span(rule).0) >= 1;
            let (from, until) = plan.span(rule);
            let only_day_one = plan.days_touched(from, until) == Some(1..=1);
            prop_assert!(shown || prep_on_day_one || only_day_one, "{} never shown", rule.id);
        }
    }

    /// `plan --json --windows` rests on this: the days the per-rule view gives each task are
    /// exactly the days `Plan::day` lists it on, in every zone.
    #[test]
    fn each_rule_shows_on_exactly_the_days_the_per_rule_view_gives(
        windows in prop::collection::vec((-300i64..300, 1i64..200, any::<u8>()), 1..8),
        minutes in 0i64..(60 * 24 * 366 * 3),
        zone in 0usize..ZONES.len(),
    ) {
        let rules = Rules::parse(&rules_json(&windows), "gen.json").unwrap();
        let treatment: DateTime<FixedOffset> =
            Utc.timestamp_opt(1_767_225_600 + minutes * 60, 0).unwrap().fixed_offset();
        let plan = Plan::new(&rules, treatment, ZONES[zone]);
        let mut listed = BTreeSet::new();
        for day in plan.days() {
            listed.extend(day.tasks.iter().map(|t| (t.id(), day.day)));
        }
        let mut derived = BTreeSet::new();
        for resolved in plan.rule_windows() {
            let id = &resolved.rule.id;
            if resolved.rule.repeat != Repeat::MorningAndEvening {
                derived.extend(resolved.days.iter().flat_map(|d| d.iter()).map(|d| (id.clone(), d)));
            }
            for (slot, days) in resolved.slots {
                derived.extend(days.iter().map(|d| (format!("{id}@{}", slot.as_str()), d)));
            }
        }
        prop_assert_eq!(listed, derived);
    }
}
