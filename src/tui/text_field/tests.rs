use super::*;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::from(code)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn typed(text: &str) -> TextField {
    let mut field = TextField::new("", 200);
    for c in text.chars() {
        assert!(field.handle_key(key(KeyCode::Char(c))));
    }
    field
}

#[test]
fn backspace_takes_a_whole_flag_and_a_whole_family() {
    let mut field = typed("Berlin 🇩🇪");
    field.handle_key(key(KeyCode::Backspace));
    assert_eq!(field.value(), "Berlin ");
    let mut field = typed("ok 👨‍👩‍👧 e\u{301}");
    field.handle_key(key(KeyCode::Backspace));
    assert_eq!(field.value(), "ok 👨‍👩‍👧 ");
    field.handle_key(key(KeyCode::Backspace));
    field.handle_key(key(KeyCode::Backspace));
    assert_eq!(field.value(), "ok ");
}

#[test]
fn ctrl_u_ctrl_w_home_and_end_work_as_in_a_shell() {
    let mut field = TextField::new("2026-11-22 09:00", 64);
    field.handle_key(ctrl('w'));
    assert_eq!(field.value(), "2026-11-22 ");
    field.handle_key(ctrl('w'));
    assert_eq!(field.value(), "");
    let mut field = TextField::new("itchy in the evening", 200);
    field.handle_key(key(KeyCode::Home));
    field.handle_key(key(KeyCode::Char('v')));
    field.handle_key(key(KeyCode::Char('.')));
    field.handle_key(key(KeyCode::Char(' ')));
    assert_eq!(field.value(), "v. itchy in the evening");
    // Ctrl-U deletes from the cursor back to the start, keeping what follows it.
    field.handle_key(ctrl('u'));
    assert_eq!(field.value(), "itchy in the evening");
    field.handle_key(key(KeyCode::End));
    field.handle_key(key(KeyCode::Char('!')));
    assert_eq!(field.value(), "itchy in the evening!");
    // Ctrl with a letter the map does not know types nothing.
    assert!(!field.handle_key(ctrl('x')));
    assert_eq!(field.value(), "itchy in the evening!");
}

#[test]
fn a_paste_is_one_line_of_text_within_the_limit() {
    let mut field = TextField::new("", 12);
    field.paste("itchy\r\n  q\tx\u{1b}[A");
    assert_eq!(field.value(), "itchy   q x[");
    field.paste("more");
    assert_eq!(field.value().chars().count(), 12);
}

#[test]
fn the_cursor_stays_in_view() {
    let text = |spans: &[Span]| {
        spans
            .iter()
            .map(|s| s.content.to_string())
            .collect::<Vec<_>>()
    };
    let field = TextField::new("2026-11-22 09:00", 64);
    let style = Style::new();
    assert_eq!(
        text(&field.spans(20, style, style)),
        ["2026-11-22 09:00", " ", ""]
    );
    // Too narrow: the end, where the cursor is, shows.
    assert_eq!(text(&field.spans(6, style, style)), ["09:00", " ", ""]);
    let mut field = field;
    field.handle_key(key(KeyCode::Home));
    assert_eq!(text(&field.spans(6, style, style)), ["", "2", "026-1"]);
    let field = TextField::new("日本語", 64);
    assert_eq!(text(&field.spans(4, style, style)), ["語", " ", ""]);
}
