//! The pictures of the before/after screen, ready to draw: each photo decoded once (and
//! scaled down to `MAX_DECODED` pixels a side, far more than any terminal shows), and its
//! ratatui-image `Protocol` made once per cell area. A key press that shows a photo seen
//! before, at the same size, only draws.
//!
//! The `Picker` says how to draw: kitty, sixel or iTerm2 graphics where the terminal answers
//! that it has them (`Picker::from_query_stdio`, asked once, when the screen first opens),
//! half-blocks everywhere else, including tmux and tests. Inside tmux or screen the terminal
//! is not asked at all: they do not pass the question on, and ratatui-image's reader, left
//! waiting for an answer that never comes, would take the patient's next key.

use image::DynamicImage;
use image::imageops::FilterType;
use ratatui::layout::Size;
use ratatui_image::Resize;
use ratatui_image::picker::Picker;
use ratatui_image::picker::cap_parser::QueryStdioOptions;
use ratatui_image::protocol::Protocol;
use std::collections::HashMap;

/// The longest side a decoded photo is kept at, in pixels.
const MAX_DECODED: u32 = 1024;

/// How the terminal is asked what it can draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Graphics {
    /// Half-blocks only: tests, and whenever nothing better is known.
    #[default]
    HalfBlocks,
    /// Ask the terminal (a real one, on the first open of the screen).
    Query,
}

/// How long the terminal has to answer: a local one answers in milliseconds, one over SSH
/// in a round trip.
const QUERY_TIMEOUT: std::time::Duration = std::time::Duration::from_millis(1000);

impl Graphics {
    /// What to use in a terminal: `in_multiplexer` when TMUX is set or TERM names screen or
    /// tmux (read by the caller, at the edge).
    pub fn for_terminal(in_multiplexer: bool) -> Graphics {
        if in_multiplexer {
            Graphics::HalfBlocks
        } else {
            Graphics::Query
        }
    }
}

/// Decoded photos and their drawings, by SHA-256.
#[derive(Default)]
pub struct Pictures {
    graphics: Graphics,
    picker: Option<Picker>,
    /// Each photo decoded, or why it cannot be shown.
    decoded: HashMap<String, Result<DynamicImage, String>>,
    /// Drawings for one cell size: the size changes only with the terminal's.
    size: Size,
    drawn: HashMap<String, Protocol>,
}

impl std::fmt::Debug for Pictures {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pictures")
            .field("graphics", &self.graphics)
            .field("decoded", &self.decoded.len())
            .field("size", &self.size)
            .field("drawn", &self.drawn.len())
            .finish()
    }
}

impl Pictures {
    pub fn new(graphics: Graphics) -> Self {
        Pictures {
            graphics,
            ..Pictures::default()
        }
    }

    /// Makes the drawing of the photo `sha256` for a `size` cell area, decoding it first if
    /// it was not yet (`load` gives its bytes).
    pub fn prepare(
        &mut self,
        sha256: &str,
        size: Size,
        load: impl FnOnce() -> Result<Vec<u8>, String>,
    ) {
        if size != self.size {
            self.drawn.clear();
            self.size = size;
        }
        if self.drawn.contains_key(sha256) || size.width == 0 || size.height == 0 {
            return;
        }
        let decoded = self
            .decoded
            .entry(sha256.to_string())
            .or_insert_with(|| decode(load()?));
        let Ok(image) = decoded else {
            return;
        };
        let picker = self.picker.get_or_insert_with(|| match self.graphics {
            Graphics::HalfBlocks => Picker::halfblocks(),
            Graphics::Query => Picker::from_query_stdio_with_options(QueryStdioOptions {
                timeout: QUERY_TIMEOUT,
                ..QueryStdioOptions::default()
            })
            .unwrap_or_else(|_| Picker::halfblocks()),
        });
        let resize = Resize::Scale(Some(FilterType::Triangle));
        match picker.new_protocol(image.clone(), size, resize) {
            Ok(protocol) => {
                self.drawn.insert(sha256.to_string(), protocol);
            }
            Err(e) => {
                self.decoded
                    .insert(sha256.to_string(), Err(format!("it cannot be drawn: {e}")));
            }
        }
    }

    /// The drawing of a photo prepared for the current size.
    pub fn drawn(&self, sha256: &str) -> Option<&Protocol> {
        self.drawn.get(sha256)
    }

    /// Why a photo cannot be shown, if it cannot.
    pub fn problem(&self, sha256: &str) -> Option<&str> {
        match self.decoded.get(sha256) {
            Some(Err(why)) => Some(why),
            _ => None,
        }
    }
}

fn decode(bytes: Vec<u8>) -> Result<DynamicImage, String> {
    let image = crate::photo::decode(&bytes).map_err(|e| e.to_string())?;
    Ok(if image.width().max(image.height()) > MAX_DECODED {
        image.thumbnail(MAX_DECODED, MAX_DECODED)
    } else {
        image
    })
}
