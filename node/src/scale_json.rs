//! JSON ⇄ SCALE by the runtime's own type registry (its metadata), for the domain queries
//! served over JSON-RPC ([`crate::query`]): a front-end sends and reads plain JSON, with no
//! type definitions of its own, and every new runtime API method is served as it lands.
//!
//! The JSON shapes, documented for clients in `docs/rpc.md`:
//! - integers: JSON numbers up to 2^53 − 1 (larger ones as decimal strings); input accepts
//!   numbers and decimal strings;
//! - bytes (`[u8; N]`, `Vec<u8>`) and hashes: `0x`-hex (an array of numbers is accepted too;
//!   a `Vec<u8>` also takes a text string that does not start with `0x`, as its UTF-8 bytes:
//!   a credit code, a name);
//! - accounts (`AccountId32`): SS58 strings (input: SS58 or `0x`-hex);
//! - structs: objects with camelCase field names (input: camelCase or snake_case); a struct
//!   of one unnamed field is that field's value; of several, an array;
//! - enums: `"Variant"` when it has no fields, else `{"Variant": value}`; `Option`: `null` or
//!   the value;
//! - tuples: arrays.
//!
//! Decoding and encoding never panic on input: a wrong shape, a number out of range, a hex
//! string of the wrong length or nesting deeper than [`MAX_DEPTH`] is an error naming where.

use codec::{Compact, Decode, Encode};
use scale_info::{
	form::PortableForm, Field, PortableRegistry, Type, TypeDef, TypeDefPrimitive, Variant,
};
use serde_json::{Map, Value};
use sp_core::crypto::{AccountId32, Ss58Codec};

/// Deepest nesting of types a value may have (the runtime's types are far shallower).
pub const MAX_DEPTH: u32 = 32;

/// The largest integer a JSON number carries exactly in JavaScript.
const MAX_SAFE_INTEGER: u128 = (1 << 53) - 1;

fn resolve<'a>(registry: &'a PortableRegistry, id: u32) -> Result<&'a Type<PortableForm>, String> {
	registry.resolve(id).ok_or_else(|| format!("type {id} is not in the runtime's metadata"))
}

fn is_u8(registry: &PortableRegistry, id: u32) -> bool {
	matches!(
		registry.resolve(id).map(|t| &t.type_def),
		Some(TypeDef::Primitive(TypeDefPrimitive::U8))
	)
}

fn is_account(ty: &Type<PortableForm>) -> bool {
	ty.path.segments.last().is_some_and(|s| s == "AccountId32")
}

fn is_option(ty: &Type<PortableForm>) -> bool {
	ty.path.segments.len() == 1 && ty.path.segments[0] == "Option"
}

/// The type a JSON pointer (`/invoice/buyer/Member`) reaches in the JSON that [`decode`] makes
/// of the type `id`, or where it leaves the type: the gateway's rules name the organizations a
/// record is about by such pointers, and a renamed field must fail a test, not every read.
#[cfg(test)]
pub fn pointer_type(registry: &PortableRegistry, id: u32, pointer: &str) -> Result<u32, String> {
	let mut segments = pointer.split('/').skip(1).peekable();
	let mut id = id;
	for _ in 0..MAX_DEPTH {
		let ty = resolve(registry, id)?;
		// The shapes `decode` makes transparent take no segment.
		let transparent = match &ty.type_def {
			TypeDef::Variant(v) if is_option(ty) => {
				v.variants.iter().find_map(|x| x.fields.first()).map(|f| f.ty.id)
			},
			TypeDef::Composite(c) if c.fields.len() == 1 && c.fields[0].name.is_none() => {
				Some(c.fields[0].ty.id)
			},
			_ => None,
		};
		if let Some(inner) = transparent {
			id = inner;
			continue;
		}
		let Some(segment) = segments.next() else { return Ok(id) };
		let missing = || format!("`{segment}` is not in {:?}", ty.path.segments);
		let field = |fields: &[Field<PortableForm>]| -> Result<u32, String> {
			if fields.iter().all(|f| f.name.is_some()) {
				fields
					.iter()
					.find(|f| f.name.as_deref().map(camel).as_deref() == Some(segment))
					.map(|f| f.ty.id)
					.ok_or_else(missing)
			} else {
				let index: usize = segment.parse().map_err(|_| missing())?;
				fields.get(index).map(|f| f.ty.id).ok_or_else(missing)
			}
		};
		id = match &ty.type_def {
			TypeDef::Composite(c) => field(&c.fields)?,
			TypeDef::Variant(v) => {
				let variant = v.variants.iter().find(|x| x.name == segment).ok_or_else(missing)?;
				match variant.fields.as_slice() {
					[one] if one.name.is_none() => one.ty.id,
					[] => return Err(missing()),
					fields => {
						let Some(next) = segments.next() else { return Err(missing()) };
						let inner = fields
							.iter()
							.find(|f| f.name.as_deref().map(camel).as_deref() == Some(next))
							.or_else(|| next.parse::<usize>().ok().and_then(|i| fields.get(i)));
						inner.map(|f| f.ty.id).ok_or_else(missing)?
					},
				}
			},
			TypeDef::Sequence(q) if segment.parse::<usize>().is_ok() => q.type_param.id,
			TypeDef::Array(a) if segment.parse::<usize>().is_ok() => a.type_param.id,
			TypeDef::Tuple(t) => {
				let index: usize = segment.parse().map_err(|_| missing())?;
				t.fields.get(index).map(|f| f.id).ok_or_else(missing)?
			},
			_ => return Err(missing()),
		};
	}
	Err("the pointer nests too deep".into())
}

