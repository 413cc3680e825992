//! The handout (`plan --markdown`, issue 13 item 8): one or two printed pages for the built-in
//! plan, clean under a real Markdown renderer, dated for a treatment time or in plan days, and
//! `--at` touches no data directory.

mod cli_common;

use cli_common::*;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// A printed page: A4 or Letter at 11 pt with 2 cm margins holds about 90 characters a line
/// and 60 lines.
const COLUMNS: usize = 90;
const LINES_PER_PAGE: usize = 60;

/// How many printed lines `markdown` takes when rendered: each heading, paragraph and list
/// item is wrapped at `COLUMNS` (list items indented by 3), a blank line follows every block
/// but a list item, and a second-level heading takes a line of space above it.
fn printed_lines(markdown: &str) -> usize {
    let mut lines = 0;
    let mut text = String::new();
    let mut indent = 0;
    let wrap = |text: &str, width: usize| -> usize {
        let mut count = 0;
        let mut line = 0;
        for word in text.split_whitespace() {
            let w = word.chars().count();
            if line > 0 && line + 1 + w > width {
                count += 1;
                line = 0;
            }
            line += if line > 0 { 1 + w } else { w };
        }
        count + usize::from(line > 0)
    };
    for event in Parser::new_ext(markdown, Options::all()) {
        match event {
            Event::Start(Tag::Item) => {
                indent = 3;
                text.clear();
            }
            Event::Start(Tag::Heading { level, .. }) => {
                if level == pulldown_cmark::HeadingLevel::H2 {
                    lines += 1;
                }
                text.clear();
            }
            Event::Start(Tag::Paragraph) => text.clear(),
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak => text.push(' '),
            Event::End(TagEnd::Item) => {
                lines += wrap(&text, COLUMNS - indent);
                text.clear();
                indent = 0;
            }
            Event::End(TagEnd::Paragraph) if indent == 0 => {
                lines += wrap(&text, COLUMNS) + 1;
                text.clear();
            }
            Event::End(TagEnd::Heading(_)) => {
                lines += wrap(&text, COLUMNS) + 1;
                text.clear();
            }
            Event::End(TagEnd::List(_)) => lines += 1,
            _ => {}
        }
    }
    lines
}

/// The text a reader sees: the HTML a renderer makes, without its tags and entities.
fn rendered_text(markdown: &str) -> String {
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, Parser::new_ext(markdown, Options::all()));
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

