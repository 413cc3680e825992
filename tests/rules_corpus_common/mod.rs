//! Malformed rules files, shared by the library and command-line corpus tests.

use aftercare::rules::BUILTIN_JSON;

/// The built-in file with the first `from` replaced by `to`.
fn edit(from: &str, to: &str) -> Vec<u8> {
    assert!(BUILTIN_JSON.contains(from), "{from}");
    BUILTIN_JSON.replacen(from, to, 1).into_bytes()
}

/// (name, bytes, a fragment the message must contain)
pub fn corpus() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let first_rule_id = r#""id": "before-no-exfoliants""#;
    let half = BUILTIN_JSON.len() / 2;
    let mut deep = String::from(r#"{"format": 1, "rules": "#);
    deep.push_str(&"[".repeat(100_000));
    deep.push_str(&"]".repeat(100_000));
    deep.push('}');
    let mut huge = String::from(r#"{"format": 1, "name": ""#);
    huge.push_str(&"x".repeat(10 * 1024 * 1024));
    huge.push_str("\"}");
    vec![
        ("empty", b"".to_vec(), "EOF while parsing"),
        ("whitespace", b"  \n\t ".to_vec(), "EOF while parsing"),
        (
            "truncated",
            BUILTIN_JSON.as_bytes()[..half].to_vec(),
            "EOF while parsing",
        ),
        ("one brace", b"{".to_vec(), "EOF while parsing"),
        ("array", b"[]".to_vec(), "must start with '{'"),
        ("null", b"null".to_vec(), "must start with '{'"),
        ("number", b"42".to_vec(), "must start with '{'"),
        (
            "binary garbage",
            vec![0x00, 0x9f, 0x92, 0x96, 0xff, 0xfe, 0x01],
            "not UTF-8",
        ),
        (
            "invalid utf-8 in a title",
            edit("No makeup", "No make\u{0}up")
                .into_iter()
                .map(|b| if b == 0 { 0xc3 } else { b })
                .collect(),
            "not UTF-8",
        ),
        (
            "latin-1 text",
            edit("No makeup", "No make-up caf\u{e9}")
                .iter()
                .copied()
                .flat_map(|b| {
                    if b == 0xc3 {
                        vec![]
                    } else if b == 0xa9 {
                        vec![0xe9]
                    } else {
                        vec![b]
                    }
                })
                .collect(),
            "not UTF-8",
        ),
        (
            "trailing garbage",
            [BUILTIN_JSON.as_bytes(), b"\n}"].concat(),
            "trailing characters",
        ),
        (
            "trailing comma",
            edit("\"format\": 1,", "\"format\": 1,,"),
            "key must be a string",
        ),
        (
            "single quotes",
            edit("\"format\": 1", "'format': 1"),
            "key must be a string",
        ),
        (
            "comment",
            edit("\"format\": 1,", "\"format\": 1, // v1"),
            "key must be a string",
        ),
        (
            "format as string",
            edit("\"format\": 1", "\"format\": \"1\""),
            "format: invalid type",
        ),
        (
            "newer format",
            edit("\"format\": 1", "\"format\": 7"),
            "format 7 is not supported",
        ),
        (
            "negative format",
            edit("\"format\": 1", "\"format\": -1"),
            "format: invalid value",
        ),
        (
            "unknown top-level field",
            edit("\"format\": 1,", "\"format\": 1, \"colour\": \"red\","),
            "unknown field `colour`",
        ),
        (
            "unknown rule field",
            edit(first_rule_id, &format!("{first_rule_id}, \"priority\": 1")),
            "unknown field `priority`",
        ),
        (
            "missing title",
            edit("\"title\": \"No makeup\",", ""),
            "missing field `title`",
        ),
        (
            "empty title",
            edit("\"title\": \"No makeup\"", "\"title\": \"\""),
            "title: must not be empty",
        ),
        (
            "wrong kind",
            edit("\"kind\": \"avoid\"", "\"kind\": \"never\""),
            "unknown variant `never`",
        ),
        (
            "wrong repeat",
            edit("\"repeat\": \"daily\"", "\"repeat\": \"hourly\""),
            "unknown variant `hourly`",
        ),
        (
            "hours as string",
            edit("\"until_hours\": 48", "\"until_hours\": \"48\""),
            "until_hours: invalid type",
        ),
        (
            "fractional hours",
            edit("\"until_hours\": 48", "\"until_hours\": 47.5"),
            "until_hours: invalid type: floating point",
        ),
        (
            "inverted window",
            edit("\"until_hours\": 48", "\"until_hours\": -48"),
            "ends (-48 h) before it starts",
        ),
        (
            "empty window",
            edit("\"until_hours\": 48", "\"until_hours\": 0"),
            "before it starts",
        ),
        (
            "absurd window",
            edit("\"until_hours\": 48", "\"until_hours\": 876000"),
            "is outside",
        ),
        (
            "huge number",
            edit(
                "\"until_hours\": 48",
                "\"until_hours\": 99999999999999999999999",
            ),
            "until_hours: invalid type",
        ),
        (
            "duplicate rule id",
            edit("\"id\": \"no-heavy-sweating\"", "\"id\": \"no-makeup\""),
            "duplicate rule id \"no-makeup\"",
        ),
        (
            "duplicate key",
            edit("\"format\": 1,", "\"format\": 1, \"format\": 1,"),
            "duplicate field `format`",
        ),
        (
            "bad id",
            edit("\"id\": \"no-makeup\"", "\"id\": \"No Makeup!\""),
            "must be 1–64 lowercase",
        ),
        (
            "missing source",
            edit(
                "\"sources\": [\n        \"s001\"",
                "\"sources\": [\n        \"s999\"",
            ),
            "no source has the id \"s999\"",
        ),
        (
            "no rules",
            br#"{"format":1,"name":"n","procedure":"p","disclaimer":"d","rules":[]}"#.to_vec(),
            "at least one rule",
        ),
        ("deep nesting", deep.into_bytes(), "invalid type: sequence"),
        (
            "10 MB title",
            huge.into_bytes(),
            "missing field `procedure`",
        ),
    ]
}
