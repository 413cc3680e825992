//! The screen's look in one place: every style the screens and widgets use. Colours only
//! ever repeat what a marker or word already says, so the screen reads the same on a
//! monochrome terminal.

use ratatui::style::{Color, Modifier, Style};

/// The bar across the top with the plan's name and the day.
pub const TITLE_BAR: Style = Style::new().fg(Color::Black).bg(Color::Cyan);
pub const TITLE_DAY: Style = Style::new()
    .fg(Color::Black)
    .bg(Color::Cyan)
    .add_modifier(Modifier::BOLD);
/// The line under the title: when the treatment was.
pub const SUMMARY: Style = Style::new();
pub const MUTED: Style = Style::new().fg(Color::DarkGray);
pub const EMPHASIS: Style = Style::new().add_modifier(Modifier::BOLD);

/// Group headings and markers of the two kinds of task.
pub const DO_HEADING: Style = Style::new().fg(Color::Green).add_modifier(Modifier::BOLD);
pub const AVOID_HEADING: Style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
pub const DO_MARKER: Style = Style::new().fg(Color::Green);
pub const AVOID_MARKER: Style = Style::new().fg(Color::Yellow);
pub const TASK: Style = Style::new();
pub const TASK_DONE: Style = Style::new()
    .fg(Color::DarkGray)
    .add_modifier(Modifier::CROSSED_OUT);
pub const WHEN: Style = Style::new().fg(Color::Gray);
/// A task whose slot begins later today, listed once its folded line is opened: it reads
/// as not yet due beside the tasks on now.
pub const LATER: Style = Style::new().fg(Color::Gray);
/// A slot that is over and was not ticked.
pub const MISSED: Style = Style::new().fg(Color::Yellow);
/// A folded line: "▸ Evening, from 20:00 (2): …".
pub const FOLD: Style = Style::new().fg(Color::Gray);
/// Something to avoid, ticked as kept today.
pub const AVOID_KEPT: Style = Style::new().fg(Color::DarkGray);
/// A restriction over on the day: "✓ Makeup is fine again".
pub const LIFTED: Style = Style::new().fg(Color::Green);
/// A dark grey bar with light text: readable on dark and light terminal themes alike.
pub const SELECTED: Style = Style::new().fg(Color::White).bg(Color::Indexed(238));
/// A done task's title on the selected row, where dark grey would vanish into the bar.
pub const SELECTED_DONE: Style = Style::new().fg(Color::Gray);

/// Section rules and their titles.
pub const RULE: Style = Style::new().fg(Color::DarkGray);
pub const SECTION: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
pub const WARNING_SECTION: Style = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
pub const PHASE: Style = Style::new();
pub const WARNING: Style = Style::new().fg(Color::LightRed);
/// The clinic's contact beside "Warning signs".
pub const CONTACT: Style = Style::new().fg(Color::White).add_modifier(Modifier::BOLD);
/// The urgency of warning signs: an emergency in bold on red, a call in bold red, a mention
/// dim; each tier also says in words what to do.
pub const EMERGENCY_TAG: Style = Style::new()
    .fg(Color::White)
    .bg(Color::Red)
    .add_modifier(Modifier::BOLD);
pub const EMERGENCY: Style = Style::new()
    .fg(Color::LightRed)
    .add_modifier(Modifier::BOLD);
pub const CALL_TAG: Style = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
pub const MENTION_TAG: Style = Style::new()
    .fg(Color::DarkGray)
    .add_modifier(Modifier::ITALIC);
pub const MENTION: Style = Style::new().fg(Color::Gray);
pub const DETAIL: Style = Style::new().fg(Color::Gray);

/// The footer.
pub const KEY: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
pub const HINT: Style = Style::new().fg(Color::Gray);
pub const DISCLAIMER: Style = Style::new()
    .fg(Color::DarkGray)
    .add_modifier(Modifier::ITALIC);
pub const ERROR: Style = Style::new()
    .fg(Color::White)
    .bg(Color::Red)
    .add_modifier(Modifier::BOLD);

/// The help overlay and the first-run prompt.
pub const POPUP_BORDER: Style = Style::new().fg(Color::Cyan);
pub const INPUT: Style = Style::new().add_modifier(Modifier::UNDERLINED);
pub const CURSOR: Style = Style::new().add_modifier(Modifier::REVERSED);

/// Notices: what the last key did.
pub const NOTICE: Style = Style::new().fg(Color::Black).bg(Color::Gray);
/// "read-only" on the title bar.
pub const READ_ONLY: Style = Style::new()
    .fg(Color::Black)
    .bg(Color::Yellow)
    .add_modifier(Modifier::BOLD);
/// Demo mode's banner: impossible to mistake for a patient's own plan.
pub const DEMO_BANNER: Style = Style::new().fg(Color::Black).bg(Color::Yellow);
pub const DEMO_BANNER_STRONG: Style = Style::new()
    .fg(Color::Black)
    .bg(Color::Yellow)
    .add_modifier(Modifier::BOLD);

/// The alert box: contact your provider.
pub const ALERT_BORDER: Style = Style::new().fg(Color::Red);
pub const ALERT_TITLE: Style = Style::new()
    .fg(Color::LightRed)
    .add_modifier(Modifier::BOLD);
pub const ALERT_TEXT: Style = Style::new();

/// The heat-map strip, by share of the day done; the marker says which day is today.
pub const HEAT_NONE: Style = Style::new().fg(Color::Red);
pub const HEAT_SOME: Style = Style::new().fg(Color::Yellow);
pub const HEAT_ALL: Style = Style::new().fg(Color::Green);
pub const HEAT_FUTURE: Style = Style::new().fg(Color::DarkGray);
pub const HEAT_TODAY: Style = Style::new().add_modifier(Modifier::REVERSED);

/// The chart: the patient's ratings as bars in front of the plan's usual course.
pub const CHART_BAR: Style = Style::new().fg(Color::Cyan);
/// A rating two or more above the usual course.
pub const CHART_BAR_HIGH: Style = Style::new().fg(Color::Yellow);
/// A rating that set off an alert.
pub const CHART_BAR_ALERT: Style = Style::new().fg(Color::Red);
pub const CHART_BAND: Style = Style::new().fg(Color::DarkGray);
pub const CHART_AXIS: Style = Style::new().fg(Color::DarkGray);
/// The timeline's bars: each kind has its own colour and its own glyph (see `screens::timeline::bar`).
pub const DO_BAR: Style = Style::new().fg(Color::Green);
pub const AVOID_BAR: Style = Style::new().fg(Color::Yellow);
pub const MILESTONE_BAR: Style = Style::new().fg(Color::Magenta);
pub const MILESTONE_TITLE: Style = Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD);
/// A window that is over: its glyphs still say what it was.
pub const ENDED_BAR: Style = Style::new().fg(Color::DarkGray);
pub const PHASE_BAR: Style = Style::new().fg(Color::Cyan);
pub const WARNING_BAR: Style = Style::new().fg(Color::LightRed);
/// The next session's days on the ruler.
pub const MILESTONE_DAYS: Style = Style::new().fg(Color::White).bg(Color::Magenta);
/// Now, as a line down the timeline.
pub const NOW_LINE: Style = Style::new()
    .fg(Color::LightRed)
    .add_modifier(Modifier::BOLD);
pub const RULER: Style = Style::new().fg(Color::Gray);
pub const GRID: Style = Style::new().fg(Color::DarkGray);
