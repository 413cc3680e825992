use super::actions::name_the_clinic;
use super::*;
use crate::rules::Provider;
use chrono::DateTime;
use chrono_tz::Europe::Berlin;

#[test]
fn ratings_name_a_symptom_of_the_plan_and_a_value_from_0_to_5() {
    let rules = Rules::builtin().unwrap();
    assert_eq!(
        parse_rating("redness=2", &rules),
        Ok(("redness".into(), Some(2)))
    );
    assert_eq!(parse_rating(" swelling = 0", &rules).unwrap().1, Some(0));
    // "-": not rated, a rating given by mistake taken back.
    assert_eq!(
        parse_rating("redness=-", &rules),
        Ok(("redness".into(), None))
    );
    for bad in ["redness=6", "redness=-1", "redness=", "itch=2", "redness"] {
        assert!(parse_rating(bad, &rules).is_err(), "{bad}");
    }
    let message = parse_rating("itch=2", &rules).unwrap_err();
    assert!(message.contains("redness, swelling"), "{message}");
}

#[test]
fn a_rating_takes_the_words_the_screens_show_for_a_symptom() {
    // Walkers typed `--rate tenderness=3`, the word the check-in form shows, and were refused:
    // the id is `discomfort`. Any alternative of the title, in any case, names the symptom.
    let rules = Rules::builtin().unwrap();
    for (text, id) in [
        ("tenderness=3", "discomfort"),
        ("Discomfort=3", "discomfort"),
        ("Tenderness or discomfort=3", "discomfort"),
        ("flaking=3", "dryness"),
        ("REDNESS=3", "redness"),
    ] {
        assert_eq!(
            parse_rating(text, &rules),
            Ok((id.into(), Some(3))),
            "{text}"
        );
    }
    assert!(parse_rating("tender=3", &rules).is_err());
}

#[test]
fn expected_ratings_are_read_at_noon_or_at_the_treatment() {
    let rules = Rules::builtin().unwrap();
    let at = DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap();
    let plan = Plan::new(&rules, at, Berlin);
    let redness = &rules.symptoms[0];
    // Day 1 after a 14:00 treatment: at the treatment, 3; Day 3 noon is 46 h on.
    assert_eq!(expected_on(&plan, redness, 1), Some(3.0));
    let day3 = expected_on(&plan, redness, 3).unwrap();
    assert!((day3 - (3.0 - 2.0 * 46.0 / 48.0)).abs() < 1e-9, "{day3}");
    assert_eq!(expected_on(&plan, redness, 14), Some(0.0));
}

#[test]
fn a_plans_alert_says_its_action_once() {
    let call = Urgency::Call;
    // Without it, the tier's action is added once.
    let said = with_action("Swelling that grows can be infection.".into(), call, None);
    assert_eq!(
        said,
        "Swelling that grows can be infection. Call your clinic today. If you can't reach \
         your clinic today, use urgent care."
    );
    // Said already, first or mid-sentence in any case, it is not said again; what to do
    // when the clinic can't be reached follows it.
    for text in [
        "Call your clinic today: swelling that grows can be infection.",
        "If it spreads or worse, call your clinic today.",
    ] {
        assert_eq!(
            with_action(text.into(), call, None),
            format!("{text} If you can't reach your clinic today, use urgent care.")
        );
    }
    // A mention-level alert has no such words: nothing is urgent.
    let mention = with_action("Pinkness that lingers.".into(), Urgency::Mention, None);
    assert!(!mention.contains("urgent care"), "{mention}");
}

