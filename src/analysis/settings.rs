//! The settings schema: one set of keys for the editor's `unres` section (JSON)
//! and the project file `.unres.toml` (TOML), read into a [`Layer`] with every
//! problem located at its key; layers merged by precedence into the effective
//! [`Resolved`] settings, each value with the place it came from.
//!
//! Pure: the server and the CLI find and read the files, this module reads
//! their text. See docs/CONFIGURATION.md for the keys.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use super::config::{Config, RepeatIndicators};
use super::diagnostic::Severity;
use super::rules::rule_meta;
use super::symbol::Organ;
use crate::syntax::DocumentKind;

/// The project file's name, looked for in the file's directory and its parents.
pub const PROJECT_FILE: &str = ".unres.toml";

/// Where a layer of settings comes from, in increasing precedence.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    Default,
    Editor,
    ProjectFile(PathBuf),
    CommandLine,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Default => f.write_str("default"),
            Source::Editor => f.write_str("editor settings"),
            Source::ProjectFile(path) => write!(f, "{}", path.display()),
            Source::CommandLine => f.write_str("command line"),
        }
    }
}

/// A setting's level for one rule: a severity, or off.
pub type Level = Option<Severity>;

/// The settings one source gives; `None` where it says nothing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layer {
    /// Per rule code (canonical spelling).
    pub rules: BTreeMap<&'static str, Level>,
    /// `Some(None)` is `auto`: read the organ from the text.
    pub organ: Option<Option<Organ>>,
    /// `Some(None)` is `auto`: read the document's kind from the text.
    pub kind: Option<Option<DocumentKind>>,
    pub repeat_indicators: Option<RepeatIndicators>,
    pub preambular_phrases: Option<Vec<String>>,
    pub operative_phrases: Option<Vec<String>>,
    /// Catalog files, relative to the layer's base directory.
    pub catalogs: Option<Vec<String>>,
    /// Globs of the files `unres check` finds in directories, relative to the
    /// layer's base directory.
    pub include: Option<Vec<String>>,
    pub exclude: Option<Vec<String>>,
    /// Inlay hints: `OP` labels beside the `PP` labels.
    pub operative_labels: Option<bool>,
    /// Inlay hints: the title of each cited resolution the record knows.
    pub citation_titles: Option<bool>,
}

/// Something wrong in a settings source: the message, and for a file the byte
/// range of the key or value it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    pub at: Option<Range<usize>>,
    /// An unknown key rather than a wrong value (editors show it as a warning).
    pub unknown_key: bool,
}

/// A value with the byte range it was read from (TOML only).
#[derive(Debug, Clone, PartialEq)]
struct Node {
    value: Value,
    at: Option<Range<usize>>,
}

