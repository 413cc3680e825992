//! `today` and `plan`: the checklist as text for people and as JSON for programs. Both are
//! made from `Checklist`, the same model the terminal screens show.

use super::after_plan_text::{AfterPlanJson, write_after_plan, write_window_closed};
use super::clinic_text::{write_alert_summary, write_clinic, write_warnings};
use super::followed::notice;
use super::journal_text::{RecoveryJson, progress_line, write_alerts, write_checkin};
use super::json_out::{DayJson, FollowedJson, TodayJson, write_json, write_plan_days_json};
use super::task_text::{
    title_width, write_note_titles, write_notes, write_plan_tasks, write_tasks, write_tasks_under,
};
use super::text::{WIDTH, capitalized, day_title, long_date, moment, wrap};
use super::{CliError, Context, Out, PlanArgs};
use crate::checklist::{Checklist, Record, TaskLine, progress_of};
use crate::journal::{above_usual_on, above_usual_words, alerts_on};
use crate::plan::{Plan, Wording};
use crate::progress::Progress;
use crate::rules::Kind;
use crate::rules::SourceKind;
use crate::series::next_session_in;
use chrono::Local;

/// Today's checklist. Needs a recorded treatment: without one there is no "today" to show.
pub fn today(ctx: &Context, json: bool, out: Out) -> Result<(), CliError> {
    let session = ctx.session()?;
    let now = ctx.now();
    let plan = ctx.plan(session.at);
    // JSON keeps the short countdowns ("5 d left") programs and status bars show; the text
    // has the room for words ("5 days left").
    let wording = if json { Wording::Short } else { Wording::Words };
    let record = Some(Record::of(&ctx.state, session));
    let mut checklist = Checklist::build_in(&plan, plan.day_of(now), record, now, wording);
    // The next recorded treatment's preparation, while it is open (`preparation`).
    let before_next = ctx.next_treatment(session, now).and_then(|next| {
        let list = next.open_at(now, wording)?;
        Some((next.moment_words(now), list))
    });
    let checkin = session.checkins.get(&checklist.date);
    let alerts = alerts_on(&plan, session, checklist.date, now);
    let above_usual = above_usual_on(&plan, session, checklist.date, &alerts);
    // Past the signs' windows, an alert and the signs still listed come with when to call
    // emergency services.
    let signs = checklist.emergency_signs_kept(&plan, !alerts.is_empty());
    checklist.warnings.splice(0..0, signs);
    let progress = Progress::of(&plan, Some(session), now);
    // A later treatment recorded is the next session: said as recorded, not as a window
    // still to book ("Next session possible in 6 days" after `start --next`, walk).
    let next_at = ctx.state.next_after(session);
    let booked = plan.is_booked(&session.ticks, plan.local_date(now));
    let next = match next_at {
        Some(at) => Some(format!(
            "next session recorded for {}",
            crate::dates::moment(plan.local(at))
        )),
        None => next_session_in(&plan, now, wording, booked),
    };
    // The same moment the screen says so: Day 43 of the built-in plan from 14:00, not only
    // from Day 44.
    let over = checklist.is_after_plan(plan.last_day(), now, true);
    if over {
        // Every window is closed: nothing is "normal now" by the plan, nothing is left to do.
        checklist.tasks.clear();
        checklist.phases.clear();
    }
    if json {
        let doc = TodayJson {
            day: DayJson::new(&checklist),
            treatment: plan.local(session.at),
            checkin,
            alerts,
            above_usual,
            recovery: RecoveryJson::from(&progress),
            next_session: next,
            before_next_treatment: before_next.as_ref().map(|(_, list)| DayJson::new(list)),
            provider: ctx.rules.provider.as_ref(),
            plan: FollowedJson::of(&ctx.rules.name, &ctx.basis),
            after_plan: over.then(|| AfterPlanJson::of(&plan)),
        };
        return write_json(out, &doc);
    }
    writeln!(
        out,
        "{} · treatment {}",
        ctx.rules.name,
        moment(plan.local(session.at))
    )?;
    // The count is of everything to tick today, the next treatment's preparation with the
    // day's own, as the main screen's "0/10 done today" and `today --short` count it.
    let prep = before_next.as_ref().map_or(&[][..], |(_, p)| &p.tasks[..]);
    writeln!(out, "{}", day_header(&checklist, prep, plan.last_day()))?;
    if let Some(notice) = notice(&ctx.basis) {
        writeln!(out, "{}", wrap(&notice, "", ""))?;
    }
    // Alerts come before everything else: they are what must not be missed (and they are
    // repeated as the last lines).
    write_alerts(out, &ctx.rules, &alerts)?;
    if over {
        write_after_plan(out, &plan)?;
        if next_at.is_none() {
            write_window_closed(out, &plan, now, booked)?;
        }
    } else if checklist.tasks.is_empty() {
        writeln!(
            out,
            "\n{}",
            wrap(&nothing_to_do(&plan, checklist.day), "", "")
        )?;
    }
    // One title column for both lists, so the "when" words line up down the page.
    let width = title_width(&checklist.tasks);
    for kind in [Kind::Do, Kind::Avoid] {
        write_tasks(out, &checklist.tasks, kind, width, now)?;
    }
    if !alerts.is_empty() && checklist.tasks.iter().any(|t| t.lifted_by_now) {
        let ask = crate::journal::ASK_BEFORE_RESUMING;
        writeln!(out, "{}", wrap(ask, "  ", "  "))?;
    }
    if let Some((when, prep)) = &before_next {
        // Ticked with `check ID` like the rest: `check` finds them on the next treatment.
        let width = title_width(&prep.tasks);
        for (kind, verb) in [(Kind::Do, "Do"), (Kind::Avoid, "Avoid")] {
            let heading = format!("{verb} before your next treatment ({when})");
            write_tasks_under(out, &heading, &prep.tasks, kind, width, now)?;
        }
    }
    // Under a check-in alert, what is usual for most people is not the word on this skin
    // ("minor swelling … settles within 24–48 hours" under a swelling alert read as
    // reassurance, walk-through).
    let normal = if alerts.is_empty() {
        "Normal now:"
    } else {
        "Normal now for most people (the check-in alert above comes first):"
    };
    write_notes(out, normal, &checklist.phases)?;
    write_warnings(out, &checklist.warnings, ctx.rules.provider.as_ref(), true)?;
    writeln!(out)?;
    write_clinic(out, &ctx.rules)?;
    // After the plan's last day, a check-in made is shown (lasting symptoms are still rated,
    // and alert), but none is asked for.
    // Nor before the treatment's hour (`Plan::may_check_in`): no treated skin to rate.
    let may = plan.may_check_in(checklist.day, now).is_ok();
    if may && (!over || checkin.is_some()) {
        write_checkin(out, &ctx.rules, checkin)?;
        if let Some(words) = above_usual_words(&above_usual, checklist.day) {
            writeln!(out, "{}", wrap(&words, "  ", "  "))?;
        }
    }
    let overall = [progress_line(&progress), next.map(|n| capitalized(&n))];
    for line in overall.into_iter().flatten() {
        writeln!(out, "{}", wrap(&line, "", "  "))?;
    }
    writeln!(out)?;
    // The example is a task that counts and is not done (not one done as needed), if any.
    let undone = |t: &&TaskLine| !t.done && !t.lifted_by_now;
    let example = checklist
        .tasks
        .iter()
        .filter(undone)
        .min_by_key(|t| !t.counts());
    if let Some(task) = example {
        writeln!(out, "Tick a task off: aftercare check {}", task.id)?;
    }
    writeln!(out, "{}", wrap(&ctx.rules.disclaimer, "", ""))?;
    write_alert_summary(out, &alerts)?;
    Ok(())
}

