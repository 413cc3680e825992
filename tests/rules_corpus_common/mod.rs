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
    let mut deep = String::from(r#"{"format": 2, "rules": "#);
    deep.push_str(&"[".repeat(100_000));
    deep.push_str(&"]".repeat(100_000));
    deep.push('}');
    let mut huge = String::from(r#"{"format": 2, "name": ""#);
    huge.push_str(&"x".repeat(10 * 1024 * 1024));
    huge.push_str("\"}");
    let extending =
        |rest: &str| format!(r#"{{"format": 2, "extends": "builtin", {rest}}}"#).into_bytes();
    let provider = |fields: &str| {
        edit(
            "\"format\": 2,",
            &format!("\"format\": 2, \"provider\": {{\"name\": \"Clinic\"{fields}}},"),
        )
    };
    let long_title = format!("\"title\": \"{}\"", "x".repeat(121));
    let long_id = format!("\"id\": \"{}\"", "a".repeat(65));
    vec![
        ("empty", b"".to_vec(), "the file is empty"),
        ("whitespace", b"  \n\t ".to_vec(), "the file is empty"),
        (
            "truncated",
            BUILTIN_JSON.as_bytes()[..half].to_vec(),
            "the file ends too early",
        ),
        ("one brace", b"{".to_vec(), "the file ends too early"),
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
            "more text after the plan's closing }",
        ),
        (
            "two commas",
            edit("\"format\": 2,", "\"format\": 2,,"),
            "two commas in a row",
        ),
        (
            "trailing comma",
            edit("\"format\": 2,\n", "\"format\": 2,\n}\n"),
            "a comma after the last item: JSON allows no comma before a closing }",
        ),
        (
            "single quotes",
            edit("\"format\": 2", "'format': 2"),
            "JSON needs double quotes",
        ),
        (
            "curly quotes",
            edit("\"format\": 2", "\u{201c}format\u{201d}: 2"),
            "JSON needs straight quotes",
        ),
        (
            "comment",
            edit("\"format\": 2,", "\"format\": 2, // v2"),
            "JSON has no comments",
        ),
        (
            "block comment",
            edit("\"format\": 2,", "\"format\": 2, /* v2 */"),
            "JSON has no comments",
        ),
        (
            "format as string",
            edit("\"format\": 2", "\"format\": \"2\""),
            "format: must be a number, found the text \"2\"",
        ),
        (
            "newer format",
            edit("\"format\": 2", "\"format\": 7"),
            "format 7 is newer than this aftercare can read",
        ),
        (
            "negative format",
            edit("\"format\": 2", "\"format\": -1"),
            "format must be 1 or 2, found -1",
        ),
        (
            "format 1 with format 2 fields",
            edit("\"format\": 2", "\"format\": 1"),
            "is new in format 2: change \"format\": 1 to \"format\": 2",
        ),
        (
            "unknown top-level field",
            edit("\"format\": 2,", "\"format\": 2, \"colour\": \"red\","),
            "\"colour\" is not a field of a plan",
        ),
        (
            "unknown rule field",
            edit(first_rule_id, &format!("{first_rule_id}, \"priority\": 1")),
            "\"priority\" is not a field of a rule",
        ),
        (
            "misspelt rule field",
            edit(
                "\"rationale\": \"One source",
                "\"rationale_text\": \"One source",
            ),
            "did you mean \"rationale\"?",
        ),
        (
            "missing title",
            edit("\"title\": \"No makeup\",", ""),
            "a rule needs \"title\"",
        ),
        (
            "empty title",
            edit("\"title\": \"No makeup\"", "\"title\": \"\""),
            "title: must not be empty",
        ),
        (
            "title too long",
            edit("\"title\": \"No makeup\"", &long_title),
            "121 characters long",
        ),
        (
            "title as number",
            edit("\"title\": \"No makeup\"", "\"title\": 5"),
            "must be text in double quotes, found the number 5",
        ),
        (
            "right-to-left override in a title",
            edit(
                "\"title\": \"No makeup\"",
                "\"title\": \"No \\u202emakeup\"",
            ),
            "invisible text-direction control (U+202E)",
        ),
        (
            "bidi isolate in a rationale",
            edit("\"rationale\": \"Makeup", "\"rationale\": \"\\u2067Makeup"),
            "invisible text-direction control (U+2067)",
        ),
        (
            "wrong kind",
            edit("\"kind\": \"avoid\"", "\"kind\": \"never\""),
            "must be \"do\" or \"avoid\", found \"never\"",
        ),
        (
            "wrong repeat",
            edit("\"repeat\": \"daily\"", "\"repeat\": \"hourly\""),
            "found \"hourly\"",
        ),
        (
            "wrong urgency",
            edit("\"urgency\": \"emergency\"", "\"urgency\": \"urgent\""),
            "must be \"emergency\", \"call\" or \"mention\", found \"urgent\"",
        ),
        (
            "hours as string",
            edit("\"until_hours\": 48", "\"until_hours\": \"48\""),
            "until_hours: must be a number, found the text \"48\"",
        ),
        (
            "fractional hours",
            edit("\"until_hours\": 48", "\"until_hours\": 47.5"),
            "must be a whole number of hours, found 47.5",
        ),
        (
            "inverted window",
            edit("\"until_hours\": 48", "\"until_hours\": -48"),
            "the window closes (-48 h) before it opens (0 h)",
        ),
        (
            "empty window",
            edit("\"until_hours\": 48", "\"until_hours\": 0"),
            "opens and closes at the same moment",
        ),
        (
            "absurd window",
            edit("\"until_hours\": 48", "\"until_hours\": 876000"),
            "876000 h is outside -2160 to 17568 h",
        ),
        (
            "huge number",
            edit(
                "\"until_hours\": 48",
                "\"until_hours\": 99999999999999999999999",
            ),
            "is far outside",
        ),
        (
            "hours and days both",
            edit(
                "\"until_hours\": 48",
                "\"until_hours\": 48, \"until_day\": 3",
            ),
            "give \"until_hours\" or \"until_day\", not both",
        ),
        (
            "no window start",
            edit(
                "\"from_hours\": 0,\n      \"until_hours\": 48",
                "\"until_hours\": 48",
            ),
            "a rule needs \"from_hours\" (or \"from_day\")",
        ),
        (
            "days out of order",
            edit(
                "\"from_hours\": 0,\n      \"until_hours\": 48",
                "\"from_day\": 5, \"until_day\": 3",
            ),
            "the window ends on day 3 before it starts on day 5",
        ),
        (
            "mixed window empty",
            edit(
                "\"from_hours\": 0,\n      \"until_hours\": 48",
                "\"from_hours\": 48, \"until_day\": 2",
            ),
            "is empty for a treatment late on day 1",
        ),
        (
            "day out of range",
            edit(
                "\"from_hours\": 0,\n      \"until_hours\": 48",
                "\"from_day\": 1, \"until_day\": 1000",
            ),
            "day 1000 is outside days -90 to 732",
        ),
        (
            "duplicate rule id",
            edit("\"id\": \"no-heavy-sweating\"", "\"id\": \"no-makeup\""),
            "another rule already has the id \"no-makeup\"",
        ),
        (
            "duplicate warning id",
            edit(
                "\"id\": \"infection-very-unwell\"",
                "\"id\": \"allergy-breathing-swallowing\"",
            ),
            "another warning already has the id \"allergy-breathing-swallowing\"",
        ),
        (
            "duplicate key",
            edit("\"format\": 2,", "\"format\": 2, \"format\": 2,"),
            "the field \"format\" is given twice",
        ),
        (
            "bad id",
            edit("\"id\": \"no-makeup\"", "\"id\": \"No Makeup!\""),
            "is not a usable id",
        ),
        (
            "id too long",
            edit("\"id\": \"no-makeup\"", &long_id),
            "is not a usable id",
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
            "mistyped source id",
            edit("\"id\": \"s001\"", "\"id\": \"s00l\""),
            "no source has the id \"s001\"",
        ),
        (
            "sources not a list",
            edit(
                "\"sources\": [\n        \"s002\"\n      ]",
                "\"sources\": \"s002\"",
            ),
            "must be a list of ids",
        ),
        (
            "rules not a list",
            edit("\"rules\": [", "\"rules\": {}, \"rules_\": ["),
            "must be a list of rules",
        ),
        (
            "unknown alert symptom",
            edit("\"symptom\": \"redness\"", "\"symptom\": \"rednes\""),
            "no symptom has the id \"rednes\": did you mean \"redness\"?",
        ),
        (
            "alert at_least 0",
            edit("\"at_least\": 3", "\"at_least\": 0"),
            "at_least 0 would fire at every check-in",
        ),
        (
            "rating above 5",
            edit("\"rating\": 3", "\"rating\": 6"),
            "ratings run from 0 to 5, not 6",
        ),
        (
            "expected course backwards",
            edit(
                "\"hours\": 48,\n          \"rating\": 1",
                "\"hours\": 200,\n          \"rating\": 1",
            ),
            "the expected course must go forward in time",
        ),
        (
            "next session before treatment",
            edit(
                "\"next_session\": {\n    \"from_hours\": 672",
                "\"next_session\": {\n    \"from_hours\": -24",
            ),
            "the next session must come after this treatment",
        ),
        (
            "next session before treatment (days)",
            edit(
                "\"next_session\": {\n    \"from_hours\": 672,\n    \"until_hours\": 1008",
                "\"next_session\": {\n    \"from_day\": 1,\n    \"until_day\": 42",
            ),
            "the next session must come after this treatment",
        ),
        (
            "provider phone",
            provider(", \"phone\": \"call us\""),
            "does not look like a phone number",
        ),
        (
            "provider email",
            provider(", \"email\": \"care@clinic\""),
            "does not look like an email address",
        ),
        (
            "provider web",
            provider(", \"web\": \"example.com\""),
            "is not a web address",
        ),
        (
            "provider without a contact",
            provider(""),
            "a provider needs at least one of \"phone\", \"email\", \"web\"",
        ),
        (
            "source path for a url",
            edit(
                "\"author\": \"Emily M.\",",
                "\"author\": \"Emily M.\", \"url\": \"seeds/000.txt\",",
            ),
            "\"seeds/000.txt\" is not a web address",
        ),
        (
            "source date in words",
            edit("\"date\": \"2023-08-09\"", "\"date\": \"August 2023\""),
            "is not a date: write 2023-08-09",
        ),
        (
            "extends a file nobody can read",
            br#"{"format": 2, "extends": "base.json"}"#.to_vec(),
            "extends: cannot read \"",
        ),
        (
            "removal of an unknown id",
            extending(r#""remove": {"rules": ["no-makup"]}"#),
            "has no rule with the id \"no-makup\": did you mean \"no-makeup\"?",
        ),
        (
            "removed source still cited",
            extending(r#""remove": {"sources": ["s002"]}"#),
            "the source \"s002\" this removes is still used by rule 1 (before-no-exfoliants), rule 2 (before-avoid-sun), rule 3 (before-tell-provider) and",
        ),
        (
            "extending with a broken rule",
            extending(
                r#""rules": [{"id": "no-makeup", "title": "No makeup", "kind": "avoid", "from_day": 1, "until_day": 3, "rationale": "Why.", "sources": ["s0001"]}]"#,
            ),
            "no source has the id \"s0001\"",
        ),
        (
            "no rules",
            br#"{"format":2,"name":"n","procedure":"p","disclaimer":"d","rules":[]}"#.to_vec(),
            "at least one rule",
        ),
        (
            "time of day in words",
            edit(
                "\"id\": \"drink-water\",",
                "\"id\": \"drink-water\", \"at\": \"7.30am\",",
            ),
            "\"7.30am\" is not a time of day: write hours and minutes on a 24-hour clock",
        ),
        (
            "time of day past midnight",
            edit(
                "\"id\": \"drink-water\",",
                "\"id\": \"drink-water\", \"at\": \"24:00\",",
            ),
            "\"24:00\" is not a time of day",
        ),
        (
            "time of day on an avoid rule",
            edit(
                "\"id\": \"no-makeup\",",
                "\"id\": \"no-makeup\", \"at\": \"08:00\",",
            ),
            "rule 7 (no-makeup) › at: \"at\" is the time a task to do is due; something to avoid has none",
        ),
        (
            "time of day on a twice-daily rule",
            edit(
                "\"id\": \"gentle-cleanser\",",
                "\"id\": \"gentle-cleanser\", \"at\": \"08:00\",",
            ),
            "a morning_and_evening task is due at 08:00 and 20:00",
        ),
        (
            "lifted on a task to do",
            edit(
                "\"id\": \"drink-water\",",
                "\"id\": \"drink-water\", \"lifted\": \"Stop drinking\",",
            ),
            "rule 20 (drink-water) › lifted: \"lifted\" is what the patient may do again",
        ),
        (
            "time of day in format 1",
            edit("\"format\": 2,", "\"format\": 1,"),
            "\"lifted\" is new in format 2",
        ),
        ("deep nesting", deep.into_bytes(), "nested too deeply"),
        ("10 MB title", huge.into_bytes(), "characters long"),
    ]
}
