//! The notes' text, kept while what it is worked out from stays the same.
//!
//! Wrapping and fitting the warning signs and phases to their rows is most of the work of
//! drawing the main screen on the built-in plan, and a key that moves the selection changes
//! none of it. Like the placement (`placement.rs`), it is worked out once per change of
//! its inputs and reused; the same inputs give the same text, so the view still only reads.

use super::Notes;
use super::heading::NotesText;
use crate::tui::screens::checklist::placement::Kept;
use ratatui::layout::Rect;

/// What `Notes::text` reads. Within one `Context::generation` the checklist, the rules and
/// what they hold stay where they are, so the slices' addresses and lengths tell whether
/// the notes are the same ones (the phases are left out after the plan or when drawn
/// beside the tasks, which changes their length).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Inputs {
    generation: u64,
    phases: (*const crate::checklist::NoteLine, usize),
    warnings: (*const crate::checklist::NoteLine, usize),
    provider: Option<*const crate::rules::Provider>,
    area: Rect,
}

/// The last notes text and what it was worked out from.
pub type NotesCache = Kept<Inputs, NotesText>;

impl NotesCache {
    /// Draws `notes` in `area`, with the kept text when `generation` and the notes are the
    /// same as last time, else with text worked out now and then kept.
    pub fn render(
        &self,
        generation: u64,
        notes: &Notes<'_>,
        area: Rect,
        buf: &mut ratatui::buffer::Buffer,
    ) {
        use ratatui::widgets::Widget;
        let inputs = Inputs {
            generation,
            phases: (notes.phases.as_ptr(), notes.phases.len()),
            warnings: (notes.warnings.as_ptr(), notes.warnings.len()),
            provider: notes.provider.map(std::ptr::from_ref),
            area,
        };
        self.read(inputs, || notes.text(area), |text| text.render(area, buf));
    }
}
