//! # Validator set pallet
//!
//! The government agencies run RegChain's validators. This pallet keeps the list of approved
//! validators and hands it to `pallet-session` at every session boundary, so that the Aura
//! (block production) and GRANDPA (finality) authorities change without a hard fork and without
//! restarting the other nodes.
//!
//! ## Actors and terms
//! - **Governance** ([`Config::GovernanceOrigin`], the agencies' council): adds and removes
//!   validators, bars a misbehaving one (and lifts the bar), sets the minimum set size.
//! - **Validator**: an account of an active government agency that has registered its own
//!   session keys (`session.setKeys`, keys generated on its node with `author_rotateKeys`).
//!   Adding a validator without keys is refused: GRANDPA would otherwise count an authority that
//!   can never vote and finality could stall.
//! - **Maintenance**: a validator announces that its node goes offline for planned work and is
//!   left out of the sessions that follow, instead of being counted as absent; it announces its
//!   return the same way.
//! - **Barred**: governance takes a misbehaving validator out and keeps it from being added
//!   again until the bar is lifted.
//!
//! ## When a change takes effect
//! `pallet-session` plans each session's validators one session ahead: a change made during
//! session `n` is returned to it when session `n + 1` starts and its authorities take over at
//! the start of session `n + 2`. A session that changes no validator returns nothing, so that
//! GRANDPA keeps its authority set (any returned set counts as a change and starts a new one).
//!
//! ## Invariants
//! - The validators that produce blocks (approved, not in maintenance) never drop below
//!   [`MinValidators`] through a call of this pallet; at least one is always required.
//! - A barred account is never an approved validator; a validator in maintenance is approved.
//! - An account whose agency lapses, is suspended or revoked is left out of the next planned
//!   session (it is no member any more), unless that would leave no validator at all.
//!
//! ## Data privacy
//! On chain: validator account ids and their maintenance and barred flags. Session keys are
//! kept by `pallet-session`; node addresses stay off chain.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod impls;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use weights::WeightInfo;

