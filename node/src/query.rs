//! The domain pallets' queries as JSON-RPC methods: `<domain>_<method>` for every method of
//! their runtime APIs (`notarization_verifyDigest`, `ipRights_licenceCheck`, …), in plain JSON
//! ([`crate::scale_json`] states the shapes), listed in `rpc_methods` and documented in
//! `docs/rpc.md`.
//!
//! The methods, their parameters and their answers' types are read from the runtime's own
//! metadata (v15 lists every runtime API method with its types), so a front-end needs no type
//! definitions and a method added to a domain's runtime API is served as it lands (after a
//! node restart; the types of a runtime upgrade are picked up at once). Each call runs the
//! runtime API at the best block, as `state_call` would, and answers its result as JSON.
//!
//! Bad input is a JSON-RPC error (`-32602`, invalid params) naming the parameter and what is
//! wrong — a malformed hash, a number out of range, an unknown enum variant, a missing or
//! unknown parameter, a page (`limit`) above [`regchain_primitives::paging::QUERY_LIMIT`] —
//! never a panic or an empty success. "Not found" is `null` (an `Option` answered `None`).
//!
//! `regchain_dossier(creditCode, limit?, period?)` answers, in one call read at one block,
//! what the domains keep about an organization (see [`Queries::dossier`]).

use crate::scale_json;
use codec::Decode;
use frame_metadata::{v15::RuntimeMetadataV15, RuntimeMetadata, RuntimeMetadataPrefixed};
use jsonrpsee::{
	types::{error::INVALID_PARAMS_CODE, ErrorObjectOwned, Params},
	RpcModule,
};
use regchain_primitives::{paging::QUERY_LIMIT, Domain};
use regchain_runtime::{opaque::Block, Hash};
use sc_client_api::{CallExecutor, ExecutorProvider};
use scale_info::PortableRegistry;
use serde_json::{json, Value};
use sp_api::{Core, Metadata, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_core::traits::CallContext;
use std::{
	collections::BTreeMap,
	sync::{Arc, Mutex},
};

/// The namespace of the supervision pallet's methods (`supervision_case` …): supervision is no
/// domain of its own but acts across them.
pub const SUPERVISION: &str = "supervision";

/// Every namespace served: each domain's (`regchain_primitives::Domain::namespace`), and
/// supervision's.
pub fn namespaces() -> impl Iterator<Item = &'static str> {
	Domain::ALL.into_iter().map(Domain::namespace).chain([SUPERVISION])
}

/// The runtime API served under a namespace: the namespace capitalized, then `Api`
/// (`ipRights` → `IpRightsApi`).
pub fn runtime_api(namespace: &str) -> String {
	let mut name = namespace[..1].to_ascii_uppercase();
	name.push_str(&namespace[1..]);
	name.push_str("Api");
	name
}

/// A runtime API method as served.
#[derive(Clone, Debug)]
pub struct Method {
	/// What the runtime calls it: `NotarizationApi_verify_digest`.
	pub runtime_name: String,
	/// Its parameters: their names (camelCase) and types.
	pub inputs: Vec<(String, u32)>,
	/// Its answer's type.
	pub output: u32,
}

/// The domain methods of one runtime version, with its types.
pub struct Catalogue {
	spec_version: u32,
	registry: PortableRegistry,
	/// By JSON-RPC name.
	methods: BTreeMap<String, Method>,
}

impl Catalogue {
	/// The domain methods that `metadata` (v15) declares.
	pub fn of(spec_version: u32, metadata: RuntimeMetadataV15) -> Self {
		let mut methods = BTreeMap::new();
		for api in &metadata.apis {
			let Some(namespace) = namespaces().find(|n| runtime_api(n) == api.name) else {
				continue;
			};
			for m in &api.methods {
				let name = format!("{namespace}_{}", scale_json::camel(&m.name));
				let inputs =
					m.inputs.iter().map(|i| (scale_json::camel(&i.name), i.ty.id)).collect();
				let runtime_name = format!("{}_{}", api.name, m.name);
				methods.insert(name, Method { runtime_name, inputs, output: m.output.id });
			}
		}
		Catalogue { spec_version, registry: metadata.types, methods }
	}

	/// The method served as `name`.
	pub fn method(&self, name: &str) -> Option<&Method> {
		self.methods.get(name)
	}

	/// The JSON-RPC names served.
	pub fn names(&self) -> impl Iterator<Item = &String> {
		self.methods.keys()
	}