#[derive(Debug, Clone, PartialEq)]
enum Value {
    Text(String),
    Bool(bool),
    List(Vec<Node>),
    Table(Vec<Entry>),
    /// Any other TOML or JSON value, by the name of its type.
    Other(&'static str),
}

#[derive(Debug, Clone, PartialEq)]
struct Entry {
    key: String,
    key_at: Option<Range<usize>>,
    value: Node,
}

/// The keys that only the editor's own connector reads (the VS Code extension's
/// `unres.server.path` and `unres.trace.server`): known, and not ours.
const EDITOR_ONLY: [&str; 2] = ["server", "trace"];

/// Every key of the schema, dotted, for messages and suggestions.
pub const KEYS: [&str; 15] = [
    "rules",
    "organ",
    "kind",
    "mode",
    "footnotes",
    "footnotes.repeatIndicators",
    "phrases",
    "phrases.preambular",
    "phrases.operative",
    "catalogs",
    "include",
    "exclude",
    "inlayHints",
    "inlayHints.operativeLabels",
    "inlayHints.citationTitles",
];

/// Read the editor's `unres` settings object (`{ "unres": {...} }` or the
/// section itself). Dotted keys (`"footnotes.repeatIndicators"`) are accepted.
pub fn from_json(value: &serde_json::Value) -> (Layer, Vec<Problem>) {
    let value = value.get("unres").unwrap_or(value);
    let root = json_node(value);
    let mut reader = Reader {
        problems: Vec::new(),
        prefix: "unres.",
        editor: true,
    };
    let layer = reader.layer(&root);
    (layer, reader.problems)
}

fn json_node(value: &serde_json::Value) -> Node {
    use serde_json::Value as J;
    let value = match value {
        J::String(text) => Value::Text(text.clone()),
        J::Bool(b) => Value::Bool(*b),
        J::Array(items) => Value::List(items.iter().map(json_node).collect()),
        J::Object(map) => {
            // `"a.b": v` is `a: { b: v }`.
            let mut entries: Vec<Entry> = Vec::new();
            for (key, item) in map {
                let mut node = json_node(item);
                let mut parts: Vec<&str> = key.split('.').collect();
                let first = parts.remove(0);
                for part in parts.iter().rev() {
                    node = Node {
                        value: Value::Table(vec![Entry {
                            key: (*part).to_owned(),
                            key_at: None,
                            value: node,
                        }]),
                        at: None,
                    };
                }
                match entries.iter_mut().find(|e| e.key == first) {
                    Some(Entry {
                        value:
                            Node {
                                value: Value::Table(existing),
                                ..
                            },
                        ..
                    }) if matches!(node.value, Value::Table(_)) => {
                        if let Value::Table(more) = node.value {
                            existing.extend(more);
                        }
                    }
                    _ => entries.push(Entry {
                        key: first.to_owned(),
                        key_at: None,
                        value: node,
                    }),
                }
            }
            Value::Table(entries)
        }
        J::Null => Value::Other("null"),
        J::Number(_) => Value::Other("a number"),
    };
    Node { value, at: None }
}

/// Read a project file's text. A syntax error is one problem at its place and
/// an empty layer.
pub fn from_toml(text: &str) -> (Layer, Vec<Problem>) {
    let document = match toml_edit::Document::parse(text) {
        Ok(document) => document,
        Err(error) => {
            return (
                Layer::default(),
                vec![Problem {
                    message: format!("not valid TOML: {}", error.message().trim_end()),
                    at: error.span(),
                    unknown_key: false,
                }],
            );
        }
    };
    let root = Node {
        value: toml_table(document.as_table()),
        at: None,
    };
    let mut reader = Reader {
        problems: Vec::new(),
        prefix: "",
        editor: false,
    };
    let layer = reader.layer(&root);
    (layer, reader.problems)
}

fn toml_table(table: &toml_edit::Table) -> Value {
    Value::Table(
        table
            .iter()
            .map(|(key, item)| Entry {
                key: key.to_owned(),
                key_at: table.key(key).and_then(toml_edit::Key::span),
                value: toml_item(item),
            })
            .collect(),
    )
}

fn toml_item(item: &toml_edit::Item) -> Node {
    match item {
        toml_edit::Item::Table(table) => Node {
            value: toml_table(table),
            at: table.span(),
        },
        toml_edit::Item::Value(value) => toml_value(value),
        toml_edit::Item::ArrayOfTables(tables) => Node {
            value: Value::Other("an array of tables"),
            at: tables.span(),
        },
        toml_edit::Item::None => Node {
            value: Value::Other("nothing"),
            at: None,
        },
    }
}

fn toml_value(value: &toml_edit::Value) -> Node {
    use toml_edit::Value as T;
    let at = value.span();
    let value = match value {
        T::String(text) => Value::Text(text.value().clone()),
        T::Boolean(b) => Value::Bool(*b.value()),
        T::Array(items) => Value::List(items.iter().map(toml_value).collect()),
        T::InlineTable(table) => Value::Table(
            table
                .iter()
                .map(|(key, item)| Entry {
                    key: key.to_owned(),
                    key_at: table.key(key).and_then(toml_edit::Key::span),
                    value: toml_value(item),
                })
                .collect(),
        ),
        T::Integer(_) => Value::Other("an integer"),
        T::Float(_) => Value::Other("a number"),
        T::Datetime(_) => Value::Other("a date"),
    };
    Node { value, at }
}

struct Reader {
    problems: Vec<Problem>,
    /// `unres.` for the editor's settings, where keys are shown with it.
    prefix: &'static str,
    editor: bool,
}

impl Reader {
    fn wrong(&mut self, at: &Option<Range<usize>>, message: String) {
        self.problems.push(Problem {
            message,
            at: at.clone(),
            unknown_key: false,
        });
    }

