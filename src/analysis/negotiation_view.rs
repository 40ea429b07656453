//! What a facilitator sees in the editor (issue 12, item 3), as plain data read
//! from the rolling-text facts the syntax tree holds (`syntax::negotiation`:
//! the brackets with their partners, each line's marks and paragraph state,
//! the written `PP`/`OP` labels). Nothing here re-reads the text.
//!
//! - [`tally`]: paragraphs agreed, bracketed, with alternatives, deleted, and
//!   the brackets open (the code lens at the top of the document);
//! - [`tokens`]: brackets, attributions, alternative tags, notes and
//!   ad referendum markers as semantic tokens;
//! - [`alternative_folds`]: the alternatives of a paragraph folded under it;
//! - [`hover_attribution`]: on an attribution, who proposed what in that
//!   paragraph.

use std::collections::HashMap;

use super::ide::{HoverInfo, SemanticToken, TokenKind};
use super::labels;
use crate::syntax::negotiation::LineMarks;
use crate::syntax::{ParagraphState, Role, Span, Tree};

/// A paragraph of the rolling text with its subparagraphs and continuation
/// lines (notes written under it included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// The label as written (`PP3`, `OP5 alt 2`), else as negotiators call it
    /// (`PP3`, `OP5 bis`, `Annex 2`; `OP` for an unnumbered operative
    /// paragraph).
    pub label: String,
    /// First and last line (0-based).
    pub line: usize,
    pub last_line: usize,
}

/// The paragraphs of the body, in order: preambular, operative (numbered,
/// `bis`, labelled or not) and numbered annex paragraphs.
pub fn paragraphs(tree: &Tree) -> Vec<Paragraph> {
    let preambular: HashMap<usize, String> = labels::paragraph_labels(tree)
        .into_iter()
        .map(|l| (l.at.line, l.label))
        .collect();
    let mut out: Vec<Paragraph> = Vec::new();
    let mut open = false;
    for (index, line, role) in tree.iter() {
        let written = line
            .label
            .and_then(|l| line.text.get(l.start..l.end))
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "));
        let label = match role {
            Role::Preambular => Some(
                preambular
                    .get(&index)
                    .cloned()
                    .unwrap_or_else(|| "PP".to_owned()),
            ),
            Role::Operative { number, .. } | Role::MalformedOperative { number, .. } => {
                Some(format!("OP{}", labels::written_number(line, number)))
            }
            Role::UnnumberedOperative { .. } => Some("OP".to_owned()),
            Role::AnnexParagraph { number, .. } => Some(format!("Annex {number}")),
            Role::Subparagraph { .. } | Role::Continuation { .. } | Role::Blank => {
                if open
                    && role != Role::Blank
                    && let Some(last) = out.last_mut()
                {
                    last.last_line = index;
                }
                continue;
            }
            _ => None,
        };
        match label {
            Some(label) => {
                out.push(Paragraph {
                    label: written.unwrap_or(label),
                    line: index,
                    last_line: index,
                });
                open = true;
            }
            None => open = false,
        }
    }
    out
}

/// The state of the paragraphs of a rolling text and its brackets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Preambular, operative and numbered annex paragraphs.
    pub paragraphs: usize,
    /// No brackets and no alternatives left (clean or agreed ad ref).
    pub agreed: usize,
    /// Of `agreed`, marked agreed ad referendum.
    pub ad_ref: usize,
    /// Holding or standing inside bracketed language.
    pub bracketed: usize,
    /// One of several alternatives.
    pub alternatives: usize,
    pub deleted: usize,
    /// Bracketed passages still in the text: the outermost `[` of each pair,
    /// and each `[` left without a partner.
    pub open_brackets: usize,
    /// Brackets without a partner (`[` never closed, `]` never opened).
    pub unbalanced: usize,
}

impl Tally {
    /// `12 paragraphs: 7 agreed (1 ad ref), 3 bracketed, 2 with alternatives,
    /// 0 deleted · 4 open brackets (1 unbalanced)`.
    pub fn title(&self) -> String {
        let mut agreed = format!("{} agreed", self.agreed);
        if self.ad_ref > 0 {
            agreed.push_str(&format!(" ({} ad ref)", self.ad_ref));
        }
        let mut out = format!(
            "{} paragraphs: {agreed}, {} bracketed, {} with alternatives",
            self.paragraphs, self.bracketed, self.alternatives
        );
        if self.deleted > 0 {
            out.push_str(&format!(", {} deleted", self.deleted));
        }
        let brackets = if self.open_brackets == 1 {
            "1 open bracket".to_owned()
        } else {
            format!("{} open brackets", self.open_brackets)
        };
        out.push_str(&format!(" · {brackets}"));
        if self.unbalanced > 0 {
            out.push_str(&format!(" ({} unbalanced)", self.unbalanced));
        }
        out
    }
}

