//! The structure decisions of the syntax layer, one small fixture each: what
//! role a line takes and, where the official AKN4UN markup has a form of its
//! own, how the export writes it. The gate (`tests/structure_gate.rs`) checks
//! the same decisions against the official files of the adopted texts.

use unres::syntax::akn::export;
use unres::syntax::{ItemLabel, Role, Tree};

const HEAD: &str = "\tThe General Assembly,\n\tRecalling its resolution 70/1,\n";

/// The role of the first line whose text contains `needle`.
fn role_of(tree: &Tree, needle: &str) -> Role {
    let index = (0..tree.line_count())
        .find(|&i| tree.lines()[i].text.contains(needle))
        .unwrap_or_else(|| panic!("no line with {needle:?}"));
    tree.role(index)
}

fn line_of(tree: &Tree, needle: &str) -> u32 {
    (0..tree.line_count())
        .find(|&i| tree.lines()[i].text.contains(needle))
        .expect("line") as u32
}

/// The line whose whole text is `text`.
fn line_equal_to(tree: &Tree, text: &str) -> usize {
    (0..tree.line_count())
        .find(|&i| tree.lines()[i].text == text)
        .unwrap_or_else(|| panic!("no line {text:?}"))
}

#[test]
fn an_unpunctuated_line_between_operative_paragraphs_is_a_heading_however_long() {
    let text = format!(
        "{HEAD}\t1.\tEncourages the Department to develop partnerships;\n\
         \tRole of the Department of Global Communications in United Nations peacekeeping operations, special political missions and peacebuilding\n\
         \t2.\tRequests the Secretariat to continue;\n"
    );
    let tree = Tree::parse(&text);
    assert_eq!(role_of(&tree, "Role of the Department"), Role::Heading);
}

#[test]
fn a_short_line_ending_with_a_colon_before_a_numbered_paragraph_heads_a_group() {
    let text = format!(
        "{HEAD}\t18.\tRequests the Mission to report;\n\
         \t\tUnited Nations and International Support:\n\
         \t19.\tRequests the Special Representative to coordinate;\n"
    );
    let tree = Tree::parse(&text);
    assert_eq!(role_of(&tree, "International Support"), Role::Heading);
}

#[test]
fn a_punctuated_line_after_operative_paragraphs_that_opens_like_none_continues_the_paragraph() {
    let text = format!(
        "{HEAD}\t1.\tDecides that the meetings will be held as follows:\n\
         \tMonday, 27 May: from 10 a.m. to 1 p.m.;\n"
    );
    let tree = Tree::parse(&text);
    let parent = line_of(&tree, "1.\tDecides");
    assert_eq!(role_of(&tree, "Monday"), Role::Continuation { parent });
}

#[test]
fn a_quotation_after_an_unnumbered_operative_paragraph_is_its_text() {
    let text = "\tThe General Assembly,\n\tRecalling its resolution 70/1,\n\
         \tDecides to request the Court to render an advisory opinion on the following question:\n\
         \t“Having particular regard to the Charter of the United Nations,\n";
    let tree = Tree::parse(text);
    let parent = line_of(&tree, "Decides to request");
    assert!(matches!(
        tree.role(parent as usize),
        Role::UnnumberedOperative { .. }
    ));
    assert_eq!(
        role_of(&tree, "Having particular regard"),
        Role::Continuation { parent }
    );
}

#[test]
fn a_preambular_opening_alone_before_lettered_items_is_their_paragraph() {
    let text = "\tThe General Assembly,\n\tRecalling\n\t(a)\tResolution 69/237 of 19 December 2014,\n\t(b)\tResolution 70/299 of 29 July 2016,\n\t1.\tEncourages all Member States;\n";
    let tree = Tree::parse(text);
    let parent = line_equal_to(&tree, "\tRecalling") as u32;
    assert_eq!(tree.role(parent as usize), Role::Preambular);
    assert_eq!(
        role_of(&tree, "Resolution 70/299"),
        Role::Subparagraph {
            level: 1,
            label: ItemLabel::Letter,
            parent
        }
    );
}

#[test]
fn a_row_whose_figure_is_a_dash_is_a_table_row() {
    let text = format!(
        "{HEAD}\t1.\tEstimates of income are approved as follows:\n\
         1.\tIncome from staff assessment\t314 723 800\n\
         2.\tServices to the public\t–\n\
         \t2.\tDecides that the income shall be credited;\n"
    );
    let tree = Tree::parse(&text);
    assert_eq!(role_of(&tree, "Services to the public"), Role::TableRow);
    assert!(matches!(
        role_of(&tree, "Decides that the income"),
        Role::Operative { number: 2, .. }
    ));
}

#[test]
fn text_set_apart_after_the_council_stays_seized_is_an_annex() {
    let text = "\tThe Security Council,\n\tRecalling its resolution 1267 (1999),\n\
         \t1.\tAdopts the de-listing procedure annexed to this resolution;\n\
         \t2.\tDecides to remain seized of the matter.\n\nDe-listing procedure\n\
         \tThe focal point will perform the following tasks:\n";
    let tree = Tree::parse(text);
    assert!(matches!(
        tree.role(line_equal_to(&tree, "De-listing procedure")),
        Role::AnnexHeading { .. }
    ));
}