/// Every day of the plan, or those `--from`/`--to` name. With no treatment recorded, the
/// plan as if treated now, so a clinic can print it for a patient before the appointment.
pub fn plan(ctx: &Context, args: &PlanArgs, out: Out) -> Result<(), CliError> {
    let now = ctx.now();
    let (treatment, session) = ctx.laid_out();
    let record = session.map(|s| Record::of(&ctx.state, s));
    let plan = ctx.plan(treatment);
    if args.json {
        let days = args.days(&plan)?;
        return Ok(write_plan_days_json(&plan, record, now, days, out)?);
    }
    let today = plan.day_of(now);
    let days = args.patient_days(&plan, today)?;
    writeln!(
        out,
        "{} · treatment {}",
        ctx.rules.name,
        moment(plan.local(treatment))
    )?;
    if let Some(notice) = notice(&ctx.basis) {
        writeln!(out, "{}", wrap(&notice, "", ""))?;
    }
    write_clinic(out, &ctx.rules)?;
    if ctx.at.is_some() {
        let note = "Laid out for this treatment time; nothing was recorded.";
        writeln!(out, "{}", wrap(note, "", ""))?;
    } else if session.is_none() {
        let note = "No treatment recorded yet: this is the plan as if treated now. \
                    Record yours with `aftercare start --at TIME`.";
        writeln!(out, "{}", wrap(note, "", ""))?;
    }
    if let Some(before) = days_before(&plan, *days.start()).filter(|_| args.from.is_none()) {
        writeln!(out, "{}", wrap(&before, "", ""))?;
    }
    // Built one day at a time, like the JSON: a clinic's plan can be long.
    for day in days {
        let day = &Checklist::build_in(&plan, day, record, now, Wording::Words);
        let mark = if day.day == today { "  ← today" } else { "" };
        writeln!(out, "\n{}{mark}", day_header(day, &[], plan.last_day()))?;
        write_plan_tasks(out, &day.tasks)?;
        write_note_titles(out, "Normal:", &day.phases)?;
        write_warnings(out, &day.warnings, ctx.rules.provider.as_ref(), false)?;
    }
    if !ctx.rules.sources.is_empty() {
        writeln!(out, "\nSources:")?;
        // Bulleted, not numbered: nothing here cites a number, and the handout numbers its
        // sources in the order it cites them, which a second numbering would contradict.
        for source in &ctx.rules.sources {
            let mut text = source.citation();
            if source.kind == SourceKind::Clinical {
                text.push_str(" (clinical literature)");
            }
            if let Some(note) = &source.note {
                text.push_str(&format!(" Note: {note}"));
            }
            writeln!(out, "{}", wrap(&text, "  • ", "    "))?;
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "Tick a task off on a given day: aftercare check ID --day N"
    )?;
    writeln!(out, "{}", wrap(&ctx.rules.disclaimer, "", ""))?;
    Ok(())
}

/// Where the plan's days before `from` are, when the listing leaves them out: "The 7 days
/// before the treatment (getting ready): aftercare plan --from -6 --to 0".
fn days_before(plan: &Plan<'_, Local>, from: i64) -> Option<String> {
    let first = plan.first_day();
    if from <= first {
        return None;
    }
    let (to, count) = (from - 1, from - first);
    let what = match (from, count) {
        (1, 1) => "The day before the treatment".to_string(),
        (1, n) => format!("The {n} days before the treatment"),
        (_, 1) => "The day before".to_string(),
        (_, n) => format!("The {n} days before"),
    };
    Some(format!("{what}: aftercare plan --from {first} --to {to}"))
}

/// Cells the plan listing's "  <- today" takes after a day's header.
const TODAY_MARK_ROOM: usize = 10;

/// "Day 3 of recovery · Sun 22 Nov 2026 · 2/7 done · 0/8 ticked as kept": the day's
/// counted tasks to do (not those done as needed), with `extra` (the next treatment's open
/// preparation), the same count as the checklist's header; then the things to avoid ticked
/// as kept, counted apart as on the main screen, where the line has room.
fn day_header(day: &Checklist, extra: &[TaskLine], last_day: i64) -> String {
    let tasks = || day.tasks.iter().chain(extra);
    let (done, total) = progress_of(tasks());
    let mut header = format!("{} · {}", day_title(day.day, last_day), long_date(day.date));
    if total > 0 {
        header.push_str(&format!(" · {done}/{total} done"));
    }
    let avoid: Vec<_> = tasks()
        .filter(|t| t.kind == Kind::Avoid && !t.lifted_by_now)
        .collect();
    if !avoid.is_empty() {
        let kept = avoid.iter().filter(|t| t.done).count();
        // Room is kept for the plan's "  <- today" after it.
        let parts = format!(" · {kept}/{} ticked as kept", avoid.len());
        if header.chars().count() + parts.chars().count() + TODAY_MARK_ROOM <= WIDTH {
            header.push_str(&parts);
        }
    }
    header
}

fn nothing_to_do(plan: &Plan<'_, Local>, day: i64) -> String {
    // After the plan's last day `write_after_plan` speaks instead.
    if day < plan.first_day() {
        // Before the treatment, days are counted down, never numbered below 1.
        let first = plan.first_day();
        format!(
            "Nothing to do yet: the plan starts {} ({}).",
            day_title(first, plan.last_day()),
            long_date(plan.date_of(first))
        )
    } else {
        "Nothing to tick off today.".to_string()
    }
}
