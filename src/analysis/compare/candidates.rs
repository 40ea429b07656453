//! The versions the editor's "compare with…" offers for a document: the other
//! open documents and the indexed workspace files, those with the same title
//! first (the same resolution in another round or session), then the open
//! ones, then by name. Plain data; the server lists the documents.

/// A document that could be compared with the current one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Where it is (a URI, as the server names it).
    pub uri: String,
    /// How it is shown (a path relative to the workspace, a file name).
    pub name: String,
    pub title: Option<String>,
    /// Open in the editor (its unsaved text is what is compared).
    pub open: bool,
}

/// A candidate in the order offered, and whether it has the current title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked {
    pub candidate: Candidate,
    pub same_title: bool,
}

/// Titles compared as a reader would: case folded, spaces collapsed, a final
/// full stop left out.
pub fn same_title(a: &str, b: &str) -> bool {
    let fold = |title: &str| {
        title
            .trim()
            .trim_end_matches('.')
            .split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    let (a, b) = (fold(a), fold(b));
    !a.is_empty() && a == b
}

/// The candidates in the order to offer them; the current document (`current`
/// URI) and repeated URIs are left out (the first mention stays, so list open
/// documents first).
pub fn rank(current: &str, title: Option<&str>, candidates: Vec<Candidate>) -> Vec<Ranked> {
    let mut seen = std::collections::HashSet::new();
    let mut ranked: Vec<Ranked> = candidates
        .into_iter()
        .filter(|c| c.uri != current && seen.insert(c.uri.clone()))
        .map(|candidate| Ranked {
            same_title: match (title, &candidate.title) {
                (Some(a), Some(b)) => same_title(a, b),
                _ => false,
            },
            candidate,
        })
        .collect();
    ranked.sort_by(|a, b| {
        (!a.same_title, !a.candidate.open, &a.candidate.name).cmp(&(
            !b.same_title,
            !b.candidate.open,
            &b.candidate.name,
        ))
    });
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(uri: &str, title: Option<&str>, open: bool) -> Candidate {
        Candidate {
            uri: uri.to_owned(),
            name: uri.trim_start_matches("file:///").to_owned(),
            title: title.map(str::to_owned),
            open,
        }
    }

    #[test]
    fn same_title_first_then_open_then_name() {
        let ranked = rank(
            "file:///now.unres",
            Some("Question of Guam"),
            vec![
                candidate("file:///now.unres", Some("Question of Guam"), true),
                candidate("file:///b.unres", Some("Other"), true),
                candidate("file:///z.txt", Some("Question of  guam."), false),
                candidate("file:///a.txt", None, false),
                candidate("file:///b.unres", Some("Other"), false),
                candidate("file:///y.unres", Some("Question of Guam"), true),
            ],
        );
        let order: Vec<(&str, bool)> = ranked
            .iter()
            .map(|r| (r.candidate.name.as_str(), r.same_title))
            .collect();
        assert_eq!(
            order,
            [
                ("y.unres", true),
                ("z.txt", true),
                ("b.unres", false),
                ("a.txt", false)
            ]
        );
    }

    #[test]
    fn titles_fold_case_spaces_and_full_stop() {
        assert!(same_title(
            "South-South cooperation",
            " south-south  Cooperation."
        ));
        assert!(!same_title(
            "South-South cooperation",
            "South-South cooperation B"
        ));
        assert!(!same_title("", ""));
    }
}
