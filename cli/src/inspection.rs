//! `inspection`: a random inspection's draw, recomputed offline from what the node publishes
//! (`supervision_plan`, `_planPopulation`, `_planInspectors`, `_planTargets`) with the
//! algorithm of `regchain_primitives::inspection` — the check anyone makes that no agency
//! steered the draw (docs/inspections.md).

use crate::{client::Failure, rpc::Rpc};
use clap::Subcommand;
use regchain_primitives::inspection::{self, SampleSize};
use serde_json::{json, Value};
use sp_core::H256;

/// The most targets of a plan (the pallet's `MAX_TARGETS`).
const MAX_TARGETS: u32 = 64;
/// Inspectors per target (the pallet's `INSPECTORS_PER_TARGET`).
const INSPECTORS_PER_TARGET: usize = 2;

#[derive(Subcommand)]
pub enum Inspection {
	/// Recompute plan `plan`'s draw — targets and inspectors — from its anchor, the secrets
	/// revealed, its population and its pool, and compare it with the chain's. Exit status 4
	/// if they differ.
	Recompute {
		plan: u64,
		/// The node's RPC address (http:// or ws://).
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
	},
	/// Print the commitment to a secret that `supervision.commit` takes.
	Commitment {
		plan: u64,
		/// The committing agency's organization id.
		agency: u32,
		/// The secret, 32 bytes in hex.
		secret: String,
	},
}

pub fn run(command: Inspection) -> Result<Value, Failure> {
	match command {
		Inspection::Recompute { plan, url } => recompute(&Rpc::new(&url)?, plan),
		Inspection::Commitment { plan, agency, secret } => {
			let secret = hash(&json!(secret), "secret")?;
			let commitment = inspection::commitment(plan, agency, &secret);
			Ok(json!({ "plan": plan, "agency": agency, "commitment": format!("{commitment:?}") }))
		},
	}
}

fn hash(value: &Value, what: &str) -> Result<H256, Failure> {
	let text = value.as_str().ok_or_else(|| Failure::Input(format!("{what}: not a hex string")))?;
	let bytes = crate::rpc::from_hex(text).map_err(Failure::Input)?;
	(bytes.len() == 32)
		.then(|| H256::from_slice(&bytes))
		.ok_or_else(|| Failure::Input(format!("{what}: not 32 bytes")))
}

fn number(value: &Value, what: &str) -> Result<u64, Failure> {
	value
		.as_u64()
		.or_else(|| value.as_str().and_then(|s| s.parse().ok()))
		.ok_or_else(|| Failure::Node(format!("{what}: not a number in the node's answer")))
}

/// Every page of a paged plan query (`from`, `limit` after the plan id).
fn pages(rpc: &Rpc, method: &str, plan: u64) -> Result<Vec<Value>, Failure> {
	let mut all = Vec::new();
	loop {
		let page = rpc.call(method, json!([plan, all.len(), 100])).map_err(Failure::Node)?;
		let page = page.as_array().cloned().unwrap_or_default();
		if page.is_empty() {
			return Ok(all);
		}
		all.extend(page);
	}
}

/// One target as recomputed: the organization, its weight and key, its inspectors.
struct Drawn {
	org: u32,
	weight: u8,
	key: u64,
	inspectors: Vec<u32>,
}

