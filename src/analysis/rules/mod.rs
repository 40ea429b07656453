//! The drafting rules, one per file, each named after its spec ID.
//!
//! A rule's doc comment is its user documentation, in four parts (what it checks,
//! why, example, fix); [`declare_rule!`] keeps the same text available at run time
//! for `unres explain` and hovers on a rule code.

use super::catalog::Catalog;
use super::citation::Citations;
use std::cell::OnceCell;

use super::agreed_language::{
    Extras, LineOpenings, Opening, OpeningKind, Openings, Paragraph, is_security_council,
    paragraphs_with,
};
use super::config::Config;
use super::diagnostic::{Diagnostic, Fix, Severity};
use super::style::{self, StyleLine};
pub use crate::analysis::memo::Reads;
use crate::syntax::Footnotes;
use crate::syntax::{DocumentKind, LexedLine, LineShape, Role, Span, Tree};
use units::Unit;

mod cit001_first_citation_date;
mod cit002_date_at_later_citation;
mod cit003_date_format;
mod cit004_chronological_order;
mod cit005_citation_list_syntax;
mod cit006_organ_names;
mod cit007_council_year;
mod cit008_generic_tails;
mod cit009_pinpoint_references;
mod cit010_present_resolution;
mod cit011_session_ordinals;
mod cit012_sources_in_footnotes;
mod cit013_footnote_sources;
mod cit014_descriptive_titles;
mod cit015_subsidiary_decisions;
mod cit016_date_contradicts_record;
mod cit017_unknown_resolution;
mod doc001_element_order;
mod doc002_organ_line;
mod doc003_organ_without_preamble;
mod doc004_closing_meeting;
mod doc005_council_layout;
mod doc006_council_closing;
mod doc007_report_line;
mod doc008_title_line;
mod doc009_annex_headings;
mod doc010_composite_closing;
mod doc012_masthead_fields;
mod doc013_adoption_date;
mod drf001_draft_header;
mod drf002_sponsor_order;
mod drf003_draft_title;
mod drf004_adoption_parts_in_drafts;
mod drf006_superseded_draft;
mod drf007_unbalanced_brackets;
mod ftn001_numbered_footnotes;
mod ftn002_footnote_order;
mod ftn003_marker_after_punctuation;
mod ftn004_several_markers;
mod ftn006_reference_once;
mod ftn007_repeated_marker;
mod ftn008_footnote_correspondence;
mod ftn009_ibid;
mod ftn010_footnote_form;
mod num001_operative_sequence;
mod num002_number_format;
mod num003_single_paragraph;
mod num004_numbered_preamble;
mod num005_subparagraph_label_form;
mod num006_letter_sequence;
mod num007_roman_sequence;
mod num009_section_numbering;
mod num010_cross_reference;
mod num011_reference_form;
mod num012_inserted_paragraphs;
mod pun001_preambular_comma;
mod pun002_operative_semicolon;
mod pun003_final_full_stop;
mod pun004_lead_in_colon;
mod pun005_subparagraph_endings;
mod pun006_and_before_last_item;
mod pun007_serial_comma;
mod pun008_space_before_parenthesis;
mod pun009_entitled_quotes;
mod pun010_whitespace;
mod sty001_oxford_spelling;
mod sty002_cod_first_forms;
mod sty003_british_forms;
mod sty004_secretary_general;
mod sty005_member_states;
mod sty006_united_nations_in_full;
mod sty007_acronym_typography;
mod sty008_per_cent;
mod sty009_numbers_in_words;
mod sty010_figure_punctuation;
mod sty011_millions;
mod sty012_ordinals;
mod sty013_compounds;
mod sty014_country_names;
mod sty015_quotation_marks;
mod sym001_ga_resolution_number;
mod sym002_old_ga_number;
mod sym003_part_letter;
mod sym004_ga_decision_number;
mod sym005_ga_draft_symbol;
mod sym006_symbol_modifiers;
mod sym008_supplement_number;
mod sym009_council_year;
mod sym010_council_symbols;
mod sym011_ecosoc_symbols;
mod sym012_hrc_symbols;
mod sym013_resolution_by_number;
mod sym014_symbol_typography;
mod units;
mod vrb001_preambular_form;
mod vrb002_operative_verb_form;
mod vrb003_opening_capitals;
mod vrb004_later_verbs;
mod vrb005_marker_placement;
mod vrb006_marker_order;
mod vrb007_marker_antecedent;
mod vrb008_repeat_takes_marker;
mod vrb010_calls_upon;
mod vrb011_takes_note_of;
mod vrb013_wrong_part;
mod vrb017_unknown_opening;