    fn unknown(&mut self, path: &str, entry: &Entry) {
        let key = format!("{path}{}", entry.key);
        let suggestion = KEYS
            .iter()
            .map(|known| {
                (
                    known,
                    rapidfuzz::distance::levenshtein::distance(key.chars(), known.chars()),
                )
            })
            .filter(|(_, distance)| *distance <= 2)
            .min_by_key(|(_, distance)| *distance)
            .map(|(known, _)| format!("; did you mean `{}{known}`?", self.prefix))
            .unwrap_or_default();
        self.problems.push(Problem {
            message: format!("unknown setting `{}{key}`{suggestion}", self.prefix),
            at: entry.key_at.clone().or_else(|| entry.value.at.clone()),
            unknown_key: true,
        });
    }

    fn name(&self, key: &str) -> String {
        format!("{}{key}", self.prefix)
    }

    fn table<'n>(&mut self, node: &'n Node, key: &str) -> Option<&'n [Entry]> {
        match &node.value {
            Value::Table(entries) => Some(entries),
            other => {
                let message = format!(
                    "`{}` must be a table, not {}",
                    self.name(key),
                    describe(other)
                );
                self.wrong(&node.at, message);
                None
            }
        }
    }

    fn text<'n>(&mut self, node: &'n Node, key: &str) -> Option<&'n str> {
        match &node.value {
            Value::Text(text) => Some(text),
            other => {
                let message = format!(
                    "`{}` must be a string, not {}",
                    self.name(key),
                    describe(other)
                );
                self.wrong(&node.at, message);
                None
            }
        }
    }

    fn flag(&mut self, node: &Node, key: &str) -> Option<bool> {
        match &node.value {
            Value::Bool(b) => Some(*b),
            other => {
                let message = format!(
                    "`{}` must be true or false, not {}",
                    self.name(key),
                    describe(other)
                );
                self.wrong(&node.at, message);
                None
            }
        }
    }

    fn strings(&mut self, node: &Node, key: &str) -> Option<Vec<String>> {
        let Value::List(items) = &node.value else {
            let message = format!(
                "`{}` must be a list of strings, not {}",
                self.name(key),
                describe(&node.value)
            );
            self.wrong(&node.at, message);
            return None;
        };
        let mut out = Vec::new();
        for item in items {
            match &item.value {
                Value::Text(text) => out.push(text.clone()),
                other => {
                    let message = format!(
                        "`{}`: every item must be a string, not {}",
                        self.name(key),
                        describe(other)
                    );
                    self.wrong(&item.at, message);
                }
            }
        }
        Some(out)
    }

    fn globs(&mut self, node: &Node, key: &str) -> Option<Vec<String>> {
        let globs = self.strings(node, key)?;
        let mut out = Vec::new();
        for glob in globs {
            match glob::Pattern::new(&glob) {
                Ok(_) => out.push(glob),
                Err(error) => {
                    let message = format!("`{}`: `{glob}` is not a glob: {error}", self.name(key));
                    self.wrong(&node.at, message);
                }
            }
        }
        Some(out)
    }

    fn layer(&mut self, root: &Node) -> Layer {
        let mut layer = Layer::default();
        let Some(entries) = self.table(root, "") else {
            return layer;
        };
        for entry in entries {
            let node = &entry.value;
            match entry.key.as_str() {
                "rules" => {
                    if let Some(rules) = self.table(node, "rules") {
                        self.rules(rules, &mut layer);
                    }
                }
                "organ" => {
                    if let Some(text) = self.text(node, "organ") {
                        match parse_organ(text) {
                            Some(organ) => layer.organ = Some(organ),
                            None => self.wrong(
                                &node.at,
                                format!(
                                    "`{}`: `{text}` is not auto, GA, SC, ECOSOC or HRC",
                                    self.name("organ")
                                ),
                            ),
                        }
                    }
                }
                // `mode = "negotiation"` (spec §12, DRF007) is another name of
                // `kind`.
                key @ ("kind" | "mode") => {
                    if let Some(text) = self.text(node, key) {
                        match parse_kind(text) {
                            Some(kind) => layer.kind = Some(kind),
                            None => self.wrong(
                                &node.at,
                                format!(
                                    "`{}`: `{text}` is not auto, adopted, draft, negotiation or body",
                                    self.name(key)
                                ),
                            ),
                        }
                    }
                }
                "footnotes" => {
                    for inner in self.table(node, "footnotes").unwrap_or_default() {
                        match inner.key.as_str() {
                            "repeatIndicators" => {
                                let key = "footnotes.repeatIndicators";
                                if let Some(text) = self.text(&inner.value, key) {
                                    match text.to_ascii_lowercase().as_str() {
                                        "legacy" => {
                                            layer.repeat_indicators =
                                                Some(RepeatIndicators::Legacy);
                                        }
                                        "current" => {
                                            layer.repeat_indicators =
                                                Some(RepeatIndicators::Current);
                                        }
                                        _ => self.wrong(
                                            &inner.value.at,
                                            format!(
                                                "`{}`: `{text}` is not legacy or current",
                                                self.name(key)
                                            ),
                                        ),
                                    }
                                }
                            }
                            _ => self.unknown("footnotes.", inner),
                        }
                    }
                }
                "phrases" => {
                    for inner in self.table(node, "phrases").unwrap_or_default() {
                        match inner.key.as_str() {
                            "preambular" => {
                                layer.preambular_phrases =
                                    self.strings(&inner.value, "phrases.preambular");
                            }
                            "operative" => {
                                layer.operative_phrases =
                                    self.strings(&inner.value, "phrases.operative");
                            }
                            _ => self.unknown("phrases.", inner),
                        }
                    }
                }
                "catalogs" => layer.catalogs = self.strings(node, "catalogs"),
                "include" => layer.include = self.globs(node, "include"),
                "exclude" => layer.exclude = self.globs(node, "exclude"),
                "inlayHints" => {
                    for inner in self.table(node, "inlayHints").unwrap_or_default() {
                        match inner.key.as_str() {
                            "operativeLabels" => {
                                layer.operative_labels =
                                    self.flag(&inner.value, "inlayHints.operativeLabels");
                            }
                            "citationTitles" => {
                                layer.citation_titles =
                                    self.flag(&inner.value, "inlayHints.citationTitles");
                            }
                            _ => self.unknown("inlayHints.", inner),
                        }
                    }
                }
                key if self.editor && EDITOR_ONLY.contains(&key) => {}
                _ => self.unknown("", entry),
            }
        }
        layer
    }

    fn rules(&mut self, rules: &[Entry], layer: &mut Layer) {
        for entry in rules {
            let Some(meta) = rule_meta(&entry.key) else {
                self.problems.push(Problem {
                    message: format!(
                        "`{}`: no rule {} (`unres rules` lists them)",
                        self.name("rules"),
                        entry.key
                    ),
                    at: entry.key_at.clone().or_else(|| entry.value.at.clone()),
                    unknown_key: true,
                });
                continue;
            };
            let key = format!("rules.{}", meta.code);
            let Some(text) = self.text(&entry.value, &key) else {
                continue;
            };
            match parse_level(text) {
                Some(level) => {
                    layer.rules.insert(meta.code, level);
                }
                None => self.wrong(
                    &entry.value.at,
                    format!(
                        "`{}`: `{text}` is not error, warning, information, hint or off",
                        self.name(&key)
                    ),
                ),
            }
        }
    }
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::Text(_) => "a string",
        Value::Bool(_) => "a boolean",
        Value::List(_) => "a list",
        Value::Table(_) => "a table",
        Value::Other(name) => name,
    }
}

