//! `regchain-cli`: the RegChain command-line tool for regulators, enterprises and operators.
//! `org`, `funds`, `invoice`, `credit`, `product` and `ip` submit the main extrinsics of each
//! domain, built with types generated from the runtime's metadata (subxt); `tx` submits any
//! call by name; `query` and `dossier` read the node's domain methods. `notary` puts evidence
//! on chain and proves it: hash a file (one record) or a folder (a batch: one Merkle root,
//! every file's proof in a manifest), submit, verify against a node, and write a court-ready
//! proof file that `notary check` verifies offline against the consortium's validator keys.
//! Output is readable text, or JSON with `--json`; errors go to stderr with the exit statuses
//! listed under `--help`.

mod batch;
mod bench;
mod chain;
mod client;
mod commands;
mod hash;
mod inspection;
mod proof;
mod rpc;
mod text;

use batch::Manifest;
use clap::{Parser, Subcommand};
use client::{Client, Failure, Wait};
use pallet_notarization::{EvidenceType, HashAlgorithm, Verification};
use serde_json::{json, Value};
use sp_core::H256;
use std::{
	path::{Path, PathBuf},
	time::Duration,
};

const EXIT_STATUSES: &str = "Exit status: 0 done; 1 bad input (nothing sent); 2 bad usage; \
3 node unreachable, RPC error or a runtime the tool does not match; 4 refused by the node \
before any block (not a member, quota spent, bad nonce…); 5 in a block but the call failed \
(the runtime's error by name); 6 not in a block, or not finalized, in time.";

#[derive(Parser)]
#[command(name = "regchain-cli", version, about = "RegChain command-line tool")]
struct Cli {
	/// Print JSON instead of text.
	#[arg(long, global = true)]
	json: bool,
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand)]
enum Command {
	/// Organizations, accounts and roles (consortium).
	#[command(subcommand)]
	Org(commands::Org),
	/// Special funds (专项资金).
	#[command(subcommand)]
	Funds(commands::Funds),
	/// Invoices (区块链发票).
	#[command(subcommand)]
	Invoice(commands::Invoice),
	/// SME credit attestations (征信).
	#[command(subcommand)]
	Credit(commands::Credit),
	/// Provenance (防伪溯源).
	#[command(subcommand)]
	Product(commands::Product),
	/// IP fingerprints (知识产权).
	#[command(subcommand)]
	Ip(commands::Ip),
	/// Any call of any pallet by its metadata names, e.g. `tx Consortium grant_role 7
	/// 'InvoiceIssuer()'`; arguments in scale-value text (`0x…` for bytes and text, SS58 accounts,
	/// `{ issuer: 1, seq: 2 }`, `Some(5)`, `None()`).
	Tx(commands::Tx),
	/// Call one of the node's domain query methods (see docs/rpc.md), each parameter as JSON
	/// (text that is not JSON is taken as a string).
	Query {
		/// e.g. `invoices_invoice`, `consortium_organizationByCode`.
		method: String,
		params: Vec<String>,
		#[command(flatten)]
		node: Node,
	},
	/// An enterprise's dossier: registration, roles, invoices, funds, credit, products, evidence
	/// and works, read at one block.
	Dossier {
		/// The Unified Social Credit Code.
		credit_code: String,
		/// How many records of each list.
		#[arg(long, default_value_t = 20)]
		limit: u32,
		/// The month of the invoice totals, `YYYYMM` (default: this month).
		#[arg(long)]
		period: Option<u32>,
		#[command(flatten)]
		node: Node,
	},
	/// Evidence notarization (司法存证).
	#[command(subcommand)]
	Notary(Notary),
	/// Random inspections (双随机、一公开): recompute a draw, make a commitment.
	#[command(subcommand)]
	Inspection(inspection::Inspection),
}

/// Options naming the node.
#[derive(clap::Args)]
struct Node {
	/// The node's RPC address (http:// or ws://).
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	url: String,
}