	/// The SCALE-encoded arguments of `name` from JSON `params`: an array in order, or an
	/// object by parameter name.
	pub fn arguments(&self, name: &str, params: &Value) -> Result<(&Method, Vec<u8>), String> {
		let method = self
			.methods
			.get(name)
			.ok_or_else(|| format!("{name} is not served by this runtime"))?;
		let given: Vec<Option<&Value>> = match params {
			Value::Null => vec![],
			Value::Array(items) => {
				if items.len() > method.inputs.len() {
					return Err(format!(
						"{name} takes {} parameters ({}), got {}",
						method.inputs.len(),
						self.param_names(method),
						items.len()
					));
				}
				items.iter().map(Some).collect()
			},
			Value::Object(map) => {
				if let Some(unknown) =
					map.keys().find(|k| !method.inputs.iter().any(|(n, _)| n == *k))
				{
					return Err(format!(
						"{name} has no parameter `{unknown}` (it takes {})",
						self.param_names(method)
					));
				}
				method.inputs.iter().map(|(n, _)| map.get(n)).collect()
			},
			_ => return Err("params must be an array or an object".into()),
		};
		let mut data = Vec::new();
		for (i, (param, ty)) in method.inputs.iter().enumerate() {
			// A missing `Option` parameter (e.g. `startAfter`) is `null`.
			let value = given.get(i).copied().flatten().unwrap_or(&Value::Null);
			if param == "limit" {
				let limit = value.as_u64();
				if limit.is_none_or(|l| l == 0 || l > u64::from(QUERY_LIMIT)) {
					return Err(format!("limit: a page holds 1 to {QUERY_LIMIT} records"));
				}
			}
			scale_json::encode(&self.registry, *ty, value, param, &mut data)?;
		}
		Ok((method, data))
	}

	fn param_names(&self, method: &Method) -> String {
		let names: Vec<_> = method.inputs.iter().map(|(n, _)| n.as_str()).collect();
		if names.is_empty() {
			"none".into()
		} else {
			names.join(", ")
		}
	}

	/// Whether the JSON pointer `pointer` reaches an unsigned integer (an organization id) in
	/// the answers of the method served as `name` (the gateway's tests check its rules by it).
	#[cfg(test)]
	pub fn points_to_an_id(&self, name: &str, pointer: &str) -> Result<(), String> {
		let method = self.method(name).ok_or_else(|| format!("{name} is not served"))?;
		let id = scale_json::pointer_type(&self.registry, method.output, pointer)?;
		match self.registry.resolve(id).map(|t| &t.type_def) {
			Some(scale_info::TypeDef::Primitive(
				scale_info::TypeDefPrimitive::U32 | scale_info::TypeDefPrimitive::U64,
			)) => Ok(()),
			other => Err(format!("{name}{pointer} reaches {other:?}, not an organization id")),
		}
	}

	/// The JSON of `method`'s SCALE-encoded answer.
	pub fn answer(&self, method: &Method, mut bytes: &[u8]) -> Result<Value, String> {
		let value = scale_json::decode(&self.registry, method.output, &mut bytes)?;
		if !bytes.is_empty() {
			return Err(format!(
				"{} answered {} bytes more than its type",
				method.runtime_name,
				bytes.len()
			));
		}
		Ok(value)
	}
}

/// Reads the v15 metadata of the runtime at `at`.
fn load<C>(client: &C, at: <Block as sp_runtime::traits::Block>::Hash) -> Result<Catalogue, String>
where
	C: ProvideRuntimeApi<Block>,
	C::Api: Metadata<Block> + Core<Block>,
{
	let api = client.runtime_api();
	let spec_version = api.version(at).map_err(|e| e.to_string())?.spec_version;
	let opaque = api
		.metadata_at_version(at, 15)
		.map_err(|e| e.to_string())?
		.ok_or("the runtime has no v15 metadata")?;
	match RuntimeMetadataPrefixed::decode(&mut &opaque[..]).map_err(|e| e.to_string())?.1 {
		RuntimeMetadata::V15(metadata) => Ok(Catalogue::of(spec_version, metadata)),
		_ => Err("the runtime's metadata is not v15".into()),
	}
}

/// What each query method needs: the client and the catalogue of the runtime last seen.
pub(crate) struct Queries<C> {
	pub(crate) client: Arc<C>,
	catalogue: Mutex<Arc<Catalogue>>,
}

pub(crate) fn invalid(message: String) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(INVALID_PARAMS_CODE, message, None::<()>)
}

pub(crate) fn failed(message: String) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(-32000, message, None::<()>)
}