fn handout(args: &[&str]) -> String {
    let out = Patient::new().bare().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_built_in_handout_fits_two_printed_pages() {
    for args in [
        &["plan", "--markdown"][..],
        &["plan", "--markdown", "--at", "2026-11-20 14:00"],
    ] {
        let text = handout(args);
        let lines = printed_lines(&text);
        let pages = lines.div_ceil(LINES_PER_PAGE);
        println!("{args:?}: {lines} printed lines, {pages} pages");
        assert!(pages <= 2, "{lines} lines: {pages} pages\n{text}");
        // It still has every part a handout needs.
        for part in [
            "## When to get help",
            "**Your clinic:**",
            "**Call emergency services now if:**",
            "### First 48 hours",
            "### Days 3–7",
            "### Weeks 2–4",
            "### Weeks 5–6",
            "**Normal:**",
            "**Daily check-in:**",
            "**Next session**",
            "## Sources",
            "**Clinical literature:**",
        ] {
            assert!(text.contains(part), "{part} missing:\n{text}");
        }
    }
}

#[test]
fn each_rule_appears_once_with_when_it_ends() {
    let text = handout(&["plan", "--markdown", "--at", "2026-11-20 14:00"]);
    let rules = aftercare::rules::Rules::builtin().unwrap();
    for rule in &rules.rules {
        let lines: Vec<&str> = text
            .lines()
            .filter(|l| l.starts_with(&format!("- {} —", rule.title)))
            .collect();
        assert_eq!(lines.len(), 1, "{}:\n{text}", rule.title);
        // A task of one day says the day: "as needed on Fri 20 Nov".
        assert!(
            lines[0].contains("until")
                || lines[0].contains("by")
                || lines[0].contains(" on ")
                || lines[0].contains("book ahead"),
            "{}",
            lines[0]
        );
    }
    assert!(
        text.contains("- If going out: provider-approved SPF only — as needed on Fri 20 Nov ["),
        "{text}"
    );
    // The booking's window is the session's: "once, by Fri 1 Jan 14:00" read as a deadline
    // to book by (walker S, round 11).
    assert!(
        text.contains("- Book your next session — book ahead, for Fri 18 Dec to Fri 1 Jan ["),
        "{text}"
    );
    let undated = handout(&["plan", "--markdown"]);
    assert!(
        undated.contains("- Book your next session — book ahead, for 4–6 weeks after treatment ["),
        "{undated}"
    );
    // An emergency is one at any time: no "(to 1 Jan)" after its signs.
    assert!(
        text.contains("- Swollen lips, tongue or throat, or trouble breathing ["),
        "{text}"
    );
    assert!(
        text.contains("- Apply SPF 30+ sunscreen — from Sat 21 Nov, daily until Fri 1 Jan 14:00 ["),
        "{text}"
    );
    assert!(
        text.contains("- No makeup — until Sun 22 Nov 14:00 ["),
        "{text}"
    );
    assert!(text.contains("Fri 18 Dec – Fri 1 Jan 2027"), "{text}");
}

#[test]
fn warning_signs_come_by_urgency_emergency_first() {
    let text = handout(&["plan", "--markdown"]);
    let emergency = text.find("**Call emergency services now if:**").unwrap();
    let call = text.find("**Call your clinic today if:**").unwrap();
    let mention = text.find("**Mention at your next visit:**").unwrap();
    assert!(emergency < call && call < mention);
    let breathing = text.find("trouble breathing").unwrap();
    assert!(emergency < breathing && breathing < call);
}

#[test]
fn renders_cleanly_with_a_real_markdown_renderer() {
    for args in [
        &["plan", "--markdown"][..],
        &["plan", "--markdown", "--at", "2026-11-20 14:00"],
        &["plan", "--markdown", "--days", "--at", "2026-11-20 14:00"],
    ] {
        let markdown = handout(args);
        let text = rendered_text(&markdown);
        assert!(
            !text.contains('\\'),
            "a stray backslash in {args:?}:\n{text}"
        );
        assert!(!text.contains('|'), "a broken table in {args:?}:\n{text}");
        assert!(
            !text.contains("**"),
            "unclosed emphasis in {args:?}:\n{text}"
        );
    }
}

#[test]
fn without_a_treatment_time_the_handout_speaks_in_plan_days() {
    let text = handout(&["plan", "--markdown"]);
    assert!(text.contains("(Day 1 is your treatment day)"), "{text}");
    assert!(text.contains("Days 1–14"), "{text}");
    assert!(
        text.contains("until 2 days after treatment") || text.contains("48 hours"),
        "{text}"
    );
    // No date at all: neither this year nor a weekday.
    for word in ["2026", "2027", "Mon ", "Fri "] {
        assert!(!text.contains(word), "{word}:\n{text}");
    }
}

/// `aftercare --data-dir DIR` in Berlin, nothing else from the environment.
fn aftercare_in(data: &std::path::Path) -> assert_cmd::Command {
    let mut cmd = aftercare();
    cmd.env("TZ", "Europe/Berlin")
        .env_remove("AFTERCARE_NOW")
        .env_remove("AFTERCARE_RULES")
        .env_remove("AFTERCARE_DATA_DIR")
        .arg("--data-dir")
        .arg(data);
    cmd
}

#[test]
fn at_prints_papers_without_touching_any_data_directory() {
    let dir = private_tempdir();
    let data = dir.path().join("data");
    let ics = dir.path().join("patient.ics");
    let out = aftercare_in(&data)
        .args(["plan", "--markdown", "--at", "2026-11-20 14:00"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Fri 20 Nov 2026, 14:00 (Day 1)"));
    let out = aftercare_in(&data)
        .args(["export", "ics"])
        .arg(&ics)
        .args(["--at", "2026-11-20 14:00"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::read_to_string(&ics)
            .unwrap()
            .contains("BEGIN:VEVENT")
    );
    assert!(!data.exists(), "--at created the data directory");
    // Nor is a data directory that cannot be used even looked at.
    let out = aftercare_in(std::path::Path::new("/proc/nonexistent/aftercare"))
        .args(["plan", "--json", "--at", "2026-11-20 14:00"])
        .output()
        .unwrap();
    assert!(out.status.success());
}

/// The citation numbers of `markdown` as a reader sees them, in order: the handout's text
/// ("[4, 6]") and, after "Sources", the list ("[1] …").
fn citations(markdown: &str) -> (Vec<usize>, Vec<usize>) {
    let text = rendered_text(markdown);
    let (body, list) = text.split_once("\nSources\n").expect("a Sources section");
    let numbers = |part: &str| -> Vec<Vec<usize>> {
        part.split('[')
            .skip(1)
            .filter_map(|s| s.split_once(']'))
            .map(|(inside, _)| {
                inside
                    .split(", ")
                    .map(|n| n.parse::<usize>())
                    .collect::<Result<Vec<_>, _>>()
            })
            .filter_map(Result::ok)
            .collect()
    };
    let mut first = Vec::new();
    for n in numbers(body).into_iter().flatten() {
        if !first.contains(&n) {
            first.push(n);
        }
    }
    (first, numbers(list).into_iter().flatten().collect())
}

/// Sources are numbered in the order the handout first cites them, and listed in that
/// order: a reader going down the page meets [1], then [2], and finds each in the list in
/// the same place. Sources the handout does not cite are listed after, numbered on.
#[test]
fn sources_are_numbered_in_order_of_first_citation() {
    let builtin = handout(&["plan", "--markdown", "--at", "2026-11-20 14:00"]);
    let (first, listed) = citations(&builtin);
    assert_eq!(first, (1..=first.len()).collect::<Vec<_>>(), "{builtin}");
    assert_eq!(listed, (1..=22).collect::<Vec<_>>(), "{builtin}");
    // The first warning sign (an emergency) cites NHS's anaphylaxis page first: it is [1].
    assert!(
        builtin.contains("**Clinical literature:** \\[1\\] Anaphylaxis. NHS, 2023. \\[2\\] "),
        "{builtin}"
    );
    // The one article the handout never cites comes last.
    assert!(
        builtin.contains("\\[22\\] Emily M. Microneedling Before and After 1 Treatment"),
        "{builtin}"
    );

    // `aftercare plan`, which the handout points to for the full citations, numbers none:
    // no second numbering to contradict the handout's.
    let plan = handout(&["plan", "--at", "2026-11-20 14:00"]);
    let (_, full) = plan
        .split_once("\nSources:\n")
        .expect("plan lists its sources");
    let listed: Vec<&str> = full.lines().filter(|l| l.starts_with("  • ")).collect();
    assert_eq!(listed.len(), 22, "{full}");
    assert!(
        listed[0].starts_with("  • Emily M. Microneedling Before and After"),
        "{full}"
    );

    // A clinic's plan that declares its sources in another order than it cites them.
    let p = Patient::new();
    let file = write(
        p.data(),
        "peel.json",
        r#"{"format": 2, "name": "Peel", "procedure": "Light peel",
            "disclaimer": "Not medical advice.",
            "sources": [{"id": "late", "title": "Cited second"},
                        {"id": "never", "title": "Never cited"},
                        {"id": "early", "title": "Cited first"}],
            "rules": [
              {"id": "cleanse", "title": "Cleanse gently", "kind": "do", "from_hours": 0,
               "until_hours": 48, "rationale": "Why.", "sources": ["early"]},
              {"id": "no-sun", "title": "No sun", "kind": "avoid", "from_hours": 0,
               "until_hours": 168, "rationale": "Why.", "sources": ["late", "early"]}]}"#,
    );
    let peel = stdout(p.bare().arg("--rules").arg(&file).args([
        "plan",
        "--markdown",
        "--at",
        "2026-11-20 14:00",
    ]));
    assert!(peel.contains("- Cleanse gently — daily until "), "{peel}");
    assert!(peel.contains(" [1]\n"), "{peel}");
    assert!(
        peel.contains("- No sun — until Fri 27 Nov 14:00 [1, 2]"),
        "{peel}"
    );
    assert!(
        peel.contains(
            "**Articles:** \\[1\\] Cited first. \\[2\\] Cited second. \\[3\\] Never cited."
        ),
        "{peel}"
    );
}
