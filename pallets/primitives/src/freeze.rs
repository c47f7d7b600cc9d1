//! One freeze for every domain: how a regulator stops all change to a record until it lifts
//! the measure, written once.
//!
//! A frozen record stays readable, but nothing changes it until it is unfrozen; each domain
//! says in its docs which of its calls that stops. A pallet declares each kind of record a
//! regulator may freeze as a [`FreezeDomain`] — its tag in a [`RecordRef`], its key, its map of
//! freezes, whom a record is about, the pallet's jurisdiction check and what the pallet records
//! when a freeze starts or ends (its `Frozen`/`Unfrozen` event, a ledger line) — and everything
//! else is [`Freezes`]'s, the same for every domain: the order of the checks (the record exists,
//! the regulator's jurisdiction covers whom it is about, it is not frozen already), the write,
//! the refusal of a change while frozen, the paged listing and the storage invariant. The errors
//! are one vocabulary ([`FreezeError`]) that every pallet's `Error` carries by the same names.
//!
//! A supervision pallet acts on any record of any domain through [`FreezableRecords`], which
//! [`Freezes`] implements for each kind, without knowing the domain pallets: the same checks,
//! the same events as the domain's own `freeze` call.

use crate::{records::RecordRef, time::Moment, ClaimDomain, Domain, OrgId};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, EncodeLike, FullCodec, MaxEncodedLen};
use core::marker::PhantomData;
use frame_support::storage::{IterableStorageMap, StorageMap};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::{DispatchError, DispatchResult};

/// Who froze a record, when and why (the reason's document stays off chain).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct Freeze {
	/// The regulator's organization.
	pub by: OrgId,
	/// When, in on-chain time.
	pub at: Moment,
	/// The hash of the regulatory decision.
	pub reason: H256,
}

/// A frozen record as the query layer lists it: the open regulatory actions of a domain.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct FrozenRecord {
	/// The record's id in its domain (its [`RecordRef`] id).
	pub id: u64,
	/// The organization it is about, whose regulators may lift the freeze.
	pub subject: Option<OrgId>,
	/// Who froze it, when and why.
	pub freeze: Freeze,
}

/// How a freeze, an unfreeze or a change of a frozen record is refused. Every domain pallet's
/// `Error` has variants of these names and converts from this, so a client reads the same word
/// for the same refusal in every domain.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FreezeError {
	/// A freeze of a record frozen already.
	AlreadyFrozen,
	/// An unfreeze of a record that is not frozen.
	NotFrozen,
	/// A change of a frozen record.
	Frozen,
}

/// A kind of record a regulator may freeze, as its pallet declares it: what differs between
/// domains. The rest is [`Freezes`]'s.
pub trait FreezeDomain {
	/// The kind's tag in a [`RecordRef`] (the domain's claim tag where it has one); distinct in
	/// a runtime, as the runtime's tests check.
	const DOMAIN: ClaimDomain;
	/// The domain of supervision these records belong to: an agency freezes them only if the
	/// one table of remits says it regulates that domain (`AgencyKind::regulates`). The
	/// pallet's own `freeze` call checks it through its origin (`EnsureRegulator`); a
	/// supervision pallet, which acts on every domain, through [`FreezableRecords::supervision`].
	const SUPERVISION: Domain;
	/// A record's key in its pallet's maps; its [`RecordRef`] id is the key as a number.
	type Key: FullCodec + EncodeLike + Copy + TryFrom<u64> + Into<u64>;
	/// The pallet's map of the kind's freezes (a `Twox64Concat` map, listed in key order).
	type Map: StorageMap<Self::Key, Freeze, Query = Option<Freeze>>
		+ IterableStorageMap<Self::Key, Freeze>;
	/// The pallet's error, which names the refusals of [`FreezeError`].
	type Error: From<FreezeError> + Into<DispatchError>;

	/// The chain's clock (`pallet-timestamp`), for the freeze's date.
	type Clock: frame_support::traits::UnixTime;

	/// Whom the record is about — the organization a regulator's jurisdiction must cover — or
	/// the pallet's error for a record that does not exist.
	fn subject(key: Self::Key) -> Result<OrgId, DispatchError>;

	/// Whether `regulator` may act on records about `subject`: the pallet's jurisdiction check.
	fn ensure_authority(regulator: OrgId, subject: OrgId) -> DispatchResult;

