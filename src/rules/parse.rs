//! Reading a whole plan (the built-in one, or a file's bytes or text, checked and made inert), finding its entries by id, and writing it back out as JSON.

use super::{
    BUILTIN_JSON, BUILTIN_NAME, Loader, NoFiles, Problem, RULES_FORMAT, Rule, Rules, RulesError,
    Source, line_column, load, serde_message,
};

impl Rules {
    /// The built-in microneedling plan.
    pub fn builtin() -> Result<Rules, RulesError> {
        // Only read, not checked: the built-in plan is part of the program, and a test
        // (`the_builtin_plan_needs_no_checks_at_start`) proves that checking it and making
        // its text inert change nothing. That spares every start a third of its parsing.
        let mut rules: Rules = serde_json::from_str(BUILTIN_JSON).map_err(|err| {
            let problem = Problem::at(err.line(), err.column(), serde_message(&err));
            RulesError::new(BUILTIN_NAME, vec![problem])
        })?;
        // The editor hint is for the file, not the plan (`parse` leaves it out too).
        rules.schema = None;
        Ok(rules)
    }

    /// Parses and validates the bytes of a rules file, which need not be valid UTF-8: a file
    /// that is not gets a message pointing at the first bad byte rather than a panic. A plan
    /// that extends another file reads it with `loader`.
    pub fn from_bytes_with(
        bytes: &[u8],
        origin: &str,
        loader: &mut dyn Loader,
    ) -> Result<Rules, RulesError> {
        match std::str::from_utf8(bytes) {
            Ok(text) => Rules::parse_with(text, origin, loader),
            Err(e) => {
                let valid = &bytes[..e.valid_up_to()];
                // The prefix is valid UTF-8 by construction, so this cannot fail.
                let text = std::str::from_utf8(valid).unwrap_or_default();
                let (line, column) = line_column(text, text.len());
                let problem = Problem::at(
                    line,
                    column,
                    format!(
                        "not UTF-8 text (byte 0x{:02x} at offset {}): save the file as UTF-8",
                        bytes[e.valid_up_to()],
                        e.valid_up_to()
                    ),
                );
                Err(RulesError::new(origin, vec![problem]))
            }
        }
    }

    /// `from_bytes_with`, for a plan that extends no file (it may extend the built-in one).
    pub fn from_bytes(bytes: &[u8], origin: &str) -> Result<Rules, RulesError> {
        Rules::from_bytes_with(bytes, origin, &mut NoFiles)
    }

    /// Parses, resolves (`extends`) and validates a rules file; `origin` names it in
    /// messages. The plan returned has no `extends` or `remove`: it is the whole plan, with
    /// its text made inert and the clinic's out-of-hours words in place of the built-in
    /// plan's urgent-care fallback (`out_of_hours`).
    pub fn parse_with(
        text: &str,
        origin: &str,
        loader: &mut dyn Loader,
    ) -> Result<Rules, RulesError> {
        let mut rules = load::load(text, origin, loader)?;
        rules.make_text_inert();
        rules.use_clinic_out_of_hours();
        Ok(rules)
    }

    /// `parse_with`, for a plan that extends no file.
    pub fn parse(text: &str, origin: &str) -> Result<Rules, RulesError> {
        Rules::parse_with(text, origin, &mut NoFiles)
    }

    /// The rule with this id, if any.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// The source with this id, if any.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// How every output names the source `id` (the screens, the command line): its title
    /// (made inert when the plan was loaded), or, for an id the plan does not list (only a
    /// plan copy altered by hand can have one), the id itself made inert: it comes from a
    /// file, and may hold anything, an escape sequence too.
    pub fn source_title<'a>(&'a self, id: &'a str) -> std::borrow::Cow<'a, str> {
        self.source(id).map_or_else(
            || crate::inert::inert(id),
            |s| std::borrow::Cow::Borrowed(s.title.as_str()),
        )
    }

    /// The plan as JSON a clinic can start from (`aftercare rules show`): resolved, in the
    /// newest format, with the schema named for editors.
    pub fn to_json(&self) -> String {
        let mut plan = self.clone();
        plan.format = RULES_FORMAT;
        plan.extends = None;
        plan.remove = None;
        plan.schema = None;
        // Serializing plain data to a String cannot fail.
        serde_json::to_string_pretty(&plan).unwrap_or_default() + "\n"
    }
}