#[derive(Subcommand)]
enum Notary {
	/// Print a file's digest; for a folder, write its batch manifest (root and every proof).
	Hash {
		path: PathBuf,
		/// sha256, blake2b-256 or sm3.
		#[arg(long, default_value = "sm3")]
		algorithm: String,
		/// Where a folder's manifest goes (default: `<folder>.batch.json`).
		#[arg(long)]
		manifest: Option<PathBuf>,
	},
	/// Notarize a file, or anchor a folder as one batch; waits until finalized.
	Submit {
		path: PathBuf,
		#[command(flatten)]
		node: Node,
		/// The member account's key, as every command that signs takes it.
		#[command(flatten)]
		signing: commands::Signing,
		#[arg(long, default_value = "sm3")]
		algorithm: String,
		/// document, contract, web-page, chat-record, email, image, audio-video or other.
		#[arg(long, default_value = "document")]
		evidence_type: String,
		/// Hash of the evidence's description, kept off chain.
		#[arg(long)]
		metadata: Option<String>,
		/// Hash of the (salted) case reference, if any.
		#[arg(long)]
		case: Option<String>,
		/// Where a folder's manifest goes (default: `<folder>.batch.json`).
		#[arg(long)]
		manifest: Option<PathBuf>,
	},
	/// Ask a node whether a file (or `--digest`) is notarized; with `--manifest`, as an item of
	/// that batch.
	Verify {
		path: Option<PathBuf>,
		#[arg(long)]
		digest: Option<String>,
		#[command(flatten)]
		node: Node,
		#[arg(long, default_value = "sm3")]
		algorithm: String,
		#[arg(long)]
		manifest: Option<PathBuf>,
	},
	/// Write the court-ready proof file of a notarized file (or `--digest`).
	Prove {
		path: Option<PathBuf>,
		#[arg(long)]
		digest: Option<String>,
		#[command(flatten)]
		node: Node,
		#[arg(long, default_value = "sm3")]
		algorithm: String,
		#[arg(long)]
		manifest: Option<PathBuf>,
		/// The proof file to write.
		#[arg(long)]
		out: PathBuf,
		/// How long to wait for the record's block to be finalized, in seconds.
		#[arg(long, default_value_t = 60)]
		wait: u64,
	},
	/// Check a proof file offline against the trusted validator keys; with `--file`, also that
	/// the file is the notarized one.
	Check {
		proof: PathBuf,
		/// The consortium's validator keys (as `notary authorities` writes them).
		#[arg(long)]
		trusted: PathBuf,
		#[arg(long)]
		file: Option<PathBuf>,
	},
	/// Print the node's current GRANDPA validator keys, as a trusted keys file for `check`.
	Authorities {
		#[command(flatten)]
		node: Node,
	},
	/// Measure a batch of `--leaves` digests: tree, proofs, verification; with a signing key
	/// (`--suri-file`, `--keystore-file`, `--suri` or REGCHAIN_SURI), anchor it on the node and
	/// verify items there.
	Bench {
		#[arg(long, default_value_t = 1_000_000)]
		leaves: u32,
		#[command(flatten)]
		node: Node,
		#[command(flatten)]
		signing: commands::Signing,
	},
}

/// `command` and all its subcommands, the exit statuses under their `--help`.
fn with_exit_statuses(command: clap::Command) -> clap::Command {
	command.after_help(EXIT_STATUSES).mut_subcommands(with_exit_statuses)
}

