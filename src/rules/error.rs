//! Problems found in a rules file, each pointing at a line, a column and a field.

use crate::inert::inert;
use std::fmt;

/// One thing wrong with a rules file, pointing at the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line, 0 when the file is empty.
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
    /// The field, as `rules[3].until_hours`; empty for the whole file.
    pub path: String,
    pub message: String,
}

/// Everything wrong with one rules file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct RulesError {
    pub origin: String,
    pub problems: Vec<Problem>,
}

impl RulesError {
    pub fn new(origin: &str, problems: Vec<Problem>) -> Self {
        RulesError {
            origin: origin.to_string(),
            problems,
        }
    }
}

impl fmt::Display for RulesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            // Messages quote the file (an unknown field's name, say), so they are made inert
            // like the file's own text before they reach a terminal.
            write!(f, "{}:{}:{}: ", inert(&self.origin), p.line, p.column)?;
            if !p.path.is_empty() {
                write!(f, "{}: ", inert(&p.path))?;
            }
            write!(f, "{}", inert(&p.message))?;
        }
        Ok(())
    }
}
