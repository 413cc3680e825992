//! Where a plan's facts come from, and the one way every output cites them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A document a rule or note is based on. A patient must be able to look it up: cite it by
/// title, author, publisher, date and address where they are known, never by a file path.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// What rules and notes cite, e.g. "s001".
    pub id: String,
    /// The document's title.
    pub title: String,
    /// "article" (the default: a web page or magazine piece) or "clinical" (clinical
    /// literature: a journal paper, a health service's or regulator's page).
    #[serde(default, skip_serializing_if = "SourceKind::is_article")]
    pub kind: SourceKind,
    /// Who wrote it: "Chu S, Foulad DP, Atanaskova Mesinkovska N", "Emily M.".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Who published it: a journal, a website, an agency: "Dermatologic Surgery", "NHS".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// When it was published or last updated: "2023-08-09", "2021-09" or "2021".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// More of the reference: volume and pages, a DOI: "47(9):1249–1254; doi:10.1097/…".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Where to read it: an https:// or http:// address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A remark for the reader that is not part of the citation: "The article promotes the
    /// publisher's own microneedling pens."
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What kind of document a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A web page, blog post or magazine article.
    #[default]
    Article,
    /// Clinical literature: a journal paper, or a health service's or regulator's page.
    Clinical,
}

impl SourceKind {
    fn is_article(&self) -> bool {
        *self == SourceKind::Article
    }

    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Article => "article",
            SourceKind::Clinical => "clinical",
        }
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl Source {
    /// The citation as every output prints it (the checklist's "why", `plan`, the Markdown
    /// handout, the calendar): author, title, publisher, date, detail, address, in that
    /// order, each where known.
    ///
    /// `Chu S, Foulad DP. Safety Profile for Microneedling: A Systematic Review. Dermatologic
    /// Surgery, Sep 2021. 47(9):1249–1254. https://doi.org/10.1097/…`
    ///
    /// The kind and the note are not part of it: show them beside it (`kind.as_str()`,
    /// `note`) where there is room.
    pub fn citation(&self) -> String {
        let mut parts: Vec<String> = Vec::with_capacity(5);
        if let Some(author) = &self.author {
            parts.push(author.trim().to_string());
        }
        parts.push(self.title.trim().to_string());
        match (&self.publisher, self.date.as_deref().map(human_date)) {
            (Some(p), Some(d)) => parts.push(format!("{}, {d}", p.trim())),
            (Some(p), None) => parts.push(p.trim().to_string()),
            (None, Some(d)) => parts.push(d),
            (None, None) => {}
        }
        if let Some(detail) = &self.detail {
            parts.push(detail.trim().to_string());
        }
        let mut text = String::new();
        for part in parts.iter().filter(|p| !p.is_empty()) {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(part);
            // A title ending in "?" or "!" needs no full stop after it.
            if !part.ends_with(['.', '?', '!']) {
                text.push('.');
            }
        }
        if let Some(url) = &self.url {
            text.push(' ');
            text.push_str(url.trim());
        }
        text
    }
}

impl Source {
    /// The citation in the short form a two-page handout has room for, as medical leaflets
    /// cite papers. A source with an author, a publisher and a date (a journal paper): the
    /// first author ("et al." for three or more), the publisher and the year. Any other (a
    /// health service's page, an article): its title, publisher and year. The detail
    /// (volume, pages, PMID) and the address are left out. Every other output prints
    /// `citation`; the handout says where to find it.
    ///
    /// `Chu S et al. Dermatologic Surgery, 2021.` · `Cellulitis. NHS.`
    pub fn short_citation(&self) -> String {
        let mut short = self.clone();
        if let Some(author) = &self.author {
            let names: Vec<&str> = author.split(',').map(str::trim).collect();
            let first = names.first().copied().unwrap_or_default();
            if names.len() >= 3 || names.iter().any(|n| n.starts_with("et al")) {
                short.author = Some(format!("{first} et al."));
            }
        }
        short.date = self
            .date
            .as_ref()
            .and_then(|d| d.get(..4))
            .map(str::to_string);
        short.detail = None;
        short.url = None;
        if self.author.is_some() && self.publisher.is_some() && self.date.is_some() {
            short.title = String::new();
        }
        short.citation()
    }
}

/// "2023-08-09" as "9 Aug 2023", "2021-09" as "Sep 2021"; anything else as written.
fn human_date(date: &str) -> String {
    let mut parts = date.split('-');
    let (year, month, day) = (parts.next(), parts.next(), parts.next());
    let month = month
        .and_then(|m| m.parse::<usize>().ok())
        .and_then(|m| MONTHS.get(m.wrapping_sub(1)));
    match (year, month, day.and_then(|d| d.parse::<u32>().ok())) {
        (Some(y), Some(m), Some(d)) => format!("{d} {m} {y}"),
        (Some(y), Some(m), None) => format!("{m} {y}"),
        _ => date.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(title: &str) -> Source {
        Source {
            id: "s1".into(),
            title: title.into(),
            kind: SourceKind::Article,
            author: None,
            publisher: None,
            date: None,
            detail: None,
            url: None,
            note: None,
        }
    }

    #[test]
    fn citations_give_what_is_known_in_one_order() {
        let mut full = source("Safety Profile for Microneedling: A Systematic Review");
        full.author = Some("Chu S, Foulad DP".into());
        full.publisher = Some("Dermatologic Surgery".into());
        full.date = Some("2021-09".into());
        full.detail = Some("47(9):1249–1254".into());
        full.url = Some("https://doi.org/10.1097/x".into());
        full.note = Some("not shown".into());
        let mut dated = source("What Can 1 Session Do?");
        dated.author = Some("Emily M.".into());
        dated.date = Some("2023-08-09".into());
        let cases = [
            (
                full,
                "Chu S, Foulad DP. Safety Profile for Microneedling: A Systematic Review. \
                 Dermatologic Surgery, Sep 2021. 47(9):1249–1254. https://doi.org/10.1097/x",
            ),
            (dated, "Emily M. What Can 1 Session Do? 9 Aug 2023."),
            (source("Cellulitis"), "Cellulitis."),
        ];
        for (source, want) in cases {
            assert_eq!(source.citation(), want);
        }
        assert_eq!(human_date("2021"), "2021");
        let mut three = source("Safety Profile for Microneedling");
        three.author = Some("Chu S, Foulad DP, Atanaskova Mesinkovska N".into());
        three.publisher = Some("Dermatologic Surgery".into());
        three.date = Some("2021-09".into());
        three.detail = Some("47(9):1249–1254".into());
        three.url = Some("https://doi.org/10.1097/x".into());
        assert_eq!(
            three.short_citation(),
            "Chu S et al. Dermatologic Surgery, 2021."
        );
        let mut two = source("Cellulitis");
        two.author = Some("Zeng R, Xiong J, et al".into());
        assert_eq!(two.short_citation(), "Zeng R et al. Cellulitis.");
        two.author = Some("Chu S, Foulad DP".into());
        assert_eq!(two.short_citation(), "Chu S, Foulad DP. Cellulitis.");
    }
}
