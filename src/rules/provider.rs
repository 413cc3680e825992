//! The clinic that gives the patient the plan: who to call, when, and what to do when it is
//! closed. Optional: the built-in plan has none, and screens then say "your clinic".

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The clinic's contact details, shown wherever the app says to contact it. Text only:
/// nothing here is dialled or opened by the app. At least one of `phone`, `email` and `web`
/// is given (the checker insists).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Provider {
    /// The clinic's name: "Example Skin Clinic".
    pub name: String,
    /// A phone number as the patient dials it: "+44 20 7946 0000", "(555) 010-0199".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// An email address: "care@example-clinic.com".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// A web address starting with https:// or http://.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web: Option<String>,
    /// When the clinic answers: "Mon–Fri 9:00–18:00, Sat 10:00–14:00".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
    /// What to do when the clinic is closed: "Call NHS 111; in an emergency call 999."
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub out_of_hours: Option<String>,
}

impl Provider {
    /// How to reach the clinic in one line: "Example Skin Clinic · +44 20 7946 0000 ·
    /// care@example-clinic.com · https://example-clinic.com".
    pub fn contact_line(&self) -> String {
        [
            Some(&self.name),
            self.phone.as_ref(),
            self.email.as_ref(),
            self.web.as_ref(),
        ]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" · ")
    }
}