/// The alerts of a check-in on Mon 30 Nov 2026 (Day 11 of a Fri 20 Nov 14:00
/// treatment in Berlin) rating `ratings`, with the plan's clinic `provider`.
fn alerts_of(ratings: &[(&str, u8)], provider: Option<Provider>) -> Vec<AlertLine> {
    let mut rules = Rules::builtin().unwrap();
    rules.provider = provider;
    let at = DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap();
    let plan = Plan::new(&rules, at, Berlin);
    let mut session = Session::new(at);
    let mut checkin = crate::store::CheckIn::default();
    for (id, rating) in ratings {
        checkin.ratings.insert((*id).to_string(), *rating);
    }
    let date = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    session.checkins.insert(date, checkin);
    alerts_on(&plan, &session, date, plan.day_bounds(date).1)
}

#[test]
fn the_alert_that_says_call_emergency_services_comes_first() {
    // Tenderness 3 and redness 4 on Day 11 set off the plan's two call-today alerts; a
    // swelling of 5 the plan has no alert for sets off the severe one, which leads.
    let lines = alerts_of(&[("discomfort", 3), ("redness", 4), ("swelling", 5)], None);
    let ids: Vec<&str> = lines.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(
        ids,
        [SEVERE_ID, "redness-after-a-week", "tender-after-two-days"]
    );
    assert!(
        lines[0].message.starts_with(ESCALATION),
        "{}",
        lines[0].message
    );
}

#[test]
fn a_plans_alert_that_says_call_your_clinic_names_the_clinic_and_its_number() {
    let glow = Provider {
        name: "Glow Clinic".into(),
        phone: Some("+44 20 7946 0555".into()),
        ..Provider::default()
    };
    let lines = alerts_of(&[("redness", 4)], Some(glow));
    assert_eq!(lines.len(), 1);
    let message = &lines[0].message;
    assert!(
        message.starts_with("Call Glow Clinic today (+44 20 7946 0555): redness is"),
        "{message}"
    );
    assert!(!message.contains("your clinic"), "{message}");
    assert!(
        message.ends_with("If you can't reach Glow Clinic today, use urgent care."),
        "{message}"
    );
    // Without a clinic in the plan the words stay the plan's own.
    let plain = alerts_of(&[("redness", 4)], None);
    assert!(
        plain[0]
            .message
            .starts_with("Call your clinic today: redness is")
    );
    // Mid-sentence, lower case.
    let named = name_the_clinic(
        "If it spreads, call your clinic today.".into(),
        Urgency::Call,
        "Call Glow Clinic today (+44 20 7946 0555)",
    );
    assert_eq!(
        named,
        "If it spreads, call Glow Clinic today (+44 20 7946 0555)."
    );
}

/// A call-today alert on a day the clinic may be closed says what the clinic says to do
/// then (walk: a Saturday's "Call Harbour Skin Clinic today" with its Mon–Fri hours, and
/// the out-of-hours words only behind `s`).
#[test]
fn a_call_today_alert_says_what_to_do_when_the_clinic_is_closed() {
    let harbour = Provider {
        name: "Harbour Skin Clinic".into(),
        phone: Some("+44 117 496 0555".into()),
        out_of_hours: Some("Call NHS 111; in an emergency call 999".into()),
        ..Provider::default()
    };
    let lines = alerts_of(&[("redness", 4)], Some(harbour.clone()));
    let message = &lines[0].message;
    assert!(
        message.starts_with("Call Harbour Skin Clinic today (+44 117 496 0555):"),
        "{message}"
    );
    assert!(
        message
            .ends_with(" If you can't reach the clinic: Call NHS 111; in an emergency call 999."),
        "{message}"
    );
    // Once, not again on the severe alert that says it already.
    let severe = alerts_of(&[("redness", 5)], Some(harbour));
    for line in &severe {
        assert_eq!(
            line.message.matches("NHS 111").count(),
            1,
            "{}",
            line.message
        );
    }
}

#[test]
fn notes_are_one_line_of_plain_text() {
    assert_eq!(
        clean_note("  itchy\nin the evening \u{1b}[2J "),
        "itchy in the evening \\u{1b}[2J"
    );
    assert_eq!(clean_note(&"x".repeat(500)).chars().count(), MAX_NOTE_CHARS);
}
