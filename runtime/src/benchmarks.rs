//! The pallets whose benchmarks this runtime runs (`regchain-node benchmark pallet`); each
//! domain pallet adds itself here with its `benchmarking.rs`.

frame_benchmarking::define_benchmarks!(
	[frame_system, SystemBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_sudo, Sudo]
	[pallet_consortium, Consortium]
	[pallet_validator_set, ValidatorSet]
	[pallet_invoices, Invoices]
	[pallet_credit, Credit]
	[pallet_notarization, Notarization]
	[pallet_provenance, Provenance]
	[pallet_ip_rights, IpRights]
	[pallet_funds, Funds]
	[pallet_supervision, Supervision]
);