/// `snake_case` → `camelCase`.
pub fn camel(name: &str) -> String {
	let mut out = String::with_capacity(name.len());
	let mut upper = false;
	for c in name.chars() {
		if c == '_' {
			upper = true;
		} else if upper {
			out.extend(c.to_uppercase());
			upper = false;
		} else {
			out.push(c);
		}
	}
	out
}

fn at(path: &str, what: impl std::fmt::Display) -> String {
	if path.is_empty() {
		what.to_string()
	} else {
		format!("{path}: {what}")
	}
}

fn join(path: &str, part: impl std::fmt::Display) -> String {
	if path.is_empty() {
		part.to_string()
	} else {
		format!("{path}.{part}")
	}
}

// --- SCALE → JSON ---

/// Decodes a value of type `id` from the front of `input` into JSON.
pub fn decode(registry: &PortableRegistry, id: u32, input: &mut &[u8]) -> Result<Value, String> {
	decode_at(registry, id, input, 0)
}

fn decode_at(
	registry: &PortableRegistry,
	id: u32,
	input: &mut &[u8],
	depth: u32,
) -> Result<Value, String> {
	if depth > MAX_DEPTH {
		return Err("the value nests too deep".into());
	}
	let ty = resolve(registry, id)?;
	let short = |e: codec::Error| format!("the runtime's answer does not decode: {e}");
	if is_account(ty) {
		let raw = <[u8; 32]>::decode(input).map_err(short)?;
		return Ok(Value::String(AccountId32::from(raw).to_ss58check()));
	}
	match &ty.type_def {
		TypeDef::Composite(c) => decode_fields(registry, &c.fields, input, depth),
		TypeDef::Variant(v) => {
			let index = u8::decode(input).map_err(short)?;
			let variant =
				v.variants.iter().find(|x| x.index == index).ok_or_else(|| {
					format!("variant {index} of {:?} is unknown", ty.path.segments)
				})?;
			if is_option(ty) {
				return match variant.fields.first() {
					None => Ok(Value::Null),
					Some(f) => decode_at(registry, f.ty.id, input, depth + 1),
				};
			}
			if variant.fields.is_empty() {
				return Ok(Value::String(variant.name.clone()));
			}
			let inner = decode_fields(registry, &variant.fields, input, depth)?;
			Ok(Value::Object(Map::from_iter([(variant.name.clone(), inner)])))
		},
		TypeDef::Sequence(s) => {
			let len = Compact::<u32>::decode(input).map_err(short)?.0 as usize;
			if is_u8(registry, s.type_param.id) {
				if input.len() < len {
					return Err(short("bytes end early".into()));
				}
				let (bytes, rest) = input.split_at(len);
				*input = rest;
				return Ok(Value::String(format!("0x{}", hex::encode(bytes))));
			}
			// Each element takes at least a byte: a length beyond what is left is a lie.
			if len > input.len() {
				return Err(short("a sequence is longer than the answer".into()));
			}
			(0..len)
				.map(|_| decode_at(registry, s.type_param.id, input, depth + 1))
				.collect::<Result<Vec<_>, _>>()
				.map(Value::Array)
		},
		TypeDef::Array(a) => {
			let len = a.len as usize;
			if is_u8(registry, a.type_param.id) {
				if input.len() < len {
					return Err(short("bytes end early".into()));
				}
				let (bytes, rest) = input.split_at(len);
				*input = rest;
				return Ok(Value::String(format!("0x{}", hex::encode(bytes))));
			}
			(0..len)
				.map(|_| decode_at(registry, a.type_param.id, input, depth + 1))
				.collect::<Result<Vec<_>, _>>()
				.map(Value::Array)
		},
		TypeDef::Tuple(t) => t
			.fields
			.iter()
			.map(|f| decode_at(registry, f.id, input, depth + 1))
			.collect::<Result<Vec<_>, _>>()
			.map(Value::Array),
		TypeDef::Primitive(p) => decode_primitive(p, input).map_err(short),
		TypeDef::Compact(_) => Ok(number(Compact::<u128>::decode(input).map_err(short)?.0)),
		TypeDef::BitSequence(_) => Err("bit sequences are not served".into()),
	}
}

