//! Governance by the agencies: a council with one seat per active agency (kept by the
//! consortium pallet), deciding by a two-thirds majority.

use crate::{
	configs::RuntimeBlockWeights, AccountId, BlockNumber, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeOrigin, DAYS,
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	parameter_types,
	traits::{Consideration, ConstU32, EitherOfDiverse, MaybeConsideration},
	weights::Weight,
};
use frame_system::{EnsureNever, EnsureRoot};
use scale_info::TypeInfo;
use sp_runtime::DispatchError;
use sp_runtime::Perbill;

/// Most agencies a consortium may have, and so most council seats.
pub const MAX_AGENCIES: u32 = 32;

/// The council's instance of `pallet-collective`.
pub type AgencyCouncilInstance = pallet_collective::Instance1;

/// The agencies together: at least two thirds of the council's members (one per active
/// agency). `Root` is accepted too: it exists only through `sudo` on a development chain, or
/// through [`pallet_consortium::Pallet::enact`], which itself needs the council.
pub type GovernanceOrigin = EitherOfDiverse<
	EnsureRoot<AccountId>,
	pallet_collective::EnsureProportionAtLeast<AccountId, AgencyCouncilInstance, 2, 3>,
>;

parameter_types! {
	/// A motion not decided within three days lapses (agencies vote in office hours).
	pub const CouncilMotionDuration: BlockNumber = 3 * DAYS;
	/// A motion's call may use half a block.
	pub MaxProposalWeight: Weight = Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
}

impl pallet_collective::Config<AgencyCouncilInstance> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = CouncilMotionDuration;
	type MaxProposals = ConstU32<32>;
	type MaxMembers = ConstU32<MAX_AGENCIES>;
	/// Agencies that do not vote count as against: a motion passes on explicit ayes only.
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	/// Members change only with the agencies' status in the consortium pallet.
	type SetMembersOrigin = EnsureNever<()>;
	type MaxProposalWeight = MaxProposalWeight;
	type DisapproveOrigin = GovernanceOrigin;
	type KillOrigin = GovernanceOrigin;
	type Consideration = MotionsPerSeat;
}

/// Open motions one council member may have at a time: 32 motion slots cannot be filled by
/// one agency (there is no deposit to deter it, members pay nothing).
pub const MAX_MOTIONS_PER_SEAT: usize = 4;

/// The council's "consideration" for a motion: no deposit, but a ticket that is refused
/// (`consortium.TooManyMotions`) when its proposer already has [`MAX_MOTIONS_PER_SEAT`] open
/// motions. The collective keeps each motion's proposer with its ticket (`CostOf`); open
/// motions are those still in `Proposals`, so a decided or lapsed motion stops counting at once.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct MotionsPerSeat;

impl Consideration<AccountId, u32> for MotionsPerSeat {
	fn new(who: &AccountId, _: u32) -> Result<Self, DispatchError> {
		use pallet_collective::{CostOf, Proposals};
		let open = Proposals::<Runtime, AgencyCouncilInstance>::get()
			.iter()
			.filter(|hash| {
				CostOf::<Runtime, AgencyCouncilInstance>::get(*hash)
					.is_some_and(|(proposer, _)| proposer == *who)
			})
			.count();
		if open >= MAX_MOTIONS_PER_SEAT {
			return Err(pallet_consortium::Error::<Runtime>::TooManyMotions.into());
		}
		Ok(MotionsPerSeat)
	}
	fn update(self, _: &AccountId, _: u32) -> Result<Self, DispatchError> {
		Ok(self)
	}
	fn drop(self, _: &AccountId) -> Result<(), DispatchError> {
		Ok(())
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn ensure_successful(_: &AccountId, _: u32) {}
}

impl MaybeConsideration<AccountId, u32> for MotionsPerSeat {
	/// Never "none": the collective must keep the proposer with the ticket (`CostOf`).
	fn is_none(&self) -> bool {
		false
	}
}
