//! Locating paths in text: walking it, and through its index.

use super::*;

const DOC: &str = "{\n  \"a\": [1, {\"b\": \"x\\\"y\"}, {\"c\": 3}],\n  \"d\": {\"e\": null}\n}";

fn at(path: &[Segment<'_>]) -> (usize, usize) {
    line_column(DOC, locate(DOC, path))
}

#[test]
fn finds_keys_and_indexes() {
    assert_eq!(at(&[]), (1, 1));
    assert_eq!(at(&[Segment::Key("a")]), (2, 8));
    assert_eq!(at(&[Segment::Key("a"), Segment::Index(0)]), (2, 9));
    assert_eq!(
        at(&[Segment::Key("a"), Segment::Index(2), Segment::Key("c")]),
        (2, 33)
    );
    assert_eq!(at(&[Segment::Key("d"), Segment::Key("e")]), (3, 14));
}

#[test]
fn a_missing_field_points_at_its_parent() {
    assert_eq!(at(&[Segment::Key("d"), Segment::Key("zzz")]), (3, 8));
    assert_eq!(at(&[Segment::Key("a"), Segment::Index(9)]), (2, 8));
}

#[test]
fn the_index_finds_what_a_walk_finds() {
    let text = "{\"x\": 1,\n \"a\": [ {\"b\": 1},\n{\"c\": \"ü\\\"\"}, 7 ],\n\"a\": 2, \"e\": {\"f\": [3]}}";
    let index = TextIndex::new(text);
    let paths: Vec<Vec<Segment<'_>>> = vec![
        vec![],
        vec![Segment::Key("x")],
        vec![Segment::Key("a")],
        vec![Segment::Key("a"), Segment::Index(1), Segment::Key("c")],
        vec![Segment::Key("a"), Segment::Index(2)],
        vec![Segment::Key("a"), Segment::Index(3)],
        vec![Segment::Key("a"), Segment::Index(0), Segment::Key("zz")],
        vec![Segment::Key("e"), Segment::Index(0)],
        vec![Segment::Key("e"), Segment::Key("f"), Segment::Index(0)],
        vec![Segment::Key("nope"), Segment::Key("f")],
        vec![Segment::Index(0)],
    ];
    for path in paths {
        let walked = locate(text, &path);
        assert_eq!(index.locate(text, &path), walked, "{path:?}");
        assert_eq!(
            index.line_column(text, walked),
            line_column(text, walked),
            "{path:?}"
        );
    }
    for offset in [0, 1, 9, 10, 11, text.len(), text.len() + 5] {
        let offset = offset.min(text.len());
        if text.is_char_boundary(offset) {
            assert_eq!(index.line_column(text, offset), line_column(text, offset));
        }
    }
}

#[test]
fn columns_count_characters_not_bytes() {
    let text = "{\"ü\": 1, \"x\": 2}";
    assert_eq!(
        line_column(text, locate(text, &[Segment::Key("x")])),
        (1, 15)
    );
}
