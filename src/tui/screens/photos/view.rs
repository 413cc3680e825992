//! Draws the before/after screen: two columns of the same size, each a title (which photo),
//! its date and days since the treatment, the picture, centred, and its note.

use super::Entry;
use super::pictures::Pictures;
use crate::inert::inert;
use crate::tui::{text, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Constraint::{Fill, Length};
use ratatui::layout::{Layout, Rect, Size};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};
use ratatui_image::Image;

/// The two columns, each split into its rows.
pub struct Columns {
    pub before: Column,
    pub after: Column,
}

pub struct Column {
    title: Rect,
    when: Rect,
    pub image: Rect,
    note: Rect,
}

impl Columns {
    /// `body` split into two columns of the same size with a gap between them.
    pub fn of(body: Rect) -> Columns {
        let inner = body.layout::<1>(&Layout::vertical([Fill(1)]).horizontal_margin(1))[0];
        let [left, _, right] = inner.layout(&Layout::horizontal([Fill(1), Length(2), Fill(1)]));
        // Fill splits evenly but may give one column a cell more: both take the smaller.
        let width = left.width.min(right.width);
        let column = |area: Rect| {
            let area = Rect { width, ..area };
            let [title, when, image, note] = area.layout(&Layout::vertical([
                Length(1),
                Length(1),
                Fill(1),
                Length(1),
            ]));
            Column {
                title,
                when,
                image,
                note,
            }
        };
        Columns {
            before: column(left),
            after: column(right),
        }
    }

    /// The cell area each picture is drawn in: the same for both.
    pub fn image_size(&self) -> Size {
        self.before.image.as_size()
    }
}

/// What the screen draws.
pub struct PhotosView<'a> {
    pub before: Option<&'a Entry>,
    pub after: Option<&'a Entry>,
    pub pictures: &'a Pictures,
    /// The plan's advice for photos, shown while there are none to compare.
    pub guidance: Option<&'a str>,
    /// Which of the "after" photos is shown, and how many there are.
    pub after_position: (usize, usize),
}

impl Widget for PhotosView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let columns = Columns::of(area);
        let Some(before) = self.before else {
            let mut lines = vec![
                Line::styled("No photos of this treatment yet.", theme::EMPHASIS),
                Line::raw(""),
                Line::raw(
                    "Add them from a shell; they are kept without their location or camera data:",
                ),
                Line::styled(
                    "  aftercare photo add FILE --before   (before the treatment)",
                    theme::KEY,
                ),
                Line::styled(
                    "  aftercare photo add FILE            (today's)",
                    theme::KEY,
                ),
            ];
            if let Some(guidance) = self.guidance {
                lines.push(Line::raw(""));
                lines.push(Line::raw(guidance.to_string()));
            }
            let inner = area.layout::<1>(&Layout::vertical([Fill(1)]).margin(1))[0];
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .render(inner, buf);
            return;
        };
        let first = if before.is_before() {
            "Before"
        } else {
            "First photo"
        };
        draw_column(&columns.before, before, first, "", self.pictures, buf);
        match self.after {
            Some(after) => {
                let (n, of) = self.after_position;
                let position = if of > 1 {
                    format!("‹ {n} of {of} ›")
                } else {
                    String::new()
                };
                draw_column(
                    &columns.after,
                    after,
                    "After",
                    &position,
                    self.pictures,
                    buf,
                );
            }
            None => {
                let area = Rect {
                    height: columns.after.note.bottom() - columns.after.title.y,
                    ..columns.after.title
                };
                Paragraph::new(vec![
                    Line::styled("Nothing to compare yet", theme::EMPHASIS),
                    Line::raw(""),
                    Line::raw("Add a photo of a later day, taken the same way:"),
                    Line::styled("aftercare photo add FILE", theme::KEY),
                ])
                .wrap(Wrap { trim: false })
                .render(area, buf);
            }
        }
    }
}

/// Draws one photo: "After · Day 3 · Sun 22 Nov 2026" over "2 days after the treatment"
/// (with `position` at the right), the picture centred below, its note under it.
fn draw_column(
    column: &Column,
    entry: &Entry,
    title: &str,
    position: &str,
    pictures: &Pictures,
    buf: &mut Buffer,
) {
    let width = usize::from(column.title.width);
    let date = crate::dates::long_date(entry.date);
    let title = if entry.photo.before {
        format!("{title} · {date}")
    } else {
        format!("{title} · Day {} · {date}", entry.day)
    };
    Line::styled(text::truncate(&title, width), theme::SECTION).render(column.title, buf);
    let since = match entry.day {
        _ if entry.photo.before => "before the treatment".to_string(),
        d if d < 1 => format!("{} before the treatment", days(1 - d)),
        1 => "the treatment day".to_string(),
        d => format!("{} after the treatment", days(d - 1)),
    };
    let room = width.saturating_sub(text::width(position) + 1);
    Line::styled(text::truncate(&since, room), theme::WHEN).render(column.when, buf);
    if !position.is_empty() {
        Line::styled(position.to_string(), theme::KEY)
            .right_aligned()
            .render(column.when, buf);
    }
    let sha = &entry.photo.sha256;
    match (pictures.drawn(sha), pictures.problem(sha)) {
        (Some(drawn), _) => {
            let size = drawn.size();
            let area = column.image;
            let x = area.x + area.width.saturating_sub(size.width) / 2;
            let y = area.y + area.height.saturating_sub(size.height) / 2;
            let at = Rect::new(
                x,
                y,
                size.width.min(area.width),
                size.height.min(area.height),
            );
            Image::new(drawn).render(at, buf);
        }
        (None, Some(why)) => {
            Paragraph::new(format!("This photo cannot be shown: {}", inert(why)))
                .style(theme::ERROR)
                .wrap(Wrap { trim: false })
                .render(column.image, buf);
        }
        (None, None) => {}
    }
    if !entry.photo.note.is_empty() {
        let note = format!("“{}”", inert(&entry.photo.note));
        Line::styled(text::truncate(&note, width), theme::MUTED).render(column.note, buf);
    }
}

/// "1 day", "6 days".
fn days(n: i64) -> String {
    if n == 1 {
        "1 day".into()
    } else {
        format!("{n} days")
    }
}
