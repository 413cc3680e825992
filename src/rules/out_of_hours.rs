//! What a warning sign tells the patient to do when the clinic can't be reached.
//!
//! The built-in plan's "call" warning signs end with a general fallback: a local urgent-care
//! or out-of-hours service, with NHS 111 named as the UK's where the sign cites an NHS page
//! that says so (source c15, NHS *Cellulitis*: "Get advice from 111"). A clinic may be
//! anywhere: when its plan names its own route in `provider.out_of_hours`, that is what the
//! patient is told instead, in every warning sign that carries the built-in fallback (those
//! the plan inherits with `extends`, or copied from `aftercare rules show`) and in the alert
//! for a severe rating. A clinic's own wording elsewhere is left as it wrote it.

use super::{Provider, Rules};

/// The built-in plan's fallback, for signs that cite the NHS page naming 111.
pub const BUILTIN_FALLBACK_UK: &str = "If you can't reach the clinic, use a local urgent-care or \
                                       out-of-hours service (NHS 111 in the UK).";

/// The built-in plan's fallback, for signs whose sources name no service.
pub const BUILTIN_FALLBACK: &str =
    "If you can't reach the clinic, use a local urgent-care or out-of-hours service.";

/// Fallbacks earlier built-in plans used, still found in plans copied from them.
const EARLIER_FALLBACKS: [&str; 1] =
    ["If you can't reach the clinic, use urgent care (for example NHS 111)."];

impl Provider {
    /// The clinic's own fallback, when it gives one: "If you can't reach the clinic: Call
    /// our after-hours line, (555) 010-0199; in an emergency call 911."
    pub fn fallback(&self) -> Option<String> {
        let words = self.out_of_hours.as_deref()?.trim();
        if words.is_empty() {
            return None;
        }
        let end = if words.ends_with(['.', '!', '?']) {
            ""
        } else {
            "."
        };
        Some(format!("If you can't reach the clinic: {words}{end}"))
    }
}

impl Rules {
    /// Puts the clinic's `out_of_hours` words in place of the built-in fallback in every
    /// warning sign and alert message that carries it (see the module docs). A plan with no
    /// `out_of_hours` is left as it is.
    pub(super) fn use_clinic_out_of_hours(&mut self) {
        let Some(line) = self.provider.as_ref().and_then(Provider::fallback) else {
            return;
        };
        let texts = self
            .warnings
            .iter_mut()
            .map(|w| &mut w.detail)
            .chain(self.alerts.iter_mut().map(|a| &mut a.message));
        for text in texts {
            for builtin in [BUILTIN_FALLBACK_UK, BUILTIN_FALLBACK]
                .into_iter()
                .chain(EARLIER_FALLBACKS)
            {
                if text.contains(builtin) {
                    *text = text.replace(builtin, &line);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clinic(out_of_hours: Option<&str>) -> Provider {
        Provider {
            name: "Lakeside Skin".into(),
            phone: Some("(555) 010-0100".into()),
            out_of_hours: out_of_hours.map(Into::into),
            ..Default::default()
        }
    }

    #[test]
    fn the_built_in_plan_carries_both_fallbacks_and_no_other_service() {
        let builtin = Rules::builtin().unwrap();
        let details: Vec<&str> = builtin.warnings.iter().map(|w| w.detail.as_str()).collect();
        let uk = details.iter().filter(|d| d.contains(BUILTIN_FALLBACK_UK));
        // Each sign naming NHS 111 cites the NHS page that names it.
        for warning in builtin.warnings.iter() {
            if warning.detail.contains("NHS 111") {
                assert!(
                    warning.detail.contains(BUILTIN_FALLBACK_UK),
                    "{}",
                    warning.id
                );
                assert!(warning.sources.iter().any(|s| s == "c15"), "{}", warning.id);
            }
        }
        assert_eq!(uk.count(), 6);
        assert_eq!(
            details
                .iter()
                .filter(|d| d.contains(BUILTIN_FALLBACK))
                .count(),
            2
        );
        assert!(
            !details
                .iter()
                .any(|d| d.contains("999") || d.contains("911"))
        );
    }

    #[test]
    fn a_clinic_out_of_hours_route_replaces_the_built_in_fallback() {
        let mut plan = Rules::builtin().unwrap();
        plan.alerts[0].message = format!("Contact the clinic. {}", EARLIER_FALLBACKS[0]);
        plan.provider = Some(clinic(Some(
            "Call our after-hours line, (555) 010-0199; in an emergency call 911",
        )));
        plan.use_clinic_out_of_hours();
        let said = "If you can't reach the clinic: Call our after-hours line, (555) 010-0199; \
                    in an emergency call 911.";
        let fever = plan.warnings.iter().find(|w| w.id == "fever-or-chills");
        assert!(fever.unwrap().detail.ends_with(said));
        assert_eq!(
            plan.alerts[0].message,
            format!("Contact the clinic. {said}")
        );
        let json = plan.to_json();
        assert!(!json.contains("NHS 111"), "{json}");
        assert!(
            !json.contains("urgent-care or out-of-hours service"),
            "{json}"
        );
        assert_eq!(json.matches(said).count(), 9);
    }

    #[test]
    fn without_an_out_of_hours_route_the_plan_is_unchanged() {
        let builtin = Rules::builtin().unwrap();
        for provider in [None, Some(clinic(None)), Some(clinic(Some("  ")))] {
            let mut plan = builtin.clone();
            plan.provider = provider.clone();
            plan.use_clinic_out_of_hours();
            assert_eq!(plan.warnings, builtin.warnings);
        }
    }
}
