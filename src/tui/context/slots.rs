//! Saying so when a slot begins while the app is open: "It's 20:00: 2 tasks are due: …" on
//! the notice line, and the terminal bell when the user asked for it (`--bell`, or
//! `AFTERCARE_BELL=1`). The tasks are those `Plan::begun_between` finds: due from a moment
//! the clock passed, not ticked.

use super::Context;
use chrono::{DateTime, Duration, FixedOffset, TimeZone, Timelike};

/// Slots that began longer ago than this when the clock moved on are not announced: after
/// a machine slept for hours, the screen shows what is due; a notice of old news is noise.
const ANNOUNCE_WITHIN: Duration = Duration::hours(1);

impl<Tz: TimeZone> Context<Tz> {
    /// Announces the slots of the current treatment that began after `before` and by now.
    pub(super) fn announce_slots(&mut self, before: DateTime<FixedOffset>) {
        if self.now <= before || self.is_read_only() {
            return;
        }
        let Some((words, begins, ends)) = self.begun_words(before.max(self.now - ANNOUNCE_WITHIN))
        else {
            return;
        };
        self.notice = Some(words.clone());
        self.slot_notice = Some((words, begins, ends));
        self.ring = self.bell;
    }

    /// Takes down the notice of a slot once that slot is over, or when the clock went back
    /// before it began; "It's 20:00" becomes "Since 20:00" once the minute has passed.
    pub(super) fn expire_slot_notice(&mut self) {
        let Some((words, begins, ends)) = self.slot_notice.take() else {
            return;
        };
        if self.notice.as_deref() != Some(words.as_str()) {
            return;
        }
        if self.now >= ends || self.now < begins {
            self.notice = None;
            return;
        }
        let words = match words.strip_prefix("It's ") {
            Some(rest) => format!("Since {rest}"),
            None => words,
        };
        self.notice = Some(words.clone());
        self.slot_notice = Some((words, begins, ends));
    }

    /// "It's 20:00: 2 tasks are due: Use a gentle, fragrance-free cleanser · Moisturize …",
    /// for the slots that began after `after`, with when the last began and the first
    /// ends; `None` when none did.
    fn begun_words(
        &self,
        after: DateTime<FixedOffset>,
    ) -> Option<(String, DateTime<FixedOffset>, DateTime<FixedOffset>)> {
        let (plan, session) = (self.plan()?, self.session()?);
        let mut begun = plan.begun_between(after, self.now, &session.ticks);
        // The next treatment's preparation is on today's list (`next_preparation`): said
        // with it when it comes due ("It's 11:00: “Tell provider …” is due" a week before).
        if let Some((next, next_plan)) = self.next_treatment() {
            let prep = next_plan.begun_between(after, self.now, &next.ticks);
            begun.extend(prep.into_iter().filter(|due| {
                next_plan.is_preparation(due.task.rule) && due.begins < next_plan.treatment()
            }));
        }
        let last = begun.iter().map(|d| d.begins).max()?;
        let ends = begun.iter().map(|d| d.ends).min()?;
        let clock = |t: DateTime<FixedOffset>| {
            let t = plan.local(t);
            format!("{:02}:{:02}", t.hour(), t.minute())
        };
        let minute = |t: DateTime<FixedOffset>| t.timestamp() / 60;
        let when = if minute(last) == minute(self.now) {
            format!("It's {}", clock(last))
        } else {
            format!("Since {}", clock(last))
        };
        let titles: Vec<&str> = begun.iter().map(|d| &*d.task.rule.title).collect();
        let words = match titles.as_slice() {
            [one] => format!("{when}: “{one}” is due"),
            many => format!("{when}: {} tasks are due: {}", many.len(), many.join(" · ")),
        };
        Some((words, last, ends))
    }

    /// Whether the bell is to ring; asking clears it.
    pub fn take_ring(&mut self) -> bool {
        std::mem::take(&mut self.ring)
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::Rules;
    use crate::store::{Change, State};
    use crate::tui::context::Context;
    use crate::tui::storage::Storage;
    use chrono::DateTime;
    use chrono_tz::Europe::Berlin;
    use ratatui::layout::Size;

    fn at(s: &str) -> DateTime<chrono::FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn context(bell: bool) -> Context<chrono_tz::Tz> {
        let treated = at("2026-11-20T14:00:00+01:00");
        let storage = Storage::Memory;
        let state = storage
            .apply(&State::default(), &Change::AddSession { at: treated })
            .unwrap();
        let mut ctx = Context::new(
            Rules::builtin().unwrap(),
            storage,
            state,
            Berlin,
            at("2026-11-21T19:59:00+01:00"),
            Size::new(80, 24),
        );
        ctx.bell = bell;
        ctx
    }

    #[test]
    fn a_slot_that_begins_while_open_is_announced_and_rings_only_when_asked() {
        let mut ctx = context(false);
        ctx.set_now(at("2026-11-21T20:00:00+01:00"));
        assert_eq!(
            ctx.notice.as_deref(),
            Some(
                "It's 20:00: 2 tasks are due: Use a gentle, fragrance-free cleanser · \
                 Moisturize (hyaluronic acid, ceramides)"
            )
        );
        assert!(!ctx.take_ring());
        let mut ctx = context(true);
        ctx.set_now(at("2026-11-21T20:01:00+01:00"));
        assert!(
            ctx.notice
                .as_deref()
                .unwrap()
                .starts_with("Since 20:00: 2 tasks")
        );
        assert!(ctx.take_ring());
        assert!(!ctx.take_ring(), "it rings once");
        // Nothing begins between 20:01 and 20:30.
        ctx.notice = None;
        ctx.set_now(at("2026-11-21T20:30:00+01:00"));
        assert_eq!(ctx.notice, None);
    }

    #[test]
    fn the_notice_goes_when_its_slot_is_over_and_never_tells_the_wrong_time() {
        let mut ctx = context(false);
        ctx.set_now(at("2026-11-21T20:00:00+01:00"));
        assert!(
            ctx.notice
                .as_deref()
                .unwrap()
                .starts_with("It's 20:00: 2 tasks")
        );
        ctx.set_now(at("2026-11-21T21:15:00+01:00"));
        assert!(
            ctx.notice
                .as_deref()
                .unwrap()
                .starts_with("Since 20:00: 2 tasks"),
            "{:?}",
            ctx.notice
        );
        // The evening slot ends at midnight: the notice goes with it.
        ctx.set_now(at("2026-11-22T00:00:00+01:00"));
        assert_eq!(ctx.notice, None);
        // Another notice is left alone.
        let mut ctx = context(false);
        ctx.set_now(at("2026-11-21T20:00:00+01:00"));
        ctx.notice = Some("Check-in saved".into());
        ctx.set_now(at("2026-11-22T00:30:00+01:00"));
        assert_eq!(ctx.notice.as_deref(), Some("Check-in saved"));
    }

    #[test]
    fn old_news_after_a_long_sleep_is_not_announced() {
        let mut ctx = context(true);
        ctx.set_now(at("2026-11-21T23:00:00+01:00"));
        assert_eq!(ctx.notice, None);
        assert!(!ctx.take_ring());
    }
}
