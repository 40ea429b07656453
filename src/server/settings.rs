//! Client settings (the `unres` section) to an analysis [`Config`].
//!
//! Read from `initializationOptions`, from `workspace/didChangeConfiguration`, and
//! pulled with `workspace/configuration` when the client says settings changed —
//! never on a keystroke.

use serde_json::Value;

use crate::analysis::symbol::Organ;
use crate::analysis::{Config, RepeatIndicators, Severity, rule_meta};

/// What the `unres` settings say: the analysis config, and the catalog files the
/// server must read (`unres.catalogs`).
#[derive(Debug, Default)]
pub struct Settings {
    pub config: Config,
    pub catalog_paths: Vec<String>,
}

/// Build the settings from the `unres` settings object. Unknown keys are ignored;
/// invalid values are reported back so the server can show them.
pub fn parse(value: &Value) -> (Settings, Vec<String>) {
    let mut config = Config::default();
    let mut problems = Vec::new();
    // Accept both `{ "unres": {...} }` and the section itself.
    let value = value.get("unres").unwrap_or(value);
    let mut catalog_paths = Vec::new();
    match value.get("catalogs") {
        Some(Value::Array(paths)) => {
            for path in paths {
                match path.as_str() {
                    Some(path) => catalog_paths.push(path.to_owned()),
                    None => problems.push(format!("unres.catalogs: `{path}` is not a path")),
                }
            }
        }
        Some(Value::Null) | None => {}
        Some(other) => problems.push(format!("unres.catalogs: `{other}` is not a list of paths")),
    }
    if let Some(rules) = value.get("rules").and_then(Value::as_object) {
        for (code, level) in rules {
            let Some(meta) = rule_meta(code) else {
                problems.push(format!("unres.rules: no rule {code}"));
                continue;
            };
            let level = level.as_str().unwrap_or_default();
            let severity = match level.to_ascii_lowercase().as_str() {
                "off" | "none" => None,
                other => match Severity::parse(other) {
                    Some(severity) => Some(severity),
                    None => {
                        problems.push(format!(
                            "unres.rules.{code}: `{level}` is not error, warning, information, hint or off"
                        ));
                        continue;
                    }
                },
            };
            config.severities.insert(meta.code.to_owned(), severity);
        }
    }
    for (key, target) in [
        ("preambular", &mut config.extra_preambular_phrases),
        ("operative", &mut config.extra_operative_verbs),
    ] {
        match value.pointer(&format!("/phrases/{key}")) {
            Some(Value::Array(phrases)) => {
                target.extend(phrases.iter().filter_map(Value::as_str).map(str::to_owned));
            }
            Some(Value::Null) | None => {}
            Some(other) => problems.push(format!(
                "unres.phrases.{key}: `{other}` is not a list of phrases"
            )),
        }
    }
    match value.get("organ").and_then(Value::as_str) {
        None | Some("auto") => {}
        Some("GA") => config.organ = Some(Organ::GeneralAssembly),
        Some("SC") => config.organ = Some(Organ::SecurityCouncil),
        Some("ECOSOC") => config.organ = Some(Organ::EconomicAndSocialCouncil),
        Some("HRC") => config.organ = Some(Organ::HumanRightsCouncil),
        Some(other) => problems.push(format!(
            "unres.organ: `{other}` is not auto, GA, SC, ECOSOC or HRC"
        )),
    }
    let repeat = value
        .pointer("/footnotes/repeatIndicators")
        .or_else(|| value.get("footnotes.repeatIndicators"))
        .and_then(Value::as_str);
    match repeat {
        Some("current") => config.repeat_indicators = RepeatIndicators::Current,
        Some("legacy") | None => {}
        Some(other) => problems.push(format!(
            "unres.footnotes.repeatIndicators: `{other}` is not legacy or current"
        )),
    }
    (
        Settings {
            config,
            catalog_paths,
        },
        problems,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn rules_and_footnotes() {
        let (settings, problems) = parse(&json!({
            "unres": {
                "rules": { "num001": "warning", "FTN009": "off", "XYZ999": "error" },
                "footnotes": { "repeatIndicators": "current" },
                "catalogs": ["extra.tsv"],
                "phrases": { "operative": ["Applauds"] },
                "organ": "SC"
            }
        }));
        let config = settings.config;
        assert_eq!(settings.catalog_paths, ["extra.tsv"]);
        assert_eq!(config.extra_operative_verbs, ["Applauds"]);
        assert_eq!(config.organ, Some(Organ::SecurityCouncil));
        assert_eq!(
            config.severities.get("NUM001"),
            Some(&Some(Severity::Warning))
        );
        assert_eq!(config.severities.get("FTN009"), Some(&None));
        assert_eq!(config.repeat_indicators, RepeatIndicators::Current);
        assert_eq!(problems, vec!["unres.rules: no rule XYZ999".to_owned()]);
    }
}
