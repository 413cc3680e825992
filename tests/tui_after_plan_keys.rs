//! After the plan the page has no task to select: `i` opens nothing about a task that is not
//! on the screen, and says where the page's sources are.

mod tui_harness;

use crossterm::event::KeyCode::Char;
use tui_harness::{app_at, press, screen, treated_store};

#[test]
fn after_the_plan_i_opens_no_task_and_says_why_80x24() {
    // Day 60 of a treatment on Fri 20 Nov: the plan ended on Day 43.
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store, state, "2027-01-18T10:05:00+01:00", 80, 24);
    assert!(
        screen(&app).contains("Your plan is over"),
        "{}",
        screen(&app)
    );
    press(&mut app, &[Char('i')]);
    let shown = screen(&app);
    assert!(!shown.contains("Moisturize"), "{shown}");
    assert!(shown.contains("No task here to explain"), "{shown}");
    insta::assert_snapshot!("after_plan_i_says_no_task_80x24", shown);
}
