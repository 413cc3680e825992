//! `plan --markdown --days`: the plan day by day, read as a clinic would print it and as a
//! Markdown renderer would draw it (the two-page handout is tests/cli_handout.rs); and how `export ics` fails. Each test has its own data
//! directory, in Europe/Berlin.

mod cli_common;

use cli_common::*;
use predicates::str::contains;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

fn markdown(p: &Patient, now: &str, extra: &[&str]) -> String {
    let out = p
        .at(now)
        .args(extra)
        .args(["plan", "--markdown", "--days"])
        .assert()
        .success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

/// The day headings, in order.
fn days(md: &str) -> Vec<&str> {
    md.lines()
        .filter_map(|l| l.strip_prefix("## "))
        .filter(|h| *h != "Sources")
        .collect()
}

/// The text a reader sees (what a renderer draws, without the formatting), one string per
/// block, and whether any emphasis, link, HTML or code was found inside `within` blocks.
fn rendered_text(md: &str) -> (String, Vec<String>) {
    let mut text = String::new();
    let mut formatting = Vec::new();
    for event in Parser::new_ext(md, Options::ENABLE_TASKLISTS) {
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_)) => text.push('\n'),
            Event::Code(c) => formatting.push(format!("code `{c}`")),
            Event::Html(h) | Event::InlineHtml(h) => formatting.push(format!("html {h}")),
            Event::Start(Tag::Link { dest_url, .. }) => formatting.push(format!("link {dest_url}")),
            Event::Start(Tag::Strikethrough) => formatting.push("strikethrough".into()),
            _ => {}
        }
    }
    (text, formatting)
}

#[test]
fn handout_has_a_title_the_disclaimer_first_and_one_section_per_day() {
    let p = Patient::treated();
    let md = markdown(&p, DAY3, &[]);
    let plan = p.json(DAY3, &["plan", "--json"]);
    let lines: Vec<&str> = md.lines().collect();
    assert_eq!(lines[0], "# Microneedling aftercare");
    assert!(md.contains("**Procedure:** Microneedling (collagen induction therapy)"));
    assert!(md.contains("**Treatment:** Fri 20 Nov 2026 14:00"), "{md}");
    let disclaimer = lines
        .iter()
        .position(|l| l.starts_with("> **Not medical advice.** This plan is general"))
        .expect("the disclaimer as a blockquote");
    let first_day = lines.iter().position(|l| l.starts_with("## ")).unwrap();
    assert!(
        disclaimer < first_day,
        "the disclaimer comes before the days"
    );
    assert_eq!(
        days(&md).len(),
        plan["days"].as_array().unwrap().len(),
        "one section per day of `plan`"
    );
    assert!(md.contains("\n## Sources\n"));
    assert!(md.contains(
        "1. Emily M. Microneedling Before and After 1 Treatment – What Can 1 Session Do? 9 Aug 2023."
    ));
}

#[test]
fn days_before_treatment_count_down_and_days_after_are_numbered() {
    let p = Patient::treated();
    let md = markdown(&p, DAY3, &[]);
    let days = days(&md);
    assert_eq!(days[0], "Before treatment · 7 days to go · Fri 13 Nov 2026");
    assert_eq!(days[5], "Before treatment · 2 days to go · Wed 18 Nov 2026");
    assert_eq!(days[6], "Before treatment · 1 day to go · Thu 19 Nov 2026");
    assert_eq!(days[7], "Day 1 · Treatment day · Fri 20 Nov 2026");
    assert_eq!(days[9], "Day 3 · Sun 22 Nov 2026");
    assert!(!md.contains("Day -") && !md.contains("Day 0"), "{md}");
}

#[test]
fn tasks_show_their_window_and_explain_themselves_once() {
    let p = Patient::treated();
    let md = markdown(&p, DAY3, &[]);
    let day = |heading: &str| -> String {
        let start = md.find(&format!("## {heading}")).unwrap();
        let end = md[start + 3..]
            .find("\n## ")
            .map_or(md.len(), |e| start + 3 + e);
        md[start..end].to_string()
    };
    let day1 = day("Day 1 ·");
    assert!(day1.contains(
        "- [ ] No makeup — from 14:00, until Sun 22 Nov 14:00\\\n  *Why:* Makeup can clog"
    ));
    assert!(day1.contains("**Normal now**"));
    assert!(day1.contains("**Warning signs**"));
    assert!(day("Day 2 ·").contains("- [ ] No makeup — until Sun 22 Nov 14:00\n"));
    assert!(day("Day 3 ·").contains("- [ ] No makeup — until 14:00 today\n"));
    assert!(
        day("Day 30 ·").contains(
            "- [ ] Book your next session — once, by Fri 1 Jan 14:00 (if not done yet)\n"
        )
    );
    assert!(day("Day 3 ·").contains(
        "- [ ] Use a gentle, fragrance-free cleanser — morning, until Fri 1 Jan 14:00\n"
    ));
    assert_eq!(
        md.matches("Makeup can clog open, sensitive pores").count(),
        1
    );
    assert_eq!(md.matches("*Why:*").count(), 23, "once per rule");
    // A printed handout is ticked with a pen: no box is filled in, even for ticked tasks.
    p.at(DAY3)
        .args(["check", "sunscreen-spf30"])
        .assert()
        .success();
    assert!(!markdown(&p, DAY3, &[]).contains("[x]"));
}

