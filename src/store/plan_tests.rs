//! The plans treatments follow: copies kept before the state names them, shared, repaired,
//! and never trusted when damaged, linked or named by anything but a SHA-256.

use super::*;
use crate::rules::Rules;
use chrono::DateTime;
use std::fs;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

const T1: &str = "2026-11-20T14:00:00+01:00";
const T2: &str = "2026-12-25T10:00:00+01:00";

fn clinic() -> Rules {
    let mut rules = Rules::builtin().unwrap();
    rules.name = "Example Skin Clinic".into();
    rules
}

#[test]
fn a_treatment_keeps_a_copy_of_its_plan_before_the_state_names_it() {
    let dir = private_tempdir();
    let store = Store::new(dir.path());
    let copy = PlanCopy::of(&clinic());
    let saved = store
        .save(&Change::AddSessionFollowing {
            at: at(T1),
            plan: copy.clone(),
            recorded: at(T1),
        })
        .unwrap();
    assert!(saved.changed);
    let reference = saved.state.sessions[0].plan.clone().unwrap();
    assert_eq!(reference, copy.reference);
    assert_eq!(reference.name, "Example Skin Clinic");
    assert!(!reference.builtin);
    let path = store.plan_path(&reference.sha256);
    assert_eq!(fs::read_to_string(&path).unwrap(), copy.json());
    assert_eq!(store.read_plan(&reference).unwrap(), copy.json());
    let again = Rules::from_kept_copy(copy.json(), "copy").unwrap();
    assert_eq!(again.sha256(), reference.sha256);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(path.parent().unwrap()), 0o700);
    }
    // The state file names it, and nothing else of the plan.
    let text = fs::read_to_string(store.path()).unwrap();
    assert!(text.contains(&format!("\"sha256\": \"{}\"", reference.sha256)));
    assert!(!text.contains("rationale"));
}

#[test]
fn the_built_in_plan_is_marked_and_a_series_goes_on_with_its_plan() {
    let dir = private_tempdir();
    let store = Store::new(dir.path());
    let builtin = PlanCopy::of(&Rules::builtin().unwrap());
    assert!(builtin.reference.builtin);
    store
        .save(&Change::AddSessionFollowing {
            at: at(T1),
            plan: builtin.clone(),
            recorded: at(T1),
        })
        .unwrap();
    // A treatment added without a plan follows the one before it.
    let state = store.apply(&Change::AddSession { at: at(T2) }).unwrap();
    assert_eq!(state.sessions[1].plan, Some(builtin.reference.clone()));
    // One copy for both.
    assert_eq!(fs::read_dir(dir.path().join(PLANS_DIR)).unwrap().count(), 1);
}

#[test]
fn switching_plans_changes_only_the_plan_and_repairs_a_missing_copy() {
    let dir = private_tempdir();
    let store = Store::new(dir.path());
    let first = PlanCopy::of(&Rules::builtin().unwrap());
    store
        .save(&Change::AddSessionFollowing {
            at: at(T1),
            plan: first,
            recorded: at(T1),
        })
        .unwrap();
    let tick = Change::Tick {
        session: at(T1),
        date: "2026-11-21".parse().unwrap(),
        task: "no-makeup".into(),
    };
    store.apply(&tick).unwrap();
    let second = PlanCopy::of(&clinic());
    let switch = Change::FollowPlan {
        session: at(T1),
        plan: second.clone(),
    };
    let saved = store.save(&switch).unwrap();
    assert!(saved.changed);
    let session = &saved.state.sessions[0];
    assert_eq!(session.plan, Some(second.reference.clone()));
    assert!(session.is_ticked("2026-11-21".parse().unwrap(), "no-makeup"));
    // The same plan again changes nothing, but writes its copy back if it went missing.
    fs::remove_file(store.plan_path(&second.reference.sha256)).unwrap();
    assert!(matches!(
        store.read_plan(&second.reference),
        Err(StoreError::PlanMissing { .. })
    ));
    let again = store.save(&switch).unwrap();
    assert!(!again.changed);
    assert_eq!(store.read_plan(&second.reference).unwrap(), second.json());
    // A treatment that is gone is a conflict, not a new treatment.
    let gone = Change::FollowPlan {
        session: at(T2),
        plan: second,
    };
    assert!(matches!(store.save(&gone), Err(StoreError::Conflict(_))));
}

