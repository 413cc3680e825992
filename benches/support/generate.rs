//! Generated plans and state files for the benchmarks and for trying the binary with a
//! clinic-sized plan (`cargo run --release --example generate_rules -- 10000 > rules.json`).
//!
//! Deterministic: a fixed-seed PRNG, so every run measures the same plan.

use aftercare::rules::{Kind, Repeat, Rule, Rules};
use aftercare::store::{CheckIn, Session, State};
use chrono::{DateTime, Duration, FixedOffset};

/// The longest window a generated rule gets: a year.
pub const MAX_WINDOW_HOURS: i64 = 365 * 24;

/// splitmix64: small, fast, and good enough to scatter windows.
pub struct Prng(u64);

impl Prng {
    pub fn new(seed: u64) -> Self {
        Prng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `low..high` (`high > low`).
    pub fn range(&mut self, low: i64, high: i64) -> i64 {
        let span = u64::try_from(high - low).unwrap_or(1).max(1);
        low + i64::try_from(self.next() % span).unwrap_or(0)
    }
}

/// The built-in plan with its rules replaced by `count` generated ones: windows opening from
/// two days before the treatment to a year after it, each up to a year long; a third of them
/// morning-and-evening, a tenth once, the rest daily. Notes, sources and check-ins stay as built in.
pub fn rules(count: usize) -> Rules {
    let mut rules = Rules::builtin().unwrap_or_else(|e| panic!("built-in rules: {e}"));
    let sources: Vec<String> = rules.sources.iter().map(|s| s.id.clone()).collect();
    let mut rng = Prng::new(0x5EED_0000 + count as u64);
    rules.name = format!("Generated plan of {count} rules");
    rules.rules = (0..count)
        .map(|i| {
            let from_hours = rng.range(-48, MAX_WINDOW_HOURS);
            let until_hours = from_hours + rng.range(1, MAX_WINDOW_HOURS + 1);
            let repeat = match rng.range(0, 30) {
                0..=2 => Repeat::Once,
                3..=12 => Repeat::MorningAndEvening,
                _ => Repeat::Daily,
            };
            let kind = if rng.range(0, 3) == 0 {
                Kind::Avoid
            } else {
                Kind::Do
            };
            let source = sources[i % sources.len()].clone();
            Rule {
                id: format!("rule-{i:06}"),
                title: format!("Generated task number {i} with a title of usual length").into(),
                kind,
                from_hours: Some(from_hours),
                from_day: None,
                until_hours: Some(until_hours),
                until_day: None,
                repeat,
                at: None,
                rationale: format!(
                    "Rule {i}: one sentence on why, about as long as the built-in plan's rationales."
                )
                .into(),
                lifted: None,
                as_needed: false,
                keep_up_after: None,
                sources: vec![source].into(),
            }
        })
        .collect();
    rules
}

/// The generated rules as a rules file.
pub fn rules_json(count: usize) -> String {
    serde_json::to_string_pretty(&rules(count)).unwrap_or_else(|e| panic!("encode: {e}"))
}

/// A state holding `ticks` tick-offs of a patient who ticks 27 tasks a day and checks in
/// daily: one treatment a year, earliest `first`, each with 365 days of history.
pub fn state(ticks: usize, first: DateTime<FixedOffset>) -> State {
    const PER_DAY: usize = 27;
    const DAYS: usize = 365;
    let mut state = State::default();
    let mut left = ticks;
    let mut at = first;
    while left > 0 {
        let mut session = Session::new(at);
        let start = at.date_naive();
        for day in 0..DAYS {
            if left == 0 {
                break;
            }
            let date = start + Duration::days(day as i64);
            let n = left.min(PER_DAY);
            let ids = session.ticks.entry(date).or_default();
            for t in 0..n {
                ids.insert(format!("rule-{:06}@morning", (day * PER_DAY + t) % 10_000));
            }
            left -= n;
            let mut checkin = CheckIn::default();
            checkin.ratings.insert("redness".into(), (day % 6) as u8);
            checkin.ratings.insert("swelling".into(), (day % 4) as u8);
            session.checkins.insert(date, checkin);
        }
        state.sessions.push(session);
        at += Duration::days(DAYS as i64);
    }
    state
}
