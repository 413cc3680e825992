//! How soon a warning sign or a check-in alert needs acting on. Every output shows it the
//! same way: the words here, and emergency first (`Urgency` orders that way).

use super::Provider;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How soon to act. Declared most urgent first, so sorting ascending puts emergencies first.
///
/// Where a rules file gives no urgency, a warning or alert is `Call`: the conservative
/// choice for a sign the clinic wrote as "contact your provider". The tiers of the built-in
/// plan come from the clinical literature and await a clinician's review (see its
/// disclaimer).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    /// Call emergency services (or go to an emergency department) now.
    Emergency,
    /// Contact the clinic today; if it can't be reached, urgent care.
    #[default]
    Call,
    /// Mention it at the next visit.
    Mention,
}

impl Urgency {
    /// Every tier, most urgent first: the order screens and handouts list them in.
    pub const ALL: [Urgency; 3] = [Urgency::Emergency, Urgency::Call, Urgency::Mention];

    /// The name in rules files and JSON output: "emergency", "call", "mention".
    pub fn as_str(self) -> &'static str {
        match self {
            Urgency::Emergency => "emergency",
            Urgency::Call => "call",
            Urgency::Mention => "mention",
        }
    }

    /// A short tag for a list or a badge, upper case so it cannot be mistaken for the text
    /// beside it: "EMERGENCY", "CALL TODAY", "NEXT VISIT".
    pub fn tag(self) -> &'static str {
        match self {
            Urgency::Emergency => "EMERGENCY",
            Urgency::Call => "CALL TODAY",
            Urgency::Mention => "NEXT VISIT",
        }
    }

    /// What to do, as a patient reads it, with "your clinic" where the plan names no clinic:
    /// the one set of words for each tier that every screen, `today`, the handout and the
    /// calendar use ("Call emergency services now", "Call your clinic today", "Mention at
    /// your next visit"), beside the short `tag`.
    pub fn action(self) -> &'static str {
        match self {
            Urgency::Emergency => "Call emergency services now",
            Urgency::Call => "Call your clinic today",
            Urgency::Mention => "Mention at your next visit",
        }
    }

    /// A heading for the signs of one tier: "Call emergency services now if",
    /// "Call your clinic today if", "Mention at your next visit".
    pub fn heading(self) -> &'static str {
        match self {
            Urgency::Emergency => "Call emergency services now if",
            Urgency::Call => "Call your clinic today if",
            Urgency::Mention => "Mention at your next visit",
        }
    }
}

impl Urgency {
    /// `action`, naming the clinic and how to reach it where the plan gives them: "Call
    /// Example Skin Clinic today (+44 20 7946 0123)"; "Contact …" for a clinic that gives no
    /// phone, only an email or a web address. The built-in plan names no clinic, so
    /// it says "your clinic" and never a number of its own making.
    pub fn action_with(self, provider: Option<&Provider>) -> String {
        match (self, provider) {
            (Urgency::Call, Some(p)) => format!("{} {} today{}", verb(p), p.name, reach(p)),
            (urgency, _) => urgency.action().to_string(),
        }
    }

    /// `heading`, naming the clinic where the plan does: "Call Example Skin Clinic today
    /// (+44 20 7946 0123) if".
    pub fn heading_with(self, provider: Option<&Provider>) -> String {
        match (self, provider) {
            (Urgency::Call, Some(_)) => format!("{} if", self.action_with(provider)),
            (urgency, _) => urgency.heading().to_string(),
        }
    }
}

/// "Call" a clinic with a phone; "Contact" one reached only by email or the web.
fn verb(p: &Provider) -> &'static str {
    if p.phone.is_some() { "Call" } else { "Contact" }
}

/// " (+44 20 7946 0123)": the first of phone, email and web the clinic gives, in brackets;
/// " at (555) 010-0100" for one that has brackets of its own, which "((555) 010-0100)"
/// would bury.
fn reach(p: &Provider) -> String {
    p.phone
        .as_ref()
        .or(p.email.as_ref())
        .or(p.web.as_ref())
        .map_or_else(String::new, |how| {
            if how.contains(['(', ')']) {
                format!(" at {how}")
            } else {
                format!(" ({how})")
            }
        })
}

impl fmt::Display for Urgency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emergencies_sort_first_and_each_tier_has_its_words() {
        let mut tiers = [Urgency::Mention, Urgency::Emergency, Urgency::Call];
        tiers.sort();
        assert_eq!(tiers, Urgency::ALL);
        assert_eq!(Urgency::default(), Urgency::Call);
        let words: Vec<_> = Urgency::ALL.iter().map(|u| u.action()).collect();
        assert_eq!(
            words,
            [
                "Call emergency services now",
                "Call your clinic today",
                "Mention at your next visit"
            ]
        );
        assert_eq!(
            serde_json::to_string(&Urgency::Mention).unwrap(),
            "\"mention\""
        );
        let clinic = Provider {
            name: "Example Skin Clinic".into(),
            email: Some("care@example.com".into()),
            ..Provider::default()
        };
        let cases = [
            (Urgency::Call, None, "Call your clinic today"),
            (
                Urgency::Call,
                Some(&clinic),
                "Contact Example Skin Clinic today (care@example.com)",
            ),
            (
                Urgency::Emergency,
                Some(&clinic),
                "Call emergency services now",
            ),
            (
                Urgency::Mention,
                Some(&clinic),
                "Mention at your next visit",
            ),
        ];
        for (urgency, provider, want) in cases {
            assert_eq!(urgency.action_with(provider), want);
        }
        assert_eq!(
            Urgency::Call.heading_with(Some(&clinic)),
            "Contact Example Skin Clinic today (care@example.com) if"
        );
        // A US number written with an area code in brackets is not put in brackets again.
        let us = Provider {
            name: "Lakeside Skin".into(),
            phone: Some("(555) 010-0100".into()),
            ..Provider::default()
        };
        assert_eq!(
            Urgency::Call.heading_with(Some(&us)),
            "Call Lakeside Skin today at (555) 010-0100 if"
        );
    }
}
