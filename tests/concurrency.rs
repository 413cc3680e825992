//! Issue 16, "done when": every kind of change, made by the real binary from many processes at
//! once, is kept once it is acknowledged.
//!
//! Four writers of each kind (tick, untick, check-in rating, check-in note, start) run side
//! by side against one data directory, each making `EACH` changes one after the other. A
//! change is acknowledged when its command exits 0 with its "done" line; afterwards every
//! acknowledged change must be in the file. Writers of one kind never touch the same thing
//! (their own task and day, their own symptom, their own day's note, their own treatment
//! time), so the expected file is known exactly; writers of different kinds do meet: ratings
//! of four symptoms and notes land on the same days, ticks and unticks on the same days.
//! Run with `-- --nocapture` for the figures.

mod cli_common;

use cli_common::*;
use serde_json::Value;
use std::collections::BTreeSet;
use std::thread;
use std::time::Instant;

/// Writers of each kind, and the changes each makes.
const WRITERS: usize = 4;
const EACH: usize = 8;
/// Day 40 of the treatment at TREATED: check-ins may be given for Days 1 to 40.
const NOW: &str = "2026-12-29 09:00";
const SYMPTOMS: [&str; WRITERS] = ["redness", "swelling", "dryness", "discomfort"];

/// One command and how to tell it was acknowledged.
struct Job {
    args: Vec<String>,
    ack: &'static str,
}

/// What the final file must hold.
enum Expect {
    Ticked {
        task: String,
        date: String,
    },
    Unticked {
        task: String,
        date: String,
    },
    Rating {
        date: String,
        symptom: String,
        value: u64,
    },
    Note {
        date: String,
        text: String,
    },
    Treatment {
        at: String,
    },
}

fn date_of(day: usize) -> String {
    // Day 1 is 2026-11-20.
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
        + chrono::Duration::days(day as i64 - 1);
    date.to_string()
}

/// Tasks done every day (or every morning or evening) on Days 2 to 8, as `plan --json` lists
/// them, as distinct (task, day) pairs.
fn daily_tasks(p: &Patient) -> Vec<(String, usize)> {
    let plan = p.json(NOW, &["plan", "--json", "--from", "2", "--to", "8"]);
    let mut pairs = Vec::new();
    for day in plan["days"].as_array().unwrap() {
        let n = day["day"].as_u64().unwrap() as usize;
        for task in day["tasks"].as_array().unwrap() {
            // A restriction lifted on its day has nothing left to tick.
            if task["repeat"] != "once" && task["lifted"] != true {
                pairs.push((task["id"].as_str().unwrap().to_string(), n));
            }
        }
    }
    pairs
}