fn decode_fields(
	registry: &PortableRegistry,
	fields: &[Field<PortableForm>],
	input: &mut &[u8],
	depth: u32,
) -> Result<Value, String> {
	let named = fields.iter().all(|f| f.name.is_some());
	if named && !fields.is_empty() {
		let mut map = Map::new();
		for f in fields {
			let name = camel(f.name.as_deref().unwrap_or_default());
			map.insert(name, decode_at(registry, f.ty.id, input, depth + 1)?);
		}
		return Ok(Value::Object(map));
	}
	match fields {
		[] => Ok(Value::Null),
		[one] => decode_at(registry, one.ty.id, input, depth + 1),
		many => many
			.iter()
			.map(|f| decode_at(registry, f.ty.id, input, depth + 1))
			.collect::<Result<Vec<_>, _>>()
			.map(Value::Array),
	}
}

fn number(n: u128) -> Value {
	if n <= MAX_SAFE_INTEGER {
		Value::from(n as u64)
	} else {
		Value::String(n.to_string())
	}
}

fn signed(n: i128) -> Value {
	if n.unsigned_abs() <= MAX_SAFE_INTEGER {
		Value::from(n as i64)
	} else {
		Value::String(n.to_string())
	}
}

fn decode_primitive(p: &TypeDefPrimitive, input: &mut &[u8]) -> Result<Value, codec::Error> {
	Ok(match p {
		TypeDefPrimitive::Bool => Value::Bool(bool::decode(input)?),
		TypeDefPrimitive::Char => {
			let c = char::from_u32(u32::decode(input)?).ok_or("not a character")?;
			Value::String(c.to_string())
		},
		TypeDefPrimitive::Str => Value::String(String::decode(input)?),
		TypeDefPrimitive::U8 => number(u8::decode(input)?.into()),
		TypeDefPrimitive::U16 => number(u16::decode(input)?.into()),
		TypeDefPrimitive::U32 => number(u32::decode(input)?.into()),
		TypeDefPrimitive::U64 => number(u64::decode(input)?.into()),
		TypeDefPrimitive::U128 => number(u128::decode(input)?),
		TypeDefPrimitive::I8 => signed(i8::decode(input)?.into()),
		TypeDefPrimitive::I16 => signed(i16::decode(input)?.into()),
		TypeDefPrimitive::I32 => signed(i32::decode(input)?.into()),
		TypeDefPrimitive::I64 => signed(i64::decode(input)?.into()),
		TypeDefPrimitive::I128 => signed(i128::decode(input)?),
		TypeDefPrimitive::U256 | TypeDefPrimitive::I256 => {
			let raw = <[u8; 32]>::decode(input)?;
			Value::String(format!("0x{}", hex::encode(raw)))
		},
	})
}

// --- JSON → SCALE ---

