//! Inline suppression: comment lines (`%% …`, `Role::Comment`) that silence a
//! rule where the drafter has decided the finding does not apply.
//!
//! ```text
//! %% unres: ignore PUN010            the next paragraph (the next line that is
//!                                     not blank or a comment)
//! %% unres: disable CIT001 CIT003     every line after it, until
//! %% unres: enable CIT001 CIT003      this (or the end of the file)
//! %% unres: ignore-file STY001        the whole file, wherever it stands
//! ```
//!
//! Codes are separated by spaces or commas; `-- reason` may follow them. A
//! suppression that silences nothing is reported (SUP001, a hint), as ruff
//! reports an unused `noqa`, so that stale comments do not pile up.

use super::config::Config;
use super::diagnostic::{Diagnostic, Severity};
use super::rules::{RuleMeta, declare_rule, rule_meta};
use crate::syntax::lex::COMMENT;
use crate::syntax::{Role, Span, Tree};

declare_rule! {
    /// ## What it checks
    ///
    /// A suppression comment (`%% unres: ignore CODE`, `disable`, `enable`,
    /// `ignore-file`) that silences nothing: its rule finds nothing where it
    /// applies, the code names no rule, the rule is off, or the comment is not
    /// a directive unres knows.
    ///
    /// ## Why
    ///
    /// A suppression outlives the finding it was written for. Left in place it
    /// would silence a real finding introduced later in the same paragraph.
    ///
    /// ## Example
    ///
    /// `%% unres: ignore PUN010` above a paragraph without stray whitespace.
    ///
    /// ## Fix
    ///
    /// Remove the code from the comment, or the comment.
    pub struct UnusedSuppression {
        code: "SUP001",
        severity: Hint,
    }
}

/// The word after `%%` that makes a comment a directive.
const PREFIX: &str = "unres:";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    /// The next paragraph.
    Ignore,
    /// From here to the matching `enable` (or the end).
    Disable,
    Enable,
    /// The whole file.
    IgnoreFile,
}

impl Verb {
    fn parse(word: &str) -> Option<Verb> {
        match word {
            "ignore" => Some(Verb::Ignore),
            "disable" => Some(Verb::Disable),
            "enable" => Some(Verb::Enable),
            "ignore-file" => Some(Verb::IgnoreFile),
            _ => None,
        }
    }
}

/// One `%% unres: …` comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub line: usize,
    /// `None` when the word after `unres:` is no verb (reported by SUP001).
    pub verb: Option<Verb>,
    /// The word after `unres:` (its span).
    pub verb_span: Span,
    /// The codes as written, with their spans.
    pub codes: Vec<(String, Span)>,
}

/// The directives of a document, in order.
pub fn directives(tree: &Tree) -> Vec<Directive> {
    tree.lines()
        .iter()
        .enumerate()
        .filter(|(index, _)| tree.role(*index) == Role::Comment)
        .filter_map(|(index, line)| parse(index, &line.text))
        .collect()
}

fn parse(line: usize, text: &str) -> Option<Directive> {
    let after = text.find(COMMENT)? + COMMENT.len();
    let rest = &text[after..];
    let prefix_at = after + (rest.len() - rest.trim_start().len());
    if !text[prefix_at..].starts_with(PREFIX) {
        return None; // A plain comment.
    }
    let body_start = prefix_at + PREFIX.len();
    // A reason after `--` is the drafter's note, not codes.
    let body_end = text[body_start..]
        .find("--")
        .map_or(text.len(), |at| body_start + at);
    let mut words = words(text, body_start, body_end).into_iter();
    let (verb_word, verb_span) = words
        .next()
        .unwrap_or((String::new(), Span::point(line, body_start)));
    let verb_span = Span::new(line, verb_span.start, verb_span.end);
    Some(Directive {
        line,
        verb: Verb::parse(&verb_word),
        verb_span,
        codes: words
            .map(|(word, span)| (word, Span::new(line, span.start, span.end)))
            .collect(),
    })
}

/// The words of `text[start..end]` separated by spaces, tabs or commas, with
/// their byte spans (line 0: the caller sets the line).
fn words(text: &str, start: usize, end: usize) -> Vec<(String, Span)> {
    let mut out = Vec::new();
    let mut word_start = None;
    for (at, ch) in text[start..end].char_indices() {
        let at = start + at;
        let separator = ch.is_whitespace() || ch == ',';
        match (separator, word_start) {
            (true, Some(from)) => {
                out.push((text[from..at].to_owned(), Span::new(0, from, at)));
                word_start = None;
            }
            (false, None) => word_start = Some(at),
            _ => {}
        }
    }
    if let Some(from) = word_start {
        out.push((text[from..end].to_owned(), Span::new(0, from, end)));
    }
    out
}