/// `off` (or `none`) or a severity, in any case.
pub fn parse_level(text: &str) -> Option<Level> {
    match text.to_ascii_lowercase().as_str() {
        "off" | "none" => Some(None),
        other => Severity::parse(other).map(Some),
    }
}

/// `auto` (`Some(None)`) or an organ's short name, in any case.
pub fn parse_organ(text: &str) -> Option<Option<Organ>> {
    match text.to_ascii_lowercase().as_str() {
        "auto" => Some(None),
        "ga" => Some(Some(Organ::GeneralAssembly)),
        "sc" => Some(Some(Organ::SecurityCouncil)),
        "ecosoc" => Some(Some(Organ::EconomicAndSocialCouncil)),
        "hrc" => Some(Some(Organ::HumanRightsCouncil)),
        _ => None,
    }
}

/// `auto` (`Some(None)`) or a document kind (`adopted`, `draft` or
/// `l-document`, `negotiation`, `body`), in any case.
pub fn parse_kind(text: &str) -> Option<Option<DocumentKind>> {
    if text.eq_ignore_ascii_case("auto") {
        return Some(None);
    }
    DocumentKind::parse(text).map(Some)
}

fn organ_name(organ: Option<Organ>) -> &'static str {
    match organ {
        None => "auto",
        Some(Organ::GeneralAssembly) => "GA",
        Some(Organ::SecurityCouncil) => "SC",
        Some(Organ::EconomicAndSocialCouncil) => "ECOSOC",
        Some(Organ::HumanRightsCouncil) => "HRC",
    }
}