/// Encodes `value` as type `id`, appending to `out`; `path` names the value in errors.
pub fn encode(
	registry: &PortableRegistry,
	id: u32,
	value: &Value,
	path: &str,
	out: &mut Vec<u8>,
) -> Result<(), String> {
	encode_at(registry, id, value, path, out, 0)
}

fn encode_at(
	registry: &PortableRegistry,
	id: u32,
	value: &Value,
	path: &str,
	out: &mut Vec<u8>,
	depth: u32,
) -> Result<(), String> {
	if depth > MAX_DEPTH {
		return Err(at(path, "the value nests too deep"));
	}
	let ty = resolve(registry, id)?;
	if is_account(ty) {
		return account(value, path).map(|a| out.extend_from_slice(a.as_ref()));
	}
	match &ty.type_def {
		TypeDef::Composite(c) => encode_fields(registry, &c.fields, value, path, out, depth),
		TypeDef::Variant(v) => {
			if is_option(ty) {
				let some = v.variants.iter().find(|x| x.name == "Some");
				return match (value, some) {
					(Value::Null, _) => Ok(out.push(0)),
					(v, Some(Variant { fields, .. })) if fields.len() == 1 => {
						out.push(1);
						encode_at(registry, fields[0].ty.id, v, path, out, depth + 1)
					},
					_ => Err(at(path, "an Option without Some")),
				};
			}
			let names =
				|| v.variants.iter().map(|x| x.name.as_str()).collect::<Vec<_>>().join(", ");
			let (name, inner) = match value {
				Value::String(name) => (name.as_str(), None),
				Value::Object(map) if map.len() == 1 => {
					let (name, inner) = map.iter().next().expect("one entry");
					(name.as_str(), Some(inner))
				},
				_ => {
					return Err(at(
						path,
						format!("expected one of {} (a string, or an object of one key)", names()),
					))
				},
			};
			let variant = v
				.variants
				.iter()
				.find(|x| x.name == name)
				.ok_or_else(|| at(path, format!("`{name}` is not one of {}", names())))?;
			out.push(variant.index);
			match (variant.fields.is_empty(), inner) {
				(true, None) | (true, Some(Value::Null)) => Ok(()),
				(true, Some(_)) => Err(at(path, format!("`{name}` takes no value"))),
				(false, None) => {
					Err(at(path, format!("`{name}` needs a value: {{\"{name}\": …}}")))
				},
				(false, Some(inner)) => {
					encode_fields(registry, &variant.fields, inner, &join(path, name), out, depth)
				},
			}
		},
		TypeDef::Sequence(s) => {
			if is_u8(registry, s.type_param.id) {
				let bytes = bytes(value, None, path)?;
				Compact(bytes.len() as u32).encode_to(out);
				out.extend_from_slice(&bytes);
				return Ok(());
			}
			let items = value.as_array().ok_or_else(|| at(path, "expected an array"))?;
			Compact(items.len() as u32).encode_to(out);
			for (i, item) in items.iter().enumerate() {
				encode_at(registry, s.type_param.id, item, &join(path, i), out, depth + 1)?;
			}
			Ok(())
		},
		TypeDef::Array(a) => {
			if is_u8(registry, a.type_param.id) {
				out.extend_from_slice(&bytes(value, Some(a.len as usize), path)?);
				return Ok(());
			}
			let items = value.as_array().ok_or_else(|| at(path, "expected an array"))?;
			if items.len() != a.len as usize {
				return Err(at(path, format!("expected {} items, got {}", a.len, items.len())));
			}
			for (i, item) in items.iter().enumerate() {
				encode_at(registry, a.type_param.id, item, &join(path, i), out, depth + 1)?;
			}
			Ok(())
		},
		TypeDef::Tuple(t) => {
			let items = value.as_array().ok_or_else(|| at(path, "expected an array"))?;
			if items.len() != t.fields.len() {
				return Err(at(
					path,
					format!("expected {} items, got {}", t.fields.len(), items.len()),
				));
			}
			for (i, (f, item)) in t.fields.iter().zip(items).enumerate() {
				encode_at(registry, f.id, item, &join(path, i), out, depth + 1)?;
			}
			Ok(())
		},
		TypeDef::Primitive(p) => encode_primitive(p, value, path, out),
		TypeDef::Compact(_) => {
			Compact(integer(value, path, u128::MAX)?).encode_to(out);
			Ok(())
		},
		TypeDef::BitSequence(_) => Err(at(path, "bit sequences are not served")),
	}
}