fn main() {
	use clap::{CommandFactory, FromArgMatches};
	let matches = with_exit_statuses(Cli::command()).get_matches();
	let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
	let print = |value: &Value| {
		if cli.json {
			println!("{}", serde_json::to_string_pretty(value).expect("JSON"))
		} else {
			print!("{}", text::render(value))
		}
	};
	let result = match cli.command {
		Command::Org(c) => commands::org(c),
		Command::Funds(c) => commands::funds(c),
		Command::Invoice(c) => commands::invoice(c),
		Command::Credit(c) => commands::credit(c),
		Command::Product(c) => commands::product(c),
		Command::Ip(c) => commands::ip(c),
		Command::Tx(c) => commands::tx(c),
		Command::Query { method, params, node } => commands::query(&node.url, &method, &params),
		Command::Dossier { credit_code, limit, period, node } => {
			let mut params = vec![json!(credit_code).to_string(), limit.to_string()];
			if let Some(period) = period {
				params.push(period.to_string());
			}
			commands::query(&node.url, "regchain_dossier", &params)
		},
		Command::Notary(notary) => notary_run(notary),
		Command::Inspection(c) => inspection::run(c),
	};
	match result {
		Ok(value) => print(&value),
		Err(failure) => {
			// A failed call still has an outcome (block, events, the error): print it.
			if let client::Failure::Failed(outcome) = &failure {
				print(outcome);
			}
			eprintln!("error: {failure}");
			std::process::exit(failure.code());
		},
	}
}

/// `notary`: on the same client, errors and exit statuses as every other command. Its own
/// errors (a file that cannot be read, a digest the chain does not hold, a proof that does not
/// check) are bad input (1); the node's are 3–6.
fn notary_run(notary: Notary) -> Result<Value, Failure> {
	match notary {
		Notary::Hash { path, algorithm, manifest } => {
			let algorithm = hash::parse_algorithm(&algorithm)?;
			if path.is_dir() {
				let batch = batch::of_folder(algorithm, &path)?;
				let out = manifest.unwrap_or_else(|| default_manifest(&path));
				write_json(&out, &batch)?;
				Ok(json!({"root": batch.root, "leaves": batch.leaves, "manifest": out}))
			} else {
				let digest = hash::digest_file(algorithm, &path)?;
				Ok(json!({"algorithm": hash::name(algorithm), "digest": digest}))
			}
		},
		Notary::Submit {
			path,
			node,
			signing,
			algorithm,
			evidence_type,
			metadata,
			case,
			manifest,
		} => {
			let algorithm = hash::parse_algorithm(&algorithm)?;
			let evidence_type = parse_evidence_type(&evidence_type)?;
			let metadata =
				metadata.as_deref().map(hash::parse_h256).transpose()?.unwrap_or_default();
			let case = case.as_deref().map(hash::parse_h256).transpose()?;
			let signer = signing.key()?;
			// The file or folder is read before anything goes to the node (bad input is exit 1).
			enum Target {
				Digest(H256),
				Batch(Manifest),
			}
			let target = if path.is_dir() {
				Target::Batch(batch::of_folder(algorithm, &path)?)
			} else {
				Target::Digest(hash::digest_file(algorithm, &path)?)
			};
			let client = Client::connect(&node.url)?;
			let tx = client::runtime::tx().notarization();
			let (algorithm, evidence_type) =
				(algorithm_arg(algorithm), evidence_type_arg(evidence_type));
			let outcome = match &target {
				Target::Digest(digest) => {
					let call = tx.notarize(algorithm, *digest, evidence_type, metadata, case);
					client.submit(&call, &signer, Wait::Finalized, SUBMIT_TIMEOUT)?
				},
				Target::Batch(batch) => {
					let call = tx.anchor_batch(
						algorithm,
						batch.root,
						batch.leaves,
						evidence_type,
						metadata,
						case,
					);
					client.submit(&call, &signer, Wait::Finalized, SUBMIT_TIMEOUT)?
				},
			};
			let id =
				chain::event_field(&outcome, "Notarization", &["Notarized", "BatchAnchored"], "id")
					.and_then(Value::as_u64)
					.ok_or(Failure::Node("the extrinsic emitted no notarization event".into()))?;
			let mut answer = json!({
				"record": id,
				"block": outcome["block"],
				"block_hash": outcome["block_hash"],
			});
			if let Target::Batch(mut batch) = target {
				batch.record = Some(id);
				let out = manifest.unwrap_or_else(|| default_manifest(&path));
				write_json(&out, &batch)?;
				answer["root"] = json!(batch.root);
				answer["leaves"] = json!(batch.leaves);
				answer["manifest"] = json!(out);
			}
			Ok(answer)
		},
		Notary::Verify { path, digest, node, algorithm, manifest } => {
			let algorithm = hash::parse_algorithm(&algorithm)?;
			let (algorithm, digest, batch) = target(algorithm, path, digest, manifest)?;
			let client = Client::connect(&node.url)?;
			let verification = proof::verification(&client, algorithm, digest, &batch)?;
			Ok(verification_json(digest, &verification))
		},
		Notary::Prove { path, digest, node, algorithm, manifest, out, wait } => {
			let algorithm = hash::parse_algorithm(&algorithm)?;
			let (algorithm, digest, batch) = target(algorithm, path, digest, manifest)?;
			let client = Client::connect(&node.url)?;
			let file = proof::build(&client, algorithm, digest, batch, Duration::from_secs(wait))?;
			write_json(&out, &file)?;
			Ok(json!({"proof": out, "record": file.record_id, "set_id": file.set_id}))
		},
		Notary::Check { proof, trusted, file } => {
			let text = std::fs::read_to_string(&proof)
				.map_err(|e| format!("cannot read {}: {e}", proof.display()))?;
			let proof_file: proof::ProofFile =
				serde_json::from_str(&text).map_err(|e| format!("not a proof file: {e}"))?;
			let keys = std::fs::read_to_string(&trusted)
				.map_err(|e| format!("cannot read {}: {e}", trusted.display()))?;
			let verdict = proof::check(&proof_file, &proof::parse_trusted(&keys)?)?;
			if let Some(file) = file {
				let algorithm = hash::parse_algorithm(&proof_file.algorithm)?;
				if hash::digest_file(algorithm, &file)? != proof_file.digest {
					return Err(Failure::Input(format!(
						"{} is not the notarized file",
						file.display()
					)));
				}
			}
			let mut answer = serde_json::to_value(&verdict).expect("JSON");
			answer["at_cst"] = json!(cst_time(verdict.at));
			Ok(answer)
		},
		Notary::Authorities { node } => proof::authorities(&Client::connect(&node.url)?),
		Notary::Bench { leaves, node, signing } => {
			let online = match signing.key_if_given()? {
				Some(key) => Some((Client::connect(&node.url)?, key)),
				None => None,
			};
			bench::run(leaves, online.as_ref().map(|(c, s)| (c, s)))
		},
	}
}