/// The state of a whole paragraph: the strongest of its lines' (deleted, then
/// alternative, bracketed, ad ref, clean).
pub fn paragraph_state(tree: &Tree, paragraph: &Paragraph) -> ParagraphState {
    let rank = |state: ParagraphState| match state {
        ParagraphState::Deleted => 4,
        ParagraphState::Alternative => 3,
        ParagraphState::Bracketed => 2,
        ParagraphState::AgreedAdRef => 1,
        ParagraphState::Clean => 0,
    };
    let negotiation = tree.negotiation();
    (paragraph.line..=paragraph.last_line)
        .filter_map(|index| Some(negotiation.state(index, tree.line(index)?)))
        .max_by_key(|state| rank(*state))
        .unwrap_or(ParagraphState::Clean)
}

pub fn tally(tree: &Tree) -> Tally {
    let mut out = Tally::default();
    for paragraph in &paragraphs(tree) {
        out.paragraphs += 1;
        match paragraph_state(tree, paragraph) {
            ParagraphState::Clean => out.agreed += 1,
            ParagraphState::AgreedAdRef => {
                out.agreed += 1;
                out.ad_ref += 1;
            }
            ParagraphState::Bracketed => out.bracketed += 1,
            ParagraphState::Alternative => out.alternatives += 1,
            ParagraphState::Deleted => out.deleted += 1,
        }
    }
    let brackets = &tree.negotiation().brackets;
    out.open_brackets = brackets
        .iter()
        .filter(|b| b.open && (b.depth == 1 || b.partner.is_none()))
        .count();
    out.unbalanced = brackets.iter().filter(|b| b.partner.is_none()).count();
    out
}

fn marks(tree: &Tree, index: usize) -> Option<&LineMarks> {
    tree.line(index)?.negotiation.as_deref()
}

/// Semantic tokens of the rolling text: each negotiation bracket
/// ([`TokenKind::Bracket`]; one without a partner is a diagnostic's business),
/// attributions and alternative tags ([`TokenKind::Attribution`],
/// [`TokenKind::AlternativeTag`]), notes and ad referendum markers
/// ([`TokenKind::Note`]).
pub fn tokens(tree: &Tree) -> Vec<SemanticToken> {
    let mut out: Vec<SemanticToken> = tree
        .negotiation()
        .brackets
        .iter()
        .map(|b| SemanticToken {
            span: b.at,
            kind: TokenKind::Bracket,
        })
        .collect();
    for index in 0..tree.line_count() {
        let Some(marks) = marks(tree, index) else {
            continue;
        };
        let token = |range: crate::syntax::ByteRange, kind| SemanticToken {
            span: Span::in_line(index, range),
            kind,
        };
        out.extend(
            marks
                .attributions
                .iter()
                .map(|a| token(a.range, TokenKind::Attribution)),
        );
        out.extend(
            marks
                .alternatives
                .iter()
                .map(|a| token(a.range, TokenKind::AlternativeTag)),
        );
        out.extend(
            marks
                .notes
                .iter()
                .chain(&marks.ad_ref)
                .map(|r| token(*r, TokenKind::Note)),
        );
    }
    // An attribution or a note holds its own brackets, which are not
    // negotiation brackets; `tokens::merge` keeps the first, widest token.
    out
}

/// Lines to fold: `(start, end)`, 0-based, `start < end`.
pub type Fold = (usize, usize);

/// Folds for the alternatives: the alternatives of a paragraph (`OP5`,
/// `OP5 alt`, `OP5 alt 2`; or paragraphs in a row each opening with
/// `[Alt 1: …]`, `[Alt 2: …]`) fold under the first line of the group, so the
/// first alternative's lead line stays in view; and an `[Alt n: …]` bracket
/// that runs over several lines folds from its `[` to its `]`.
pub fn alternative_folds(tree: &Tree) -> Vec<Fold> {
    let all = paragraphs(tree);
    let mut out = Vec::new();
    let mut group: Option<Fold> = None;
    for (at, paragraph) in all.iter().enumerate() {
        let alternative = paragraph_state(tree, paragraph) == ParagraphState::Alternative;
        match (&mut group, alternative) {
            (Some(fold), true) if fold.1 + 1 >= paragraph.line => fold.1 = paragraph.last_line,
            (_, true) => {
                if let Some(done) = group.take() {
                    out.push(done);
                }
                // `OP5` then `OP5 alt`: the alternatives fold under `OP5`.
                let base = paragraph.label.split(" alt").next().unwrap_or_default();
                let start = match at.checked_sub(1).map(|i| &all[i]) {
                    Some(before)
                        if paragraph.label.contains(" alt")
                            && before.label == base
                            && before.last_line + 1 >= paragraph.line =>
                    {
                        before.line
                    }
                    _ => paragraph.line,
                };
                group = Some((start, paragraph.last_line));
            }
            (_, false) => {
                if let Some(done) = group.take() {
                    out.push(done);
                }
            }
        }
    }
    out.extend(group);
    let negotiation = tree.negotiation();
    for index in 0..tree.line_count() {
        let Some(marks) = marks(tree, index) else {
            continue;
        };
        for tag in &marks.alternatives {
            let partner = negotiation
                .brackets
                .iter()
                .find(|b| b.open && b.at.line == index && b.at.start == tag.bracket)
                .and_then(|b| b.partner);
            if let Some(close) = partner.filter(|p| p.line > index) {
                out.push((index, close.line));
            }
        }
    }
    out.retain(|(start, end)| start < end);
    out.sort_unstable();
    out.dedup();
    out
}