fn encode_fields(
	registry: &PortableRegistry,
	fields: &[Field<PortableForm>],
	value: &Value,
	path: &str,
	out: &mut Vec<u8>,
	depth: u32,
) -> Result<(), String> {
	let named = !fields.is_empty() && fields.iter().all(|f| f.name.is_some());
	if named {
		let map = value.as_object().ok_or_else(|| {
			let names: Vec<_> =
				fields.iter().filter_map(|f| f.name.as_deref().map(camel)).collect();
			at(path, format!("expected an object with {}", names.join(", ")))
		})?;
		let known = |key: &str| {
			fields.iter().any(|f| f.name.as_deref().is_some_and(|n| n == key || camel(n) == key))
		};
		if let Some(unknown) = map.keys().find(|k| !known(k)) {
			return Err(at(path, format!("unknown field `{unknown}`")));
		}
		for f in fields {
			let name = f.name.as_deref().unwrap_or_default();
			let key = camel(name);
			let item = map
				.get(&key)
				.or_else(|| map.get(name))
				.ok_or_else(|| at(path, format!("missing field `{key}`")))?;
			encode_at(registry, f.ty.id, item, &join(path, &key), out, depth + 1)?;
		}
		return Ok(());
	}
	match fields {
		[] => Ok(()),
		[one] => encode_at(registry, one.ty.id, value, path, out, depth + 1),
		many => {
			let items = value.as_array().ok_or_else(|| at(path, "expected an array"))?;
			if items.len() != many.len() {
				return Err(at(
					path,
					format!("expected {} items, got {}", many.len(), items.len()),
				));
			}
			for (i, (f, item)) in many.iter().zip(items).enumerate() {
				encode_at(registry, f.ty.id, item, &join(path, i), out, depth + 1)?;
			}
			Ok(())
		},
	}
}

fn account(value: &Value, path: &str) -> Result<AccountId32, String> {
	let text = value.as_str().ok_or_else(|| at(path, "expected an SS58 address or 0x-hex"))?;
	if text.starts_with("0x") {
		let raw: [u8; 32] = bytes(value, Some(32), path)?.try_into().expect("32 bytes checked");
		return Ok(raw.into());
	}
	AccountId32::from_ss58check(text).map_err(|e| at(path, format!("not an SS58 address: {e:?}")))
}

/// A `0x`-hex string (or an array of byte numbers), of `len` bytes when given; without a
/// length (a `Vec<u8>`), text that is not `0x`-hex stands for its UTF-8 bytes.
fn bytes(value: &Value, len: Option<usize>, path: &str) -> Result<Vec<u8>, String> {
	let bytes = match value {
		Value::String(text) if len.is_none() && !text.starts_with("0x") => text.as_bytes().to_vec(),
		Value::String(text) => {
			let digits = text.strip_prefix("0x").ok_or_else(|| at(path, "expected 0x-hex"))?;
			hex::decode(digits).map_err(|e| at(path, format!("not hex: {e}")))?
		},
		Value::Array(items) => items
			.iter()
			.map(|b| b.as_u64().and_then(|b| u8::try_from(b).ok()))
			.collect::<Option<Vec<u8>>>()
			.ok_or_else(|| at(path, "expected 0x-hex or an array of bytes"))?,
		_ => return Err(at(path, "expected 0x-hex")),
	};
	match len {
		Some(len) if bytes.len() != len => {
			Err(at(path, format!("expected {len} bytes, got {}", bytes.len())))
		},
		_ => Ok(bytes),
	}
}

/// A non-negative integer at most `max`, from a JSON number or a decimal string.
fn integer(value: &Value, path: &str, max: u128) -> Result<u128, String> {
	let n = match value {
		Value::Number(n) => n.as_u64().map(u128::from),
		Value::String(s) => s.parse::<u128>().ok(),
		_ => None,
	}
	.ok_or_else(|| at(path, "expected a non-negative integer"))?;
	if n > max {
		return Err(at(path, format!("{n} is above the largest value, {max}")));
	}
	Ok(n)
}

