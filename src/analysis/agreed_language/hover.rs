//! Hover on an opening: which part it belongs to, how often adopted texts use
//! it, one real example.

use super::{
    Entry, Extras, MarkerWord, Opening, OpeningKind, Recognition, entry_docs, opening_with,
};
use crate::analysis::Config;
use crate::analysis::ide::HoverInfo;
use crate::syntax::{Role, Span, Tree};

/// Directive verbs from weakest to strongest (VRB018, drafting practice).
const LADDER: &[&str] = &[
    "Invites",
    "Encourages",
    "Requests",
    "Calls upon",
    "Urges",
    "Demands",
];

/// What an opening is used for, in one sentence.
fn purpose(entry: &Entry) -> String {
    let phrase = entry.phrase.as_str();
    if let Some(step) = LADDER.iter().position(|&v| v == phrase) {
        let ladder = LADDER.join(" → ");
        return format!(
            "A directive verb, step {} of {} on the scale drafters use from weakest to strongest: {ladder}.",
            step + 1,
            LADDER.len()
        );
    }
    match (entry.kind, phrase) {
        (_, "Decides") => {
            "The organ's own decision; binding in Security Council resolutions.".to_owned()
        }
        (_, "Reaffirms" | "Reaffirming") => {
            "Repeats what the organ said in an earlier text; cite that text.".to_owned()
        }
        (_, "Reiterates" | "Reiterating") => {
            "Says again what an earlier text said (not part of the Also/Further sequence)."
                .to_owned()
        }
        (OpeningKind::Preambular, _) => {
            "Opens a preambular paragraph: the reasons and context, ending with a comma."
                .to_owned()
        }
        (OpeningKind::Operative, _) => {
            "Opens an operative paragraph: what the organ does, ending with a semicolon (a full stop in the last paragraph)."
                .to_owned()
        }
    }
}

/// The markdown for a shipped entry: kind, purpose, use in adopted texts, example.
pub(super) fn entry_markdown(entry: &Entry) -> String {
    let mut out = format!(
        "**{}** — {} opening\n\n{}\n\n",
        entry.phrase,
        entry.kind.noun(),
        purpose(entry)
    );
    if entry.count > 0 {
        out.push_str(&format!(
            "Opens {} paragraphs of 300 adopted resolutions ({} with *also* or *further*).",
            entry.count, entry.marked
        ));
    } else if entry.mun_only() {
        out.push_str("Found in Model UN guides only, not in UN texts: prefer a standard opening.");
    } else {
        out.push_str("Not found in the 300 adopted resolutions of the corpus.");
    }
    if !entry.example.is_empty() {
        out.push_str(&format!(
            "\n\nExample, {}:\n\n> {}",
            entry.symbol, entry.example
        ));
    }
    if !entry.note.is_empty() {
        out.push_str(&format!("\n\n*Phrase list:* {}", entry.note));
    }
    out
}

fn marker_markdown(word: MarkerWord, kind: OpeningKind) -> &'static str {
    match (word, kind) {
        (MarkerWord::Also | MarkerWord::Further, OpeningKind::Operative) => {
            "*Also* / *Further* before the verb: the second and third paragraph in a row with the same verb (VRB005, VRB006)."
        }
        (MarkerWord::Also | MarkerWord::Further, OpeningKind::Preambular) => {
            "*also* / *further* after the first word: the second and third paragraph in a row with the same opening (VRB005, VRB006)."
        }
        (MarkerWord::OnceAgain | MarkerWord::Again, _) => {
            "*Once again* / *Again*: the organ repeats what it said in an earlier resolution (VRB009)."
        }
    }
}

/// The hover for the opening under (`line`, `byte`), if there is one.
pub fn hover_opening(tree: &Tree, config: &Config, line: usize, byte: usize) -> Option<HoverInfo> {
    let lexed = tree.line(line)?;
    let kind = match tree.role(line) {
        Role::Preambular | Role::Heading => OpeningKind::Preambular,
        Role::Operative { .. } | Role::MalformedOperative { .. } => OpeningKind::Operative,
        _ => return None,
    };
    let extras =
        if config.extra_operative_verbs.is_empty() && config.extra_preambular_phrases.is_empty() {
            Extras::default()
        } else {
            Extras::from_config(config)
        };
    let opening = opening_with(&lexed.text, lexed.body_start, kind, &extras)?;
    if byte < opening.range.start || byte > opening.range.end {
        return None;
    }
    Some(HoverInfo {
        span: Span::in_line(line, opening.range),
        markdown: markdown(&opening),
    })
}

fn markdown(opening: &Opening) -> String {
    let mut out = match (opening.entry, opening.recognition) {
        (Some(entry), _) => entry_docs(entry).to_owned(),
        (None, Recognition::Extra) => format!(
            "**{}** — {} opening from your configuration",
            opening.canonical,
            opening.kind.noun()
        ),
        (None, _) => format!(
            "**{}** — {} opening (the first word is a listed opening; the phrase is not)",
            opening.canonical,
            opening.kind.noun()
        ),
    };
    if let Some(marker) = opening.marker {
        out.push_str("\n\n");
        out.push_str(marker_markdown(marker.word, opening.kind));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "\tThe General Assembly,\n\tRecalling also its resolution 64/222,\n\t1.\tRequests the Secretary-General to report.";

    #[test]
    fn hover_on_an_operative_verb() {
        let tree = Tree::parse(TEXT);
        let hover = hover_opening(&tree, &Config::default(), 2, 6).expect("hover");
        assert_eq!(hover.span, Span::new(2, 4, 12));
        assert!(
            hover
                .markdown
                .starts_with("**Requests** — operative opening")
        );
        assert!(
            hover
                .markdown
                .contains("Opens 658 paragraphs of 300 adopted resolutions")
        );
        assert!(hover.markdown.contains("Example, A/RES/74/102"));
        assert!(hover.markdown.contains("Calls upon → Urges"));
    }

    #[test]
    fn hover_on_a_marked_preambular_opening() {
        let tree = Tree::parse(TEXT);
        let hover = hover_opening(&tree, &Config::default(), 1, 12).expect("hover");
        assert_eq!(hover.span, Span::new(1, 1, 15));
        assert!(
            hover
                .markdown
                .contains("**Recalling** — preambular opening")
        );
        assert!(hover.markdown.contains("after the first word"));
        assert_eq!(hover_opening(&tree, &Config::default(), 1, 30), None);
        assert_eq!(hover_opening(&tree, &Config::default(), 0, 3), None);
    }
}
