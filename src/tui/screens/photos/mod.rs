//! The before/after screen: the photo from before the treatment (or, without one, the
//! earliest) beside a later day's, the same size, with their dates and days since the
//! treatment; ←/→ choose the "after" photo. Opened with b from the checklist, on the photo of
//! the day viewed there (or the latest before it).
//!
//! State: the viewed treatment's photos in date order, which is "before" and which "after",
//! and their pictures (`pictures`: decoded once, drawn once per cell area). `update` and
//! `fit` (after every change and resize) prepare the pictures; the view only reads them.

pub mod keys;
mod pictures;
mod view;

pub use keys::{Action, KEYMAP};
pub use pictures::Graphics;

use super::{Effect, Screen};
use crate::store::Photo;
use crate::tui::context::Context;
use crate::tui::keymap::{action_for, hints};
use crate::tui::widgets::footer::Footer;
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use crossterm::event::KeyEvent;
use pictures::Pictures;
use ratatui::buffer::Buffer;
use ratatui::layout::Constraint::{Fill, Length};
use ratatui::layout::{Layout, Rect};
use ratatui::widgets::Widget;
use view::Columns;

/// One photo of the treatment, where it is filed.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub date: NaiveDate,
    /// Its plan day (1 = the treatment's date).
    pub day: i64,
    pub photo: Photo,
}

impl Entry {
    /// Taken before the treatment: marked so, or filed before its date.
    pub fn is_before(&self) -> bool {
        self.photo.before || self.day < 1
    }
}

/// The before/after screen's state.
#[derive(Debug, Default)]
pub struct PhotosScreen {
    /// The viewed treatment's photos, by date, each date's in the order added.
    entries: Vec<Entry>,
    /// Which entry is "before" and which "after" (never the same one).
    before: Option<usize>,
    after: Option<usize>,
    pictures: Pictures,
    /// The treatment the entries are of.
    session: Option<DateTime<FixedOffset>>,
}

impl PhotosScreen {
    /// The screen, drawing with `graphics` (half-blocks, or asking the terminal).
    pub fn new(graphics: Graphics) -> Self {
        PhotosScreen {
            pictures: Pictures::new(graphics),
            ..PhotosScreen::default()
        }
    }

    /// Opens on the viewed treatment: "after" is the photo of the day viewed on the
    /// checklist, or the latest before it, or the first after the "before".
    pub fn open<Tz: TimeZone>(&mut self, ctx: &Context<Tz>) {
        self.load(ctx);
        let viewed = ctx.plan().map(|p| p.date_of(ctx.day));
        let after: Vec<usize> = self.after_candidates().collect();
        self.after = after
            .iter()
            .rev()
            .find(|&&i| viewed.is_some_and(|d| self.entries[i].date <= d))
            .or(after.first())
            .copied();
        self.fit(ctx);
    }

    /// Reads the viewed treatment's photos from the state.
    fn load<Tz: TimeZone>(&mut self, ctx: &Context<Tz>) {
        let (Some(session), Some(plan)) = (ctx.session(), ctx.plan()) else {
            *self = PhotosScreen {
                pictures: std::mem::take(&mut self.pictures),
                ..PhotosScreen::default()
            };
            return;
        };
        self.session = Some(session.at);
        self.entries = shown_photos(ctx)
            .flat_map(|(date, photos)| {
                photos.iter().map(|photo| Entry {
                    date: *date,
                    day: plan.day_of_date(*date),
                    photo: photo.clone(),
                })
            })
            .collect();
        // The latest photo from before the treatment; without one, the earliest.
        self.before = self
            .entries
            .iter()
            .rposition(Entry::is_before)
            .or((!self.entries.is_empty()).then_some(0));
    }