#[cfg(test)]
pub(crate) mod fixture;

/// What a rule is, for documentation and configuration.
#[derive(Debug)]
pub struct RuleMeta {
    pub code: &'static str,
    pub name: &'static str,
    pub default_severity: Severity,
    /// The rule's doc comment: what it checks, why, example, fix.
    pub doc: &'static str,
}

/// Where the rules' documentation is published: `docs/rules.md` of the
/// source tree, one `## CODE` section per rule. Packagers point it at the
/// published copy by setting `UNRES_DOCS_URL` when building.
const RULES_DOC: &str = match option_env!("UNRES_DOCS_URL") {
    Some(url) => url,
    None => concat!("file://", env!("CARGO_MANIFEST_DIR"), "/docs/rules.md"),
};

/// Words whose full stop ends no sentence.
const ABBREVIATIONS: [&str; 8] = ["e.g", "i.e", "No", "Nos", "cf", "para", "paras", "vol"];

impl RuleMeta {
    /// The rule's section in the published documentation.
    pub fn doc_url(&self) -> String {
        format!("{RULES_DOC}#{}", self.code.to_ascii_lowercase())
    }

    /// The first sentence of "What it checks", for lists.
    pub fn summary(&self) -> String {
        let paragraph: Vec<&str> = self
            .doc
            .lines()
            .map(str::trim)
            .skip_while(|l| l.is_empty() || l.starts_with('#'))
            .take_while(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        let text = paragraph.join(" ");
        // The first full stop that ends a sentence: not one of an abbreviation
        // (`e.g.`, `Supplement No. 11`) nor one inside code (`…/Rev.1`).
        let end = text.match_indices(". ").map(|(at, _)| at).find(|&at| {
            let before = &text[..at];
            let word = before.rsplit([' ', '(']).next().unwrap_or("");
            before.matches('`').count() % 2 == 0 && !ABBREVIATIONS.contains(&word)
        });
        match end {
            Some(end) => text[..=end].to_owned(),
            None => text,
        }
    }
}

/// Everything a rule may read. Built once per analysis.
pub struct Context<'a> {
    pub tree: &'a Tree,
    pub config: &'a Config,
    pub footnotes: &'a Footnotes,
    /// The record: embedded catalog plus the user's catalog files.
    pub catalog: &'a Catalog,
    /// Every citation of resolutions and decisions in the document.
    pub citations: &'a Citations,
    /// Structures several rules read, computed once on first use.
    pub derived: Derived<'a>,
}

/// Views of the document that several rules share: computed on first use, so a
/// keystroke pays for each once, not once per rule. The openings of the lines
/// come in (from the line memo); the paragraph views assemble them.
pub struct Derived<'a> {
    extras: Extras,
    openings: &'a Openings,
    /// Whether the text is in English, and the style walks of the lines the
    /// style scan reads, from the line memo.
    english: bool,
    walks: &'a [Option<crate::analysis::style::LineWalk>],
    paragraphs: OnceCell<Vec<Paragraph<'a>>>,
    units: OnceCell<Vec<Unit>>,
    security_council: OnceCell<bool>,
    style_lines: OnceCell<Vec<StyleLine<'a>>>,
    cross_refs: OnceCell<Vec<crate::analysis::cross_refs::CrossRef>>,
    numbering: OnceCell<crate::analysis::numbering::Plan>,
}

impl<'a> Derived<'a> {
    pub fn new(
        extras: Extras,
        openings: &'a Openings,
        english: bool,
        walks: &'a [Option<crate::analysis::style::LineWalk>],
    ) -> Self {
        Derived {
            extras,
            openings,
            english,
            walks,
            paragraphs: OnceCell::new(),
            units: OnceCell::new(),
            security_council: OnceCell::new(),
            style_lines: OnceCell::new(),
            cross_refs: OnceCell::new(),
            numbering: OnceCell::new(),
        }
    }
}

impl<'a> Context<'a> {
    /// What the document is: the `kind` setting, else what the text says
    /// (DOC rules that hold for adopted texts, DRF rules for drafts).
    pub fn kind(&self) -> DocumentKind {
        self.config.kind_of(self.tree)
    }