	/// What the pallet records when the record is frozen (its `Frozen` event, a ledger line).
	/// Runs after every check passed and before the freeze is written: an error here (a full
	/// ledger) leaves the record as it was, provided this writes nothing before it fails.
	fn on_frozen(key: Self::Key, freeze: &Freeze) -> DispatchResult;

	/// What the pallet records when `by` lifts the freeze (its `Unfrozen` event …).
	fn on_unfrozen(key: Self::Key, by: OrgId) -> DispatchResult;
}

/// The one freeze, over the kind of record `D`.
pub struct Freezes<D>(PhantomData<D>);

impl<D: FreezeDomain> Freezes<D> {
	/// The record's freeze, if it is frozen.
	pub fn get(key: D::Key) -> Option<Freeze> {
		D::Map::get(key)
	}

	/// Whether the record is frozen.
	pub fn is_frozen(key: D::Key) -> bool {
		D::Map::contains_key(key)
	}

	/// Refuses, with [`FreezeError::Frozen`], a change of a frozen record.
	pub fn ensure_not_frozen(key: D::Key) -> Result<(), D::Error> {
		if Self::is_frozen(key) {
			return Err(FreezeError::Frozen.into());
		}
		Ok(())
	}

	/// `regulator` freezes the record for `reason` (the hash of its decision). Fails, changing
	/// nothing, unless the record exists, `regulator`'s jurisdiction covers whom it is about and
	/// it is not frozen already. Returns the freeze.
	pub fn freeze(regulator: OrgId, key: D::Key, reason: H256) -> Result<Freeze, DispatchError> {
		let subject = D::subject(key)?;
		D::ensure_authority(regulator, subject)?;
		if Self::is_frozen(key) {
			return Err(D::Error::from(FreezeError::AlreadyFrozen).into());
		}
		let freeze = Freeze { by: regulator, at: crate::time::now::<D::Clock>(), reason };
		D::on_frozen(key, &freeze)?;
		D::Map::insert(key, freeze);
		Ok(freeze)
	}

	/// `regulator` lifts the record's freeze. Fails, changing nothing, unless the record exists,
	/// `regulator`'s jurisdiction covers whom it is about and it is frozen. Returns the freeze
	/// lifted.
	pub fn unfreeze(regulator: OrgId, key: D::Key) -> Result<Freeze, DispatchError> {
		let subject = D::subject(key)?;
		D::ensure_authority(regulator, subject)?;
		let freeze = Self::get(key).ok_or_else(|| D::Error::from(FreezeError::NotFrozen).into())?;
		D::on_unfrozen(key, regulator)?;
		D::Map::remove(key);
		Ok(freeze)
	}

	/// Up to `limit` (at most [`QUERY_LIMIT`](crate::paging::QUERY_LIMIT)) of the kind's
	/// frozen records after `start_after` (in storage order), each with whom it is about. Reads
	/// the freezes and their records only: one map per kind.
	pub fn listing(start_after: Option<D::Key>, limit: u32) -> Vec<FrozenRecord> {
		crate::paging::entries_after::<D::Map, D::Key, Freeze>(start_after, limit)
			.into_iter()
			.map(|(key, freeze)| FrozenRecord {
				id: key.into(),
				subject: D::subject(key).ok(),
				freeze,
			})
			.collect()
	}

	/// The storage invariant of every kind: each freeze is of a record that exists.
	pub fn check() -> Result<(), &'static str> {
		for key in D::Map::iter_keys() {
			if D::subject(key).is_err() {
				return Err("a freeze of no record");
			}
		}
		Ok(())
	}
}

/// Records of any domain, as a supervision pallet acts on them by [`RecordRef`] without knowing
/// the domain pallets. [`Freezes`] implements it for each kind; the checks and the events are
/// those of the domain's own `freeze` and `unfreeze` calls.
///
/// A tuple of implementations (up to eight: the runtime's every kind) is one: each call goes to
/// the member that keeps the record's tag.
pub trait FreezableRecords {
	/// Whether this implementation keeps the records of `domain`.
	fn keeps(domain: ClaimDomain) -> bool;

	/// The domain of supervision of the records tagged `domain` (whose regulators may freeze
	/// them), or `None` if this implementation does not keep them.
	fn supervision(domain: ClaimDomain) -> Option<Domain>;

	/// Whom the record is about, or `None` if no such record exists here.
	fn subject(record: RecordRef) -> Option<OrgId>;

	/// The record's freeze, if it is frozen.
	fn frozen(record: RecordRef) -> Option<Freeze>;

	/// `regulator` freezes the record for `reason`, as [`Freezes::freeze`].
	fn freeze(record: RecordRef, regulator: OrgId, reason: H256) -> DispatchResult;

