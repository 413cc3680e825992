//! Treatment times a patient most likely did not mean: a typo of the year (1990, 2030), or a
//! second treatment within days of another (a time corrected by adding instead of
//! replacing). Such a time is recorded only once the patient confirms it (`start --confirm`,
//! or Enter a second time on the welcome prompt).
//!
//! The limits: microneedling sessions of a series are spaced about four to six weeks apart
//! (`/work/shared/aftercare-facts.md`), so two within `MIN_SESSION_GAP_DAYS` of each other
//! are suspect; the plan runs for six weeks, so a treatment more than `MAX_AGE_DAYS` ago or
//! booked more than `MAX_AHEAD_DAYS` ahead is unlikely to be what the patient is recording.

use chrono::{DateTime, Datelike, Duration, FixedOffset, TimeZone};

/// Two treatments closer than this (in days) are most likely one typed twice.
pub const MIN_SESSION_GAP_DAYS: i64 = 7;
/// A treatment further back than this (in days, about a year) is most likely a typo.
pub const MAX_AGE_DAYS: i64 = 366;
/// A treatment further ahead than this (in days) is most likely a typo of the year.
pub const MAX_AHEAD_DAYS: i64 = 90;

/// Why a treatment time needs confirming.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Implausible {
    /// `days` days before now (more than `MAX_AGE_DAYS`).
    LongAgo { days: i64 },
    /// `days` days after now (more than `MAX_AHEAD_DAYS`).
    FarAhead { days: i64 },
    /// `days` days before now, so long that the whole plan of `plan_days` local days would
    /// already be over: nothing left to follow, most likely a typo of the year or month.
    PlanOver { days: i64, plan_days: i64 },
    /// Within `MIN_SESSION_GAP_DAYS` of the treatment recorded at `other`; `hours` apart.
    CloseTo {
        other: DateTime<FixedOffset>,
        hours: i64,
    },
}

impl std::fmt::Display for Implausible {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Implausible::LongAgo { days } => write!(f, "is {} ago", span(*days)),
            Implausible::FarAhead { days } => write!(f, "is {} from now", span(*days)),
            Implausible::PlanOver { days, plan_days } => write!(
                f,
                "is {} ago: its {plan_days}-day plan would already be over",
                span(*days)
            ),
            Implausible::CloseTo { other, hours } => write!(
                f,
                "is {} from the treatment of {}; sessions are weeks apart",
                if *hours < 48 {
                    format!("{hours} h")
                } else {
                    format!("{} days", hours / 24)
                },
                crate::dates::moment(*other)
            ),
        }
    }
}

/// "400 days", "4 years".
fn span(days: i64) -> String {
    if days >= 730 {
        format!("{} years", (days + 182) / 365)
    } else {
        format!("{days} days")
    }
}

/// Whether a treatment at `at`, recorded at `now` beside the treatments at `others`, needs
/// confirming; `None` when it looks like what a patient would mean. `others` leaves out a
/// treatment being moved. `plan_days` is the plan's last day number (`Plan::last_day`, 43
/// for the built-in plan): a treatment whose plan would be over by now (today, in the
/// treatment's own offset, is past that day) is a year or month typed wrong far more often
/// than a patient installing the app after the plan ended.
pub fn check(
    at: DateTime<FixedOffset>,
    now: DateTime<FixedOffset>,
    others: impl IntoIterator<Item = DateTime<FixedOffset>>,
    plan_days: i64,
) -> Option<Implausible> {
    let ahead = at - now;
    if ahead > Duration::days(MAX_AHEAD_DAYS) {
        return Some(Implausible::FarAhead {
            days: ahead.num_days(),
        });
    }
    if -ahead > Duration::days(MAX_AGE_DAYS) {
        return Some(Implausible::LongAgo {
            days: (-ahead).num_days(),
        });
    }
    // Day 1 is the treatment's local calendar day.
    let today = (now.with_timezone(at.offset()).date_naive() - at.date_naive()).num_days() + 1;
    if today > plan_days {
        return Some(Implausible::PlanOver {
            days: (-ahead).num_days(),
            plan_days,
        });
    }
    others
        .into_iter()
        .filter(|other| *other != at)
        .map(|other| (other, (at - other).abs()))
        .filter(|(_, gap)| *gap < Duration::days(MIN_SESSION_GAP_DAYS))
        .min_by_key(|(_, gap)| *gap)
        .map(|(other, gap)| Implausible::CloseTo {
            other,
            hours: gap.num_hours(),
        })
}

