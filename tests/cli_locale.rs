//! Issue 15, "Command line and terminal": output follows the locale (plain ASCII where it is
//! not UTF-8, JSON excepted), and `today` ends on its alerts so they are the last thing a
//! patient sees on a 24-row terminal. Europe/Berlin.

mod cli_common;

use cli_common::*;
use predicates::str::contains;

/// A patient treated at TREATED with a check-in on Day 3 that sets off two alerts.
fn alerted() -> Patient {
    let p = Patient::treated();
    p.at(DAY3)
        .args(["checkin", "--rate", "redness=5", "--rate", "swelling=5"])
        .assert()
        .success();
    p
}

fn stdout(p: &Patient, env: &[(&str, &str)], args: &[&str]) -> String {
    let mut cmd = p.at(DAY3);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.args(args).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

#[test]
fn today_short_is_plain_ascii_outside_utf8_locales() {
    let p = alerted();
    let ascii = "Day 3 - 0/7 done - No makeup for 5 h more - ! 1 alert\n";
    let cases: [(&[(&str, &str)], &str); 5] = [
        (&[("LANG", "C")], ascii),
        (&[("LANG", "en_US.ISO-8859-1")], ascii),
        // LC_ALL overrides LANG, LC_CTYPE does too.
        (&[("LANG", "en_US.UTF-8"), ("LC_ALL", "C")], ascii),
        (
            &[("LANG", "C"), ("LC_CTYPE", "de_DE.UTF-8")],
            "Day 3 · 0/7 done · No makeup for 5 h more · ⚠ 1 alert\n",
        ),
        (
            &[("LANG", "en_US.UTF-8")],
            "Day 3 · 0/7 done · No makeup for 5 h more · ⚠ 1 alert\n",
        ),
    ];
    for (env, want) in cases {
        assert_eq!(stdout(&p, env, &["today", "--short"]), want, "{env:?}");
    }
}

#[test]
fn every_text_command_is_ascii_in_the_c_locale_and_json_stays_utf8() {
    let p = alerted();
    for args in [
        &["today"][..],
        &["plan", "--from", "1", "--to", "4"],
        &["history"],
        &["plan", "--markdown"],
    ] {
        let text = stdout(&p, &[("LANG", "C")], args);
        let odd: Vec<char> = text.chars().filter(|c| !c.is_ascii()).collect();
        assert!(odd.is_empty(), "{args:?}: {odd:?}\n{text}");
    }
    let text = stdout(&p, &[("LANG", "C")], &["today"]);
    assert!(
        text.contains("! CALL TODAY - Rated severe: redness, swelling (you rated each 5)"),
        "{text}"
    );
    assert!(
        text.contains("CALL TODAY - Rated severe: redness, swelling - Call your clinic today."),
        "{text}"
    );
    assert!(text.contains("as needed - until 14:00"), "{text}");
    let json = stdout(&p, &[("LANG", "C")], &["today", "--json"]);
    assert!(json.contains("\"as needed · until 14:00\""), "{json}");
    // Errors too.
    p.at(DAY3)
        .env("LANG", "C")
        .args(["check", "no-such-task"])
        .assert()
        .code(2)
        .stderr(predicates::function::function(|e: &str| e.is_ascii()));
}

#[test]
fn todays_alerts_are_also_its_last_lines() {
    let p = alerted();
    let text = stdout(&p, &[], &["today"]);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.len() > 24, "{text}");
    // The first screenful shows them, and so does the last.
    let first = lines[..24].join("\n");
    assert!(first.contains("CALL TODAY"), "{first}");
    let last = lines[lines.len() - 5..].join("\n");
    assert_eq!(
        last,
        "\n⚠ Today's check-in set off 1 alert:\n  \
         Feel very unwell or have trouble breathing? Call emergency services now.\n  \
         CALL TODAY · Rated severe: redness, swelling — Call your clinic today. If you\n    \
         can't reach your clinic today, use urgent care."
    );
    p.at(DAY3)
        .arg("today")
        .assert()
        .stdout(contains("set off 1 alert:"));
}

#[test]
fn text_output_has_no_colour_or_escape_sequences() {
    let p = alerted();
    for env in [&[][..], &[("NO_COLOR", "1")], &[("TERM", "xterm-256color")]] {
        for args in [&["today"][..], &["today", "--short"], &["history"]] {
            let text = stdout(&p, env, args);
            assert!(!text.contains('\x1b'), "{env:?} {args:?}: {text:?}");
        }
    }
}

/// Issue 15 walk-through: in the C locale a temperature read "38  degC" and lines of `today`
/// ran to 89 columns, where the UTF-8 output keeps to 80. ASCII output is laid out as it is
/// printed: no line is wider than the widest of the UTF-8 output (a URL, which cannot be
/// broken, aside), and temperatures read "38 C (100.4 F)".
#[test]
fn ascii_output_keeps_the_width_of_the_utf8_output() {
    let p = alerted();
    let widest = |text: &str| {
        text.lines()
            .filter(|l| !l.contains("https://"))
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0)
    };
    for args in [
        &["today"][..],
        &["plan"],
        &["plan", "--from", "1", "--to", "4"],
        &["history"],
        &["remind"],
    ] {
        let utf8 = stdout(&p, &[("LANG", "C.UTF-8")], args);
        let ascii = stdout(&p, &[("LANG", "C")], args);
        assert!(widest(&utf8) <= 80, "{args:?}:\n{utf8}");
        assert!(widest(&ascii) <= widest(&utf8), "{args:?}:\n{ascii}");
        assert!(!ascii.contains("  deg"), "{args:?}:\n{ascii}");
    }
    // A plan whose words are full of characters wider in ASCII ("…" is "...", "→" is "->").
    let wide = std::fs::read_to_string(BUILTIN)
        .unwrap()
        .replace(" or ", " … ")
        .replace(", ", " → ");
    let (clinic, _) = treated_with(&wide, "wide.json");
    for args in [&["today"][..], &["plan"], &["remind"]] {
        let ascii = stdout(&clinic, &[("LANG", "C")], args);
        assert!(
            ascii.contains("...") || ascii.contains("->"),
            "{args:?}:\n{ascii}"
        );
        assert!(widest(&ascii) <= 80, "{args:?}:\n{ascii}");
    }
    let today = stdout(&p, &[("LANG", "C")], &["today"]);
    assert!(
        today.contains(
            "  ! Fever of 38 C (100.4 F) or more, or chills - A temperature of 38 C (100.4 F)\n"
        ),
        "{today}"
    );
}