fn recompute(rpc: &Rpc, id: u64) -> Result<Value, Failure> {
	let view = rpc.call("supervision_plan", json!([id])).map_err(Failure::Node)?;
	let plan = view.get("plan").ok_or_else(|| Failure::Input(format!("no plan {id}")))?;
	let anchor = plan["anchor"].as_array().and_then(|a| a.get(1)).ok_or_else(|| {
		Failure::Input(format!("plan {id} has no anchor yet: its commit period is not over"))
	})?;
	let anchor = hash(anchor, "anchor")?;
	let participants = plan["participants"].as_array().cloned().unwrap_or_default();
	let mut secrets = Vec::new();
	let mut excluded = Vec::new();
	for p in &participants {
		if !p["secret"].is_null() {
			secrets.push(hash(&p["secret"], "secret")?);
		}
		if p["excluded"].as_bool() == Some(true) {
			excluded.push(number(&p["agency"], "agency")?);
		}
	}
	let seed = inspection::seed(id, &anchor, &secrets);
	let population: Vec<(u32, u8)> = pages(rpc, "supervision_planPopulation", id)?
		.iter()
		.map(|entry| {
			let org = number(&entry[0], "organization")? as u32;
			Ok((org, number(&entry[1], "weight")? as u8))
		})
		.collect::<Result<_, Failure>>()?;
	let pool: Vec<u64> = pages(rpc, "supervision_planInspectors", id)?
		.iter()
		.map(|i| number(&i["agency"], "agency"))
		.collect::<Result<_, Failure>>()?;
	let sample = if let Some(n) = plan["sample"].get("Count") {
		SampleSize::Count(number(n, "count")? as u32)
	} else {
		SampleSize::PerMille(number(&plan["sample"]["PerMille"], "share")? as u16)
	};
	let chain = rpc.call("supervision_planTargets", json!([id])).map_err(Failure::Node)?;
	let chain = chain.as_array().cloned().unwrap_or_default();

	// The targets: the largest keys, ties to the smaller id.
	let mut keyed: Vec<(u64, u32, u8)> = population
		.iter()
		.map(|(org, weight)| (inspection::key(&seed, *org, *weight), *org, *weight))
		.collect();
	keyed.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
	let k = inspection::sample_size(sample, population.len() as u32, MAX_TARGETS) as usize;
	let mut drawn = Vec::new();
	for (index, (key, org, weight)) in keyed.into_iter().take(k).enumerate() {
		// Barred (its previous inspectors) and the recusals in order come from the chain's
		// record of the target: the history the plan alone does not hold.
		let on_chain = chain.get(index);
		let list = |field: &str| -> Vec<u32> {
			on_chain
				.and_then(|t| t[field].as_array())
				.map(|a| a.iter().filter_map(Value::as_u64).map(|n| n as u32).collect())
				.unwrap_or_default()
		};
		let barred = list("barred");
		let recusals = list("recused");
		let base = |i: u32| {
			pool.get(i as usize).is_some_and(|agency| {
				!excluded.contains(agency) && *agency != u64::from(org) && !barred.contains(&i)
			})
		};
		let mut assigned: Vec<u32> = Vec::new();
		let mut recused: Vec<u32> = Vec::new();
		let mut attempt = 0;
		let pick = |assigned: &mut Vec<u32>, recused: &[u32], attempt: &mut u32| {
			let eligible = |i: u32| base(i) && !recused.contains(&i) && !assigned.contains(&i);
			if let Some((i, next)) = inspection::next_inspector(
				&seed,
				index as u32,
				*attempt,
				pool.len() as u32,
				eligible,
			) {
				assigned.push(i);
				*attempt = next;
			}
		};
		for _ in 0..INSPECTORS_PER_TARGET {
			pick(&mut assigned, &recused, &mut attempt);
		}
		for r in recusals {
			assigned.retain(|i| *i != r);
			recused.push(r);
			pick(&mut assigned, &recused, &mut attempt);
		}
		drawn.push(Drawn { org, weight, key, inspectors: assigned });
	}

	let mut differences = Vec::new();
	if chain.len() != drawn.len() {
		differences.push(format!("{} targets on chain, {} recomputed", chain.len(), drawn.len()));
	}
	for (index, (ours, theirs)) in drawn.iter().zip(chain.iter()).enumerate() {
		let inspectors: Vec<u32> = theirs["inspectors"]
			.as_array()
			.map(|a| a.iter().filter_map(Value::as_u64).map(|n| n as u32).collect())
			.unwrap_or_default();
		if number(&theirs["org"], "org")? != u64::from(ours.org) || inspectors != ours.inspectors {
			differences.push(format!(
				"target {index}: chain {} with {inspectors:?}, recomputed {} with {:?}",
				theirs["org"], ours.org, ours.inspectors
			));
		}
	}
	let targets: Vec<Value> = drawn
		.iter()
		.map(
			|d| json!({ "org": d.org, "weight": d.weight, "key": d.key, "inspectors": d.inspectors }),
		)
		.collect();
	let answer = json!({
		"plan": id,
		"seed": format!("{seed:?}"),
		"population": population.len(),
		"targets": targets,
		"matches": differences.is_empty(),
	});
	if differences.is_empty() {
		Ok(answer)
	} else {
		Err(Failure::Refused(format!("the chain's draw differs: {}", differences.join("; "))))
	}
}
