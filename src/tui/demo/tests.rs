use super::*;
use chrono_tz::Europe::Berlin;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn demo() -> Demo {
    Demo {
        treatment: at("2026-11-20T14:00:00+01:00"),
        earliest: at("2026-11-13T00:00:00+01:00"),
        latest: at("2027-01-03T00:00:00+01:00"),
        playing: false,
    }
}

#[test]
fn the_plan_bounds_the_clock() {
    let rules = Rules::builtin().unwrap();
    let plan = Plan::new(&rules, at("2026-11-20T14:00:00+01:00"), Berlin);
    assert_eq!(Demo::for_plan(&plan), demo());
}

#[test]
fn hours_step_both_ways_and_stop_at_the_ends() {
    let d = demo();
    assert_eq!(
        d.step_hours(d.treatment, 1),
        at("2026-11-20T15:00:00+01:00")
    );
    assert_eq!(
        d.step_hours(d.treatment, -3),
        at("2026-11-20T11:00:00+01:00")
    );
    assert_eq!(d.step_hours(d.treatment, -10_000), d.earliest);
    assert_eq!(d.step_hours(d.treatment, 10_000), d.latest);
}

#[test]
fn days_keep_the_time_of_day_across_a_dst_change() {
    let d = Demo {
        treatment: at("2027-03-26T09:00:00+01:00"),
        earliest: at("2027-03-01T00:00:00+01:00"),
        latest: at("2027-05-01T00:00:00+02:00"),
        playing: false,
    };
    // Berlin springs forward on Sunday 28 March 2027.
    let sunday = d.step_days(d.treatment, 2, &Berlin);
    assert_eq!(sunday, at("2027-03-28T09:00:00+02:00"));
    assert_eq!(d.step_days(sunday, -2, &Berlin), d.treatment);
}

#[test]
fn play_moves_two_hours_a_frame_and_stops_at_the_end() {
    let d = demo();
    assert_eq!(
        d.play_step(d.treatment),
        (at("2026-11-20T16:00:00+01:00"), true)
    );
    // Twelve frames make a day.
    let mut now = d.treatment;
    for _ in 0..12 {
        now = d.play_step(now).0;
    }
    assert_eq!(now, at("2026-11-21T14:00:00+01:00"));
    let near_end = d.latest - Duration::hours(1);
    assert_eq!(d.play_step(near_end), (d.latest, false));
    // Play at the end starts over from the treatment.
    assert_eq!(d.play_from(d.latest), d.treatment);
    assert_eq!(d.play_from(near_end), near_end);
}

#[test]
fn about_a_day_passes_each_second_of_play() {
    let frames_per_second = 1000 / PLAY_INTERVAL.as_millis() as i64;
    assert_eq!(PLAY_STEP * frames_per_second as i32, Duration::hours(24));
}
