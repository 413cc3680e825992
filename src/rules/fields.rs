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

pub static SOURCE: Table = Table {
    what: "source",
    def: "Source",
    fields: &[
        req("id", Ty::Id),
        req("title", text(300)),
        new("kind", Ty::Enum(&["article", "clinical"])),
        new("author", text(300)),
        new("publisher", text(200)),
        new("date", Ty::Date),
        f("detail", text(300)),
        new("url", Ty::Url),
        new("note", text(500)),
    ],
    one_of: &[],
    any_of: &[],
};

pub static RULE: Table = Table {
    what: "rule",
    def: "Rule",
    fields: &[
        req("id", Ty::Id),
        req("title", text(TITLE_CHARS)),
        req("kind", Ty::Enum(&["do", "avoid"])),
        f("from_hours", HOURS),
        new("from_day", DAY),
        f("until_hours", HOURS),
        new("until_day", DAY),
        f(
            "repeat",
            Ty::Enum(&["once", "daily", "morning_and_evening"]),
        ),
        // Only on daily and once tasks to do (`validate` says so otherwise).
        new("at", Ty::TimeOfDay),
        req("rationale", text(LONG)),
        // Only on avoid rules.
        new("lifted", text(TITLE_CHARS)),
        // Done only when called for: shown and tickable, never due or missed.
        new("as_needed", Ty::Bool),
        req("sources", Ty::Ids),
    ],
    one_of: WINDOW_ONE_OF,
    any_of: &[],
};

const NOTE_FIELDS: [Field; 7] = [
    req("id", Ty::Id),
    req("title", text(TITLE_CHARS)),
    f(
        "detail",
        Ty::Text {
            max: LONG,
            blank_ok: true,
        },
    ),
    f("from_hours", HOURS),
    new("from_day", DAY),
    f("until_hours", HOURS),
    new("until_day", DAY),
];

pub static PHASE: Table = Table {
    what: "phase",
    def: "Phase",
    fields: &[
        NOTE_FIELDS[0],
        NOTE_FIELDS[1],
        NOTE_FIELDS[2],
        NOTE_FIELDS[3],
        NOTE_FIELDS[4],
        NOTE_FIELDS[5],
        NOTE_FIELDS[6],
        f("sources", Ty::Ids),
    ],
    one_of: WINDOW_ONE_OF,
    any_of: &[],
};

pub static WARNING: Table = Table {
    what: "warning",
    def: "Note",
    fields: &[
        NOTE_FIELDS[0],
        NOTE_FIELDS[1],
        NOTE_FIELDS[2],
        new("urgency", URGENCY),
        NOTE_FIELDS[3],
        NOTE_FIELDS[4],
        NOTE_FIELDS[5],
        NOTE_FIELDS[6],
        f("sources", Ty::Ids),
    ],
    one_of: WINDOW_ONE_OF,
    any_of: &[],
};

pub static POINT: Table = Table {
    what: "point",
    def: "ExpectedPoint",
    fields: &[
        req("hours", HOURS),
        req(
            "rating",
            Ty::Int {
                min: 0,
                max: 5,
                unit: "rating",
            },
        ),
    ],
    one_of: &[],
    any_of: &[],
};

pub static SYMPTOM: Table = Table {
    what: "symptom",
    def: "Symptom",
    fields: &[
        req("id", Ty::Id),
        req("title", text(TITLE_CHARS)),
        f(
            "detail",
            Ty::Text {
                max: LONG,
                blank_ok: true,
            },
        ),
        f("expected", Ty::List(&POINT)),
        f("sources", Ty::Ids),
    ],
    one_of: &[],
    any_of: &[],
};

pub static ALERT: Table = Table {
    what: "alert",
    def: "Alert",
    fields: &[
        req("id", Ty::Id),
        req("title", text(TITLE_CHARS)),
        req("symptom", Ty::Id),
        f(
            "at_least",
            Ty::Int {
                min: 1,
                max: 5,
                unit: "rating",
            },
        ),
        f("rising", Ty::Bool),
        new("urgency", URGENCY),
        f("from_hours", HOURS),
        new("from_day", DAY),
        f("until_hours", HOURS),
        new("until_day", DAY),
        req("message", text(LONG)),
        req("sources", Ty::Ids),
    ],
    one_of: WINDOW_ONE_OF,
    any_of: &[],
};

