//! The keymap: which key does what, on which screen. The footer's hints and the help overlay
//! are built from these same tables (see `hints`), so they can never disagree with the keys.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Something the user asked for on the checklist or the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Toggle,
    PrevDay,
    NextDay,
    Today,
    /// Checklist ⇄ timeline.
    SwitchScreen,
    /// The selected task's full rationale and sources.
    Why,
    /// Timeline: show earlier or later days.
    ScrollLeft,
    ScrollRight,
    /// Demo mode's simulated clock.
    HourBack,
    HourForward,
    DayBack,
    DayForward,
    PlayPause,
    /// The journal: check in, undo, the chart and history screens, the series.
    CheckIn,
    Undo,
    Chart,
    History,
    PrevSession,
    NextSession,
    AllowEdits,
    Help,
    Quit,
}

/// Something the user asked for on the first-run prompt. Letters are text there, so the
/// prompt has its own small keymap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptAction {
    Insert(char),
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    Submit,
    Quit,
}

/// Where a binding works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Always,
    Checklist,
    Timeline,
    /// Only in demo mode (`aftercare --demo`), on either screen.
    Demo,
}

/// What the keys are for at the moment: which screen is up, and whether this is a demo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Mode {
    pub timeline: bool,
    pub demo: bool,
}

impl Scope {
    pub fn applies(self, mode: Mode) -> bool {
        match self {
            Scope::Always => true,
            Scope::Checklist => !mode.timeline,
            Scope::Timeline => mode.timeline,
            Scope::Demo => mode.demo,
        }
    }
}

/// One line of the keymap.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [KeyCode],
    pub action: Action,
    pub scope: Scope,
    /// The footer's word for it; bindings next to each other with the same word share a hint
    /// ("↑↓ select"). `None` keeps it out of the footer.
    pub hint: Option<&'static str>,
    /// The help overlay's sentence for it.
    pub help: &'static str,
}

use KeyCode::Char;
use Scope::{Always, Checklist, Demo, Timeline};

/// The keymap of the checklist and the timeline. The first binding of a key that applies wins;
/// the order is also the footer's: when the hints do not fit, the later ones give way first.
#[rustfmt::skip]
pub const KEYMAP: &[Binding] = &[
    Binding { keys: &[KeyCode::Up, Char('k')], action: Action::Up, scope: Always, hint: Some("select"), help: "Select the task above" },
    Binding { keys: &[KeyCode::Down, Char('j')], action: Action::Down, scope: Always, hint: Some("select"), help: "Select the task below" },
    Binding { keys: &[Char(' '), KeyCode::Enter], action: Action::Toggle, scope: Checklist, hint: Some("tick"), help: "Tick or untick the selected task" },
    Binding { keys: &[KeyCode::Tab], action: Action::SwitchScreen, scope: Checklist, hint: Some("timeline"), help: "Show the whole plan as a timeline" },
    Binding { keys: &[KeyCode::Tab], action: Action::SwitchScreen, scope: Timeline, hint: Some("checklist"), help: "Back to the day's checklist" },
    Binding { keys: &[KeyCode::Left, Char('h')], action: Action::PrevDay, scope: Checklist, hint: Some("day"), help: "Show the day before" },
    Binding { keys: &[KeyCode::Right, Char('l')], action: Action::NextDay, scope: Checklist, hint: Some("day"), help: "Show the day after" },
    Binding { keys: &[KeyCode::Left, Char('h')], action: Action::ScrollLeft, scope: Timeline, hint: Some("scroll"), help: "Show earlier days" },
    Binding { keys: &[KeyCode::Right, Char('l')], action: Action::ScrollRight, scope: Timeline, hint: Some("scroll"), help: "Show later days" },
    Binding { keys: &[Char('c')], action: Action::CheckIn, scope: Checklist, hint: Some("check in"), help: "Check in: rate how your skin is today" },
    Binding { keys: &[Char('i'), Char('w')], action: Action::Why, scope: Always, hint: Some("why"), help: "Why this task? Its reasons and sources" },
    Binding { keys: &[Char('u')], action: Action::Undo, scope: Checklist, hint: Some("undo"), help: "Undo the last tick or untick" },
    Binding { keys: &[Char('g')], action: Action::Chart, scope: Always, hint: Some("chart"), help: "Chart your check-ins against the usual course" },
    Binding { keys: &[Char('H')], action: Action::History, scope: Always, hint: Some("history"), help: "History of your treatments side by side" },
    Binding { keys: &[Char('[')], action: Action::PrevSession, scope: Checklist, hint: Some("session"), help: "Show the treatment before" },
    Binding { keys: &[Char(']')], action: Action::NextSession, scope: Checklist, hint: Some("session"), help: "Show the treatment after" },
    Binding { keys: &[Char('e')], action: Action::AllowEdits, scope: Checklist, hint: None, help: "Allow changes to an earlier treatment" },
    Binding { keys: &[Char('t')], action: Action::Today, scope: Always, hint: Some("today"), help: "Back to today" },
    Binding { keys: &[Char(',')], action: Action::HourBack, scope: Demo, hint: Some("clock"), help: "Clock an hour back" },
    Binding { keys: &[Char('.')], action: Action::HourForward, scope: Demo, hint: Some("clock"), help: "Clock an hour forward" },
    Binding { keys: &[Char('<')], action: Action::DayBack, scope: Demo, hint: Some("clock"), help: "Clock a day back" },
    Binding { keys: &[Char('>')], action: Action::DayForward, scope: Demo, hint: Some("clock"), help: "Clock a day forward" },
    Binding { keys: &[Char('p')], action: Action::PlayPause, scope: Demo, hint: Some("play"), help: "Play the clock, a day a second; again to pause" },
    Binding { keys: &[Char('?')], action: Action::Help, scope: Always, hint: Some("help"), help: "Show this help" },
    Binding { keys: &[Char('q'), KeyCode::Esc], action: Action::Quit, scope: Always, hint: Some("quit"), help: "Quit" },
];