#[test]
fn a_figure_alone_in_a_table_cell_is_no_footnote_marker() {
    let text = "\tThe Security Council,\n\tRecalling its resolution 2231 (2015),\n\
         \t1.\tDecides that the vessels listed below are designated;\n\
         VIANA\tSHIPPING LINES\tVessel\t9010723\n\
         \t2.\tDecides to remain seized of the matter.\n\
         _______________\n23 Denotes vessels.\n";
    let tree = Tree::parse(text);
    let vessel = line_of(&tree, "VIANA");
    assert!(
        tree.footnotes()
            .refs
            .iter()
            .all(|r| r.span.line != vessel as usize),
        "a figure read as a marker"
    );
}

#[test]
fn a_lower_case_tail_in_a_list_is_an_alinea_or_its_wrap_up() {
    let text = format!(
        "{HEAD}\t1.\tRequests the following reports:\n\
         \t(a)\tfrom the Panel, regular updates;\n\
         \tand urges the Panel to seek feedback;\n\
         \t(b)\tfrom the Coordinator, an update;\n\
         \tand requests the Coordinator to report;\n\
         \t2.\tDecides to remain seized of the matter.\n"
    );
    let xml = export(&Tree::parse(&text));
    let alinea = xml.find("<alinea>").expect("an alinea between the items");
    let wrap_up = xml.find("<wrapUp>").expect("a wrapUp after the last item");
    assert!(alinea < xml.find("(b)").expect("item b") && wrap_up > alinea);
}

#[test]
fn a_preambular_paragraph_without_its_comma_before_the_operative_part_is_no_heading() {
    use unres::analysis::{Config, analyze};
    for paragraph in ["\tNoting the report", "\tRecalling resolution 64/222"] {
        let text =
            format!("\tThe General Assembly,\n{paragraph}\n\t1.\tDecides to continue its work;\n");
        let tree = Tree::parse(&text);
        assert_eq!(tree.role(1), Role::Preambular, "{paragraph}");
        let found = analyze(&tree, &Config::default());
        assert!(
            found.iter().any(|d| d.code == "PUN001" && d.span.line == 1),
            "{paragraph}: {found:?}"
        );
    }
}

#[test]
fn footnote_texts_numbered_in_superscript_digits_are_apart() {
    let text = "\tThe General Assembly,\n\tRecalling its resolutions 68/1,¹ and 68/2,²\n\
         \t1.\tDecides to continue its work.\n_______________\n¹ A/68/211.\n² A/68/212.\n";
    let tree = Tree::parse(text);
    let numbers: Vec<u32> = tree.footnotes().texts.iter().map(|t| t.number).collect();
    assert_eq!(numbers, vec![1, 2]);
}

#[test]
fn lettered_rows_of_a_table_and_the_note_under_it_belong_to_the_table() {
    let text = format!(
        "{HEAD}\t1.\tDecides that the levels of discount shall be as follows:\n\
         Level\tCriterion\tDiscount\n\
         A\tPermanent members of the Security Council\tPremium\n\
         B\tAll other Member States\t0\n\
         \ta\tMember States in level B* have a discount of 70 per cent.\n\
         \t2.\tEncourages Member States to pay on time;\n\
         \t3.\tDecides to review the levels.\n"
    );
    let tree = Tree::parse(&text);
    assert_eq!(role_of(&tree, "Permanent members"), Role::TableRow);
    assert_eq!(role_of(&tree, "All other Member States"), Role::TableRow);
    assert_eq!(role_of(&tree, "level B*"), Role::TableNote);
    let xml = export(&tree);
    assert!(!xml.contains("<section>"), "{xml}");
}

#[test]
fn a_roman_numeral_with_a_title_heads_a_section() {
    let text = format!(
        "{HEAD}\tAdopts the following document:\n\
         \tI.\tIntroduction\n\
         \t1.\tThe United Nations has been at the centre of cooperation.\n\
         \tII.\tStrategic vision\n\
         \t2.\tWe acknowledge the record of the Committee.\n"
    );
    let tree = Tree::parse(&text);
    assert!(matches!(
        role_of(&tree, "Strategic vision"),
        Role::SectionNumber { .. }
    ));
    let xml = export(&tree);
    assert!(xml.contains("<num>II.</num>"), "{xml}");
    assert!(xml.contains("Strategic vision</heading>"), "{xml}");
}

#[test]
fn roman_points_under_a_colon_are_a_list_of_the_paragraph() {
    let text = format!(
        "{HEAD}\t1.\tDecides that the Mission shall have the following mandate:\n\
         \tI.\tSecure and Stable Environment:\n\
         \t(a)\tto ensure a secure environment;\n\
         \tII.\tPolitical Process:\n\
         \t(a)\tto support the political process;\n\
         \t2.\tDecides to remain seized of the matter.\n"
    );
    let tree = Tree::parse(&text);
    let paragraph = line_of(&tree, "following mandate");
    for needle in ["Secure and Stable", "Political Process"] {
        assert_eq!(
            role_of(&tree, needle),
            Role::Subparagraph {
                level: 1,
                label: ItemLabel::Capital,
                parent: paragraph,
            },
            "{needle}"
        );
    }
}