/// A layer, where it comes from, and the directory its paths are relative to.
#[derive(Debug, Clone)]
pub struct Placed {
    pub source: Source,
    pub base: Option<PathBuf>,
    pub layer: Layer,
}

/// The effective settings and where each came from.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    /// The analysis configuration (without the catalogs' texts: the caller reads
    /// `catalogs` and fills `config.extra_catalogs`).
    pub config: Config,
    pub catalogs: Vec<PathBuf>,
    /// Globs with the directory they are relative to.
    pub include: Vec<(Option<PathBuf>, String)>,
    pub exclude: Vec<(Option<PathBuf>, String)>,
    pub operative_labels: bool,
    pub citation_titles: bool,
    /// Every setting with its value as it would be written and its source, in
    /// the schema's order; rules only where some layer sets them.
    pub origins: Vec<(String, String, Source)>,
}

fn join(base: &Option<PathBuf>, path: &str) -> PathBuf {
    let path = Path::new(path);
    match base {
        Some(base) if path.is_relative() => base.join(path),
        _ => path.to_path_buf(),
    }
}

fn quoted_list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("{s:?}")).collect();
    format!("[{}]", quoted.join(", "))
}

/// Merge layers given in increasing precedence (later wins). Rule levels merge
/// per rule; every other key is taken whole from the last layer that sets it.
pub fn resolve(layers: &[Placed]) -> Resolved {
    let mut out = Resolved::default();
    let last = |pick: &dyn Fn(&Layer) -> bool| -> Option<&Placed> {
        layers.iter().rev().find(|placed| pick(&placed.layer))
    };
    let source_of = |placed: Option<&Placed>| placed.map_or(Source::Default, |p| p.source.clone());

    let organ = last(&|l| l.organ.is_some());
    out.config.organ = organ.and_then(|p| p.layer.organ).flatten();
    out.origins.push((
        "organ".into(),
        format!("{:?}", organ_name(out.config.organ)),
        source_of(organ),
    ));

    let kind = last(&|l| l.kind.is_some());
    out.config.kind = kind.and_then(|p| p.layer.kind).flatten();
    out.origins.push((
        "kind".into(),
        format!("{:?}", out.config.kind.map_or("auto", DocumentKind::key)),
        source_of(kind),
    ));

    let repeat = last(&|l| l.repeat_indicators.is_some());
    out.config.repeat_indicators = repeat
        .and_then(|p| p.layer.repeat_indicators)
        .unwrap_or_default();
    let repeat_name = match out.config.repeat_indicators {
        RepeatIndicators::Legacy => "legacy",
        RepeatIndicators::Current => "current",
    };
    out.origins.push((
        "footnotes.repeatIndicators".into(),
        format!("{repeat_name:?}"),
        source_of(repeat),
    ));

    let preambular = last(&|l| l.preambular_phrases.is_some());
    out.config.extra_preambular_phrases = preambular
        .and_then(|p| p.layer.preambular_phrases.clone())
        .unwrap_or_default();
    out.origins.push((
        "phrases.preambular".into(),
        quoted_list(&out.config.extra_preambular_phrases),
        source_of(preambular),
    ));
    let operative = last(&|l| l.operative_phrases.is_some());
    out.config.extra_operative_verbs = operative
        .and_then(|p| p.layer.operative_phrases.clone())
        .unwrap_or_default();
    out.origins.push((
        "phrases.operative".into(),
        quoted_list(&out.config.extra_operative_verbs),
        source_of(operative),
    ));

    let catalogs = last(&|l| l.catalogs.is_some());
    if let Some(placed) = catalogs {
        out.catalogs = placed
            .layer
            .catalogs
            .iter()
            .flatten()
            .map(|path| join(&placed.base, path))
            .collect();
    }
    let shown: Vec<String> = out
        .catalogs
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    out.origins
        .push(("catalogs".into(), quoted_list(&shown), source_of(catalogs)));

    for (key, pick, target) in [
        (
            "include",
            (|l: &Layer| l.include.clone()) as fn(&Layer) -> Option<Vec<String>>,
            &mut out.include,
        ),
        ("exclude", |l: &Layer| l.exclude.clone(), &mut out.exclude),
    ] {
        let placed = last(&|l| pick(l).is_some());
        let globs = placed.and_then(|p| pick(&p.layer)).unwrap_or_default();
        out.origins
            .push((key.into(), quoted_list(&globs), source_of(placed)));
        *target = globs
            .into_iter()
            .map(|g| (placed.and_then(|p| p.base.clone()), g))
            .collect();
    }

    let labels = last(&|l| l.operative_labels.is_some());
    out.operative_labels = labels
        .and_then(|p| p.layer.operative_labels)
        .unwrap_or(true);
    out.origins.push((
        "inlayHints.operativeLabels".into(),
        out.operative_labels.to_string(),
        source_of(labels),
    ));
    let titles = last(&|l| l.citation_titles.is_some());
    out.citation_titles = titles
        .and_then(|p| p.layer.citation_titles)
        .unwrap_or(false);
    out.origins.push((
        "inlayHints.citationTitles".into(),
        out.citation_titles.to_string(),
        source_of(titles),
    ));

    let mut rules: BTreeMap<&'static str, (Level, Source)> = BTreeMap::new();
    for placed in layers {
        for (code, level) in &placed.layer.rules {
            rules.insert(code, (*level, placed.source.clone()));
        }
    }
    for (code, (level, source)) in rules {
        out.config.severities.insert(code.to_owned(), level);
        let shown = level.map_or("off", Severity::as_str);
        out.origins
            .push((format!("rules.{code}"), format!("{shown:?}"), source));
    }
    out
}