/// The digest a `verify` or `prove` is about, and, with a manifest, its batch membership.
fn target(
	algorithm: HashAlgorithm,
	path: Option<PathBuf>,
	digest: Option<String>,
	manifest: Option<PathBuf>,
) -> Result<(HashAlgorithm, H256, Option<(u64, proof::Membership)>), String> {
	let manifest: Option<Manifest> = manifest.map(|m| read_json(&m)).transpose()?;
	let algorithm = match &manifest {
		Some(m) => m.algorithm()?,
		None => algorithm,
	};
	let digest = match (path, digest) {
		(Some(path), None) => hash::digest_file(algorithm, &path)?,
		(None, Some(digest)) => hash::parse_h256(&digest)?,
		_ => return Err("name the evidence by a file or by --digest (one of them)".into()),
	};
	let Some(manifest) = manifest else { return Ok((algorithm, digest, None)) };
	let record = manifest.record.ok_or("the manifest's batch was not submitted: no record")?;
	let item = manifest
		.items
		.iter()
		.find(|item| item.digest == digest)
		.ok_or(format!("digest {digest:?} is not an item of the manifest"))?;
	Ok((
		algorithm,
		digest,
		Some((record, proof::Membership { index: item.index, proof: item.proof.clone() })),
	))
}

fn verification_json(digest: H256, v: &Verification) -> Value {
	json!({
		"digest": digest,
		"record": v.id,
		"owner": v.record.owner,
		"at": v.record.at,
		"at_cst": cst_time(v.record.at),
		"block": v.record.block,
		"evidence_type": format!("{:?}", v.record.evidence_type),
		"batch_index": v.batch_index,
		"later_record": v.later,
		"certifications": v.certifications.iter().map(|c| format!("{c:?}")).collect::<Vec<_>>(),
		"frozen": v.frozen.is_some(),
	})
}

