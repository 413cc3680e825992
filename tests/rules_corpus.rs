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
        "\"format\": 1,",
        "\"format\": 1, \"\\u001b]0;owned\\u0007\": 1,",
        1,
    );
    let err = Rules::parse(&text, "evil.json").unwrap_err().to_string();
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    assert!(err.contains("\\u{1b}]0;owned"), "{err}");
}
