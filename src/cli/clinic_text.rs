//! The clinic and the warning signs in plain text: who to call and how urgently, worded the
//! same in `today`, `plan` and `checkin` (issue 13, items 2 and 3).

use super::journal_text::ALERT_MARK;
use super::text::wrap;
use super::{CliError, Out};
use crate::checklist::NoteLine;
use crate::journal::{AlertLine, ESCALATION};
use crate::rules::{MAX_RATING, Provider, Rules, Urgency};

/// "Your clinic: Example Skin Clinic · +44 20 7946 0123 · …", its hours and what to do when
/// it is closed; for a plan that names no clinic (the built-in one), where to keep its number.
pub fn write_clinic(out: Out, rules: &Rules) -> Result<(), CliError> {
    match &rules.provider {
        Some(p) => {
            writeln!(out, "{}", wrap(&p.contact_line(), "Your clinic: ", "  "))?;
            if let Some(hours) = &p.hours {
                writeln!(out, "{}", wrap(hours, "  Open: ", "    "))?;
            }
            if let Some(closed) = &p.out_of_hours {
                writeln!(out, "{}", wrap(closed, "  When it is closed: ", "    "))?;
            }
        }
        None => writeln!(
            out,
            "{}",
            wrap(
                "Your clinic: this plan names none; keep your clinic's phone number at hand.",
                "",
                "  "
            )
        )?,
    }
    Ok(())
}

/// The day's warning signs under one heading per urgency, most urgent first: "Call
/// emergency services now if:", "Call Example Skin Clinic today (+44 …) if:", "Mention at
/// your next visit:".
pub fn write_warnings(
    out: Out,
    warnings: &[NoteLine],
    provider: Option<&Provider>,
    with_detail: bool,
) -> Result<(), CliError> {
    for urgency in Urgency::ALL {
        let signs: Vec<&NoteLine> = warnings
            .iter()
            .filter(|w| w.urgency.unwrap_or_default() == urgency)
            .collect();
        if signs.is_empty() {
            continue;
        }
        let heading = urgency.heading_with(provider);
        if with_detail {
            writeln!(
                out,
                "\n{}",
                wrap(&format!("{} · {heading}:", urgency.tag()), "", "  ")
            )?;
            for sign in signs {
                let text = match sign.detail.as_str() {
                    "" => sign.title.clone(),
                    detail => format!("{} — {detail}", sign.title),
                };
                writeln!(out, "{}", wrap(&text, "  ! ", "    "))?;
            }
        } else {
            let titles: Vec<&str> = signs.iter().map(|s| s.title.as_str()).collect();
            let first = format!("  {}: ", urgency.tag());
            writeln!(out, "{}", wrap(&titles.join("; "), &first, "    "))?;
        }
    }
    Ok(())
}

/// The alerts again, one line each, as the very last lines of `today`: whatever scrolled
/// past, the last thing on the screen is what to do.
pub fn write_alert_summary(out: Out, alerts: &[AlertLine]) -> Result<(), CliError> {
    if alerts.is_empty() {
        return Ok(());
    }
    let count = match alerts.len() {
        1 => "1 alert".to_string(),
        n => format!("{n} alerts"),
    };
    let whose = match alerts.iter().any(|a| a.rated_on.is_some()) {
        true => "Your check-ins set off",
        false => "Today's check-in set off",
    };
    writeln!(out, "\n{ALERT_MARK} {whose} {count}:")?;
    // A rating of 5 (severe) always brings the emergency line, first.
    if alerts.iter().any(|a| a.rating >= MAX_RATING) {
        writeln!(out, "{}", wrap(ESCALATION, "  ", "  "))?;
    }
    for alert in alerts {
        // The emergency line is said once, above; the rest of the message says what to do.
        let text = format!(
            "{} · {} — {}",
            alert.urgency.tag(),
            alert.title,
            alert.message_after_escalation()
        );
        writeln!(out, "{}", wrap(&text, "  ", "    "))?;
    }
    Ok(())
}