/// The sections of a dossier a caller gets (the node's own RPC: all of them; the gateway: those
/// within the caller's remit).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Sections {
	pub invoices: bool,
	pub funds: bool,
	pub credit: bool,
	pub products: bool,
	pub evidence: bool,
	pub works: bool,
}

impl Sections {
	pub const ALL: Sections = Sections {
		invoices: true,
		funds: true,
		credit: true,
		products: true,
		evidence: true,
		works: true,
	};
}

impl<C> Queries<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + ExecutorProvider<Block>,
	C::Api: Metadata<Block> + Core<Block>,
{
	/// The queries of the runtime at the best block.
	pub(crate) fn new(client: Arc<C>) -> Result<Self, String> {
		let catalogue = Arc::new(load(&*client, client.info().best_hash)?);
		Ok(Queries { client, catalogue: Mutex::new(catalogue) })
	}

	fn call(&self, name: &str, params: Params) -> Result<Value, ErrorObjectOwned> {
		let best = self.client.info().best_hash;
		self.call_at(name, &parse(params)?, best)
	}

	/// The JSON-RPC names of the methods served now.
	pub(crate) fn names(&self) -> Vec<String> {
		self.catalogue.lock().expect("no query panics holding it").names().cloned().collect()
	}

	/// The catalogue of the runtime at `at`, loaded again when its version changed.
	pub(crate) fn catalogue_at(&self, at: Hash) -> Result<Arc<Catalogue>, ErrorObjectOwned> {
		let spec_version =
			self.client.runtime_api().version(at).map_err(|e| failed(e.to_string()))?.spec_version;
		let mut current = self.catalogue.lock().expect("no query panics holding it");
		if current.spec_version != spec_version {
			*current = Arc::new(load(&*self.client, at).map_err(failed)?);
		}
		Ok(current.clone())
	}

	pub(crate) fn call_at(
		&self,
		name: &str,
		params: &Value,
		at: Hash,
	) -> Result<Value, ErrorObjectOwned> {
		let catalogue = self.catalogue_at(at)?;
		let (method, data) = catalogue.arguments(name, params).map_err(invalid)?;
		let answer = self
			.client
			.executor()
			.call(at, &method.runtime_name, &data, CallContext::Offchain)
			.map_err(|e| failed(format!("{}: {e}", method.runtime_name)))?;
		catalogue.answer(method, &answer).map_err(failed)
	}

	/// `regchain_dossier(creditCode, limit?, period?)`: everything the domains keep about an
	/// organization, read at one block — its registration and roles; its invoices (the chain's
	/// head, the latest `limit` issued, the first `limit` received, the totals of `period`,
	/// this month by default); its fund allocations; its credit profile; its works. Each list is
	/// the first page; the domain methods page further.
	fn dossier(&self, params: Params) -> Result<Value, ErrorObjectOwned> {
		let at = self.client.info().best_hash;
		self.dossier_at(&parse(params)?, at, |_| Ok(Sections::ALL))
	}

	/// The dossier that `params` asks for, read at `at`, with the sections `sections` allows
	/// for the organization found (its id) — or its refusal.
	pub(crate) fn dossier_at(
		&self,
		params: &Value,
		at: Hash,
		sections: impl FnOnce(u64) -> Result<Sections, ErrorObjectOwned>,
	) -> Result<Value, ErrorObjectOwned> {
		let arg = |i: usize, name: &str| match &params {
			Value::Array(items) => items.get(i).cloned(),
			Value::Object(map) => map.get(name).cloned(),
			_ => None,
		};
		if let Value::Object(map) = &params {
			if let Some(unknown) =
				map.keys().find(|k| !["creditCode", "limit", "period"].contains(&k.as_str()))
			{
				return Err(invalid(format!(
					"regchain_dossier has no parameter `{unknown}` (it takes creditCode, limit, period)"
				)));
			}
		}
		if params.as_array().is_some_and(|a| a.len() > 3) {
			return Err(invalid("regchain_dossier takes creditCode, limit, period".into()));
		}
		let code =
			arg(0, "creditCode").and_then(|c| c.as_str().map(str::to_owned)).ok_or_else(|| {
				invalid("creditCode: expected the 18 characters of a credit code".into())
			})?;
		regchain_primitives::CreditCode::parse(code.as_bytes())
			.map_err(|e| invalid(format!("creditCode: not a valid credit code ({e:?})")))?;
		let limit = match arg(1, "limit") {
			None | Some(Value::Null) => 20,
			Some(v) => v.as_u64().filter(|l| (1..=u64::from(QUERY_LIMIT)).contains(l)).ok_or_else(
				|| invalid(format!("limit: a page holds 1 to {QUERY_LIMIT} records")),
			)?,
		};
		let call = |name: &str, params: Value| self.call_at(name, &params, at);
		let organization = call("consortium_organizationByCreditCode", json!([code]))?;
		let Some(org) = organization.get("id").and_then(Value::as_u64) else {
			return Err(invalid(format!("creditCode: no organization is registered under {code}")));
		};
		let sections = sections(org)?;
		let period = match arg(2, "period") {
			None | Some(Value::Null) => {
				let now = call("consortium_now", json!([]))?.as_u64().unwrap_or_default();
				u64::from(regchain_primitives::time::cst_month(now))
			},
			Some(v) => v
				.as_u64()
				.filter(|p| (100..=999_912).contains(p) && (1..=12).contains(&(p % 100)))
				.ok_or_else(|| invalid("period: expected a month as YYYYMM".into()))?,
		};
		let mut dossier = json!({ "at": format!("{at:?}"), "organization": organization });
		let mut withheld = Vec::new();
		if sections.invoices {
			let head = call("invoices_chainHead", json!([org]))?;
			let issued = head.get("nextSeq").and_then(Value::as_u64).unwrap_or_default();
			dossier["invoices"] = json!({
				"chainHead": head,
				"issued": call("invoices_invoicesOf", json!([org, issued.saturating_sub(limit), limit]))?,
				"received": call("invoices_receivedBy", json!([org, null, limit]))?,
				"period": period,
				"periodTotals": call("invoices_periodTotals", json!([org, period]))?,
			});
		} else {
			withheld.push("invoices");
		}
		if sections.funds {
			dossier["funds"] = json!({
				"allocations": call("funds_enterpriseStatement", json!([org, null, limit]))?,
			});
		} else {
			withheld.push("funds");
		}
		if sections.credit {
			dossier["credit"] =
				json!({ "profile": call("credit_creditProfile", json!([org, null, limit]))? });
		} else {
			withheld.push("credit");
		}
		if sections.products {
			let classes = call("provenance_classesOf", json!([org, null, limit]))?;
			// The recalls under way of its products, in full (a class carries the recall's id).
			let mut recalls = Vec::new();
			for (_, class) in classes.as_array().into_iter().flatten().filter_map(|c| {
				let pair = c.as_array()?;
				Some((pair.first()?, pair.get(1)?))
			}) {
				if let Some(id) = class.get("recall").filter(|r| !r.is_null()) {
					recalls.push(
						json!({ "id": id, "recall": call("provenance_recall", json!([id]))? }),
					);
				}
			}
			dossier["products"] = json!({ "classes": classes, "recalls": recalls });
		} else {
			withheld.push("products");
		}
		if sections.evidence {
			dossier["evidence"] = call("notarization_recordsOf", json!([org, null, limit]))?;
		} else {
			withheld.push("evidence");
		}
		if sections.works {
			dossier["works"] = call("ipRights_worksOfOwner", json!([org, null, limit]))?;
		} else {
			withheld.push("works");
		}
		// What is under way against it, whatever the domain: its open supervision cases (of the
		// first page of its cases) and its discipline listings in force. Every caller that gets
		// a dossier reads them: the organization itself, and agencies with jurisdiction over it.
		let cases = call("supervision_casesOf", json!([org, null, limit]))?;
		let open: Vec<Value> = cases
			.as_array()
			.into_iter()
			.flatten()
			.filter(|c| c.pointer("/case/status").and_then(Value::as_str) == Some("Open"))
			.cloned()
			.collect();
		dossier["openActions"] =
			json!({ "cases": open, "listings": call("credit_listings", json!([org]))? });
		if !withheld.is_empty() {
			dossier["withheld"] = json!(withheld);
		}
		Ok(dossier)
	}
}

