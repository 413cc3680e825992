//! What `aftercare today` says once the plan is over (`Checklist::is_after_plan`, the same
//! moment the screen switches): that it is over and when it ended, what the sources say to
//! keep up after it (rules with `keep_up_after`, such as daily SPF), and what to expect in
//! the months after (the plan's `after` note). All of it comes from the rules file.

use super::text::{long_date, wrap};
use super::{CliError, Out};
use crate::plan::Plan;
use crate::rules::{AfterPlan, Rule, Rules};
use chrono::{NaiveDate, TimeZone};
use serde::Serialize;

/// The plan is over, as text: its end, what to keep up, what to expect.
pub(super) fn write_after_plan<Tz: TimeZone>(
    out: Out,
    plan: &Plan<'_, Tz>,
) -> Result<(), CliError> {
    let rules = plan.rules();
    let last = plan.last_day();
    let ended = format!(
        "Your plan is over: it ended on Day {last} ({}); there is nothing more to do or avoid \
         day by day. Had another session? Record it with `aftercare start --next --at \
         \"YYYY-MM-DD HH:MM\"` (its date and time), and a new plan begins.",
        long_date(plan.date_of(last))
    );
    writeln!(out, "\n{}", wrap(&ended, "", ""))?;
    let kept: Vec<&Rule> = rules.kept_up_after().collect();
    if !kept.is_empty() {
        writeln!(out, "\nKeep up after the plan:")?;
        for rule in kept {
            let keep = crate::rules::keep_up_words(rule);
            let text = format!("{keep}.{}", cited(rules, &rule.sources));
            writeln!(out, "{}", wrap(&text, "  • ", "    "))?;
        }
    }
    if let Some(after) = &rules.after {
        let text = format!(
            "{} — {}{}",
            after.title,
            after.detail,
            cited(rules, &after.sources)
        );
        writeln!(out, "\n{}", wrap(&text, "", "  "))?;
    }
    Ok(())
}

/// After the plan, a next-session window that has closed with no treatment recorded since,
/// as the screen says it (`AfterPlanView`): `booked`, the booking was ticked. Nothing when
/// the plan names no next session or its window is still open (the summary line says it).
pub(super) fn write_window_closed<Tz: TimeZone>(
    out: Out,
    plan: &Plan<'_, Tz>,
    now: chrono::DateTime<chrono::FixedOffset>,
    booked: bool,
) -> Result<(), CliError> {
    let Some((from, last)) = crate::series::closed_window(plan, now) else {
        return Ok(());
    };
    let today = plan.local_date(now);
    let (from, last) = (
        crate::dates::date_near(from, today),
        crate::dates::date_near(last, today),
    );
    let said = if booked {
        format!(
            "You ticked your next session as booked; its window ({from} to {last}) has closed \
             with no treatment recorded. Had it? Record it with `aftercare start --next --at \
             \"YYYY-MM-DD HH:MM\"`; if not, ask your provider when to come."
        )
    } else {
        format!(
            "The suggested window for your next session was {from} to {last}: if it is not booked, ask your \
             provider when to come."
        )
    };
    writeln!(out, "\n{}", wrap(&said, "", ""))?;
    Ok(())
}

/// " (Source: title; title)", or nothing for a rule that cites none; each source named as
/// every output names it (`Rules::source_title`).
fn cited(rules: &Rules, sources: &[String]) -> String {
    let titles: Vec<std::borrow::Cow<'_, str>> =
        sources.iter().map(|id| rules.source_title(id)).collect();
    match titles.len() {
        0 => String::new(),
        1 => format!(" (Source: {})", titles[0]),
        _ => format!(" (Sources: {})", titles.join("; ")),
    }
}

/// The plan being over, in `today --json` (`null` while it runs).
#[derive(Serialize)]
pub(super) struct AfterPlanJson<'a> {
    /// The plan's last day and its local date.
    pub(super) ended_day: i64,
    pub(super) ended_date: NaiveDate,
    /// What to keep doing after the plan (rules with `keep_up_after`).
    pub(super) keep_up: Vec<KeepUpJson<'a>>,
    /// What to expect in the months after: the plan's `after` note.
    pub(super) after: Option<&'a AfterPlan>,
}

/// One thing to keep up after the plan.
#[derive(Serialize)]
pub(super) struct KeepUpJson<'a> {
    pub(super) id: &'a str,
    pub(super) title: &'a str,
    pub(super) detail: &'a str,
    pub(super) sources: &'a [String],
}

impl<'a> AfterPlanJson<'a> {
    pub(super) fn of<Tz: TimeZone>(plan: &Plan<'a, Tz>) -> Self {
        let rules = plan.rules();
        AfterPlanJson {
            ended_day: plan.last_day(),
            ended_date: plan.date_of(plan.last_day()),
            keep_up: rules
                .kept_up_after()
                .map(|r| KeepUpJson {
                    id: &r.id,
                    title: &r.title,
                    detail: r.keep_up_after.as_deref().unwrap_or_default(),
                    sources: &r.sources,
                })
                .collect(),
            after: rules.after.as_ref(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The built-in plan as a treatment's kept copy (read back unchecked), its first rule
    /// citing `cited`, one source the plan lists and one id it does not.
    fn copy_citing(cited: &str) -> Rules {
        let rules = Rules::builtin().unwrap();
        let mut plan: serde_json::Value = serde_json::from_str(&rules.canonical_json()).unwrap();
        let listed = plan["sources"][0]["id"].clone();
        plan["rules"][0]["sources"] = serde_json::json!([listed, cited]);
        Rules::from_kept_copy(&plan.to_string(), "copy").unwrap()
    }

    #[test]
    fn an_unlisted_source_id_is_cited_inert() {
        let rules = copy_citing("x\u{1b}]0;pwned\u{7}\u{202e}y");
        let said = cited(&rules, &rules.rules[0].sources);
        let title = &rules.sources[0].title;
        assert_eq!(
            said,
            format!(" (Sources: {title}; x\\u{{1b}}]0;pwned\\u{{7}}\\u{{202e}}y)")
        );
        assert!(!said.chars().any(crate::inert::needs_care), "{said:?}");
        // The screens name it the same way.
        assert_eq!(
            rules.source_title(&rules.rules[0].sources[1]),
            "x\\u{1b}]0;pwned\\u{7}\\u{202e}y"
        );
    }
}
