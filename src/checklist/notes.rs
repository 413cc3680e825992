//! The day's phases and warning signs as lines (`NoteLine`), and the emergency signs a day
//! keeps past their windows.

use super::Checklist;
use crate::plan::Plan;
use crate::rules::{Note, Urgency};
use chrono::{DateTime, FixedOffset, TimeZone};
use serde::Serialize;

/// A phase or warning sign on one day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NoteLine {
    pub id: String,
    pub title: String,
    pub detail: String,
    /// Warning signs only: how soon to act ("emergency", "call", "mention"); warnings come
    /// most urgent first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub urgency: Option<Urgency>,
    pub starts: DateTime<FixedOffset>,
    pub ends: DateTime<FixedOffset>,
}

impl NoteLine {
    /// `note` over `starts..ends`, in the plan's local time; with its urgency when it is a
    /// warning sign.
    pub(crate) fn of<Tz: TimeZone>(
        plan: &Plan<'_, Tz>,
        note: &Note,
        (starts, ends): (DateTime<FixedOffset>, DateTime<FixedOffset>),
        warning: bool,
    ) -> NoteLine {
        NoteLine {
            id: note.id.clone(),
            title: note.title.clone(),
            detail: note.detail.clone(),
            urgency: warning.then(|| note.urgency()),
            starts: plan.local(starts),
            ends: plan.local(ends),
        }
    }
}

impl Checklist {
    /// The plan's emergency warning signs whose windows have closed, kept for a day on which
    /// a check-in alert is up (`alert_up`), or which still lists other warning signs once
    /// every emergency sign's window has closed: "very unwell → emergency services" still
    /// holds for skin that set off an alert on Day 59, and beside "Firm bumps or lumps:
    /// call your clinic today" on Day 44, after the signs' windows from the literature (to
    /// Day 42; a walk-through found only "call your clinic" there). Empty when the day lists
    /// an emergency sign already, and before the treatment.
    pub fn emergency_signs_kept<Tz: TimeZone>(
        &self,
        plan: &Plan<'_, Tz>,
        alert_up: bool,
    ) -> Vec<NoteLine> {
        let signs: Vec<&Note> = plan
            .rules()
            .warnings
            .iter()
            .filter(|w| w.urgency() == Urgency::Emergency)
            .collect();
        let all_closed = signs
            .iter()
            .all(|w| plan.span(*w).1 <= plan.day_bounds(self.date).0);
        let others_listed = self.day >= 1 && !self.warnings.is_empty() && all_closed;
        if !(alert_up || others_listed)
            || self
                .warnings
                .iter()
                .any(|w| w.urgency == Some(Urgency::Emergency))
        {
            return Vec::new();
        }
        signs
            .into_iter()
            .map(|w| NoteLine::of(plan, w, plan.span(w), true))
            .collect()
    }
}