/// What benchmarks need from the runtime: an account that may become a validator.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Registers session keys for `who`, as `session.setKeys` would.
	fn register_keys(who: &AccountId);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::ValidatorRegistration};
	use frame_system::pallet_prelude::*;
	use regchain_primitives::Membership;

	/// The storage layout's version; a migration bumps it with the layout.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The agencies together: add, remove and bar validators, set the minimum.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Who is an active agency (the consortium pallet).
		type Membership: Membership<Self::AccountId>;

		/// Whether an account has registered session keys (`pallet-session`).
		type KeyRegistration: ValidatorRegistration<Self::AccountId>;

		/// The validators of the session now starting (`pallet-session`'s `Validators`): a
		/// session whose planned set equals it changes nothing, and is not announced as a
		/// change (which would make GRANDPA schedule a new authority set).
		type SessionValidators: Get<Vec<Self::AccountId>>;

		/// The most validators the set may hold (bounded by the consensus authorities limit).
		#[pallet::constant]
		type MaxValidators: Get<u32>;

		/// The most validators governance may add per session. A new validator counts as a
		/// GRANDPA voter from its first session whether its node runs or not; adding one at a
		/// time keeps a validator that never comes up from pushing finality past its quorum.
		#[pallet::constant]
		type MaxAdditionsPerSession: Get<u32>;

		/// Weights of this pallet's calls, from its benchmarks.
		type WeightInfo: WeightInfo;

		/// Benchmarks: registers session keys for sample validators.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;
	}

	/// The approved validators, in the order they were added.
	#[pallet::storage]
	pub type Validators<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

	/// Approved validators that announced planned maintenance, with the block of the announcement.
	/// Keys are validator accounts chosen by users: `Blake2_128Concat`.
	#[pallet::storage]
	pub type Maintenance<T: Config> =
		CountedStorageMap<_, Blake2_128Concat, T::AccountId, BlockNumberFor<T>>;

	/// Accounts barred by governance, with the block of the decision.
	#[pallet::storage]
	pub type Barred<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, BlockNumberFor<T>>;

	/// The fewest block-producing validators (approved, not in maintenance) the calls of this
	/// pallet may leave. GRANDPA finalizes while more than two thirds of the authorities vote, so
	/// consortia set this to keep that margin when one validator fails during another's
	/// maintenance.
	#[pallet::storage]
	pub type MinValidators<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Validators added since the current session began.
	#[pallet::storage]
	pub type AddedThisSession<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// The founding validators; each must also have its session keys in `pallet-session`'s
	/// genesis.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The validator accounts.
		pub validators: Vec<T::AccountId>,
		/// The minimum number of producing validators; 0 is taken as 1.
		pub min_validators: u32,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let validators: BoundedVec<_, _> =
				self.validators.clone().try_into().expect("too many genesis validators");
			// An empty config (the default) sets no validators; `pallet-session` then keeps
			// its own genesis keys.
			let min = self.min_validators.max(1);
			assert!(
				validators.is_empty() || validators.len() >= min as usize,
				"fewer genesis validators than the minimum"
			);
			Validators::<T>::put(validators);
			MinValidators::<T>::put(min);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A validator was approved; it joins the session after next.
		ValidatorAdded { who: T::AccountId },
		/// A validator was removed; it leaves the session after next.
		ValidatorRemoved { who: T::AccountId },
		/// A validator announced planned maintenance; it is left out from the session after next.
		MaintenanceAnnounced { who: T::AccountId },
		/// A validator is back from maintenance; it produces blocks again from the session after
		/// next.
		MaintenanceEnded { who: T::AccountId },
		/// Governance took a validator out and barred it from being added again.
		ValidatorBarred { who: T::AccountId },
		/// Governance lifted a bar; the account may be added again.
		BarLifted { who: T::AccountId },
		/// Governance set the minimum number of producing validators.
		MinValidatorsSet { min: u32 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is an approved validator already.
		AlreadyValidator,
		/// The account is not an approved validator.
		NotValidator,
		/// Only accounts of active government agencies run validators.
		NotAgency,
		/// The account has no session keys: generate them on its node (`author_rotateKeys`) and
		/// register them with `session.setKeys` first.
		NoSessionKeys,
		/// The set holds `MaxValidators` validators already.
		TooManyValidators,
		/// This would leave fewer producing validators than `MinValidators`.
		TooFewValidators,
		/// The validator announced maintenance already.
		AlreadyInMaintenance,
		/// The validator did not announce maintenance.
		NotInMaintenance,
		/// The account is barred: governance must lift the bar first.
		Barred,
		/// The account is not barred.
		NotBarred,
		/// The minimum must be at least 1.
		MinimumZero,
		/// `MaxAdditionsPerSession` validators were added this session already: add the next
		/// once they produce.
		TooManyAdditions,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Approve a validator; it joins the session after next.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - `who`: an account of an active agency with registered session keys.
		///
		/// Errors: `AlreadyValidator`, `Barred`, `NotAgency`, `NoSessionKeys`,
		/// `TooManyValidators`. Events: `ValidatorAdded`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_validator())]
		pub fn add_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_add_validator(who)
		}

		/// Remove a validator (in maintenance or not); it leaves the session after next.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		///
		/// Errors: `NotValidator`, `TooFewValidators`. Events: `ValidatorRemoved`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_validator())]
		pub fn remove_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_remove_validator(&who)?;
			Self::deposit_event(Event::ValidatorRemoved { who });
			Ok(())
		}

		/// Announce planned maintenance: the caller's node is left out of the sessions that
		/// follow, without being counted as a failing authority.
		///
		/// - Origin: a signed approved validator.
		///
		/// Errors: `NotValidator`, `AlreadyInMaintenance`, `TooFewValidators`.
		/// Events: `MaintenanceAnnounced`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::announce_maintenance())]
		pub fn announce_maintenance(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_announce_maintenance(who)
		}

		/// Announce the end of maintenance: the caller produces blocks again from the session
		/// after next. Its node must be running with its session keys by then.
		///
		/// - Origin: a signed validator in maintenance.
		///
		/// Errors: `NotInMaintenance`. Events: `MaintenanceEnded`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::end_maintenance())]
		pub fn end_maintenance(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_end_maintenance(who)
		}

		/// Take a misbehaving validator out and bar it from being added again.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		///
		/// Errors: `NotValidator`, `TooFewValidators`. Events: `ValidatorBarred`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::bar())]
		pub fn bar(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_bar(who)
		}

		/// Lift a bar; the account may then be added again with `add_validator`.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		///
		/// Errors: `NotBarred`. Events: `BarLifted`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::lift_bar())]
		pub fn lift_bar(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_lift_bar(who)
		}

		/// Set the fewest producing validators the calls of this pallet may leave.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		///
		/// Errors: `MinimumZero`, `TooFewValidators` (more than produce blocks now).
		/// Events: `MinValidatorsSet`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::set_min_validators())]
		pub fn set_min_validators(origin: OriginFor<T>, min: u32) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_min_validators(min)
		}
	}
}