	/// `regulator` lifts the record's freeze, as [`Freezes::unfreeze`].
	fn unfreeze(record: RecordRef, regulator: OrgId) -> DispatchResult;
}

impl<D: FreezeDomain> Freezes<D> {
	/// The key `record` names in this kind, if it is of this kind.
	fn key_of(record: RecordRef) -> Option<D::Key> {
		(record.domain == D::DOMAIN).then(|| D::Key::try_from(record.id).ok()).flatten()
	}

	/// The key `record` names, or the error of a missing record of this kind.
	fn existing(record: RecordRef) -> Result<D::Key, DispatchError> {
		match Self::key_of(record) {
			Some(key) => D::subject(key).map(|_| key),
			None => Err(DispatchError::Other("a record of another domain")),
		}
	}
}

impl<D: FreezeDomain> FreezableRecords for Freezes<D> {
	fn keeps(domain: ClaimDomain) -> bool {
		domain == D::DOMAIN
	}

	fn supervision(domain: ClaimDomain) -> Option<Domain> {
		(domain == D::DOMAIN).then_some(D::SUPERVISION)
	}

	fn subject(record: RecordRef) -> Option<OrgId> {
		Self::key_of(record).and_then(|key| D::subject(key).ok())
	}

	fn frozen(record: RecordRef) -> Option<Freeze> {
		Self::key_of(record).and_then(Self::get)
	}

	fn freeze(record: RecordRef, regulator: OrgId, reason: H256) -> DispatchResult {
		Self::freeze(regulator, Self::existing(record)?, reason).map(|_| ())
	}

	fn unfreeze(record: RecordRef, regulator: OrgId) -> DispatchResult {
		Self::unfreeze(regulator, Self::existing(record)?).map(|_| ())
	}
}

/// The refusal of a record no member of a tuple of [`FreezableRecords`] keeps.
pub const NO_SUCH_DOMAIN: DispatchError =
	DispatchError::Other("no domain keeps records of this tag");

macro_rules! freezable_tuple {
	($($kind:ident),+) => {
		impl<$($kind: FreezableRecords),+> FreezableRecords for ($($kind,)+) {
			fn keeps(domain: ClaimDomain) -> bool {
				$($kind::keeps(domain))||+
			}

			fn supervision(domain: ClaimDomain) -> Option<Domain> {
				None$(.or_else(|| $kind::supervision(domain)))+
			}

			fn subject(record: RecordRef) -> Option<OrgId> {
				$(if $kind::keeps(record.domain) {
					return $kind::subject(record);
				})+
				None
			}

			fn frozen(record: RecordRef) -> Option<Freeze> {
				$(if $kind::keeps(record.domain) {
					return $kind::frozen(record);
				})+
				None
			}

			fn freeze(record: RecordRef, regulator: OrgId, reason: H256) -> DispatchResult {
				$(if $kind::keeps(record.domain) {
					return $kind::freeze(record, regulator, reason);
				})+
				Err(NO_SUCH_DOMAIN)
			}

			fn unfreeze(record: RecordRef, regulator: OrgId) -> DispatchResult {
				$(if $kind::keeps(record.domain) {
					return $kind::unfreeze(record, regulator);
				})+
				Err(NO_SUCH_DOMAIN)
			}
		}
	};
}

freezable_tuple!(A);
freezable_tuple!(A, B);
freezable_tuple!(A, B, C);
freezable_tuple!(A, B, C, D);
freezable_tuple!(A, B, C, D, E);
freezable_tuple!(A, B, C, D, E, F);
freezable_tuple!(A, B, C, D, E, F, G);
freezable_tuple!(A, B, C, D, E, F, G, H);

/// `impl From<FreezeError> for Error<T>` in a pallet whose `Error` has the variants
/// `AlreadyFrozen`, `NotFrozen` and `Frozen` (the vocabulary of [`FreezeError`]); used in the
/// pallet's crate root, where `Config` and `Error` are in scope.
#[macro_export]
macro_rules! freeze_errors {
	() => {
		impl<T: Config> From<$crate::FreezeError> for Error<T> {
			fn from(refusal: $crate::FreezeError) -> Self {
				match refusal {
					$crate::FreezeError::AlreadyFrozen => Error::<T>::AlreadyFrozen,
					$crate::FreezeError::NotFrozen => Error::<T>::NotFrozen,
					$crate::FreezeError::Frozen => Error::<T>::Frozen,
				}
			}
		}
	};
}
