//! The tables of the entries a plan lists: sources, rules, phases, warning signs, their points, symptoms and alerts.

use super::*;

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
        // Only on tasks to do: what to keep doing after the plan.
        new("keep_up_after", text(LONG)),
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
        new(
            "rationale",
            Ty::Text {
                max: LONG,
                blank_ok: true,
            },
        ),
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