    /// The user's extra agreed language.
    pub fn extras(&self) -> &Extras {
        &self.derived.extras
    }

    /// Every paragraph with its opening.
    pub fn paragraphs(&self) -> &[Paragraph<'a>] {
        self.derived
            .paragraphs
            .get_or_init(|| paragraphs_with(self.tree, self.derived.openings))
    }

    /// Paragraph units with the mark each must end with.
    pub fn units(&self) -> &[Unit] {
        self.derived
            .units
            .get_or_init(|| units::units(self.tree, self.derived.openings))
    }

    /// References to the resolution's own paragraphs (`paragraph 5 above`),
    /// found once for the rules that check and renumber them.
    pub fn cross_refs(&self) -> &[crate::analysis::cross_refs::CrossRef] {
        self.derived
            .cross_refs
            .get_or_init(|| crate::analysis::cross_refs::collect(self.tree))
    }

    /// The operative numbering and its issues, planned once.
    pub fn numbering(&self) -> &crate::analysis::numbering::Plan {
        self.derived
            .numbering
            .get_or_init(|| crate::analysis::numbering::plan(self.tree))
    }

    /// Which lines are the resolution's own text (not annexed instruments).
    pub fn own_text(&self) -> &[bool] {
        self.tree.own_text()
    }

    /// The lines the style rules read, scanned once for all of them.
    pub fn style_lines(&self) -> &[StyleLine<'a>] {
        self.derived
            .style_lines
            .get_or_init(|| style::assemble(self.tree, self.derived.english, self.derived.walks))
    }

    /// Is the resolution's own text in English? A French or Spanish version
    /// filed with the English texts follows its own rules (the marker before
    /// the mark, `Invite`, `Prie`), which the English rules must not report.
    pub fn english(&self) -> bool {
        self.derived.english
    }

    /// The organ whose text this is: the settings' choice, else the organ line,
    /// else the masthead symbol (`A/HRC/…` Human Rights Council, `E/…`
    /// ECOSOC, `S/…` Security Council, `A/…` General Assembly).
    pub fn organ(&self) -> Option<crate::analysis::symbol::Organ> {
        use crate::analysis::symbol::Organ;
        if self.config.organ.is_some() {
            return self.config.organ;
        }
        if self.security_council() {
            return Some(Organ::SecurityCouncil);
        }
        let named = [
            Organ::GeneralAssembly,
            Organ::EconomicAndSocialCouncil,
            Organ::HumanRightsCouncil,
        ];
        let organ_line = self
            .tree
            .iter()
            .find(|(_, _, role)| *role == Role::Organ)
            .and_then(|(_, line, _)| named.into_iter().find(|o| line.text.contains(o.name())));
        organ_line.or_else(|| {
            self.tree
                .iter()
                .take_while(|(_, _, role)| matches!(role, Role::Header | Role::Blank))
                .find_map(|(_, line, _)| {
                    let text = line.text.trim();
                    if text.starts_with("A/HRC/") {
                        Some(Organ::HumanRightsCouncil)
                    } else if text.starts_with("E/") {
                        Some(Organ::EconomicAndSocialCouncil)
                    } else if text.starts_with("A/") {
                        Some(Organ::GeneralAssembly)
                    } else {
                        None
                    }
                })
        })
    }

    /// Is the text a Security Council text: by the settings, or by its organ
    /// line, or, when the export lost that line, by its adoption line
    /// ("Adopted by the Security Council on 27 April 2021")?
    pub fn security_council(&self) -> bool {
        *self
            .derived
            .security_council
            .get_or_init(|| security_council(self.tree, self.config))
    }
}

/// [`Context::security_council`] of `tree` under `config`.
pub fn security_council(tree: &Tree, config: &Config) -> bool {
    use crate::analysis::symbol::Organ;
    match config.organ {
        Some(organ) => organ == Organ::SecurityCouncil,
        None => is_security_council(tree) || adopted_by_the_council(tree),
    }
}

/// A text without an organ line whose masthead says "Adopted by the Security
/// Council on …".
fn adopted_by_the_council(tree: &Tree) -> bool {
    !tree.iter().any(|(_, _, role)| role == Role::Organ)
        && tree.iter().any(|(_, line, role)| {
            role == Role::Header
                && line.shape == LineShape::AdoptionLine
                && line.text.contains("Security Council")
        })
}