/// The lines a `%% unres: ignore` on `line` covers: the next paragraph.
pub fn ignored_line(tree: &Tree, line: usize) -> Option<usize> {
    (line + 1..tree.line_count()).find(|&i| !matches!(tree.role(i), Role::Blank | Role::Comment))
}

/// One code of one directive and the lines it silences.
struct Silencer {
    code: &'static str,
    span: Span,
    lines: std::ops::Range<usize>,
    used: bool,
}

/// Drop the findings the document's suppressions silence, and report each
/// suppression that silences nothing.
pub fn apply(tree: &Tree, config: &Config, found: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let directives = directives(tree);
    if directives.is_empty() {
        return found;
    }
    let mut silencers: Vec<Silencer> = Vec::new();
    let mut problems: Vec<(Span, String)> = Vec::new();
    for directive in &directives {
        let Some(verb) = directive.verb else {
            problems.push((
                directive.verb_span,
                "not a suppression: write `ignore`, `disable`, `enable` or `ignore-file` after `unres:`".to_owned(),
            ));
            continue;
        };
        if directive.codes.is_empty() {
            problems.push((
                directive.verb_span,
                "this suppression names no rule".to_owned(),
            ));
        }
        for (word, span) in &directive.codes {
            let Some(meta) = rule_meta(word) else {
                problems.push((*span, format!("no rule {word}: this suppresses nothing")));
                continue;
            };
            match verb {
                Verb::Ignore => {
                    let lines = ignored_line(tree, directive.line).map_or(0..0, |l| l..l + 1);
                    silencers.push(silencer(meta, *span, lines));
                }
                Verb::IgnoreFile => silencers.push(silencer(meta, *span, 0..tree.line_count())),
                Verb::Disable => {
                    let end = directives
                        .iter()
                        .filter(|d| d.line > directive.line && d.verb == Some(Verb::Enable))
                        .find(|d| {
                            d.codes
                                .iter()
                                .any(|(w, _)| w.eq_ignore_ascii_case(meta.code))
                        })
                        .map_or(tree.line_count(), |d| d.line);
                    silencers.push(silencer(meta, *span, directive.line + 1..end));
                }
                Verb::Enable => {
                    let opened = directives.iter().any(|d| {
                        d.line < directive.line
                            && d.verb == Some(Verb::Disable)
                            && d.codes
                                .iter()
                                .any(|(w, _)| w.eq_ignore_ascii_case(meta.code))
                    });
                    if !opened {
                        problems.push((
                            *span,
                            format!("no `disable {}` before this: nothing to enable", meta.code),
                        ));
                    }
                }
            }
        }
    }
    let mut kept: Vec<Diagnostic> = found
        .into_iter()
        .filter(|diagnostic| {
            let mut silenced = false;
            for silencer in silencers
                .iter_mut()
                .filter(|s| s.code == diagnostic.code && s.lines.contains(&diagnostic.span.line))
            {
                silencer.used = true;
                silenced = true;
            }
            !silenced
        })
        .collect();
    let meta = &UnusedSuppression::META;
    let Some(severity) = config.severity_for(meta.code, meta.default_severity) else {
        return kept;
    };
    let unused = silencers.iter().filter(|s| !s.used).map(|s| {
        let why = if config.severity_for(s.code, Severity::Hint).is_none() {
            format!("{} is off: this suppression is not needed", s.code)
        } else {
            format!(
                "{} finds nothing here: this suppression is not needed",
                s.code
            )
        };
        (s.span, why)
    });
    let reported: Vec<(Span, String)> = problems.into_iter().chain(unused).collect();
    for (span, message) in reported {
        kept.push(Diagnostic {
            code: meta.code,
            severity,
            span,
            message,
            fixes: Vec::new(),
            related: Vec::new(),
        });
    }
    kept
}