/// The JSON parameters of a request: `null` when there are none.
pub(crate) fn parse(params: Params) -> Result<Value, ErrorObjectOwned> {
	match params.as_str() {
		None => Ok(Value::Null),
		Some(_) => params.parse().map_err(|e| invalid(e.to_string())),
	}
}

/// The query methods of the runtime at the best block, as an RPC module.
pub fn module<C>(client: Arc<C>) -> Result<RpcModule<()>, String>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ ExecutorProvider<Block>
		+ Send
		+ Sync
		+ 'static,
	C::Api: Metadata<Block> + Core<Block>,
{
	let queries = Arc::new(Queries::new(client)?);
	let names: Vec<String> = queries.names();
	let mut module = RpcModule::new(());
	for name in names {
		// Registered once at start: the names live as long as the node.
		let name: &'static str = Box::leak(name.into_boxed_str());
		let queries = queries.clone();
		module
			.register_blocking_method(name, move |params, _, _| queries.call(name, params))
			.map_err(|e| e.to_string())?;
	}
	module
		.register_blocking_method("regchain_dossier", move |params, _, _| queries.dossier(params))
		.map_err(|e| e.to_string())?;
	Ok(module)
}

#[cfg(test)]
pub(crate) mod tests {
	use super::*;
	use codec::Encode;
	use serde_json::json;