/// Does the absolute `path` match one of `globs`? Each glob is relative to its
/// directory (`cwd` when it has none) and matches the path below it or,
/// without a `/`, the file's name alone (`*.draft.unres`).
pub fn matches(globs: &[(Option<PathBuf>, String)], path: &Path, cwd: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    globs.iter().any(|(base, glob)| {
        let Ok(pattern) = glob::Pattern::new(glob) else {
            return false;
        };
        let base = base.as_deref().unwrap_or(cwd);
        let relative = path.strip_prefix(base).unwrap_or(path);
        pattern.matches_path(relative) || (!glob.contains('/') && pattern.matches(&name))
    })
}

/// The line (0-based) and the byte range inside it of `at` in `text`: a range
/// that runs over several lines stops at the end of its first.
pub fn line_span(text: &str, at: &Range<usize>) -> (usize, Range<usize>) {
    let lines = crate::text::split_lines(text);
    let mut start = 0;
    for (index, line) in lines.iter().enumerate() {
        let end = start + line.len();
        if at.start <= end || index + 1 == lines.len() {
            let from = at.start.clamp(start, end) - start;
            let to = at.end.clamp(start, end) - start;
            return (index, from..to.max(from));
        }
        start = end
            + if text[end..].starts_with("\r\n") {
                2
            } else {
                1
            };
    }
    (0, 0..0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_same_keys_in_toml_and_json() {
        let toml = "organ = \"sc\"\nkind = \"draft\"\ncatalogs = [\"extra.tsv\"]\n[rules]\npun010 = \"off\"\nNUM001 = \"Warning\"\n[footnotes]\nrepeatIndicators = \"current\"\n[phrases]\noperative = [\"Applauds\"]\n[inlayHints]\ncitationTitles = true\n";
        let (from_file, problems) = from_toml(toml);
        assert_eq!(problems, []);
        let (from_editor, problems) = from_json(&json!({"unres": {
            "organ": "SC", "kind": "L-document", "catalogs": ["extra.tsv"],
            "rules": {"PUN010": "off", "num001": "warning"},
            "footnotes.repeatIndicators": "current",
            "phrases": {"operative": ["Applauds"]},
            "inlayHints": {"citationTitles": true},
            "server": {"path": ""}, "trace": {"server": "off"}
        }}));
        assert_eq!(problems, []);
        assert_eq!(from_file, from_editor);
        assert_eq!(from_file.organ, Some(Some(Organ::SecurityCouncil)));
        assert_eq!(from_file.kind, Some(Some(DocumentKind::Draft)));
        assert_eq!(from_file.rules.get("PUN010"), Some(&None));
    }

    #[test]
    fn problems_are_located_at_their_key() {
        let toml = "rulez = 1\n[rules]\nXYZ999 = \"off\"\nPUN010 = \"loud\"\n[footnotes]\nrepeat = \"x\"\n";
        let (_, problems) = from_toml(toml);
        let located: Vec<(usize, &str, bool)> = problems
            .iter()
            .map(|p| {
                let at = p.at.clone().expect("located");
                (line_span(toml, &at).0, &toml[at], p.unknown_key)
            })
            .collect();
        assert_eq!(
            located,
            [
                (0, "rulez", true),
                (2, "XYZ999", true),
                (3, "\"loud\"", false),
                (5, "repeat", true)
            ]
        );
        assert!(
            problems[0].message.contains("did you mean `rules`"),
            "{problems:?}"
        );
        let (_, problems) = from_toml("[rules\n");
        assert!(
            problems[0].message.starts_with("not valid TOML"),
            "{problems:?}"
        );
        assert_eq!(line_span("[rules\n", problems[0].at.as_ref().unwrap()).0, 0);
    }

    #[test]
    fn unknown_editor_settings_are_reported() {
        let (_, problems) = from_json(&json!({"rulez": {"PUN010": "off"}, "organ": 3}));
        let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "`unres.organ` must be a string, not a number",
                "unknown setting `unres.rulez`; did you mean `unres.rules`?"
            ]
        );
    }

    #[test]
    fn later_layers_win_and_rules_merge_per_rule() {
        let layer = |toml: &str| from_toml(toml).0;
        let resolved = resolve(&[
            Placed {
                source: Source::Editor,
                base: None,
                layer: layer("organ = \"GA\"\n[rules]\nPUN010 = \"off\"\nFTN009 = \"hint\""),
            },
            Placed {
                source: Source::ProjectFile(".unres.toml".into()),
                base: Some("/project".into()),
                layer: layer(
                    "organ = \"SC\"\ncatalogs = [\"cat.tsv\"]\n[rules]\nPUN010 = \"error\"",
                ),
            },
            Placed {
                source: Source::CommandLine,
                base: None,
                layer: layer("[rules]\nFTN009 = \"off\""),
            },
        ]);
        assert_eq!(resolved.config.organ, Some(Organ::SecurityCouncil));
        assert_eq!(resolved.catalogs, [PathBuf::from("/project/cat.tsv")]);
        assert_eq!(
            resolved.config.severities.get("PUN010"),
            Some(&Some(Severity::Error))
        );
        assert_eq!(resolved.config.severities.get("FTN009"), Some(&None));
        let origin = |key: &str| {
            resolved
                .origins
                .iter()
                .find(|(k, _, _)| k == key)
                .map(|(_, v, s)| (v.clone(), s.to_string()))
        };
        assert_eq!(
            origin("organ"),
            Some(("\"SC\"".into(), ".unres.toml".into()))
        );
        assert_eq!(
            origin("rules.FTN009"),
            Some(("\"off\"".into(), "command line".into()))
        );
        assert_eq!(origin("footnotes.repeatIndicators").unwrap().1, "default");
    }
}
