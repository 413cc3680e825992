//! What a plan tells the patient once it is over: what to expect in the months after its last
//! window, shown on the main screen from the day after the plan's last day.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The months after the plan: how long results last, when to think of the next session or
/// of maintenance. Optional; a plan without it says only that it is over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AfterPlan {
    /// A heading: "Results last weeks to months".
    pub title: String,
    /// What to expect, in a few sentences: "The result of one session usually shows for 4–6
    /// weeks, and up to 3–5 months ..."
    pub detail: String,
    /// Ids from `sources`.
    pub sources: Vec<String>,
}