pub static PHOTO_GUIDANCE: Table = Table {
    what: "photo_guidance",
    def: "PhotoGuidance",
    fields: &[req("text", text(LONG)), f("sources", Ty::Ids)],
    one_of: &[],
    any_of: &[],
};

pub static NEXT_SESSION: Table = Table {
    what: "next_session",
    def: "NextSession",
    fields: &[
        // The next session comes after this treatment.
        f(
            "from_hours",
            Ty::Int {
                min: 1,
                max: LATEST_HOUR,
                unit: "next hours",
            },
        ),
        new(
            "from_day",
            Ty::Int {
                min: 2,
                max: LATEST_DAY,
                unit: "next day",
            },
        ),
        f("until_hours", HOURS),
        new("until_day", DAY),
        f("sources", Ty::Ids),
    ],
    one_of: WINDOW_ONE_OF,
    any_of: &[],
};

pub static AFTER: Table = Table {
    what: "after",
    def: "AfterPlan",
    fields: &[
        req("title", text(TITLE_CHARS)),
        req("detail", text(LONG)),
        req("sources", Ty::Ids),
    ],
    one_of: &[],
    any_of: &[],
};

pub static PROVIDER: Table = Table {
    what: "provider",
    def: "Provider",
    fields: &[
        req("name", text(TITLE_CHARS)),
        f("phone", Ty::Phone),
        f("email", Ty::Email),
        f("web", Ty::Url),
        f("hours", text(200)),
        f("out_of_hours", text(500)),
    ],
    one_of: &[],
    any_of: &["phone", "email", "web"],
};

pub static REMOVALS: Table = Table {
    what: "remove",
    def: "Removals",
    fields: &[
        f("sources", Ty::Ids),
        f("rules", Ty::Ids),
        f("phases", Ty::Ids),
        f("warnings", Ty::Ids),
        f("symptoms", Ty::Ids),
        f("alerts", Ty::Ids),
    ],
    one_of: &[],
    any_of: &[],
};

/// The fields a plan must have unless it `extends` another, which gives them.
pub const NEEDED_UNLESS_EXTENDING: [&str; 4] = ["name", "procedure", "disclaimer", "rules"];

pub static TOP: Table = Table {
    what: "plan",
    def: "",
    fields: &[
        f("$schema", Ty::AnyText),
        req(
            "format",
            Ty::Int {
                min: 1,
                max: 2,
                unit: "format",
            },
        ),
        new("extends", text(500)),
        new("remove", Ty::Object(&REMOVALS)),
        // Shown in the title bar, cut to fit: longer than a title, but not a page.
        f("name", text(300)),
        f("procedure", text(300)),
        f("disclaimer", text(2000)),
        new("provider", Ty::Object(&PROVIDER)),
        f("sources", Ty::List(&SOURCE)),
        f("rules", Ty::List(&RULE)),
        f("phases", Ty::List(&PHASE)),
        f("warnings", Ty::List(&WARNING)),
        f("symptoms", Ty::List(&SYMPTOM)),
        f("alerts", Ty::List(&ALERT)),
        f("next_session", Ty::Object(&NEXT_SESSION)),
        new("after", Ty::Object(&AFTER)),
        new("photo_guidance", Ty::Object(&PHOTO_GUIDANCE)),
    ],
    one_of: &[],
    any_of: &[],
};

/// The lists of entries that have ids, with the table of their entries: what `extends`
/// merges and `remove` names.
pub const SECTIONS: [(&str, &Table); 6] = [
    ("sources", &SOURCE),
    ("rules", &RULE),
    ("phases", &PHASE),
    ("warnings", &WARNING),
    ("symptoms", &SYMPTOM),
    ("alerts", &ALERT),
];
