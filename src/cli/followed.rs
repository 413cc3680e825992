//! Which plan a command shows: the one the treatment follows (issue 13, item 1).
//!
//! - A treatment records its plan when it is recorded (`start`, or the checklist's first-run
//!   question) and keeps a copy in the data directory (`store::plans`): after that it is
//!   shown with that copy, and `--rules` is not needed.
//! - `--rules` naming another plan for a recorded treatment is refused, naming both plans
//!   and `aftercare rules use FILE`, which switches on purpose.
//! - A treatment recorded with the built-in plan keeps the built-in plan of the aftercare
//!   that recorded it, also after an upgrade brings a newer one: the recovery in progress
//!   does not change under the patient. `today` and `plan` then say a newer one exists and
//!   how to switch (`Basis::Recorded { newer_builtin: true }`).
//! - A treatment recorded by an older aftercare names no plan: it follows the plan each run
//!   names (`--rules`, or the built-in plan), as it always did, until the patient records one
//!   with `rules use` (`Basis::Unrecorded`).

use super::CliError;
use super::plan_diff;
use super::text::moment;
use crate::inert::inert;
use crate::rules::{BUILTIN_NAME, Rules, builtin_identity};
use crate::store::{PlanRef, Session, Store};
use std::path::PathBuf;

/// The plan `--rules` named, loaded and checked.
pub struct Given {
    pub rules: Rules,
    pub path: PathBuf,
}

/// Where the plan a command shows comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Basis {
    /// The plan the treatment recorded. `newer_builtin`: it was the built-in plan, and this
    /// aftercare's built-in plan is another (newer) one.
    Recorded {
        reference: PlanRef,
        newer_builtin: bool,
    },
    /// No recorded treatment is involved: `--rules`, or the built-in plan.
    Named,
    /// A treatment recorded before plans were remembered: `--rules` (`file`) or the
    /// built-in plan, whichever this run names.
    Unrecorded { file: Option<PathBuf> },
}

/// The plan to show, and where it comes from.
pub struct Followed {
    pub rules: Rules,
    pub basis: Basis,
}

fn builtin() -> Result<Rules, CliError> {
    Rules::builtin().map_err(CliError::Rules)
}

/// The plan `given`, or the built-in one.
pub fn named(given: Option<Given>) -> Result<Rules, CliError> {
    given.map_or_else(builtin, |g| Ok(g.rules))
}

/// The plan for `session` (the treatment a command acts on), or, with none, the one named.
///
/// # Errors
/// `OtherPlan` when `given` is not the plan the treatment recorded; the errors of reading
/// its copy (`Store`) or of checking it (`Rules`).
pub fn for_session(
    store: &Store,
    session: Option<&Session>,
    given: Option<Given>,
) -> Result<Followed, CliError> {
    let Some(session) = session else {
        return Ok(Followed {
            rules: named(given)?,
            basis: Basis::Named,
        });
    };
    let Some(reference) = &session.plan else {
        let file = given.as_ref().map(|g| g.path.clone());
        return Ok(Followed {
            rules: named(given)?,
            basis: Basis::Unrecorded { file },
        });
    };
    let builtin_hash = builtin_identity().map(|(_, hash)| hash.as_str());
    let newer_builtin = reference.builtin && builtin_hash != Some(reference.sha256.as_str());
    let basis = Basis::Recorded {
        reference: reference.clone(),
        newer_builtin,
    };
    if let Some(given) = given {
        let theirs = PlanRef::of(&given.rules);
        if theirs.sha256 != reference.sha256 {
            let recorded = recorded_rules(store, reference, builtin_hash).ok();
            return Err(CliError::OtherPlan(refusal(
                session,
                reference,
                recorded.as_ref(),
                &given,
                &theirs,
            )));
        }
        // The same plan: what --rules read is what the copy holds.
        return Ok(Followed {
            rules: given.rules,
            basis,
        });
    }
    let rules = recorded_rules(store, reference, builtin_hash)?;
    Ok(Followed { rules, basis })
}

