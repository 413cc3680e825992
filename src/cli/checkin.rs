//! `checkin`: rate the day's symptoms from the command line, saved like a tick-off: only the
//! ratings and note given, merged into the day's check-in as the file holds it when saved.

use super::journal_text::{ratings_line, write_alerts};
use super::text::{short_date, wrap};
use super::{CheckinArgs, CliError, Context, Out};
use crate::journal::{above_usual_on, above_usual_words, alerts_on, clean_note, parse_rating};
use crate::plan::Closed;
use crate::store::{Change, CheckIn, CheckInPatch};

pub fn run(ctx: &Context, args: &CheckinArgs, out: Out) -> Result<(), CliError> {
    let session = ctx.session()?;
    let plan = ctx.plan(session.at);
    let today = plan.day_of(ctx.now());
    let day = args.day.unwrap_or(today);
    if ctx.rules.symptoms.is_empty() {
        return Err(CliError::Usage(
            "this plan has no symptoms to rate (its rules file lists none)".into(),
        ));
    }
    // The rule the checklist shares (`Plan::may_check_in`): Day 1 to today, also once the
    // plan has ended.
    match plan.may_check_in(day, ctx.now()) {
        Ok(()) => {}
        Err(closed @ Closed::TreatmentAhead { .. }) => {
            return Err(CliError::Usage(format!("cannot check in yet: {closed}.")));
        }
        Err(closed) => {
            return Err(CliError::Usage(format!(
                "cannot check in for Day {day}: {closed}. Check-ins are for Day 1 to today (Day {today})."
            )));
        }
    }
    let given = args
        .rates
        .iter()
        .map(|text| parse_rating(text, &ctx.rules))
        .collect::<Result<Vec<_>, _>>()
        .map_err(CliError::Usage)?;
    if given.is_empty() && args.note.is_none() {
        return Err(CliError::Usage(
            "nothing to save: give at least one --rate SYMPTOM=N (or --note TEXT)".into(),
        ));
    }
    let date = plan.date_of(day);
    // Only what was given on this command line: merged under the lock into the day's
    // check-in as the file holds it then, so a rating given meanwhile is kept.
    // The last word on a symptom wins, as it would typed twice in the form.
    let mut patch = CheckInPatch {
        note: args.note.as_deref().map(clean_note),
        // Today's ratings are of now; an earlier day's time is not known.
        at: (day == today).then(|| ctx.now()),
        ..Default::default()
    };
    for (id, rating) in given {
        match rating {
            Some(n) => {
                patch.cleared.remove(&id);
                patch.ratings.insert(id, n);
            }
            None => {
                patch.ratings.remove(&id);
                patch.cleared.insert(id);
            }
        }
    }
    let state = ctx
        .save(&Change::CheckIn {
            session: session.at,
            date,
            patch,
        })?
        .state;
    // The day's check-in as saved: with ratings given elsewhere before this one.
    let saved = state.session(session.at);
    let checkin = saved
        .and_then(|s| s.checkins.get(&date))
        .cloned()
        .unwrap_or_default();
    let when = if day == today { ", today" } else { "" };
    let head = format!("Checked in for Day {day} ({}{when}): ", short_date(date));
    writeln!(
        out,
        "{}",
        wrap(&ratings_line(&ctx.rules, &checkin), &head, "  ")
    )?;
    write_unrated(out, ctx, &checkin)?;
    if let Some(saved) = saved {
        let alerts = alerts_on(&plan, saved, date, ctx.now());
        write_alerts(out, &ctx.rules, &alerts)?;
        // Well above the usual course with no alert (swelling 4 on Day 2): said, with what
        // to do, rather than nothing.
        let above = above_usual_on(&plan, saved, date, &alerts);
        if let Some(words) = above_usual_words(&above, day) {
            writeln!(out, "{}", wrap(&words, "", "  "))?;
        }
    }
    Ok(())
}

fn write_unrated(out: Out, ctx: &Context, checkin: &CheckIn) -> Result<(), CliError> {
    let missing: Vec<&str> = ctx
        .rules
        .symptoms
        .iter()
        .filter(|s| !checkin.ratings.contains_key(&s.id))
        .map(|s| s.title.as_str())
        .collect();
    if !missing.is_empty() {
        // Titles, as the ratings line names them; " · " as there, since a title may hold
        // a comma or an "or".
        writeln!(
            out,
            "{}",
            wrap(&missing.join(" · "), "Not rated yet: ", "  ")
        )?;
    }
    Ok(())
}
