use super::*;
use crate::tui::test_rng::Lcg;
use ratatui::backend::{Backend, ClearType as RClearType, CrosstermBackend, WindowSize};
use ratatui::style::{Color, Modifier, Style};
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::cell::RefCell;
use std::rc::Rc;

const TEXTS: [&str; 8] = [
    "Day 3 of recovery",
    "⚠️ call your clinic",
    "日本",
    "a⚠️b",
    "━━━━",
    "   ",
    "😀 ok",
    "✓ done",
];
const COLORS: [Color; 5] = [
    Color::Reset,
    Color::Cyan,
    Color::DarkGray,
    Color::Indexed(238),
    Color::Rgb(1, 20, 255),
];

/// A frame of text at random places, in random styles, decided by a seed.
struct Scene(u64);

impl Widget for Scene {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let mut rng = Lcg(self.0);
        for _ in 0..rng.below(24) {
            let x = area.x + rng.below(usize::from(area.width)) as u16;
            let y = area.y + rng.below(usize::from(area.height)) as u16;
            let mut style = Style::new();
            if rng.below(2) == 0 {
                style = style
                    .fg(COLORS[rng.below(COLORS.len())])
                    .bg(COLORS[rng.below(COLORS.len())])
                    .underline_color(COLORS[rng.below(COLORS.len())])
                    .add_modifier(Modifier::from_bits_truncate(rng.below(1 << 9) as u16));
            }
            let text = TEXTS[rng.below(TEXTS.len())];
            buf.set_stringn(x, y, text, usize::from(area.right() - x), style);
        }
    }
}

/// Bytes written by ratatui's `Terminal`, readable while it holds the writer.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().write(bytes)
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// ratatui's crossterm backend, told the terminal's size instead of asking a terminal.
struct Sized<W: Write> {
    backend: CrosstermBackend<W>,
    size: Size,
}

impl<W: Write> Backend for Sized<W> {
    type Error = io::Error;
    fn draw<'a, I: Iterator<Item = (u16, u16, &'a Cell)>>(&mut self, content: I) -> io::Result<()> {
        self.backend.draw(content)
    }
    fn hide_cursor(&mut self) -> io::Result<()> {
        self.backend.hide_cursor()
    }
    fn show_cursor(&mut self) -> io::Result<()> {
        self.backend.show_cursor()
    }
    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(Position::ORIGIN)
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.backend.set_cursor_position(position)
    }
    fn clear(&mut self) -> io::Result<()> {
        self.backend.clear()
    }
    fn clear_region(&mut self, clear_type: RClearType) -> io::Result<()> {
        self.backend.clear_region(clear_type)
    }
    fn size(&self) -> io::Result<Size> {
        Ok(self.size)
    }
    fn window_size(&mut self) -> io::Result<WindowSize> {
        Err(io::Error::other("not a terminal"))
    }
    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.backend)
    }
}

/// Sizes the screen goes through: wider, narrower, shorter, the same again, tiny, empty.
const SIZES: [(u16, u16); 7] = [
    (40, 8),
    (52, 10),
    (30, 10),
    (30, 4),
    (30, 4),
    (3, 2),
    (0, 0),
];

/// Draws `frames` scenes through our screen and through ratatui's `Terminal`, resizing
/// every few frames, and checks the bytes written agree after every step.
fn assert_same_bytes(frames: u64, seed: u64) {
    let start = Size::from(SIZES[0]);
    let area = Rect::from((Position::ORIGIN, start));
    let written = Shared::default();
    let backend = Sized {
        backend: CrosstermBackend::new(written.clone()),
        size: start,
    };
    let options = TerminalOptions {
        viewport: Viewport::Fixed(area),
    };
    let mut theirs = Terminal::with_options(backend, options).unwrap();
    let mut ours = Screen::new(Vec::new(), start);
    let mut rng = Lcg(seed);
    for frame in 0..frames {
        if rng.below(6) == 0 {
            let size = Size::from(SIZES[rng.below(SIZES.len())]);
            theirs.backend_mut().size = size;
            theirs.resize(Rect::from((Position::ORIGIN, size))).unwrap();
            ours.resize(size).unwrap();
        }
        // Scenes repeat now and then, so that some frames change little or nothing.
        let scene = seed * 1000 + rng.below(usize::try_from(frame).unwrap() + 1) as u64;
        theirs
            .draw(|f| f.render_widget(Scene(scene), f.area()))
            .unwrap();
        ours.draw(Scene(scene)).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&ours.out),
            String::from_utf8_lossy(&written.0.borrow()),
            "seed {seed}, frame {frame}"
        );
    }
}

#[test]
fn writes_what_ratatuis_terminal_writes_frame_after_frame() {
    for seed in 0..200 {
        assert_same_bytes(30, seed);
    }
}

#[test]
fn a_blank_buffer_is_an_empty_one() {
    for (width, height) in [(0, 0), (1, 1), (120, 40), (7, 0)] {
        let area = Rect::new(0, 0, width, height);
        assert_eq!(blank(area), Buffer::empty(area));
    }
}

#[test]
fn the_first_frame_is_written_before_a_second_buffer_exists() {
    let mut screen = Screen::new(Vec::new(), Size::new(20, 3));
    assert!(screen.shown.is_none());
    screen.draw(Scene(7)).unwrap();
    assert!(screen.shown.is_some());
    assert!(!screen.out.is_empty());
}