/// Collects a rule's findings at the severity the configuration gives it.
pub struct Sink<'a> {
    meta: &'static RuleMeta,
    severity: Severity,
    out: &'a mut Vec<Diagnostic>,
}

impl<'a> Sink<'a> {
    /// A sink for `meta`'s findings at `severity`, appending to `out`.
    pub fn new(meta: &'static RuleMeta, severity: Severity, out: &'a mut Vec<Diagnostic>) -> Self {
        Sink {
            meta,
            severity,
            out,
        }
    }

    pub fn report(&mut self, span: Span, message: impl Into<String>) -> &mut Diagnostic {
        self.out.push(Diagnostic {
            code: self.meta.code,
            severity: self.severity,
            span,
            message: message.into(),
            fixes: Vec::new(),
            related: Vec::new(),
        });
        self.out.last_mut().expect("just pushed")
    }

    /// Report a line-local [`Finding`](crate::analysis::citation::Finding) on
    /// line `line`, at its own severity if it has one, with its fix.
    pub fn report_finding(&mut self, line: usize, finding: crate::analysis::citation::Finding) {
        let span = Span::new(line, finding.range.start, finding.range.end);
        let diagnostic = match finding.severity {
            Some(severity) => self.report_at(severity, span, finding.message),
            None => self.report(span, finding.message),
        };
        if let Some(fixed) = finding.fix {
            diagnostic.with_fix(Fix::write(span, fixed));
        }
    }

    /// Report at a severity other than the rule's default (rules whose spec entry
    /// gives two levels), still lowered if the user lowered the rule.
    pub fn report_at(
        &mut self,
        severity: Severity,
        span: Span,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        let severity = if self.severity > self.meta.default_severity {
            self.severity
        } else {
            severity
        };
        let diagnostic = self.report(span, message);
        diagnostic.severity = severity;
        diagnostic
    }
}

impl Diagnostic {
    pub fn with_fix(&mut self, fix: Fix) -> &mut Self {
        self.fixes.push(fix);
        self
    }

    pub fn with_related(&mut self, span: Span, message: impl Into<String>) -> &mut Self {
        self.related.push((span, message.into()));
        self
    }
}

/// A rule that reads the whole document.
pub trait Rule: Sync {
    fn meta(&self) -> &'static RuleMeta;
    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>);

    /// What the rule reads of the paragraph lines besides their layout: an
    /// edit that changes none of it keeps the rule's findings (the
    /// [`AnalysisMemo`](super::AnalysisMemo) carries them over). A rule that
    /// reads the text in any other way keeps the default, everything.
    fn reads(&self) -> Reads {
        Reads::ALL
    }
}

/// A rule whose findings on a line depend only on that [`Line`]: its text, its
/// role, whether it is the resolution's own text, and the [`DocumentFacts`].
/// It reports spans in that line only. The analysis keeps its findings per
/// line between versions ([`AnalysisMemo`](super::AnalysisMemo)) and runs it again only
/// on lines whose text or role changed.
pub trait LineRule: Sync {
    fn meta(&self) -> &'static RuleMeta;
    fn check_line(&self, line: &Line<'_>, sink: &mut Sink<'_>);
}

/// A registered rule: run once over the document, or line by line.
pub enum Registered {
    Document(&'static dyn Rule),
    Line(&'static dyn LineRule),
}

impl Registered {
    pub fn meta(&self) -> &'static RuleMeta {
        match self {
            Registered::Document(rule) => rule.meta(),
            Registered::Line(rule) => rule.meta(),
        }
    }
}

/// The few facts of the whole document a [`LineRule`] may read besides its
/// line. Whenever they change, every line is checked again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DocumentFacts {
    /// [`Context::security_council`].
    pub security_council: bool,
    /// The text is in English (the STY rules read nothing else): it writes
    /// " the " at least as often as " de ".
    pub english: bool,
    /// A line the style rules read names an organisation spelled so
    /// ("Organisation for the Prohibition of Chemical Weapons").
    pub names_an_organisation: bool,
    /// The organ whose text this is, as its citations read it
    /// ([`Citations::citing`]).
    pub citing: Option<crate::analysis::symbol::Organ>,
    /// [`Catalog::fingerprint`] of the record the rules consult.
    pub catalog: u64,
    /// The text is a negotiation text ([`Context::kind`]), where `OP5` and
    /// `PP3` are the labels in use.
    pub negotiation: bool,
}