#[test]
fn renders_as_task_lists_with_the_text_of_the_rules_intact() {
    let p = Patient::treated();
    let md = markdown(&p, DAY3, &[]);
    let tasks = Parser::new_ext(&md, Options::ENABLE_TASKLISTS)
        .filter(|e| matches!(e, Event::TaskListMarker(false)))
        .count();
    assert_eq!(tasks, md.matches("\n- [ ] ").count());
    let (text, formatting) = rendered_text(&md);
    assert!(text.contains("Don't pick or scratch flaking skin — until Fri 27 Nov 14:00"));
    // The only code in the handout is the command in the "not recorded" line, absent here.
    assert_eq!(formatting, Vec::<String>::new());
}

const MARKUP_RULES: &str = r##"{
  "format": 1,
  "name": "Peel *care* <b>",
  "procedure": "Light_peel [test]",
  "disclaimer": "Not advice: ask # your provider | & `always`.",
  "sources": [{ "id": "s1", "title": "Leaflet *v2*", "detail": "<i>page</i> 3 ~ [link](http://x)" }],
  "rules": [
    { "id": "soap", "title": "Use *gentle* soap_now", "kind": "do",
      "from_hours": 0, "until_hours": 48,
      "rationale": "Keep <b>it</b> [simple](http://x) & `clean`\n- not a list", "sources": ["s1"] },
    { "id": "no-sun", "title": "1. No sun", "kind": "avoid", "from_hours": 0, "until_hours": 24,
      "rationale": "# not a heading", "sources": [] }
  ],
  "phases": [{ "id": "red", "title": "Red **skin**", "detail": "> not a quote", "from_hours": 0, "until_hours": 24 }]
}"##;

#[test]
fn text_from_the_rules_file_is_escaped_and_reads_as_written() {
    // The clinic's file is given for papers printed with --at: a treatment recorded with
    // another plan would refuse it.
    let p = Patient::new();
    let rules = write(p.data(), "markup.json", MARKUP_RULES);
    let with = |extra: &[&str]| {
        let out = p
            .at(DAY3)
            .arg("--rules")
            .arg(&rules)
            .args(["plan", "--markdown", "--at", TREATED])
            .args(extra)
            .assert()
            .success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    // The handout escapes the same text the same way.
    let handout = with(&[]);
    let (text, formatting) = rendered_text(&handout);
    // Only the handout's own words are formatting: the command that cites in full.
    assert_eq!(formatting, ["code `aftercare plan`"], "{handout}");
    for written in [
        "Peel *care* <b>",
        "Use *gentle* soap_now — daily until Sun 22 Nov 14:00 [1]",
        "1. No sun — until Sat 21 Nov 14:00",
        "Red **skin**",
        "Leaflet *v2*.",
    ] {
        assert!(text.contains(written), "{written:?}:\n{text}");
    }
    let md = with(&["--days"]);
    for raw in [
        "Peel *care* <b>",
        "Light_peel [test]",
        "`always`",
        "Leaflet *v2*",
        "<i>page</i>",
        "Use *gentle* soap_now",
        "[simple](http://x)",
        "<b>it</b>",
        "Red **skin**",
    ] {
        assert!(
            !md.contains(raw),
            "{raw:?} is in the Markdown unescaped:\n{md}"
        );
    }
    assert!(
        !md.lines()
            .any(|l| l.starts_with("- not a list") || l.starts_with("# not"))
    );
    let (text, formatting) = rendered_text(&md);
    assert_eq!(formatting, Vec::<String>::new(), "{md}");
    for written in [
        "Peel *care* <b>",
        "Procedure: Light_peel [test]",
        "Not advice: ask # your provider | & `always`.",
        "Use *gentle* soap_now — from 14:00, daily until Sun 22 Nov 14:00",
        "Why: Keep <b>it</b> [simple](http://x) & `clean` - not a list Sources: Leaflet *v2*",
        "1. No sun — from 14:00, until Sat 21 Nov 14:00",
        "Why: # not a heading",
        "Red **skin**: > not a quote",
        "Leaflet *v2*. <i>page</i> 3 ~ [link](http://x).",
    ] {
        assert!(
            text.contains(written),
            "{written:?} does not read as written:\n{text}"
        );
    }
}

#[test]
fn without_a_treatment_the_handout_is_laid_out_as_if_treated_now() {
    let p = Patient::new();
    let md = markdown(&p, DAY3, &[]);
    assert!(md.contains(
        "**Treatment:** not recorded yet; this plan is laid out as if treated now \
         (Sun 22 Nov 2026 09:00)."
    ));
    assert!(md.contains("## Day 1 · Treatment day · Sun 22 Nov 2026"));
    assert!(!p.state_file().exists(), "printing writes nothing");
}

#[test]
fn markdown_and_json_cannot_be_asked_for_together() {
    let p = Patient::treated();
    p.at(DAY3)
        .args(["plan", "--markdown", "--json"])
        .assert()
        .code(2)
        .stderr(contains("cannot be used with"));
}

// ---- export ics: the errors (the calendar itself is tested in cli_export_ics.rs) ----

#[test]
fn needs_a_recorded_treatment() {
    let p = Patient::new();
    let file = p.data().join("plan.ics");
    p.at(DAY3)
        .args(["export", "ics"])
        .arg(&file)
        .assert()
        .code(1)
        .stderr(contains("No treatment recorded yet"));
    assert!(!file.exists());
}

#[test]
fn an_unwritable_path_fails_with_the_path_in_the_message() {
    let p = Patient::treated();
    let file = p.data().join("no-such-dir").join("plan.ics");
    p.at(DAY3)
        .args(["export", "ics"])
        .arg(&file)
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains(format!(
            "aftercare: cannot write {}:",
            file.display()
        )));
}