/// The first-run prompt's named keys; any other printable key types itself. Hints show in
/// this order, and a narrow footer drops them from the third-last back, so saving and
/// quitting, last, stay in sight longest.
#[rustfmt::skip]
pub const PROMPT_KEYMAP: &[(KeyCode, PromptAction, Option<&str>)] = &[
    (KeyCode::Backspace, PromptAction::Backspace, Some("erase")),
    (KeyCode::Left, PromptAction::Left, Some("move")),
    (KeyCode::Right, PromptAction::Right, Some("move")),
    (KeyCode::Delete, PromptAction::Delete, None),
    (KeyCode::Home, PromptAction::Home, None),
    (KeyCode::End, PromptAction::End, None),
    (KeyCode::Enter, PromptAction::Submit, Some("save")),
    (KeyCode::Esc, PromptAction::Quit, Some("quit")),
];

/// The bindings that work in `mode`, in keymap order.
pub fn bindings(mode: Mode) -> impl Iterator<Item = &'static Binding> {
    KEYMAP.iter().filter(move |b| b.scope.applies(mode))
}

/// What a key press means in `mode`.
pub fn action_for(key: KeyEvent, mode: Mode) -> Option<Action> {
    if !is_press(key) {
        return None;
    }
    bindings(mode)
        .find(|b| b.keys.contains(&key.code))
        .map(|b| b.action)
}

/// What a key press means on the first-run prompt.
pub fn prompt_action_for(key: KeyEvent) -> Option<PromptAction> {
    if !is_press(key) {
        return None;
    }
    if let Some((_, action, _)) = PROMPT_KEYMAP.iter().find(|(code, _, _)| *code == key.code) {
        return Some(*action);
    }
    match key.code {
        KeyCode::Char(c)
            if !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(PromptAction::Insert(c))
        }
        _ => None,
    }
}

/// Ctrl-C quits everywhere: raw mode swallows the signal, so honour it as a key.
pub fn is_interrupt(key: KeyEvent) -> bool {
    is_press(key) && key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c')
}

// Key repeats count (holding ↓ should keep moving); releases, reported by some terminals, do not.
pub(crate) fn is_press(key: KeyEvent) -> bool {
    key.kind != KeyEventKind::Release
}

#[cfg(test)]
mod tests {
    use super::*;

    const MODES: [Mode; 4] = [
        Mode {
            timeline: false,
            demo: false,
        },
        Mode {
            timeline: true,
            demo: false,
        },
        Mode {
            timeline: false,
            demo: true,
        },
        Mode {
            timeline: true,
            demo: true,
        },
    ];

    #[test]
    fn every_action_has_a_key() {
        for binding in KEYMAP {
            let mode = MODES.into_iter().find(|m| binding.scope.applies(*m));
            let mode = mode.unwrap_or_else(|| panic!("{:?} never applies", binding.action));
            for key in binding.keys {
                assert_eq!(action_for(KeyEvent::from(*key), mode), Some(binding.action));
            }
        }
    }

    #[test]
    fn no_key_means_two_things_at_once() {
        for mode in MODES {
            let live: Vec<_> = bindings(mode).collect();
            for (i, a) in live.iter().enumerate() {
                for b in &live[i + 1..] {
                    assert!(
                        !a.keys.iter().any(|k| b.keys.contains(k)),
                        "{:?} and {:?} share a key in {mode:?}",
                        a.action,
                        b.action
                    );
                }
            }
        }
    }

    #[test]
    fn demo_keys_only_work_in_demo_mode() {
        let play = KeyEvent::from(Char('p'));
        assert_eq!(action_for(play, MODES[0]), None);
        assert_eq!(action_for(play, MODES[2]), Some(Action::PlayPause));
        let left = KeyEvent::from(KeyCode::Left);
        assert_eq!(action_for(left, MODES[0]), Some(Action::PrevDay));
        assert_eq!(action_for(left, MODES[1]), Some(Action::ScrollLeft));
    }

    #[test]
    fn letters_are_text_on_the_prompt() {
        assert_eq!(
            prompt_action_for(KeyEvent::from(Char('q'))),
            Some(PromptAction::Insert('q'))
        );
        assert_eq!(
            prompt_action_for(KeyEvent::from(KeyCode::Esc)),
            Some(PromptAction::Quit)
        );
        assert!(is_interrupt(KeyEvent::new(
            Char('c'),
            KeyModifiers::CONTROL
        )));
    }
}
