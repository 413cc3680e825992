//! Problems found in a rules file, each pointing at a file, a line, a column and the entry.

use crate::inert::inert;
use std::fmt;

/// One thing wrong with a rules file, pointing at the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file the problem is in, where it is not the one checked (a plan it extends).
    pub file: Option<String>,
    /// 1-based line, 0 when the file is empty.
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
    /// Where, in words: `rule 4 (no-makeup) › until_hours`, `provider › phone`; empty for
    /// the whole file. Entries are counted from 1 in the order the file lists them.
    pub path: String,
    /// What is wrong and, where it helps, what to write instead.
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

impl Problem {
    /// A problem with the whole file, or at a place with no entry to name.
    pub fn at(line: usize, column: usize, message: impl Into<String>) -> Problem {
        Problem {
            file: None,
            line,
            column,
            path: String::new(),
            message: message.into(),
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
            let file = p.file.as_deref().unwrap_or(&self.origin);
            write!(f, "{}:{}:{}: ", inert(file), p.line, p.column)?;
            if !p.path.is_empty() {
                write!(f, "{}: ", inert(&p.path))?;
            }
            write!(f, "{}", inert(&p.message))?;
        }
        Ok(())
    }
}