/// The time a patient most likely meant by `at`, when `check` doubts it for its year (long
/// ago, far ahead, or a plan already over): the same date and wall time in `tz` in last year,
/// this year or next (as of `now`), whichever of those `check` accepts and is nearest to
/// `now`. Typed 2025-11-28 10:00 on 30 Nov 2026 → 28 Nov 2026 10:00. `None` when `at` is not
/// doubted for its year, or no year makes it plausible (a wrong month stays the patient's
/// to say). 29 February has no other year near enough and is never moved.
pub fn likely_year<Tz: TimeZone>(
    at: DateTime<FixedOffset>,
    now: DateTime<FixedOffset>,
    others: &[DateTime<FixedOffset>],
    plan_days: i64,
    tz: &Tz,
) -> Option<DateTime<FixedOffset>> {
    let plausible = |t: DateTime<FixedOffset>| check(t, now, others.iter().copied(), plan_days);
    match plausible(at)? {
        Implausible::CloseTo { .. } => return None,
        Implausible::LongAgo { .. }
        | Implausible::FarAhead { .. }
        | Implausible::PlanOver { .. } => {}
    }
    let wall = at.with_timezone(tz).naive_local();
    let this_year = now.with_timezone(tz).year();
    (this_year - 1..=this_year + 1)
        .filter(|year| *year != wall.year())
        .filter_map(|year| wall.with_year(year))
        // A wall time the clocks skip that year is not offered.
        .filter_map(|wall| tz.from_local_datetime(&wall).earliest())
        .map(|t| t.fixed_offset())
        .filter(|t| plausible(*t).is_none())
        .min_by_key(|t| (*t - now).abs())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    #[test]
    fn implausible_times_table() {
        let now = t("2026-11-22T10:00:00+01:00");
        let earlier = t("2026-10-20T14:00:00+02:00");
        let cases: [(&str, Option<&str>); 12] = [
            ("2026-11-20T14:00:00+01:00", None),
            ("2026-11-22T10:00:00+01:00", None),
            // Booked for next week: the plan shows how to prepare.
            ("2026-12-01T09:00:00+01:00", None),
            ("1990-11-20T14:00:00+01:00", Some("is 36 years ago")),
            ("2030-11-20T14:00:00+01:00", Some("is 4 years from now")),
            ("2027-03-01T14:00:00+01:00", Some("is 99 days from now")),
            ("2025-11-01T14:00:00+01:00", Some("is 385 days ago")),
            // A year ago to the day: within MAX_AGE_DAYS, but the 43-day plan is long over.
            (
                "2025-11-22T09:00:00+01:00",
                Some("is 365 days ago: its 43-day plan would already be over"),
            ),
            // Day 43 is today: the plan's last day, still something to follow.
            ("2026-10-11T09:00:00+02:00", None),
            // Day 44: over.
            (
                "2026-10-10T23:00:00+02:00",
                Some("is 42 days ago: its 43-day plan would already be over"),
            ),
            (
                "2026-10-20T15:00:00+02:00",
                Some(
                    "is 1 h from the treatment of Tue 20 Oct 2026 14:00; sessions are weeks apart",
                ),
            ),
            (
                "2026-10-24T14:00:00+02:00",
                Some(
                    "is 4 days from the treatment of Tue 20 Oct 2026 14:00; sessions are weeks apart",
                ),
            ),
        ];
        for (at, want) in cases {
            let got = check(t(at), now, [earlier], 43).map(|i| i.to_string());
            assert_eq!(got.as_deref(), want, "{at}");
        }
    }

    #[test]
    fn the_same_instant_and_a_new_session_weeks_later_are_plausible() {
        let now = t("2026-11-22T10:00:00+01:00");
        let earlier = t("2026-10-20T14:00:00+02:00");
        assert_eq!(check(earlier, now, [earlier], 43), None);
        let next = t("2026-10-27T14:00:00+01:00");
        assert_eq!(check(next, now, [earlier], 43), None, "exactly seven days");
    }

    /// Issue 15: a wrong year is answered with the year most likely meant, in the zone's
    /// wall time (the offset of that date, not of the date typed).
    #[test]
    fn the_likely_year_is_the_nearest_plausible_one() {
        use chrono_tz::Europe::Berlin;
        let now = t("2026-11-30T12:00:00+01:00");
        let cases: [(&str, Option<&str>); 9] = [
            // Last year's date, typed in November: this year's.
            (
                "2025-11-28T10:00:00+01:00",
                Some("2026-11-28T10:00:00+01:00"),
            ),
            // Two days ahead, typed with last year: still two days ahead.
            (
                "2025-12-02T09:00:00+01:00",
                Some("2026-12-02T09:00:00+01:00"),
            ),
            // January typed with this year in late November: next January (Day 1 ahead).
            (
                "2026-01-05T09:00:00+01:00",
                Some("2027-01-05T09:00:00+01:00"),
            ),
            // Next year's date that is a year ahead: this year's, in summer time.
            (
                "2027-11-20T14:00:00+01:00",
                Some("2026-11-20T14:00:00+01:00"),
            ),
            ("2026-10-25T14:00:00+01:00", None),
            // A summer date: the offset follows the date (+02:00), the wall time stays.
            (
                "2027-10-20T14:00:00+02:00",
                Some("2026-10-20T14:00:00+02:00"),
            ),
            // Plausible as typed: nothing to suggest.
            ("2026-11-28T10:00:00+01:00", None),
            // Any year far off: the same date this year, if that is plausible.
            (
                "1990-11-28T10:00:00+01:00",
                Some("2026-11-28T10:00:00+01:00"),
            ),
            // A plan over in every year near: a wrong month, not a year; nothing suggested.
            ("2026-08-01T10:00:00+02:00", None),
        ];
        for (at, want) in cases {
            let got = likely_year(t(at), now, &[], 43, &Berlin);
            assert_eq!(got, want.map(t), "{at}");
        }
        // Too close to another treatment is not about the year.
        let other = t("2026-11-27T10:00:00+01:00");
        assert_eq!(
            likely_year(t("2025-11-28T10:00:00+01:00"), now, &[other], 43, &Berlin),
            None
        );
    }
}