#[test]
fn every_kind_of_change_from_many_processes_is_kept() {
    let p = Patient::treated();
    let mut pairs = daily_tasks(&p).into_iter();
    let mut writers: Vec<Vec<(Job, Expect)>> = Vec::new();
    // Ticks to undo, put in place before the race.
    let mut preticked = Vec::new();
    for (w, symptom) in SYMPTOMS.into_iter().enumerate() {
        let mut ticks = Vec::new();
        let mut unticks = Vec::new();
        let mut ratings = Vec::new();
        let mut notes = Vec::new();
        let mut starts = Vec::new();
        for k in 0..EACH {
            let (task, day) = pairs.next().expect("enough daily tasks");
            ticks.push((
                job(&["check", &task, "--day", &day.to_string()], "Ticked:"),
                Expect::Ticked {
                    task,
                    date: date_of(day),
                },
            ));
            let (task, day) = pairs.next().expect("enough daily tasks");
            preticked.push((task.clone(), date_of(day)));
            unticks.push((
                job(&["uncheck", &task, "--day", &day.to_string()], "Unticked:"),
                Expect::Unticked {
                    task,
                    date: date_of(day),
                },
            ));
            // Every rating writer rates its own symptom on Days 1 to EACH.
            let value = ((w + k) % 6) as u64;
            let rate = format!("{symptom}={value}");
            ratings.push((
                job(
                    &["checkin", "--rate", &rate, "--day", &(k + 1).to_string()],
                    "Checked in",
                ),
                Expect::Rating {
                    date: date_of(k + 1),
                    symptom: symptom.to_string(),
                    value,
                },
            ));
            // Every note writer has its own days, which the ratings above share.
            let day = 1 + w * EACH + k;
            let text = format!("note {w}.{k}");
            notes.push((
                job(
                    &["checkin", "--note", &text, "--day", &day.to_string()],
                    "Checked in",
                ),
                Expect::Note {
                    date: date_of(day),
                    text,
                },
            ));
            // Next treatments, after NOW, so the current one stays the one checked against.
            let at = format!("2027-01-{:02} {:02}:00", 10 + w, 8 + k);
            starts.push((
                job(
                    &["start", "--at", &at, "--next", "--confirm"],
                    "Treatment recorded",
                ),
                Expect::Treatment {
                    at: format!("2027-01-{:02}T{:02}:00:00+01:00", 10 + w, 8 + k),
                },
            ));
        }
        writers.extend([ticks, unticks, ratings, notes, starts]);
    }
    pretick(&p, &preticked);

    let started = Instant::now();
    let results: Vec<Vec<(bool, Expect)>> = thread::scope(|scope| {
        let handles: Vec<_> = writers
            .into_iter()
            .map(|jobs| {
                let p = &p;
                scope.spawn(move || {
                    jobs.into_iter()
                        .map(|(job, expect)| (run(p, &job), expect))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let elapsed = started.elapsed();

    let state = state(&p);
    let mut made = 0;
    let mut acknowledged = 0;
    let mut lost = Vec::new();
    for (acked, expect) in results.into_iter().flatten() {
        made += 1;
        if !acked {
            continue;
        }
        acknowledged += 1;
        if !holds(&state, &expect) {
            lost.push(describe(&expect));
        }
    }
    println!(
        "concurrency: {} writers ({WRITERS} each of tick, untick, check-in rating, note, start) × \
         {EACH} changes = {made} made, {acknowledged} acknowledged, {} lost, in {:.1} s",
        WRITERS * 5,
        lost.len(),
        elapsed.as_secs_f64()
    );
    assert!(lost.is_empty(), "acknowledged but lost: {lost:#?}");
    assert_eq!(acknowledged, made, "every change should have been saved");
}

fn job(args: &[&str], ack: &'static str) -> Job {
    Job {
        args: args.iter().map(|a| a.to_string()).collect(),
        ack,
    }
}

/// Runs one command; whether it acknowledged its change.
fn run(p: &Patient, job: &Job) -> bool {
    let out = p.at(NOW).args(&job.args).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    out.status.success() && stdout.starts_with(job.ack)
}

/// Ticks each (task, date) in the file directly, as a finished earlier run would have.
fn pretick(p: &Patient, ticks: &[(String, String)]) {
    let mut state = state(p);
    let session = &mut state["sessions"][0];
    if session["ticks"].is_null() {
        session["ticks"] = serde_json::json!({});
    }
    for (task, date) in ticks {
        let day = session["ticks"]
            .as_object_mut()
            .unwrap()
            .entry(date.clone())
            .or_insert_with(|| serde_json::json!([]));
        day.as_array_mut().unwrap().push(task.as_str().into());
    }
    std::fs::write(p.state_file(), serde_json::to_vec_pretty(&state).unwrap()).unwrap();
}

fn session(state: &Value) -> &Value {
    &state["sessions"][0]
}

fn ticked(state: &Value, task: &str, date: &str) -> bool {
    session(state)["ticks"][date]
        .as_array()
        .is_some_and(|ids| ids.iter().any(|id| id == task))
}

fn holds(state: &Value, expect: &Expect) -> bool {
    let checkins = &session(state)["checkins"];
    match expect {
        Expect::Ticked { task, date } => ticked(state, task, date),
        Expect::Unticked { task, date } => !ticked(state, task, date),
        Expect::Rating {
            date,
            symptom,
            value,
        } => checkins[date]["ratings"][symptom].as_u64() == Some(*value),
        Expect::Note { date, text } => checkins[date]["note"] == text.as_str(),
        Expect::Treatment { at } => {
            let ats: BTreeSet<&str> = state["sessions"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|s| s["at"].as_str())
                .collect();
            ats.contains(at.as_str())
        }
    }
}

fn describe(expect: &Expect) -> String {
    match expect {
        Expect::Ticked { task, date } => format!("tick {task} on {date}"),
        Expect::Unticked { task, date } => format!("untick {task} on {date}"),
        Expect::Rating {
            date,
            symptom,
            value,
        } => format!("{symptom}={value} on {date}"),
        Expect::Note { date, text } => format!("note {text:?} on {date}"),
        Expect::Treatment { at } => format!("treatment at {at}"),
    }
}
