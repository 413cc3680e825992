//! The handout's periods: the stretches of the recovery it groups rules under, and their labels.

use crate::rules::{Rules, Windowed};

/// A stretch of the recovery the handout groups rules under, in hours after the treatment
/// (`until` exclusive); `from` is negative for the days before it.
pub type Period = (i64, i64);

/// The periods of a plan: before the treatment (if any rule starts before it), then from
/// the treatment to the end of the last rule, split where the plan's rules and phases
/// start. The first split is at 48 hours or later, and each next one at least three times
/// as far from the treatment as the one before: the built-in plan's windows give the first
/// 48 hours, days 3–7, weeks 2–4 and weeks 5–6, as clinics count a recovery, never a
/// period for every day some phase begins.
pub fn periods(rules: &Rules) -> Vec<Period> {
    let windows = || {
        rules
            .rules
            .iter()
            .map(|r| r.window().nominal_hours())
            .chain(rules.phases.iter().map(|p| p.window().nominal_hours()))
    };
    let end = windows().map(|(_, until)| until).max().unwrap_or(1).max(1);
    let mut starts: Vec<i64> = windows()
        .map(|(from, _)| from)
        .filter(|&from| from > 0 && from < end)
        .collect();
    starts.sort_unstable();
    let mut bounds = vec![0];
    let mut next_at_least = 48;
    for start in starts {
        if start >= next_at_least {
            bounds.push(start);
            next_at_least = start.saturating_mul(3);
        }
    }
    bounds.push(end);
    let mut out: Vec<Period> = Vec::new();
    let earliest = windows().map(|(from, _)| from).min().unwrap_or(0);
    if earliest < 0 {
        out.push((earliest, 0));
    }
    out.extend(bounds.windows(2).map(|b| (b[0], b[1])));
    out
}

/// "First 48 hours", "Days 3–7", "Weeks 2–4", "Before your treatment".
pub fn period_label((from, until): Period) -> String {
    if until <= 0 {
        return "Before your treatment".to_string();
    }
    let ceil = |h: i64, unit: i64| (h + unit - 1) / unit;
    if from == 0 && until <= 72 {
        format!("First {until} hours")
    } else if until <= 14 * 24 {
        let (first, last) = (from / 24 + 1, ceil(until, 24));
        match (from, first == last) {
            (0, _) => format!("First {last} days"),
            (_, true) => format!("Day {first}"),
            _ => format!("Days {first}–{last}"),
        }
    } else {
        let (first, last) = (from / 168 + 1, ceil(until, 168));
        match (from, first == last) {
            (0, _) => format!("First {last} weeks"),
            (_, true) => format!("Week {first}"),
            _ => format!("Weeks {first}–{last}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_follow_the_windows_of_the_plan() {
        let builtin = Rules::builtin().unwrap();
        let periods = periods(&builtin);
        let labels: Vec<String> = periods.iter().map(|p| period_label(*p)).collect();
        assert_eq!(
            labels,
            [
                "Before your treatment",
                "First 48 hours",
                "Days 3–7",
                "Weeks 2–4",
                "Weeks 5–6"
            ]
        );
        assert_eq!(periods[1..], [(0, 48), (48, 168), (168, 672), (672, 1008)]);
    }

    #[test]
    fn period_labels_count_hours_then_days_then_weeks() {
        let cases = [
            ((0, 24), "First 24 hours"),
            ((0, 120), "First 5 days"),
            ((72, 96), "Day 4"),
            ((120, 336), "Days 6–14"),
            ((0, 720), "First 5 weeks"),
            ((336, 504), "Week 3"),
            ((-168, 0), "Before your treatment"),
        ];
        for (period, want) in cases {
            assert_eq!(period_label(period), want, "{period:?}");
        }
    }
}
