//! The readable form of an answer: one `key: value` line per field, nested fields indented,
//! lists one item per line; an extrinsic's outcome as a headline and its events.

use serde_json::Value;

/// `value` as text for a terminal, ending with a newline.
pub fn render(value: &Value) -> String {
	let mut out = String::new();
	if let (Some(call), Some(status)) = (value.get("call"), value.get("status")) {
		// An extrinsic's outcome.
		out.push_str(&format!(
			"{} {}",
			call.as_str().unwrap_or("?"),
			status.as_str().unwrap_or("?")
		));
		if let Some(block) = value.get("block") {
			out.push_str(&format!(
				" in block {block} ({})",
				value["block_hash"].as_str().unwrap_or("?")
			));
		}
		out.push_str(&format!(
			"\n  extrinsic {}\n  signer {}\n",
			value["extrinsic"].as_str().unwrap_or("?"),
			value["signer"].as_str().unwrap_or("?")
		));
		if let Some(error) = value.get("error") {
			out.push_str(&format!(
				"  failed: {} — {}\n",
				error["name"].as_str().unwrap_or("?"),
				error["docs"].as_str().unwrap_or("")
			));
		}
		for event in value["events"].as_array().into_iter().flatten() {
			out.push_str(&format!(
				"  event {}.{} {}\n",
				event["pallet"].as_str().unwrap_or("?"),
				event["event"].as_str().unwrap_or("?"),
				inline(&event["fields"])
			));
		}
		return out;
	}
	lines(value, 0, &mut out);
	out
}

fn lines(value: &Value, depth: usize, out: &mut String) {
	let pad = "  ".repeat(depth);
	match value {
		Value::Object(map) if !map.is_empty() => {
			for (key, field) in map {
				match field {
					Value::Object(m) if !m.is_empty() => {
						out.push_str(&format!("{pad}{key}:\n"));
						lines(field, depth + 1, out);
					},
					Value::Array(items) if items.iter().any(|i| i.is_object() || i.is_array()) => {
						out.push_str(&format!("{pad}{key}: ({} items)\n", items.len()));
						lines(field, depth + 1, out);
					},
					_ => out.push_str(&format!("{pad}{key}: {}\n", inline(field))),
				}
			}
		},
		Value::Array(items) if !items.is_empty() => {
			for item in items {
				match item {
					Value::Object(_) | Value::Array(_) => {
						out.push_str(&format!("{pad}-\n"));
						lines(item, depth + 1, out);
					},
					_ => out.push_str(&format!("{pad}- {}\n", inline(item))),
				}
			}
		},
		other => out.push_str(&format!("{pad}{}\n", inline(other))),
	}
}

/// A value on one line: strings without quotes, structures as compact JSON.
fn inline(value: &Value) -> String {
	match value {
		Value::String(s) => s.clone(),
		Value::Null => "—".into(),
		other => other.to_string(),
	}
}

#[cfg(test)]
mod tests {
	use super::render;
	use serde_json::json;

	#[test]
	fn outcomes_read_as_a_headline_and_events() {
		let text = render(&json!({
			"call": "Consortium.grant_role", "status": "finalized", "block": 7,
			"block_hash": "0xab", "extrinsic": "0xcd", "signer": "5Grw",
			"events": [{"pallet": "Consortium", "event": "RoleGranted", "fields": {"org": 3, "role": "Attester"}}],
		}));
		assert_eq!(
			text,
			"Consortium.grant_role finalized in block 7 (0xab)\n  extrinsic 0xcd\n  signer 5Grw\n  event Consortium.RoleGranted {\"org\":3,\"role\":\"Attester\"}\n"
		);
	}

	#[test]
	fn answers_read_as_indented_fields() {
		let text = render(
			&json!({"name": "Acme", "roles": ["Attester"], "totals": {"net": 5}, "list": [{"id": 1}]}),
		);
		// serde_json orders an object's keys.
		assert_eq!(text, "list: (1 items)\n  -\n    id: 1\nname: Acme\nroles: [\"Attester\"]\ntotals:\n  net: 5\n");
	}
}
