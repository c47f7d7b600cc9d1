//! Which calls members may submit at all, in one place ([`MemberCalls`]). Members pay no fees,
//! so every call a member can send for free must serve a member's purpose and be bounded;
//! `pallet_consortium::CheckMember` refuses the others in the transaction pool
//! (`InvalidTransaction::Call`), before they cost anyone anything.
//!
//! - Every member: the consortium (its own accounts; each call checks who may act on whom),
//!   the domain pallets, whose calls check roles and bound their arguments, and supervision
//!   (agencies' measures; a subject's answers in its own cases).
//! - Agencies only: the council, the validator set, session keys (an approved validator may
//!   not purge its own), node authorization (their own nodes, bounded lists) and token
//!   transfers (tokens are not money here; only agencies need them, e.g. to fund an
//!   operator's account).
//! - How much: a call's bytes for the quota are its length or the state it adds, whichever
//!   is more ([`MemberCallPolicy::state_bytes`]).
//! - A suspended organization: its answers only ([`MemberCallPolicy::is_answer`]), whose
//!   deadlines keep running while it is suspended.
//! - Nobody: `system.remark` and other free-form calls, `system.set_code` and the other
//!   `Root` calls (governance dispatches those through `consortium.enact`, which does not pass
//!   this policy), and any pallet not listed here: a new pallet is refused until it is added.

use crate::{AccountId, RuntimeCall};
use codec::Encode;
use frame_support::traits::Get;
use pallet_consortium::MemberCallPolicy;
use regchain_primitives::{MemberInfo, OrgKind};

/// Most peers one node may allow besides the well-known nodes (`add_connections`): an agency's
/// own gateways and archive nodes, not a second network.
pub const MAX_CONNECTIONS_PER_NODE: usize = 16;

/// Most peer ids one `add_connections` call may carry.
const MAX_CONNECTIONS_PER_CALL: usize = 4;

/// Bytes of keys and index entries a call of a domain other than provenance adds besides
/// twice its own bytes (a notarization of 101 bytes adds 353: its record, the digest's index
/// and the owner's, each under a key of 40–90 bytes).
pub const STATE_PER_CALL: u32 = 256;

/// The runtime's [`MemberCallPolicy`].
pub struct MemberCalls;

impl MemberCallPolicy<AccountId, RuntimeCall> for MemberCalls {
	fn allows(who: &AccountId, member: &MemberInfo, call: &RuntimeCall) -> bool {
		let agency = matches!(member.kind, OrgKind::Agency(_));
		match call {
			RuntimeCall::Consortium(_)
			| RuntimeCall::Invoices(_)
			| RuntimeCall::Funds(_)
			| RuntimeCall::Credit(_)
			| RuntimeCall::Notarization(_)
			| RuntimeCall::Provenance(_)
			| RuntimeCall::IpRights(_)
			| RuntimeCall::Supervision(_) => true,
			// An approved validator purging its keys would drop out of production unchecked
			// by the minimum: it announces maintenance, or governance removes it, first.
			RuntimeCall::Session(pallet_session::Call::purge_keys {}) => {
				agency && !crate::ValidatorSet::is_validator(who)
			},
			RuntimeCall::AgencyCouncil(_)
			| RuntimeCall::ValidatorSet(_)
			| RuntimeCall::Session(_)
			| RuntimeCall::Balances(_) => agency,
			// The sudo key exists on development chains only, held by an agency.
			RuntimeCall::Sudo(_) => agency,
			RuntimeCall::NodeAuthorization(call) => agency && node_call_is_bounded(call),
			// `benchmark overhead` measures the base cost of a signed extrinsic with empty
			// remarks; only benchmarking builds of the runtime admit them.
			#[cfg(feature = "runtime-benchmarks")]
			RuntimeCall::System(frame_system::Call::remark { remark }) => remark.is_empty(),
			_ => false,
		}
	}

	/// A suspended organization's answers, whose deadlines keep running: its statement,
	/// rectification report and appeal in a case against it, its dispute of an attestation
	/// about it, its answer to a red-letter request.
	fn is_answer(call: &RuntimeCall) -> bool {
		use pallet_supervision::Call as S;
		matches!(
			call,
			RuntimeCall::Supervision(
				S::submit_statement { .. } | S::report_rectification { .. } | S::appeal { .. }
			) | RuntimeCall::Credit(pallet_credit::Call::dispute { .. })
				| RuntimeCall::Invoices(
					pallet_invoices::Call::confirm_reversal { .. }
						| pallet_invoices::Call::refuse_reversal { .. }
				)
		)
	}

	/// Provenance writes a record and an event per item it names (its own bound, up to 10× a
	/// call's bytes), an inspection plan a page of its population or its draw's targets (its
	/// own bound); a call of another domain stores its record with keys and index entries: at
	/// most twice its bytes and [`STATE_PER_CALL`], and a call that may issue a red invoice the
	/// most a red invoice adds besides. The runtime test
	/// `the_byte_quota_meters_the_state_a_call_adds` measures each against what it is charged.
	fn state_bytes(call: &RuntimeCall) -> u32 {
		let record = || {
			u32::try_from(call.encoded_size())
				.unwrap_or(u32::MAX)
				.saturating_mul(2)
				.saturating_add(STATE_PER_CALL)
		};
		use pallet_invoices::Call as I;
		match call {
			RuntimeCall::Provenance(call) => crate::Provenance::state_bytes(call),
			// A red invoice, issued by a call that may name no lines.
			RuntimeCall::Invoices(
				I::reverse { .. } | I::confirm_reversal { .. } | I::settle_reversal { .. },
			) => record().saturating_add(crate::Invoices::red_state_bytes()),
			RuntimeCall::Supervision(inner) => {
				crate::Supervision::state_bytes(inner).unwrap_or_else(record)
			},
			_ => record(),
		}
	}

	fn is_council_call(call: &RuntimeCall) -> bool {
		use pallet_collective::Call as Council;
		matches!(
			call,
			RuntimeCall::AgencyCouncil(
				Council::propose { .. } | Council::vote { .. } | Council::close { .. }
			)
		)
	}
}

/// Node authorization, as an agency may use it for its own nodes: claim a node, give it up,
/// and allow or disallow a few more peers per call, never more than
/// [`MAX_CONNECTIONS_PER_NODE`] per node and no peer id longer than the pallet's bound
/// (the pallet itself checks neither). Transfers to other owners, and the well-known list,
/// are governance's.
fn node_call_is_bounded(call: &pallet_node_authorization::Call<crate::Runtime>) -> bool {
	use pallet_node_authorization::{AdditionalConnections, Call as Nodes};
	let peer_id_fits = |p: &sp_core::OpaquePeerId| {
		let max: u32 =
			<crate::Runtime as pallet_node_authorization::Config>::MaxPeerIdLength::get();
		p.0.len() < max as usize
	};
	match call {
		Nodes::claim_node { .. }
		| Nodes::remove_claim { .. }
		| Nodes::remove_connections { .. } => true,
		Nodes::add_connections { node, connections } => {
			connections.len() <= MAX_CONNECTIONS_PER_CALL
				&& connections.iter().all(peer_id_fits)
				&& AdditionalConnections::<crate::Runtime>::get(node)
					.len()
					.saturating_add(connections.len())
					<= MAX_CONNECTIONS_PER_NODE
		},
		_ => false,
	}
}