impl DocumentFacts {
    /// A Security Council text, by its settings or organ line or by the organ
    /// its citations read: the Council's house style applies.
    pub fn council(&self) -> bool {
        self.security_council
            || self.citing == Some(crate::analysis::symbol::Organ::SecurityCouncil)
    }

    /// The level of a finding the Security Council's own practice
    /// contradicts: information in Council texts, `default` elsewhere.
    pub fn council_level(&self, default: Severity) -> Severity {
        if self.security_council {
            Severity::Information
        } else {
            default
        }
    }
}

/// Everything a [`LineRule`] may read.
pub struct Line<'a> {
    pub index: usize,
    pub lexed: &'a LexedLine,
    pub role: Role,
    /// The line is the resolution's own text (not an annexed instrument).
    pub own: bool,
    pub facts: &'a DocumentFacts,
    /// What the line holds besides its text, kept with it by the line memo.
    pub held: LineHeld<'a>,
    style: OnceCell<Option<StyleLine<'a>>>,
}

/// What the line memo finds once per line text and a [`Line`] reads: the
/// openings, the citations (as found on line 0, outside any part), the badly
/// written symbols, and the record.
#[derive(Clone, Copy)]
pub struct LineHeld<'a> {
    pub openings: Option<&'a LineOpenings>,
    pub citations: &'a [crate::analysis::citation::Citation],
    pub symbols: &'a [crate::analysis::symbol::SymbolDefect],
    pub catalog: &'a Catalog,
}

impl<'a> Line<'a> {
    pub fn new(
        index: usize,
        lexed: &'a LexedLine,
        role: Role,
        own: bool,
        facts: &'a DocumentFacts,
        held: LineHeld<'a>,
    ) -> Self {
        Line {
            index,
            lexed,
            role,
            own,
            facts,
            held,
            style: OnceCell::new(),
        }
    }

    /// The opening of the paragraph this line is, as the paragraph views
    /// ([`Context::paragraphs`]) give it: for preambular and operative
    /// paragraphs of the own text.
    pub fn paragraph_opening(&self) -> Option<&'a Opening> {
        let kind = match self.role {
            Role::Preambular => OpeningKind::Preambular,
            Role::Operative { .. } | Role::MalformedOperative { .. } => OpeningKind::Operative,
            _ => return None,
        };
        self.own
            .then_some(self.held.openings)
            .flatten()
            .and_then(|openings| openings.of_kind(kind))
    }

    /// The line as the style rules read it, scanned on first use; `None` when
    /// they do not read it (not own text, a role they skip, not English).
    pub fn style(&self) -> Option<&StyleLine<'a>> {
        self.style
            .get_or_init(|| {
                (self.own && self.facts.english && style::reads(self.role))
                    .then(|| StyleLine::scan(self.index, self.lexed, self.role))
            })
            .as_ref()
    }
}

/// Declare a rule type whose doc comment doubles as its run-time documentation.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:expr])*
        pub struct $name:ident {
            code: $code:literal,
            severity: $severity:ident $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        pub struct $name;

        impl $name {
            pub const META: $crate::analysis::rules::RuleMeta = $crate::analysis::rules::RuleMeta {
                code: $code,
                name: stringify!($name),
                default_severity: $crate::analysis::Severity::$severity,
                doc: concat!($($doc, "\n"),*),
            };
        }
    };
}
pub(crate) use declare_rule;