#[test]
fn a_damaged_or_linked_copy_is_never_used() {
    let dir = private_tempdir();
    let store = Store::new(dir.path());
    let copy = PlanCopy::of(&clinic());
    let saved = store
        .save(&Change::AddSessionFollowing {
            at: at(T1),
            plan: copy.clone(),
            recorded: at(T1),
        })
        .unwrap();
    let reference = saved.state.sessions[0].plan.clone().unwrap();
    let path = store.plan_path(&reference.sha256);
    fs::write(&path, copy.json().replace("Example", "Exemplary")).unwrap();
    let err = store.read_plan(&reference).unwrap_err();
    assert!(matches!(err, StoreError::PlanDamaged { .. }), "{err}");
    assert!(err.to_string().contains("no longer matches"), "{err}");
    assert!(
        err.to_string().contains("aftercare rules use FILE"),
        "{err}"
    );
    #[cfg(unix)]
    {
        let elsewhere = dir.path().join("elsewhere.json");
        fs::write(&elsewhere, copy.json()).unwrap();
        fs::remove_file(&path).unwrap();
        std::os::unix::fs::symlink(&elsewhere, &path).unwrap();
        let err = store.read_plan(&reference).unwrap_err();
        assert!(err.to_string().contains("symbolic link"), "{err}");
    }
    // Recording the plan again puts a real, intact copy in its place.
    store
        .save(&Change::FollowPlan {
            session: at(T1),
            plan: copy.clone(),
        })
        .unwrap();
    assert_eq!(store.read_plan(&reference).unwrap(), copy.json());
}

#[test]
fn a_state_file_cannot_name_a_path_for_its_plan() {
    let dir = private_tempdir();
    let store = Store::new(dir.path());
    let reference = PlanRef {
        name: "x".into(),
        format: 2,
        sha256: "../state".into(),
        builtin: false,
        other: Unknown::new(),
    };
    let err = store.read_plan(&reference).unwrap_err();
    assert!(err.to_string().contains("not a SHA-256"), "{err}");
    // `plans` must be a directory.
    fs::write(dir.path().join(PLANS_DIR), "not a directory").unwrap();
    let copy = PlanCopy::of(&clinic());
    let err = store
        .save(&Change::AddSessionFollowing {
            at: at(T1),
            plan: copy,
            recorded: at(T1),
        })
        .unwrap_err();
    assert!(
        matches!(err, StoreError::Io { .. } | StoreError::PlansDir { .. }),
        "{err}"
    );
    assert!(
        !store.path().exists(),
        "the state was written without its plan"
    );
}

#[test]
fn old_files_load_and_new_fields_of_a_plan_are_kept_byte_for_byte() {
    let old = include_str!("../../tests/fixtures/state/v1-before-checkins.json");
    let state: State = serde_json::from_str(old).unwrap();
    assert_eq!(state.sessions[0].plan, None);
    let hash = "a".repeat(64);
    let newer = format!(
        r#"{{"format":1,"sessions":[{{"at":"{T1}","plan":{{"name":"P","format":3,"sha256":"{hash}","signed_by":{{"n":1.000000000000000000001}}}},"ticks":{{}}}}]}}"#
    );
    let dir = private_tempdir();
    let store = Store::new(dir.path());
    fs::write(store.path(), &newer).unwrap();
    let tick = Change::Tick {
        session: at(T1),
        date: "2026-11-21".parse().unwrap(),
        task: "no-makeup".into(),
    };
    store.apply(&tick).unwrap();
    let text = fs::read_to_string(store.path()).unwrap();
    assert!(
        text.contains(r#""signed_by": {"n":1.000000000000000000001}"#),
        "{text}"
    );
    let loaded = store.load().unwrap();
    assert_eq!(loaded.sessions[0].plan.as_ref().unwrap().format, 3);
}