	/// The catalogue of the runtime this node is built with.
	pub(crate) fn catalogue() -> Catalogue {
		let opaque = regchain_runtime::Runtime::metadata_at_version(15).expect("v15 metadata");
		let RuntimeMetadata::V15(metadata) =
			RuntimeMetadataPrefixed::decode(&mut &opaque[..]).unwrap().1
		else {
			panic!("v15");
		};
		Catalogue::of(regchain_runtime::VERSION.spec_version, metadata)
	}

	#[test]
	fn every_domain_api_is_served_under_its_namespace() {
		let catalogue = catalogue();
		assert_eq!(runtime_api(Domain::Members.namespace()), "ConsortiumApi");
		assert_eq!(runtime_api(Domain::IpRights.namespace()), "IpRightsApi");
		assert_eq!(runtime_api(SUPERVISION), "SupervisionApi");
		for namespace in namespaces() {
			assert!(
				catalogue.names().any(|n| n.starts_with(&format!("{namespace}_"))),
				"{namespace} serves methods"
			);
		}
		let method = &catalogue.methods["ipRights_licenceCheck"];
		assert_eq!(method.runtime_name, "IpRightsApi_licence_check");
		let names: Vec<_> = method.inputs.iter().map(|(n, _)| n.as_str()).collect();
		assert_eq!(names, ["work", "account", "kind"]);
	}

	#[test]
	fn arguments_in_order_or_by_name_encode_as_the_runtime_expects() {
		let catalogue = catalogue();
		let account = sp_keyring::Sr25519Keyring::Alice.to_account_id();
		let expected = (7u64, account.clone(), pallet_ip_rights::LicenceKind::Commercial).encode();
		let by_order = json!([7, account.to_string(), "Commercial"]);
		let by_name = json!({ "kind": "Commercial", "account": account.to_string(), "work": "7" });
		for params in [by_order, by_name] {
			let (_, data) = catalogue.arguments("ipRights_licenceCheck", &params).unwrap();
			assert_eq!(data, expected);
		}
		// A left-out trailing `Option` is `None`.
		let (_, data) = catalogue
			.arguments("ipRights_worksOfOwner", &json!({ "owner": 3, "limit": 5 }))
			.unwrap();
		assert_eq!(data, (3u32, None::<u64>, 5u32).encode());
		let answer = catalogue
			.answer(
				&catalogue.methods["ipRights_licenceCheck"],
				&pallet_ip_rights::LicenceCheck::Owner.encode(),
			)
			.unwrap();
		assert_eq!(answer, json!("Owner"));
	}

	#[test]
	fn bad_arguments_are_refused_by_name() {
		let catalogue = catalogue();
		let refuse = |name: &str, params: Value| catalogue.arguments(name, &params).unwrap_err();
		assert_eq!(
			refuse("ipRights_worksOfOwner", json!({ "owner": 3, "limit": 101 })),
			"limit: a page holds 1 to 100 records"
		);
		assert_eq!(
			refuse("ipRights_worksOfOwner", json!({ "owner": 3 })),
			"limit: a page holds 1 to 100 records"
		);
		assert_eq!(
			refuse("ipRights_worksOfOwner", json!({ "owner": 3, "limit": 0 })),
			"limit: a page holds 1 to 100 records"
		);
		assert_eq!(
			refuse("ipRights_work", json!({ "work": 1 })),
			"ipRights_work has no parameter `work` (it takes id)"
		);
		assert_eq!(
			refuse("ipRights_work", json!([1, 2])),
			"ipRights_work takes 1 parameters (id), got 2"
		);
		assert_eq!(
			refuse("ipRights_nothing", json!([])),
			"ipRights_nothing is not served by this runtime"
		);
		assert_eq!(refuse("ipRights_work", json!("1")), "params must be an array or an object");
		assert_eq!(
			refuse("notarization_verifyDigest", json!(["Md5", format!("0x{}", "00".repeat(32))])),
			"algorithm: `Md5` is not one of Sha256, Blake2b256, Sm3"
		);
	}
}
