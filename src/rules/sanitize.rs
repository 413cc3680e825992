//! Rules files come from clinics by email: their text must never reach a terminal raw. A title
//! holding an escape sequence could recolour the screen, move the cursor or set the window
//! title. Every text field is made inert once, when the file is loaded, so every screen and
//! every output after that can print it as it is.

use super::Rules;

/// `text` with line breaks and tabs turned into spaces, and every other control character
/// (C0, DEL, C1, and the bidirectional overrides that can reorder what a reader sees) shown
/// as a visible `\u{..}` escape instead.
pub fn inert(text: &str) -> String {
    if !text.chars().any(needs_care) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if needs_care(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

fn needs_care(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

impl Rules {
    /// Makes every text field inert (see the module docs).
    pub(super) fn make_text_inert(&mut self) {
        for field in [&mut self.name, &mut self.procedure, &mut self.disclaimer] {
            make_inert(field);
        }
        if let Some(p) = &mut self.provider {
            make_inert(&mut p.name);
            for text in [
                &mut p.phone,
                &mut p.email,
                &mut p.web,
                &mut p.hours,
                &mut p.out_of_hours,
            ]
            .into_iter()
            .flatten()
            {
                make_inert(text);
            }
        }
        for s in &mut self.sources {
            make_inert(&mut s.title);
            for text in [
                &mut s.author,
                &mut s.publisher,
                &mut s.date,
                &mut s.detail,
                &mut s.url,
                &mut s.note,
            ]
            .into_iter()
            .flatten()
            {
                make_inert(text);
            }
        }
        for r in &mut self.rules {
            make_inert(&mut r.title);
            make_inert(&mut r.rationale);
            if let Some(lifted) = &mut r.lifted {
                make_inert(lifted);
            }
        }
        for n in self.phases.iter_mut().chain(&mut self.warnings) {
            make_inert(&mut n.title);
            make_inert(&mut n.detail);
        }
        for s in &mut self.symptoms {
            make_inert(&mut s.title);
            make_inert(&mut s.detail);
        }
        for a in &mut self.alerts {
            make_inert(&mut a.title);
            make_inert(&mut a.message);
        }
    }
}

/// Makes `field` inert in place; clean text (nearly all of it) is left as it is, uncopied.
fn make_inert(field: &mut String) {
    if field.chars().any(needs_care) {
        *field = inert(field);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_controls_become_visible_text() {
        let cases = [
            ("No makeup", "No makeup"),
            ("\u{1b}[31mRED\u{1b}[0m", "\\u{1b}[31mRED\\u{1b}[0m"),
            ("\u{1b}]0;pwned\u{7}", "\\u{1b}]0;pwned\\u{7}"),
            ("two\nlines\tand tab", "two lines and tab"),
            ("C1 \u{9b}31m", "C1 \\u{9b}31m"),
            ("abc\u{202e}def", "abc\\u{202e}def"),
            ("日本語 😀 ok", "日本語 😀 ok"),
        ];
        for (input, want) in cases {
            assert_eq!(inert(input), want);
        }
    }

    #[test]
    fn a_loaded_file_has_no_control_characters_left() {
        let text = crate::rules::BUILTIN_JSON
            .replacen("No makeup", "No \\u001b[2Jmakeup", 1)
            .replacen("Redness like a mild sunburn", "Red\\u009b1mness", 1);
        let rules = Rules::parse(&text, "evil.json").unwrap();
        let all = serde_json::to_string(&rules).unwrap();
        let decoded: String = serde_json::from_str::<serde_json::Value>(&all)
            .unwrap()
            .to_string();
        assert!(!decoded.contains('\u{1b}') && !decoded.contains('\u{9b}'));
        assert!(rules.rules.iter().any(|r| r.title == "No \\u{1b}[2Jmakeup"));
    }
}