/// The plan `reference` names: this aftercare's own built-in plan when it is that one (no
/// need to read the copy), else the copy kept in the data directory.
fn recorded_rules(
    store: &Store,
    reference: &PlanRef,
    builtin_hash: Option<&str>,
) -> Result<Rules, CliError> {
    if builtin_hash == Some(reference.sha256.as_str()) {
        return builtin();
    }
    let text = store.read_plan(reference)?;
    let origin = store.plan_path(&reference.sha256).display().to_string();
    Rules::from_kept_copy(&text, &origin).map_err(CliError::Rules)
}

/// The plan a new treatment records: `--rules`, else the plan of the latest treatment (a
/// series goes on with its plan), else the built-in one.
pub fn for_new_treatment(
    store: &Store,
    latest: Option<&Session>,
    given: Option<Given>,
) -> Result<Rules, CliError> {
    match (given, latest) {
        (Some(given), _) => Ok(given.rules),
        (None, Some(session)) => Ok(for_session(store, Some(session), None)?.rules),
        (None, None) => builtin(),
    }
}

/// How messages name a recorded plan: `the built-in plan "…" (plan 3f2a9c1e)`.
pub fn describe(reference: &PlanRef) -> String {
    let what = if reference.builtin {
        "the built-in plan"
    } else {
        "the plan"
    };
    format!(
        "{what} \"{}\" (plan {})",
        inert(&reference.name),
        reference.short()
    )
}

/// The refusal of `--rules` naming a plan the treatment does not follow: both plans, what
/// differs between them (when the recorded copy could be read) and how to switch.
fn refusal(
    session: &Session,
    recorded: &PlanRef,
    recorded_rules: Option<&Rules>,
    given: &Given,
    theirs: &PlanRef,
) -> String {
    let path = crate::inert::inert_path(&given.path);
    let switch = if theirs.builtin && path == BUILTIN_NAME {
        "aftercare rules use builtin".to_string()
    } else {
        format!("aftercare rules use {path}")
    };
    let same_name = theirs.name == recorded.name;
    let theirs_named = if theirs.builtin {
        format!("the built-in plan (plan {})", theirs.short())
    } else if same_name {
        format!(
            "the plan of the same name in {path} (plan {})",
            theirs.short()
        )
    } else {
        format!(
            "\"{}\" ({path}, plan {})",
            inert(&theirs.name),
            theirs.short()
        )
    };
    let differs = recorded_rules
        .map(|rules| plan_diff::differences(rules, &given.rules))
        .unwrap_or_default();
    let what_differs = match (same_name, differs.is_empty()) {
        (_, true) => String::new(),
        (true, false) => format!(
            " Same name, different content: from the recorded plan to {path}, {}.",
            differs.join("; ")
        ),
        (false, false) => format!(
            " What differs from the recorded plan to {path}: {}.",
            differs.join("; ")
        ),
    };
    format!(
        "your treatment of {} follows {} recorded with it, not {theirs_named}, which --rules \
         names.{what_differs} aftercare remembers the plan each treatment follows, so there is \
         no need for --rules: leave it out. To switch this treatment to the other plan on \
         purpose (tick-offs and check-ins are kept): {switch}",
        moment(session.at),
        describe(recorded),
    )
}

/// What `today` and `plan` say about the plan before anything else, if anything: a newer
/// built-in plan the treatment does not follow, or a treatment whose plan was never recorded.
pub fn notice(basis: &Basis) -> Option<String> {
    match basis {
        Basis::Recorded {
            newer_builtin: true,
            ..
        } => Some(
            "This version of aftercare comes with a newer built-in plan. Your recovery keeps \
             the plan it started with; to switch to the new one: aftercare rules use builtin"
                .to_string(),
        ),
        Basis::Unrecorded { file } => {
            let (shown, use_it) = match file {
                Some(path) => {
                    let path = crate::inert::inert_path(path);
                    (format!("the plan in {path}"), path)
                }
                None => ("the built-in plan".to_string(), "builtin".to_string()),
            };
            Some(format!(
                "Your treatment was recorded by an older aftercare, which did not remember its \
                 plan: it is shown with {shown}. If that is your plan, keep it for this \
                 treatment with: aftercare rules use {use_it}"
            ))
        }
        _ => None,
    }
}