    fn after_candidates(&self) -> impl DoubleEndedIterator<Item = usize> + '_ {
        (0..self.entries.len()).filter(|i| Some(*i) != self.before && !self.entries[*i].is_before())
    }

    /// What a key does on this screen; `None` when it has no use for it.
    pub fn handle_key<Tz: TimeZone>(
        &mut self,
        ctx: &mut Context<Tz>,
        key: KeyEvent,
    ) -> Option<Effect> {
        action_for(KEYMAP, key).map(|action| self.update(ctx, action))
    }

    /// Carries out one action.
    pub fn update<Tz: TimeZone>(&mut self, ctx: &mut Context<Tz>, action: Action) -> Effect {
        match action {
            Action::Earlier | Action::Later => {
                let candidates: Vec<usize> = self.after_candidates().collect();
                let at = self
                    .after
                    .and_then(|a| candidates.iter().position(|&i| i == a));
                let next = match (action, at) {
                    (Action::Earlier, Some(p)) => p.checked_sub(1),
                    (_, Some(p)) => Some(p + 1).filter(|&p| p < candidates.len()),
                    (_, None) => candidates.first().map(|_| 0),
                };
                if let Some(next) = next {
                    self.after = Some(candidates[next]);
                }
                self.fit(ctx);
                Effect::Done
            }
            Action::Help => Effect::Help,
            Action::Back => Effect::Show(Screen::Checklist),
        }
    }

    /// Prepares the pictures shown for the terminal's size: after every change, resize and
    /// save, so the view only draws. A treatment switched or photos added meanwhile are
    /// read again.
    pub fn fit<Tz: TimeZone>(&mut self, ctx: &Context<Tz>) {
        // Counted as shown: a clock that moves past a photo's date (midnight, the demo's
        // clock) shows it.
        let photo_count: usize = shown_photos(ctx).map(|(_, photos)| photos.len()).sum();
        if ctx.session().map(|s| s.at) != self.session || photo_count != self.entries.len() {
            let after = self.after.map(|i| self.entries[i].photo.sha256.clone());
            self.load(ctx);
            self.after = after
                .and_then(|sha| self.entries.iter().position(|e| e.photo.sha256 == sha))
                .filter(|&i| Some(i) != self.before)
                .or_else(|| self.after_candidates().last());
        }
        let columns = Columns::of(body(ctx));
        let size = columns.image_size();
        for entry in [self.before, self.after].into_iter().flatten() {
            let photo = &self.entries[entry].photo;
            self.pictures.prepare(&photo.sha256, size, || {
                ctx.storage.read_photo(photo).map_err(|e| match e {
                    // The path is long, and `photo list` finds the photo.
                    crate::store::StoreError::Photo { why, .. } => why,
                    e => e.to_string(),
                })
            });
        }
    }

    /// Which "after" photo is shown (from 1), and of how many.
    fn after_position(&self) -> (usize, usize) {
        let candidates: Vec<usize> = self.after_candidates().collect();
        let n = self
            .after
            .and_then(|a| candidates.iter().position(|&i| i == a))
            .map_or(0, |p| p + 1);
        (n, candidates.len())
    }

    /// Draws the screen into the context's screen area, under the header and over the footer.
    pub fn render<Tz: TimeZone>(&self, ctx: &Context<Tz>, buf: &mut Buffer) {
        let mut hints = hints(KEYMAP);
        if self.after_position().1 < 2 {
            // Nothing to step through: the arrows' hint would promise what they cannot do.
            hints.retain(|(_, word)| *word != "after day");
        }
        let body = crate::tui::widgets::header_and_footer(ctx, hints, buf);
        view::PhotosView {
            before: self.before.map(|i| &self.entries[i]),
            after: self.after.map(|i| &self.entries[i]),
            pictures: &self.pictures,
            guidance: ctx.rules.photo_guidance.as_ref().map(|g| g.text.as_str()),
            after_position: self.after_position(),
        }
        .render(body, buf);
    }
}

/// The viewed treatment's photos by date, up to today: a photo filed under a later date (the
/// demo's "a week later" while its clock is on Day 5, or a date typed wrong) is not shown
/// before its day.
fn shown_photos<Tz: TimeZone>(
    ctx: &Context<Tz>,
) -> impl Iterator<Item = (&NaiveDate, &Vec<Photo>)> {
    let today = ctx.plan().map(|p| p.local_date(ctx.now));
    ctx.session()
        .into_iter()
        .flat_map(|s| s.photos.iter())
        .filter(move |(date, _)| today.is_some_and(|t| **date <= t))
}

/// The area between the header and the footer, as `header_and_footer` lays it out.
fn body<Tz: TimeZone>(ctx: &Context<Tz>) -> Rect {
    let footer = Footer::of(ctx, hints(KEYMAP)).height();
    let [_, body, _] =
        ctx.screen_area()
            .layout(&Layout::vertical([Length(2), Fill(1), Length(footer)]));
    body
}