/// Every rule, in the order of the spec.
pub static RULES: &[Registered] = &[
    Registered::Document(&doc001_element_order::ElementOrder),
    Registered::Document(&doc002_organ_line::OrganLine),
    Registered::Document(&doc003_organ_without_preamble::OrganWithoutPreamble),
    Registered::Document(&doc004_closing_meeting::ClosingMeeting),
    Registered::Document(&doc005_council_layout::CouncilLayout),
    Registered::Document(&doc006_council_closing::CouncilClosing),
    Registered::Document(&doc007_report_line::ReportLine),
    Registered::Document(&doc008_title_line::TitleLine),
    Registered::Document(&doc009_annex_headings::AnnexHeadings),
    Registered::Document(&doc010_composite_closing::CompositeClosing),
    Registered::Document(&doc012_masthead_fields::MastheadFields),
    Registered::Document(&doc013_adoption_date::AdoptionDate),
    Registered::Document(&drf001_draft_header::DraftHeader),
    Registered::Document(&drf002_sponsor_order::SponsorOrder),
    Registered::Document(&drf003_draft_title::DraftTitle),
    Registered::Document(&drf004_adoption_parts_in_drafts::AdoptionPartsInDrafts),
    Registered::Document(&drf006_superseded_draft::SupersededDraft),
    Registered::Document(&drf007_unbalanced_brackets::UnbalancedBrackets),
    Registered::Document(&num001_operative_sequence::OperativeSequence),
    Registered::Line(&num002_number_format::NumberFormat),
    Registered::Document(&num003_single_paragraph::SingleParagraph),
    Registered::Document(&num004_numbered_preamble::NumberedPreamble),
    Registered::Document(&num005_subparagraph_label_form::SubparagraphLabelForm),
    Registered::Document(&num006_letter_sequence::LetterSequence),
    Registered::Document(&num007_roman_sequence::RomanSequence),
    Registered::Document(&num009_section_numbering::SectionNumbering),
    Registered::Document(&num010_cross_reference::CrossReference),
    Registered::Line(&num011_reference_form::ReferenceForm),
    Registered::Document(&num012_inserted_paragraphs::InsertedParagraphs),
    Registered::Line(&sym001_ga_resolution_number::GaResolutionNumber),
    Registered::Line(&sym002_old_ga_number::OldGaNumber),
    Registered::Line(&sym003_part_letter::PartLetter),
    Registered::Line(&sym004_ga_decision_number::GaDecisionNumber),
    Registered::Line(&sym005_ga_draft_symbol::GaDraftSymbol),
    Registered::Line(&sym006_symbol_modifiers::SymbolModifiers),
    Registered::Line(&sym008_supplement_number::SupplementNumber),
    Registered::Line(&sym009_council_year::CouncilYear),
    Registered::Line(&sym010_council_symbols::CouncilSymbols),
    Registered::Line(&sym011_ecosoc_symbols::EcosocSymbols),
    Registered::Line(&sym012_hrc_symbols::HrcSymbols),
    Registered::Line(&sym013_resolution_by_number::ResolutionByNumber),
    Registered::Line(&sym014_symbol_typography::SymbolTypography),
    Registered::Document(&cit001_first_citation_date::FirstCitationDate),
    Registered::Document(&cit002_date_at_later_citation::DateAtLaterCitation),
    Registered::Line(&cit003_date_format::DateFormat),
    Registered::Document(&cit004_chronological_order::ChronologicalOrder),
    Registered::Line(&cit005_citation_list_syntax::CitationListSyntax),
    Registered::Line(&cit006_organ_names::OrganNames),
    Registered::Document(&cit007_council_year::CouncilNumberYear),
    Registered::Line(&cit008_generic_tails::GenericTails),
    Registered::Line(&cit009_pinpoint_references::PinpointReferences),
    Registered::Line(&cit010_present_resolution::PresentResolution),
    Registered::Line(&cit011_session_ordinals::SessionOrdinals),
    Registered::Line(&cit012_sources_in_footnotes::SourcesInFootnotes),
    Registered::Line(&cit013_footnote_sources::FootnoteSources),
    Registered::Line(&cit014_descriptive_titles::DescriptiveTitles),
    Registered::Line(&cit015_subsidiary_decisions::SubsidiaryDecisions),
    Registered::Document(&cit016_date_contradicts_record::DateContradictsRecord),
    Registered::Document(&cit017_unknown_resolution::UnknownResolution),
    Registered::Document(&pun001_preambular_comma::PreambularComma),
    Registered::Document(&pun002_operative_semicolon::OperativeSemicolon),
    Registered::Document(&pun003_final_full_stop::FinalFullStop),
    Registered::Document(&pun004_lead_in_colon::LeadInColon),
    Registered::Document(&pun005_subparagraph_endings::SubparagraphEndings),
    Registered::Document(&pun006_and_before_last_item::AndBeforeLastItem),
    Registered::Line(&pun007_serial_comma::SerialComma),
    Registered::Line(&pun008_space_before_parenthesis::SpaceBeforeParenthesis),
    Registered::Line(&pun009_entitled_quotes::EntitledQuotes),
    Registered::Line(&pun010_whitespace::Whitespace),
    Registered::Document(&vrb001_preambular_form::PreambularForm),
    Registered::Document(&vrb002_operative_verb_form::OperativeVerbForm),
    Registered::Line(&vrb003_opening_capitals::OpeningCapitals),
    Registered::Line(&vrb004_later_verbs::LaterVerbs),
    Registered::Document(&vrb005_marker_placement::MarkerPlacement),
    Registered::Document(&vrb006_marker_order::MarkerOrder),
    Registered::Document(&vrb007_marker_antecedent::MarkerAntecedent),
    Registered::Document(&vrb008_repeat_takes_marker::RepeatTakesMarker),
    Registered::Document(&vrb010_calls_upon::CallsUpon),
    Registered::Line(&vrb011_takes_note_of::TakesNoteOf),
    Registered::Document(&vrb013_wrong_part::WrongPart),
    Registered::Document(&vrb017_unknown_opening::UnknownOpening),
    Registered::Document(&ftn001_numbered_footnotes::NumberedFootnotes),
    Registered::Document(&ftn002_footnote_order::FootnoteOrder),
    Registered::Document(&ftn003_marker_after_punctuation::MarkerAfterPunctuation),
    Registered::Document(&ftn004_several_markers::SeveralMarkers),
    Registered::Document(&ftn006_reference_once::ReferenceOnce),
    Registered::Document(&ftn007_repeated_marker::RepeatedMarker),
    Registered::Document(&ftn008_footnote_correspondence::FootnoteCorrespondence),
    Registered::Document(&ftn009_ibid::Ibid),
    Registered::Document(&ftn010_footnote_form::FootnoteForm),
    Registered::Line(&sty001_oxford_spelling::OxfordSpelling),
    Registered::Line(&sty002_cod_first_forms::CodFirstForms),
    Registered::Line(&sty003_british_forms::BritishForms),
    Registered::Line(&sty004_secretary_general::SecretaryGeneral),
    Registered::Line(&sty005_member_states::MemberStates),
    Registered::Line(&sty006_united_nations_in_full::UnitedNationsInFull),
    Registered::Line(&sty007_acronym_typography::AcronymTypography),
    Registered::Line(&sty008_per_cent::PerCent),
    Registered::Line(&sty009_numbers_in_words::NumbersInWords),
    Registered::Line(&sty010_figure_punctuation::FigurePunctuation),
    Registered::Line(&sty011_millions::Millions),
    Registered::Line(&sty012_ordinals::Ordinals),
    Registered::Line(&sty013_compounds::Compounds),
    Registered::Document(&sty014_country_names::CountryNames),
    Registered::Document(&sty015_quotation_marks::QuotationMarks),
];

