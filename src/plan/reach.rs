//! `Reach`: how far before and after the treatment a plan's windows reach, which sets its first and last day.

use crate::rules::{Edge, Rules, Window, Windowed};

/// How far before and after the treatment a plan's windows reach: in hours for the ends
/// written in hours, in plan days for those written in days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reach {
    /// The earliest `from_hours` and the latest `until_hours`, in hours after the treatment
    /// (at least 0 and 1: the treatment's own hour).
    pub(super) earliest: i64,
    pub(super) latest: i64,
    /// The earliest `from_day`, and the day after the latest `until_day`.
    pub(super) earliest_day: Option<i64>,
    pub(super) latest_day_start: Option<i64>,
}

impl Reach {
    /// The earliest start and the latest end among the windows of the rules and phases of
    /// `rules` (at least the treatment's own hour). Warnings do not lengthen a plan: a sign
    /// to watch for months (scarring, from the clinical literature) would otherwise make
    /// every listing months long; they show on the plan's days their windows touch.
    pub fn of(rules: &Rules) -> Reach {
        let windows = rules
            .rules
            .iter()
            .map(Windowed::window)
            .chain(rules.phases.iter().map(Windowed::window));
        let mut reach = Reach {
            earliest: 0,
            latest: 1,
            earliest_day: None,
            latest_day_start: None,
        };
        for Window { from, until } in windows {
            match from {
                Edge::Hours(h) => reach.earliest = reach.earliest.min(h),
                Edge::DayStart(d) => {
                    reach.earliest_day = Some(reach.earliest_day.map_or(d, |e| e.min(d)))
                }
            }
            match until {
                Edge::Hours(h) => reach.latest = reach.latest.max(h),
                Edge::DayStart(d) => {
                    reach.latest_day_start = Some(reach.latest_day_start.map_or(d, |e| e.max(d)))
                }
            }
        }
        reach
    }
}
