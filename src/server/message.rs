//! JSON-RPC 2.0 messages as the client sends them, checked before anything
//! reaches tower-lsp-server (whose reader stops at the first message it cannot
//! decode).

use serde_json::{Map, Value, json};

/// One decoded message from the client.
#[derive(Debug, PartialEq)]
pub enum Incoming {
    Request {
        id: Value,
        method: String,
        params: Option<Value>,
    },
    Notification {
        method: String,
        params: Option<Value>,
    },
    /// An answer to one of the server's requests.
    Response(Value),
    /// Not JSON-RPC 2.0. `id` is what the client sent as the id, if anything,
    /// so it can be answered.
    Invalid { id: Option<Value>, reason: String },
}

pub const INVALID_REQUEST: i64 = -32600;
pub const METHOD_NOT_FOUND: i64 = -32601;
pub const REQUEST_CANCELLED: i64 = -32800;

/// Classify a JSON object, keeping only the members JSON-RPC defines.
pub fn classify(value: Value) -> Incoming {
    let Value::Object(mut object) = value else {
        return invalid(None, "not a JSON object");
    };
    let id = object.remove("id");
    if object.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
        return invalid(id, "`jsonrpc` is not \"2.0\"");
    }
    let method = object.remove("method");
    let params = object.remove("params");
    if let Some(method) = method {
        let Value::String(method) = method else {
            return invalid(id, "`method` is not a string");
        };
        let params = match params {
            None | Some(Value::Null) => None,
            Some(p @ (Value::Object(_) | Value::Array(_))) => Some(p),
            Some(_) => return invalid(id, "`params` is neither an object nor an array"),
        };
        return match id {
            None => Incoming::Notification { method, params },
            Some(id) if is_valid_id(&id) => Incoming::Request { id, method, params },
            Some(id) => invalid(Some(id), "`id` is neither an integer nor a string"),
        };
    }
    let Some(id) = id else {
        return invalid(None, "neither a request, a notification nor a response");
    };
    if !is_valid_id(&id) {
        return invalid(
            None,
            "a response whose `id` is neither an integer nor a string",
        );
    }
    let result = object.remove("result");
    let error = object.remove("error");
    let mut response = Map::new();
    response.insert("jsonrpc".to_owned(), json!("2.0"));
    response.insert("id".to_owned(), id);
    match (result, error) {
        (Some(result), None) => {
            response.insert("result".to_owned(), result);
        }
        (None, Some(error)) if is_valid_error(&error) => {
            response.insert("error".to_owned(), error);
        }
        _ => {
            return invalid(
                None,
                "a response without exactly one valid `result` or `error`",
            );
        }
    }
    let response = Value::Object(response);
    // The framework's own decoder is the last word: what it cannot read is not
    // passed on.
    if serde_json::from_value::<tower_lsp_server::jsonrpc::Response>(response.clone()).is_err() {
        return invalid(None, "a response the server cannot read");
    }
    Incoming::Response(response)
}

fn invalid(id: Option<Value>, reason: &str) -> Incoming {
    Incoming::Invalid {
        // Only an id the client could match is echoed (1.5 is, `{}` is not).
        id: id.filter(|id| id.is_number() || id.is_string()),
        reason: reason.to_owned(),
    }
}

/// LSP ids are integers or strings (the framework keeps integers in an `i64`).
fn is_valid_id(id: &Value) -> bool {
    id.is_string() || id.as_i64().is_some()
}

fn is_valid_error(error: &Value) -> bool {
    error.get("code").and_then(Value::as_i64).is_some()
        && error.get("message").is_some_and(Value::is_string)
}

/// The wire form of a request or notification, as the framework expects it.
pub fn request_json(id: Option<&Value>, method: &str, params: Option<&Value>) -> Value {
    let mut object = Map::new();
    object.insert("jsonrpc".to_owned(), json!("2.0"));
    if let Some(id) = id {
        object.insert("id".to_owned(), id.clone());
    }
    object.insert("method".to_owned(), json!(method));
    if let Some(params) = params {
        object.insert("params".to_owned(), params.clone());
    }
    Value::Object(object)
}

pub fn error_response(id: &Value, code: i64, message: &str) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}})
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason_and_id(value: Value) -> Option<Option<Value>> {
        match classify(value) {
            Incoming::Invalid { id, .. } => Some(id),
            _ => None,
        }
    }

    #[test]
    fn not_json_rpc() {
        assert_eq!(reason_and_id(json!({})), Some(None));
        assert_eq!(
            reason_and_id(json!({"jsonrpc": "1.0", "id": 3, "method": "m"})),
            Some(Some(json!(3)))
        );
        assert_eq!(
            reason_and_id(json!({"jsonrpc": "2.0", "id": 1.5, "method": "m"})),
            Some(Some(json!(1.5)))
        );
        assert_eq!(
            reason_and_id(json!({"jsonrpc": "2.0", "id": 1, "method": 7})),
            Some(Some(json!(1)))
        );
        assert_eq!(
            reason_and_id(json!({"jsonrpc": "2.0", "id": 1, "method": "m", "params": 3})),
            Some(Some(json!(1)))
        );
        assert_eq!(
            reason_and_id(json!({"jsonrpc": "2.0", "id": 1, "result": 1, "error": {}})),
            Some(None)
        );
        assert_eq!(
            reason_and_id(json!({"jsonrpc": "2.0", "id": 1, "error": {"code": "x"}})),
            Some(None)
        );
        assert_eq!(
            reason_and_id(json!({"jsonrpc": "2.0", "id": null, "method": "m"})),
            Some(None)
        );
    }

    #[test]
    fn json_rpc() {
        assert_eq!(
            classify(json!({"jsonrpc": "2.0", "id": "a", "method": "m", "params": null, "x": 1})),
            Incoming::Request {
                id: json!("a"),
                method: "m".to_owned(),
                params: None
            }
        );
        assert!(matches!(
            classify(json!({"jsonrpc": "2.0", "method": "m", "params": [1]})),
            Incoming::Notification { .. }
        ));
        assert_eq!(
            classify(json!({"jsonrpc": "2.0", "id": 1, "result": null, "extra": 1})),
            Incoming::Response(json!({"jsonrpc": "2.0", "id": 1, "result": null}))
        );
    }
}
