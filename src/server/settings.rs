//! Client settings (the `unres` section) to a layer of settings.
//!
//! Read from `initializationOptions`, from `workspace/didChangeConfiguration`, and
//! pulled with `workspace/configuration` when the client says settings changed —
//! never on a keystroke. The keys are those of the project file
//! (`analysis::settings`); unknown keys and wrong values are reported back so the
//! server can show them.

use serde_json::Value;

use crate::analysis::settings::{self, Layer};

pub fn parse(value: &Value) -> (Layer, Vec<String>) {
    let (layer, problems) = settings::from_json(value);
    (layer, problems.into_iter().map(|p| p.message).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Severity;
    use crate::analysis::symbol::Organ;
    use serde_json::json;

    #[test]
    fn rules_and_unknown_settings() {
        let (layer, problems) = parse(&json!({
            "unres": {
                "rules": { "num001": "warning", "FTN009": "off", "XYZ999": "error" },
                "organ": "sc",
                "rulez": {}
            }
        }));
        assert_eq!(layer.organ, Some(Some(Organ::SecurityCouncil)));
        assert_eq!(layer.rules.get("NUM001"), Some(&Some(Severity::Warning)));
        assert_eq!(layer.rules.get("FTN009"), Some(&None));
        assert_eq!(
            problems,
            [
                "`unres.rules`: no rule XYZ999 (`unres rules` lists them)",
                "unknown setting `unres.rulez`; did you mean `unres.rules`?"
            ]
        );
    }
}
