//! The tables of the plan as a whole: its top level, its single objects (next session, after note, photo guidance, clinic, removals) and the sections `extends` merges.

use super::*;

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