fn signed_integer(value: &Value, path: &str, min: i128, max: i128) -> Result<i128, String> {
	let n = match value {
		Value::Number(n) => n.as_i64().map(i128::from),
		Value::String(s) => s.parse::<i128>().ok(),
		_ => None,
	}
	.ok_or_else(|| at(path, "expected an integer"))?;
	if n < min || n > max {
		return Err(at(path, format!("{n} is outside {min}..={max}")));
	}
	Ok(n)
}

fn encode_primitive(
	p: &TypeDefPrimitive,
	value: &Value,
	path: &str,
	out: &mut Vec<u8>,
) -> Result<(), String> {
	match p {
		TypeDefPrimitive::Bool => {
			value.as_bool().ok_or_else(|| at(path, "expected true or false"))?.encode_to(out)
		},
		TypeDefPrimitive::Char => {
			let text = value.as_str().ok_or_else(|| at(path, "expected a character"))?;
			let mut chars = text.chars();
			match (chars.next(), chars.next()) {
				(Some(c), None) => (c as u32).encode_to(out),
				_ => return Err(at(path, "expected one character")),
			}
		},
		TypeDefPrimitive::Str => {
			value.as_str().ok_or_else(|| at(path, "expected a string"))?.encode_to(out)
		},
		TypeDefPrimitive::U8 => (integer(value, path, u8::MAX.into())? as u8).encode_to(out),
		TypeDefPrimitive::U16 => (integer(value, path, u16::MAX.into())? as u16).encode_to(out),
		TypeDefPrimitive::U32 => (integer(value, path, u32::MAX.into())? as u32).encode_to(out),
		TypeDefPrimitive::U64 => (integer(value, path, u64::MAX.into())? as u64).encode_to(out),
		TypeDefPrimitive::U128 => integer(value, path, u128::MAX)?.encode_to(out),
		TypeDefPrimitive::I8 => {
			(signed_integer(value, path, i8::MIN.into(), i8::MAX.into())? as i8).encode_to(out)
		},
		TypeDefPrimitive::I16 => {
			(signed_integer(value, path, i16::MIN.into(), i16::MAX.into())? as i16).encode_to(out)
		},
		TypeDefPrimitive::I32 => {
			(signed_integer(value, path, i32::MIN.into(), i32::MAX.into())? as i32).encode_to(out)
		},
		TypeDefPrimitive::I64 => {
			(signed_integer(value, path, i64::MIN.into(), i64::MAX.into())? as i64).encode_to(out)
		},
		TypeDefPrimitive::I128 => signed_integer(value, path, i128::MIN, i128::MAX)?.encode_to(out),
		TypeDefPrimitive::U256 | TypeDefPrimitive::I256 => {
			out.extend_from_slice(&bytes(value, Some(32), path)?)
		},
	}
	Ok(())
}

#[cfg(test)]
mod tests {
	use super::*;
	use scale_info::{meta_type, Registry, TypeInfo};
	use serde_json::json;
	use sp_core::H256;

	#[derive(Encode, Decode, TypeInfo, PartialEq, Debug)]
	enum Kind {
		Plain,
		Exclusive { until: u64 },
		Pair(u8, u8),
	}

	#[derive(Encode, Decode, TypeInfo, PartialEq, Debug)]
	struct Record {
		owner_org: u32,
		digest: H256,
		who: AccountId32,
		note: Option<Vec<u8>>,
		kind: Kind,
		big: u128,
		list: Vec<(u16, bool)>,
		#[codec(compact)]
		count: u64,
	}