/// One attribution of a paragraph: who, and what they propose or hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    pub parties: Vec<String>,
    /// `delete`, `retain` … or the passage attributed to them.
    pub what: String,
    pub line: usize,
}

/// The text of line `index` between two byte offsets, trimmed.
fn between(tree: &Tree, index: usize, start: usize, end: usize) -> String {
    tree.line(index)
        .and_then(|l| l.text.get(start..end))
        .unwrap_or_default()
        .trim()
        .to_owned()
}

/// The passage an attribution is about: its action (`delete`), the rest of
/// its bracket (`[US, JPN: retain the text]` → "retain the text"), or the
/// bracketed passage just before it (`[to act] (EU)` → "to act").
fn what_of(
    tree: &Tree,
    index: usize,
    attribution: &crate::syntax::negotiation::Attribution,
) -> String {
    let brackets = &tree.negotiation().brackets;
    if !attribution.whole {
        // `US, JPN:` inside a bracket whose text goes on to its partner.
        let close = brackets
            .iter()
            .rfind(|b| b.open && b.at.line == index && b.at.start < attribution.range.start)
            .and_then(|b| b.partner);
        let rest = match close {
            Some(close) if close.line == index => {
                between(tree, index, attribution.range.end, close.start)
            }
            _ => between(
                tree,
                index,
                attribution.range.end,
                tree.line(index).map_or(0, |l| l.content_end),
            ),
        };
        return match (&attribution.action, rest.is_empty()) {
            (Some(action), true) => action.clone(),
            _ => rest,
        };
    }
    if let Some(action) = &attribution.action {
        return action.clone();
    }
    // The closing bracket nearest before it, on its line, and its partner.
    let before = brackets
        .iter()
        .rfind(|b| !b.open && b.at.line == index && b.at.end <= attribution.range.start);
    match before.and_then(|b| Some((b.partner?, b.at))) {
        Some((open, close)) if open.line == index => between(tree, index, open.end, close.start),
        Some((open, close)) => {
            let first = between(
                tree,
                open.line,
                open.end,
                tree.line(open.line).map_or(0, |l| l.content_end),
            );
            let last = between(tree, index, 0, close.start);
            format!("{first} … {last}")
        }
        None => "this paragraph".to_owned(),
    }
}

/// Every attribution of the paragraph holding line `index`.
pub fn proposals(tree: &Tree, paragraph: &Paragraph) -> Vec<Proposal> {
    let mut out = Vec::new();
    for index in paragraph.line..=paragraph.last_line {
        let Some(marks) = marks(tree, index) else {
            continue;
        };
        for attribution in &marks.attributions {
            out.push(Proposal {
                parties: attribution.parties.clone(),
                what: what_of(tree, index, attribution),
                line: index,
            });
        }
    }
    out
}

/// Words kept in a hover line before it is cut.
const SHOWN: usize = 80;

fn shortened(text: &str) -> String {
    if text.chars().count() <= SHOWN {
        return text.to_owned();
    }
    let cut: String = text.chars().take(SHOWN).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut} …")
}

