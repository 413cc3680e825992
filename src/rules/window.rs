//! When an entry applies: a window whose ends are written in hours after the treatment
//! moment (`from_hours`, `until_hours`) or in local calendar days (`from_day`, `until_day`).
//!
//! Hours are exact: 48 h after a 14:00 treatment is 14:00 two days later. Days are what a
//! clinic says: "days 3–5" is `"from_day": 3, "until_day": 5`, from the local midnight that
//! starts Day 3 to the one that ends Day 5 (Day 1 is the treatment's own date). The plan
//! engine (`Plan::instant`) turns an `Edge` into an instant in the patient's zone.

/// One end of a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Edge {
    /// This many hours after the treatment moment (before it, when negative).
    Hours(i64),
    /// The local midnight that starts this plan day (1 = the treatment's date).
    DayStart(i64),
}

/// Where a window opens and where it closes (exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Window {
    pub from: Edge,
    pub until: Edge,
}

impl Window {
    /// The window of an entry's four optional fields. Checking guarantees that exactly one
    /// of each pair is given; where neither is (a file read without checks), the end is the
    /// treatment moment, so the window is empty rather than made up.
    pub fn of(
        from_hours: Option<i64>,
        from_day: Option<i64>,
        until_hours: Option<i64>,
        until_day: Option<i64>,
    ) -> Window {
        let from = match (from_day, from_hours) {
            (Some(day), _) => Edge::DayStart(day),
            (None, hours) => Edge::Hours(hours.unwrap_or(0)),
        };
        let until = match (until_day, until_hours) {
            // An inclusive last day ends at the midnight that starts the next one.
            (Some(day), _) => Edge::DayStart(day.saturating_add(1)),
            (None, hours) => Edge::Hours(hours.unwrap_or(0)),
        };
        Window { from, until }
    }

    /// A window in hours, as format 1 files write every window.
    pub fn hours(from: i64, until: i64) -> Window {
        Window {
            from: Edge::Hours(from),
            until: Edge::Hours(until),
        }
    }

    /// Whether the window closes at or before the treatment moment for any treatment time:
    /// a preparation window (see `Plan::day`).
    pub fn ends_by_treatment(&self) -> bool {
        match self.until {
            Edge::Hours(h) => h <= 0,
            // The midnight that starts Day 1 is at or before any treatment that day.
            Edge::DayStart(d) => d <= 1,
        }
    }

    /// The window in hours after the treatment as if it were at the very start of Day 1:
    /// exact for hours, a nominal value for days. For ordering entries and telling rough
    /// lengths only; `Plan::instant` places an end in time.
    pub fn nominal_hours(&self) -> (i64, i64) {
        let hours = |edge| match edge {
            Edge::Hours(h) => h,
            Edge::DayStart(d) => (d - 1) * 24,
        };
        (hours(self.from), hours(self.until))
    }

    /// The window as the rules file writes it: "48–120 h", "days 3–5", "from 0 h to the end
    /// of day 3". For messages and listings.
    pub fn describe(&self) -> String {
        match (self.from, self.until) {
            (Edge::Hours(a), Edge::Hours(b)) => format!("{a}–{b} h"),
            (Edge::DayStart(a), Edge::DayStart(b)) if b - 1 == a => format!("day {a}"),
            (Edge::DayStart(a), Edge::DayStart(b)) => format!("days {a}–{}", b - 1),
            (Edge::Hours(a), Edge::DayStart(b)) => {
                format!("from {a} h to the end of day {}", b - 1)
            }
            (Edge::DayStart(a), Edge::Hours(b)) => format!("from the start of day {a} to {b} h"),
        }
    }
}

/// An entry of a plan that applies during a window: a rule, a phase or warning, an alert,
/// the next session.
pub trait Windowed {
    fn window(&self) -> Window;
}

macro_rules! windowed {
    ($($t:ty),*) => {$(
        impl Windowed for $t {
            fn window(&self) -> Window {
                Window::of(self.from_hours, self.from_day, self.until_hours, self.until_day)
            }
        }
    )*};
}

windowed!(super::Rule, super::Note, super::Alert, super::NextSession);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_inclusive_and_hours_exclusive() {
        let w = Window::of(None, Some(3), None, Some(5));
        assert_eq!(w.from, Edge::DayStart(3));
        assert_eq!(w.until, Edge::DayStart(6));
        assert_eq!(w.describe(), "days 3–5");
        assert_eq!(
            Window::of(Some(0), None, Some(48), None).describe(),
            "0–48 h"
        );
        assert_eq!(Window::of(None, Some(2), None, Some(2)).describe(), "day 2");
        assert!(Window::of(None, Some(-6), None, Some(0)).ends_by_treatment());
        assert!(!Window::of(None, Some(-6), None, Some(1)).ends_by_treatment());
        assert!(Window::hours(-48, 0).ends_by_treatment());
    }
}
