//! What the patient is told to do when the clinic can't be reached (walk-through after
//! issue 13). A clinic may be anywhere: where its plan names its own out-of-hours route
//! (`provider.out_of_hours`), every warning sign it inherits from the built-in plan, and the
//! alert for a severe rating, say that route, never the built-in plan's UK example. The
//! built-in plan names NHS 111 only as the UK's service, where its sources (NHS pages) do.

mod cli_common;

use cli_common::*;
use serde_json::Value;

/// A US clinic's plan: the built-in one with the clinic's own contact details.
const US_CLINIC: &str = r#"{
  "format": 2,
  "extends": "builtin",
  "name": "Lakeside Skin: microneedling aftercare",
  "provider": {
    "name": "Lakeside Skin",
    "phone": "555 010 0100",
    "hours": "Mon–Fri 9:00–17:00",
    "out_of_hours": "Call our after-hours nurse line, 555 010 0199; in an emergency call 911."
  }
}"#;

const CLINIC_FALLBACK: &str = "If you can't reach the clinic: Call our after-hours nurse line, \
                               555 010 0199; in an emergency call 911.";

/// The details of today's warning signs of one urgency, from `today --json`.
fn details(today: &Value, urgency: &str) -> Vec<String> {
    today["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["urgency"] == urgency)
        .map(|w| w["detail"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_clinic_out_of_hours_route_is_what_every_warning_sign_says() {
    let (p, file) = treated_with(US_CLINIC, "lakeside.json");
    // Day 8: every "call" sign of the built-in plan is watched for.
    let day8 = "2026-11-27 09:00";
    let calls = details(&p.today(day8), "call");
    assert_eq!(calls.len(), 9, "{calls:#?}");
    // The eight that carry the built-in fallback say the clinic's words instead (the ninth,
    // lumps weeks later, has none); none names NHS 111 or a generic service.
    let with_route = calls.iter().filter(|d| d.contains(CLINIC_FALLBACK)).count();
    assert_eq!(with_route, 8, "{calls:#?}");
    for detail in &calls {
        assert!(!detail.contains("NHS 111"), "{detail}");
        assert!(!detail.contains("urgent-care"), "{detail}");
    }
    // The text, the calendar and the plan as `rules show` prints it say the same.
    let today = stdout(p.at(day8).arg("today")).replace("\n    ", " ");
    assert!(!today.contains("NHS 111"), "{today}");
    assert_eq!(today.matches(CLINIC_FALLBACK).count(), 8, "{today}");
    let calendar = exported_calendar(&p, day8);
    assert!(!calendar.contains("NHS 111"));
    let shown = stdout(p.bare().args(["rules", "show"]).arg(&file));
    assert!(!shown.contains("NHS 111"), "{shown}");
    assert_eq!(shown.matches(CLINIC_FALLBACK).count(), 8);
    // A severe rating on a day no plan alert covers ends with the clinic's route too.
    let said = stdout(
        p.at("2026-11-22 09:00")
            .args(["checkin", "--rate", "dryness=5"]),
    )
    .replace("\n  ", " ");
    assert!(
        said.contains(&format!("Call emergency services now. {CLINIC_FALLBACK}")),
        "{said}"
    );
}

#[test]
fn the_built_in_plan_names_nhs_111_only_as_the_uk_service() {
    let p = Patient::treated();
    let calls = details(&p.today("2026-11-27 09:00"), "call");
    let uk = "If you can't reach the clinic, use a local urgent-care or out-of-hours service \
              (NHS 111 in the UK).";
    let general = "If you can't reach the clinic, use a local urgent-care or out-of-hours \
                   service.";
    assert_eq!(calls.iter().filter(|d| d.ends_with(uk)).count(), 6);
    assert_eq!(calls.iter().filter(|d| d.ends_with(general)).count(), 2);
    for detail in &calls {
        assert!(!detail.contains("for example NHS 111"), "{detail}");
    }
    // A clinic that names no out-of-hours route keeps the built-in fallback.
    let (p, _) = treated_with(
        &US_CLINIC.replace(
            r#",
    "out_of_hours": "Call our after-hours nurse line, 555 010 0199; in an emergency call 911.""#,
            "",
        ),
        "no-route.json",
    );
    let calls = details(&p.today("2026-11-27 09:00"), "call");
    assert_eq!(calls.iter().filter(|d| d.ends_with(uk)).count(), 6);
}
