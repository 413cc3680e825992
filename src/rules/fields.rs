//! The fields of the rules format, with what each may hold: the one table that both the
//! checker (`shape`) and the JSON Schema (`schema`) read, so the two cannot disagree.

/// Windows may open at most this long before the treatment (90 days) ...
pub const EARLIEST_HOUR: i64 = -90 * 24;
/// ... and close at most this long after it (two years): enough for any aftercare plan,
/// small enough that a typo like 4800000 is caught rather than rendered.
pub const LATEST_HOUR: i64 = 2 * 366 * 24;
/// The same reach in plan days (Day 1 = the treatment's date).
pub const EARLIEST_DAY: i64 = -90;
pub const LATEST_DAY: i64 = 2 * 366;
/// Ids: what tick-offs and check-ins are saved under.
pub const ID_PATTERN: &str = "^[a-z0-9][a-z0-9_-]{0,63}$";
pub const MAX_ID_LEN: usize = 64;
/// Characters that change the direction text is shown in (embeddings, overrides, isolates):
/// they can make a title read differently from what it says, so no field may hold one.
pub const BIDI_CONTROLS: &str = "\\u202a-\\u202e\\u2066-\\u2069";

/// What a field may hold.
#[derive(Debug, Clone, Copy)]
pub enum Ty {
    /// An id (see `ID_PATTERN`).
    Id,
    /// Text of at most this many characters; `blank_ok` lets it be empty.
    Text {
        max: usize,
        blank_ok: bool,
    },
    /// A whole number in `min..=max`; `unit` names it in messages ("hours").
    Int {
        min: i64,
        max: i64,
        unit: &'static str,
    },
    Bool,
    /// One of these words.
    Enum(&'static [&'static str]),
    /// A list of ids.
    Ids,
    Phone,
    Email,
    /// An http:// or https:// address.
    Url,
    /// "2023", "2023-08" or "2023-08-09".
    Date,
    /// A local time of day, "HH:MM" on a 24-hour clock (`time_of_day::TIME_OF_DAY_PATTERN`).
    TimeOfDay,
    /// Any text (the `$schema` hint).
    AnyText,
    Object(&'static Table),
    List(&'static Table),
}

/// One field of an object.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    pub ty: Ty,
    pub required: bool,
    /// The format that introduced the field.
    pub since: u32,
}

/// The fields of one kind of object.
#[derive(Debug)]
pub struct Table {
    /// What one is called in messages: "rule", "warning".
    pub what: &'static str,
    /// Its definition in the JSON Schema's `$defs` (empty for the top level).
    pub def: &'static str,
    pub fields: &'static [Field],
    /// Groups of fields of which exactly one must be given (a window's two ways of saying
    /// each end).
    pub one_of: &'static [[&'static str; 2]],
    /// Fields of which at least one must be given.
    pub any_of: &'static [&'static str],
}

const fn f(name: &'static str, ty: Ty) -> Field {
    Field {
        name,
        ty,
        required: false,
        since: 1,
    }
}
const fn req(name: &'static str, ty: Ty) -> Field {
    Field {
        name,
        ty,
        required: true,
        since: 1,
    }
}
const fn new(name: &'static str, ty: Ty) -> Field {
    Field {
        name,
        ty,
        required: false,
        since: 2,
    }
}
const fn text(max: usize) -> Ty {
    Ty::Text {
        max,
        blank_ok: false,
    }
}
const HOURS: Ty = Ty::Int {
    min: EARLIEST_HOUR,
    max: LATEST_HOUR,
    unit: "hours",
};
const DAY: Ty = Ty::Int {
    min: EARLIEST_DAY,
    max: LATEST_DAY,
    unit: "day",
};
pub const TITLE_CHARS: usize = 120;
const LONG: usize = 1000;
const URGENCY: Ty = Ty::Enum(&["emergency", "call", "mention"]);
const WINDOW_ONE_OF: &[[&str; 2]] = &[["from_hours", "from_day"], ["until_hours", "until_day"]];

mod entries;
mod plan;

pub use entries::{ALERT, PHASE, POINT, RULE, SOURCE, SYMPTOM, WARNING};
pub use plan::{
    AFTER, NEEDED_UNLESS_EXTENDING, NEXT_SESSION, PHOTO_GUIDANCE, PROVIDER, REMOVALS, SECTIONS, TOP,
};