/// Every rule's documentation: the drafting rules, then SUP001 (unused
/// suppressions), which reads the others' findings rather than the text.
pub fn all_rules() -> impl Iterator<Item = &'static RuleMeta> {
    RULES.iter().map(|rule| rule.meta()).chain(std::iter::once(
        &super::suppression::UnusedSuppression::META,
    ))
}

/// Look a rule up by its code (case-insensitive).
pub fn rule_meta(code: &str) -> Option<&'static RuleMeta> {
    all_rules().find(|meta| meta.code.eq_ignore_ascii_case(code))
}

/// The line rules with the severity the configuration gives each (`None`: off).
pub fn line_rules(config: &Config) -> Vec<(&'static dyn LineRule, Option<Severity>)> {
    RULES
        .iter()
        .filter_map(|rule| match rule {
            Registered::Line(rule) => Some(*rule),
            Registered::Document(_) => None,
        })
        .map(|rule| {
            let meta = rule.meta();
            (rule, config.severity_for(meta.code, meta.default_severity))
        })
        .collect()
}

/// Run `rules` (with their severities) on one line.
pub fn check_line(
    rules: &[(&'static dyn LineRule, Option<Severity>)],
    line: &Line<'_>,
    out: &mut Vec<Diagnostic>,
) {
    for (rule, severity) in rules {
        let Some(severity) = *severity else {
            continue;
        };
        let mut sink = Sink {
            meta: rule.meta(),
            severity,
            out: &mut *out,
        };
        rule.check_line(line, &mut sink);
    }
}
