//! IP fingerprints (知识产权): any member registers works under its authors' signed declarations,
//! offers and takes licences, transfers works and files disputes on notarized evidence; IP
//! offices (the `IpExaminer` role) decide disputes and freeze works within their jurisdiction.
//! A claimant whose claim was rejected waits 30 days before claiming on that work again.

use crate::{AccountId, Consortium, Notarization, Runtime, Signature, Timestamp};
use frame_support::traits::ConstU64;
use regchain_primitives::time::DAY;
use regchain_primitives::{
	params::{domain, role},
	AnyMember, EnsureMember, EnsureRegulator, EnsureRole,
};
use sp_runtime::traits::Verify;

impl pallet_ip_rights::Config for Runtime {
	/// Works are anyone's: an enterprise, a bank, an agency's report. Members pay no fees; the
	/// consortium's quota bounds how much each organization submits.
	type MemberOrigin = EnsureMember<AccountId, Consortium, AnyMember>;
	type ExaminerOrigin = EnsureRole<AccountId, Consortium, role::IpExaminer>;
	type FreezeOrigin = EnsureRegulator<AccountId, Consortium, domain::IpRights>;
	type Membership = Consortium;
	/// Disputes cite the notarization pallet's records.
	type Evidence = Notarization;
	/// Authors sign with the scheme accounts transact with (sr25519, ed25519, ECDSA).
	type AuthorSignature = Signature;
	type AuthorSigner = <Signature as Verify>::Signer;
	type UnixTime = Timestamp;
	/// A month: long enough that a rejected claim is not refiled to keep a work blocked,
	/// short enough for a claimant with new evidence.
	type RefilingDelay = ConstU64<{ 30 * DAY }>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = super::consortium::BenchmarkKeys;
	type WeightInfo = pallet_ip_rights::weights::SubstrateWeight<Runtime>;
}