fn silencer(meta: &'static RuleMeta, span: Span, lines: std::ops::Range<usize>) -> Silencer {
    Silencer {
        code: meta.code,
        span,
        lines,
        used: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    fn codes(text: &str) -> Vec<(&'static str, usize)> {
        analyze(&Tree::parse(text), &Config::default())
            .iter()
            .map(|d| (d.code, d.span.line))
            .collect()
    }

    const HEAD: &str = "\tThe General Assembly,\n";

    #[test]
    fn ignore_silences_the_next_paragraph_only() {
        let text = format!(
            "{HEAD}\tRecalling its resolution 64/222 ,\n%% unres: ignore PUN010\n\tRecalling also its resolution 64/223 ,\n\t1.\tDecides to act."
        );
        let found = codes(&text);
        assert!(found.contains(&("PUN010", 1)), "{found:?}");
        assert!(!found.contains(&("PUN010", 3)), "{found:?}");
        assert!(!found.iter().any(|(c, _)| *c == "SUP001"), "{found:?}");
    }

    #[test]
    fn a_comment_is_invisible_to_the_structure_and_the_rules() {
        let plain = format!(
            "{HEAD}\tRecalling its resolution 64/222,\n\t1.\tDecides to act;\n\t2.\tRequests a report."
        );
        let commented = format!(
            "{HEAD}\tRecalling its resolution 64/222,\n%% a note: Drafts 1, 2. and 3 ,\n\t1.\tDecides to act;\n%%\n\t2.\tRequests a report."
        );
        let plain_codes: Vec<_> = codes(&plain).into_iter().map(|(c, _)| c).collect();
        let commented_codes: Vec<_> = codes(&commented).into_iter().map(|(c, _)| c).collect();
        assert_eq!(plain_codes, commented_codes);
        let tree = Tree::parse(&commented);
        assert_eq!(tree.role(2), Role::Comment);
        assert!(matches!(tree.role(3), Role::Operative { number: 1, .. }));
        assert!(matches!(tree.role(5), Role::Operative { number: 2, .. }));
    }

    #[test]
    fn disable_runs_to_enable_and_ignore_file_covers_all() {
        let text = format!(
            "{HEAD}%% unres: disable PUN010 -- quoted text\n\tRecalling its resolution 64/222 ,\n\tRecalling also its resolution 64/223 ,\n%% unres: enable PUN010\n\tNoting its resolution 64/224 ,\n\t1.\tDecides to act."
        );
        let found = codes(&text);
        assert_eq!(
            found
                .iter()
                .filter(|(c, _)| *c == "PUN010")
                .collect::<Vec<_>>(),
            vec![&("PUN010", 5)]
        );
        let whole = format!("{text}\n%% unres: ignore-file PUN010");
        assert!(
            !codes(&whole)
                .iter()
                .any(|(c, _)| *c == "PUN010" || *c == "SUP001")
        );
    }

    #[test]
    fn a_suppression_that_silences_nothing_is_a_hint() {
        let text = format!(
            "{HEAD}%% unres: ignore PUN010, XYZ999\n\tRecalling its resolution 64/222,\n%% unres: enable CIT001\n%% unres: ignroe PUN001\n\t1.\tDecides to act."
        );
        let found = analyze(&Tree::parse(&text), &Config::default());
        let hints: Vec<_> = found
            .iter()
            .filter(|d| d.code == "SUP001")
            .map(|d| (d.severity, d.span.line, d.message.as_str()))
            .collect();
        assert_eq!(hints.len(), 4, "{hints:?}");
        assert!(hints.iter().all(|(s, _, _)| *s == Severity::Hint));
        assert!(hints[0].2.contains("PUN010 finds nothing"), "{hints:?}");
        assert!(hints[1].2.contains("no rule XYZ999"), "{hints:?}");
        assert!(hints[2].2.contains("nothing to enable"), "{hints:?}");
        assert!(hints[3].2.contains("not a suppression"), "{hints:?}");
    }

    #[test]
    fn an_unused_suppression_of_a_rule_that_is_off_says_so() {
        let text = format!(
            "{HEAD}%% unres: ignore PUN010\n\tRecalling its resolution 64/222 ,\n\t1.\tDecides."
        );
        let mut config = Config::default();
        config.severities.insert("PUN010".to_owned(), None);
        let found = analyze(&Tree::parse(&text), &config);
        assert!(
            found
                .iter()
                .any(|d| d.code == "SUP001" && d.message.contains("PUN010 is off"))
        );
        config.severities.insert("SUP001".to_owned(), None);
        assert!(
            !analyze(&Tree::parse(&text), &config)
                .iter()
                .any(|d| d.code == "SUP001")
        );
    }
}