/// Hover over an attribution (`(EU)`, `[G77: delete]`): who proposed what in
/// its paragraph, one line per attribution, in order.
pub fn hover_attribution(tree: &Tree, line: usize, byte: usize) -> Option<HoverInfo> {
    let marks = marks(tree, line)?;
    let here = marks
        .attributions
        .iter()
        .find(|a| a.range.start <= byte && byte <= a.range.end)?;
    let all = paragraphs(tree);
    let paragraph = all.iter().find(|p| p.line <= line && line <= p.last_line)?;
    let mut markdown = format!("**Proposals in {}**\n", paragraph.label);
    for proposal in proposals(tree, paragraph) {
        markdown.push_str(&format!(
            "\n- **{}**: {} (line {})",
            proposal.parties.join(", "),
            shortened(&proposal.what),
            proposal.line + 1
        ));
    }
    Some(HoverInfo {
        span: Span::in_line(line, here.range),
        markdown,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A rolling text: a written label, an ad ref paragraph, a bracketed and
    /// attributed paragraph, an inserted `2 bis`, alternatives of OP3 by
    /// label, a note and a bracket left open.
    const ROLLING: &str = "Rolling text\n\tThe General Assembly,\nPP1\tRecalling its resolution 77/140,\n\t1.\tReaffirms the right of the people (agreed ad ref);\n\t2.\tRequests [the administering Power] (EU) to act [G77: delete];\n\t2 bis.\tInvites States to act;\nOP3\tDecides to continue to follow the question;\nOP3 alt\tDecides to remain seized of the matter;\nOP3 alt 2\tDecides to consider the question [at its next session;\nNote: OP3 to be discussed at the next round.\n\t4.\tEncourages [US, JPN: further] efforts.\n";

    #[test]
    fn paragraphs_and_their_states() {
        let tree = Tree::parse(ROLLING);
        let states: Vec<(String, &str)> = paragraphs(&tree)
            .iter()
            .map(|p| (p.label.clone(), paragraph_state(&tree, p).name()))
            .collect();
        let expected = [
            ("PP1", "clean"),
            ("OP1", "agreed ad ref"),
            ("OP2", "bracketed"),
            ("OP2 bis", "clean"),
            ("OP3", "clean"),
            ("OP3 alt", "alternative"),
            ("OP3 alt 2", "alternative"),
            ("OP4", "bracketed"),
        ];
        let expected: Vec<(String, &str)> =
            expected.iter().map(|(l, s)| (l.to_string(), *s)).collect();
        assert_eq!(states, expected);
        let tally = tally(&tree);
        assert_eq!(
            tally.title(),
            "8 paragraphs: 4 agreed (1 ad ref), 2 bracketed, 2 with alternatives · 2 open brackets (1 unbalanced)"
        );
        // The note under OP3 alt 2 belongs to it.
        assert_eq!(paragraphs(&tree)[6].last_line, 9);
    }

    #[test]
    fn alternatives_fold_under_the_paragraph_they_replace() {
        assert_eq!(alternative_folds(&Tree::parse(ROLLING)), [(6, 9)]);
        let tags = "\tThe General Assembly,\n\t1.\t[Alt 1: Decides to act;]\n\t1.\t[Alt 2: Decides to\nconsider acting;]\n\t2.\tRequests a report.\n";
        let tree = Tree::parse(tags);
        let folds = alternative_folds(&tree);
        assert!(folds.contains(&(1, 3)), "{folds:?}");
        assert!(
            alternative_folds(&Tree::parse("\tThe General Assembly,\n\t1.\tDecides.\n")).is_empty()
        );
    }

    #[test]
    fn tokens_for_brackets_attributions_and_notes() {
        let tree = Tree::parse(ROLLING);
        let kinds = |line: usize| -> Vec<(usize, TokenKind)> {
            let mut found: Vec<(usize, TokenKind)> = tokens(&tree)
                .iter()
                .filter(|t| t.span.line == line)
                .map(|t| (t.span.start, t.kind))
                .collect();
            found.sort_by_key(|(start, _)| *start);
            found
        };
        assert_eq!(
            kinds(4),
            [
                (13, TokenKind::Bracket),
                (37, TokenKind::Bracket),
                (39, TokenKind::Attribution),
                (51, TokenKind::Attribution)
            ]
        );
        assert_eq!(kinds(3), [(38, TokenKind::Note)]);
        assert_eq!(kinds(9), [(0, TokenKind::Note)]);
        assert!(tokens(&Tree::parse("\tThe General Assembly,\n\t1.\tDecides.\n")).is_empty());
    }

    #[test]
    fn hover_on_an_attribution_lists_the_paragraph_s_proposals() {
        let tree = Tree::parse(ROLLING);
        let hover = hover_attribution(&tree, 4, 40).expect("a hover on (EU)");
        assert_eq!(hover.span, Span::new(4, 39, 43));
        assert_eq!(
            hover.markdown,
            "**Proposals in OP2**\n\n- **EU**: the administering Power (line 5)\n- **G77**: delete (line 5)"
        );
        let inside = hover_attribution(&tree, 10, 18).expect("a hover on US, JPN:");
        assert!(
            inside.markdown.contains("**US, JPN**: further"),
            "{}",
            inside.markdown
        );
        assert!(hover_attribution(&tree, 4, 20).is_none());
    }
}
