fn main() {
    let line = std::env::args().nth(1).unwrap();
    let l = unres::syntax::lex::lex_line(&line);
    for m in &l.markers {
        println!(
            "{:?} {:?} {:?}",
            m.number,
            m.form,
            &line[m.range.start..m.range.end]
        );
    }
}
