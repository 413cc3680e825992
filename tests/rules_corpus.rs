//! Issue 4, item 4: a corpus of malformed rules files. Each one is refused with a message that
//! names the file and points at a line and column; none panics.

mod rules_corpus_common;

use aftercare::rules::{BUILTIN_JSON, Rules};
use rules_corpus_common::corpus;

#[test]
fn every_malformed_file_is_refused_with_a_located_message() {
    let corpus = corpus();
    assert!(corpus.len() >= 30);
    let mut wrong = Vec::new();
    for (name, bytes, fragment) in &corpus {
        match Rules::from_bytes(bytes, "clinic.json") {
            Ok(_) => wrong.push(format!("{name}: accepted")),
            Err(err) => {
                let message = err.to_string();
                let located = err.problems.iter().all(|p| p.line >= 1 && p.column >= 1);
                if !message.starts_with("clinic.json:") || !located || !message.contains(fragment) {
                    wrong.push(format!("{name}: {message:.300}"));
                }
            }
        }
    }
    println!(
        "rules corpus: {} malformed files, {} refused as expected",
        corpus.len(),
        corpus.len() - wrong.len()
    );
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn crlf_line_endings_and_a_byte_order_mark_are_fine() {
    let crlf = BUILTIN_JSON.replace('\n', "\r\n");
    assert!(Rules::parse(&crlf, "crlf.json").is_ok());
    let bom = format!("\u{feff}{BUILTIN_JSON}");
    assert!(Rules::from_bytes(bom.as_bytes(), "bom.json").is_ok());
    // Problems in a CRLF file still get the right line.
    let bad = crlf.replacen("\"until_hours\": 48", "\"until_hours\": 0", 1);
    let err = Rules::parse(&bad, "crlf.json").unwrap_err();
    let lf_line = BUILTIN_JSON
        .lines()
        .position(|l| l.contains("\"until_hours\": 48"))
        .unwrap()
        + 1;
    assert_eq!(err.problems[0].line, lf_line);
}

#[test]
fn escape_sequences_in_a_bad_file_never_reach_the_message_raw() {
    let text = BUILTIN_JSON.replacen(
        "\"format\": 2,",
        "\"format\": 2, \"\\u001b]0;owned\\u0007\": 1,",
        1,
    );
    let err = Rules::parse(&text, "evil.json").unwrap_err().to_string();
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    assert!(err.contains("\\u{1b}]0;owned"), "{err}");
}

/// A mistyped source id that 30 rules cite is one line, not 30, and names the others.
#[test]
fn one_mistake_cited_everywhere_is_one_line() {
    let text = BUILTIN_JSON.replacen("\"id\": \"s001\"", "\"id\": \"s00l\"", 1);
    let err = Rules::parse(&text, "clinic.json").unwrap_err();
    assert_eq!(err.problems.len(), 1, "{err}");
    let message = err.to_string();
    assert!(
        message.contains("no source has the id \"s001\""),
        "{message}"
    );
    // 29 rules, phases, check-in alerts, the next session, and the plan's `after` note.
    assert!(message.contains("and 32 more)"), "{message}");
    assert_eq!(message.lines().count(), 1);
}

/// Type errors in several rules come together, in one run, each naming its rule.
#[test]
fn type_errors_in_several_rules_come_together() {
    let text = BUILTIN_JSON
        .replacen("\"until_hours\": 48", "\"until_hours\": \"48\"", 1)
        .replacen("\"kind\": \"do\"", "\"kind\": \"does\"", 1)
        .replacen("\"repeat\": \"once\"", "\"repeat\": 1", 1)
        .replacen("\"title\": \"No makeup\"", "\"title\": \"\"", 1);
    let err = Rules::parse(&text, "clinic.json").unwrap_err();
    let lines: Vec<String> = err.to_string().lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 4, "{lines:#?}");
    for want in [
        "rule 3 (before-tell-provider) › kind: must be \"do\" or \"avoid\", found \"does\"",
        "rule 3 (before-tell-provider) › repeat: must be text in double quotes, found the number 1",
        "rule 7 (no-makeup) › title: must not be empty",
        "rule 7 (no-makeup) › until_hours: must be a number, found the text \"48\": remove the quotes",
    ] {
        assert!(lines.iter().any(|l| l.contains(want)), "{want}\n{lines:#?}");
    }
}
