//! Issue 13 end to end: the esthetician's demo of a clinic's plan (`aftercare --demo --rules
//! clinic.json`), run as the built binary in a real terminal, names the clinic in the help.

mod pty;

use pty::{ENTER_SCREEN, Session, Spawn};

#[test]
fn the_demo_of_a_clinic_s_plan_names_the_clinic_in_the_help() {
    let dir = tempfile::tempdir().unwrap();
    let clinic = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/plans/clinic.json"
    );
    let Some(session) = Session::start(Spawn {
        args: &["--demo", "--rules", clinic],
        ..Spawn::app(dir.path())
    }) else {
        return;
    };
    session.wait_for(&[ENTER_SCREEN, "DEMO", "Example Skin Clinic"]);
    let mark = session.mark();
    session.type_bytes(b"?");
    // (Only the cells that change are written, so a word may come in pieces where the
    // screen under the help had the same letters: these three come whole.)
    session.wait_for_since(mark, &["Your clinic", "Example Skin Clinic", "Phone"]);
    session.type_bytes(b"x");
    std::thread::sleep(std::time::Duration::from_millis(200));
    session.type_bytes(b"q");
    let (status, output, cooked) = session.finish();
    assert!(status.success() && cooked, "{output:?}");
    // The demo saved nothing.
    assert!(!dir.path().join("state.json").exists());
}