	fn registry_of<T: TypeInfo + 'static>() -> (PortableRegistry, u32) {
		let mut registry = Registry::new();
		let id = registry.register_type(&meta_type::<T>()).id;
		(registry.into(), id)
	}

	fn sample() -> Record {
		Record {
			owner_org: 7,
			digest: H256::repeat_byte(0xab),
			who: AccountId32::from([1u8; 32]),
			note: None,
			kind: Kind::Exclusive { until: 9 },
			big: u128::MAX,
			list: vec![(1, true), (2, false)],
			count: 300,
		}
	}

	#[test]
	fn a_record_round_trips_through_its_json() {
		let (registry, id) = registry_of::<Record>();
		let value = decode(&registry, id, &mut &sample().encode()[..]).unwrap();
		assert_eq!(
			value,
			json!({
				"ownerOrg": 7,
				"digest": format!("0x{}", "ab".repeat(32)),
				"who": AccountId32::from([1u8; 32]).to_ss58check(),
				"note": null,
				"kind": { "Exclusive": { "until": 9 } },
				"big": u128::MAX.to_string(),
				"list": [[1, true], [2, false]],
				"count": 300,
			})
		);
		let mut out = Vec::new();
		encode(&registry, id, &value, "", &mut out).unwrap();
		assert_eq!(Record::decode(&mut &out[..]).unwrap(), sample());
	}

	#[test]
	fn input_may_use_snake_case_hex_accounts_and_decimal_strings() {
		let (registry, id) = registry_of::<Record>();
		let value = json!({
			"owner_org": "7",
			"digest": format!("0x{}", "ab".repeat(32)),
			"who": format!("0x{}", "01".repeat(32)),
			"note": "0x0102",
			"kind": "Plain",
			"big": 5,
			"list": [],
			"count": 1,
		});
		let mut out = Vec::new();
		encode(&registry, id, &value, "record", &mut out).unwrap();
		let record = Record::decode(&mut &out[..]).unwrap();
		assert_eq!(
			(record.owner_org, record.note, record.kind),
			(7, Some(vec![1, 2]), Kind::Plain)
		);
		// Text for a byte sequence is its UTF-8 bytes (a credit code).
		let mut text = value.clone();
		text["note"] = json!("91350100M000100Y43");
		out.clear();
		encode(&registry, id, &text, "record", &mut out).unwrap();
		let record = Record::decode(&mut &out[..]).unwrap();
		assert_eq!(record.note, Some(b"91350100M000100Y43".to_vec()));
	}

	#[test]
	fn bad_input_is_refused_with_where_and_why() {
		let (registry, id) = registry_of::<Record>();
		let mut good =
			serde_json::to_value(decode(&registry, id, &mut &sample().encode()[..]).unwrap())
				.unwrap();
		let refuse = |value: &Value| {
			let mut out = Vec::new();
			encode(&registry, id, value, "record", &mut out).unwrap_err()
		};
		let mut v = good.clone();
		v["digest"] = json!("0xabcd");
		assert_eq!(refuse(&v), "record.digest: expected 32 bytes, got 2");
		v = good.clone();
		v["ownerOrg"] = json!(-1);
		assert_eq!(refuse(&v), "record.ownerOrg: expected a non-negative integer");
		v = good.clone();
		v["ownerOrg"] = json!(5_000_000_000u64);
		assert_eq!(
			refuse(&v),
			"record.ownerOrg: 5000000000 is above the largest value, 4294967295"
		);
		v = good.clone();
		v["kind"] = json!("Sometimes");
		assert_eq!(refuse(&v), "record.kind: `Sometimes` is not one of Plain, Exclusive, Pair");
		v = good.clone();
		v["kind"] = json!({ "Exclusive": 3 });
		assert!(refuse(&v).starts_with("record.kind.Exclusive: expected an object with until"));
		v = good.clone();
		v["who"] = json!("not an address");
		assert!(refuse(&v).starts_with("record.who: not an SS58 address"));
		v = good.clone();
		v.as_object_mut().unwrap().remove("count");
		assert_eq!(refuse(&v), "record: missing field `count`");
		good["extra"] = json!(1);
		assert_eq!(refuse(&good), "record: unknown field `extra`");
	}

	#[test]
	fn answers_that_do_not_decode_are_errors_not_panics() {
		let (registry, id) = registry_of::<Record>();
		let bytes = sample().encode();
		for cut in [0, 3, 40, bytes.len() - 1] {
			assert!(decode(&registry, id, &mut &bytes[..cut]).is_err());
		}
		// A sequence claiming a billion items.
		let (registry, id) = registry_of::<Vec<u64>>();
		let lie = Compact(1_000_000_000u32).encode();
		assert!(decode(&registry, id, &mut &lie[..]).is_err());
	}
}