fn parse_evidence_type(name: &str) -> Result<EvidenceType, String> {
	Ok(match name {
		"document" => EvidenceType::Document,
		"contract" => EvidenceType::Contract,
		"web-page" => EvidenceType::WebPage,
		"chat-record" => EvidenceType::ChatRecord,
		"email" => EvidenceType::Email,
		"image" => EvidenceType::Image,
		"audio-video" => EvidenceType::AudioVideo,
		"other" => EvidenceType::Other,
		other => return Err(format!("unknown evidence type `{other}`")),
	})
}

fn default_manifest(folder: &Path) -> PathBuf {
	let name =
		folder.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or("batch".into());
	folder.with_file_name(format!("{name}.batch.json"))
}

/// How long `notary submit` follows its extrinsic to finality (exit 6 past it).
const SUBMIT_TIMEOUT: Duration = Duration::from_secs(120);

/// The pallet's hash algorithm as the type generated from the metadata (the match is
/// exhaustive both ways: a new variant fails to compile here).
fn algorithm_arg(
	algorithm: HashAlgorithm,
) -> client::runtime::runtime_types::pallet_notarization::types::HashAlgorithm {
	use client::runtime::runtime_types::pallet_notarization::types::HashAlgorithm as Generated;
	match algorithm {
		HashAlgorithm::Sha256 => Generated::Sha256,
		HashAlgorithm::Blake2b256 => Generated::Blake2b256,
		HashAlgorithm::Sm3 => Generated::Sm3,
	}
}

/// The pallet's evidence type as the type generated from the metadata.
fn evidence_type_arg(
	evidence_type: EvidenceType,
) -> client::runtime::runtime_types::pallet_notarization::types::EvidenceType {
	use client::runtime::runtime_types::pallet_notarization::types::EvidenceType as Generated;
	match evidence_type {
		EvidenceType::Document => Generated::Document,
		EvidenceType::Contract => Generated::Contract,
		EvidenceType::WebPage => Generated::WebPage,
		EvidenceType::ChatRecord => Generated::ChatRecord,
		EvidenceType::Email => Generated::Email,
		EvidenceType::Image => Generated::Image,
		EvidenceType::AudioVideo => Generated::AudioVideo,
		EvidenceType::Other => Generated::Other,
	}
}

fn write_json<T: serde::Serialize>(path: &Path, value: &T) -> Result<(), String> {
	let text = serde_json::to_string_pretty(value).expect("JSON");
	std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, String> {
	let text = std::fs::read_to_string(path)
		.map_err(|e| format!("cannot read {}: {e}", path.display()))?;
	serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// `ms` since the Unix epoch in China Standard Time, as courts and clerks read it
/// (`2026-11-27 01:50:06.000 +08:00`).
fn cst_time(ms: u64) -> String {
	use regchain_primitives::time::{cst_date, CST_OFFSET, DAY};
	let (year, month, day) = cst_date(ms);
	let of_day = ms.saturating_add(CST_OFFSET) % DAY / 1000;
	format!(
		"{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02}.{:03} +08:00",
		of_day / 3600,
		of_day % 3600 / 60,
		of_day % 60,
		ms % 1000
	)
}

#[cfg(test)]
mod tests {
	#[test]
	fn times_print_in_china_standard_time() {
		assert_eq!(super::cst_time(0), "1970-01-01 08:00:00.000 +08:00");
		// FOUNDING_TERM_END: 2032-01-01 00:00 China Standard Time.
		assert_eq!(super::cst_time(1_956_499_200_000), "2032-01-01 00:00:00.000 +08:00");
		assert_eq!(super::cst_time(951_753_600_123), "2000-02-29 00:00:00.123 +08:00");
	}
}
