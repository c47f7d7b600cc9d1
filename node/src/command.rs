//! Dispatches the command line to the node or to a subcommand.

use crate::{
	chain_spec,
	cli::{Cli, Subcommand},
	pool::PoolLimits,
	service,
};
use frame_benchmarking_cli::{BenchmarkCmd, SUBSTRATE_REFERENCE_HARDWARE};
use regchain_runtime::opaque::Block;
use sc_cli::SubstrateCli;
use sc_service::PartialComponents;

impl SubstrateCli for Cli {
	fn impl_name() -> String {
		"RegChain Node".into()
	}

	fn impl_version() -> String {
		env!("SUBSTRATE_CLI_IMPL_VERSION").into()
	}

	fn description() -> String {
		env!("CARGO_PKG_DESCRIPTION").into()
	}

	fn author() -> String {
		env!("CARGO_PKG_AUTHORS").into()
	}

	fn support_url() -> String {
		"https://example.invalid/regchain/issues".into()
	}

	fn copyright_start_year() -> i32 {
		2026
	}

	fn load_spec(&self, id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
		chain_spec::load(id)
	}
}

/// The node's trie cache unless `--trie-cache-size` is given: 64 MiB.
const DEFAULT_TRIE_CACHE_SIZE: usize = 64 * 1024 * 1024;

/// Whether the node's own command line sets `flag` (as `--flag value` or `--flag=value`).
fn given(flag: &str) -> bool {
	std::env::args().any(|a| a == flag || a.starts_with(&format!("{flag}=")))
}

/// Parses the command line and runs what it asks for.
pub fn run() -> sc_cli::Result<()> {
	let mut cli = Cli::from_args();
	// Substrate's default fork-aware pool lost most of a burst from a few accounts in some runs
	// of the load harness, silently (docs/performance.md); the single-state pool kept every
	// one. This node uses the single-state pool unless `--pool-type` says otherwise.
	if !given("--pool-type") {
		cli.run.pool_config.pool_type = sc_cli::TransactionPoolType::SingleState;
	}
	// Substrate's default trie cache of 1 GiB made the node's memory grow past 880 MB within
	// four minutes of full blocks (docs/performance.md). The weights charge cold database
	// reads, so a smaller cache costs no block capacity. A heap profile under full blocks
	// showed the cache costing more than its size (its hash table, and block authoring's local
	// cache, which may grow to the shared cache's size before merging into it): at 64 MiB
	// the node's own memory peaked 80 MiB lower than at 128 MiB and full blocks built as fast
	// (1.40 s p50 against 1.38 s, same day). The node keeps 64 MiB unless `--trie-cache-size`
	// says otherwise.
	if !given("--trie-cache-size") {
		cli.run.import_params.trie_cache_size = DEFAULT_TRIE_CACHE_SIZE;
	}

	match &cli.subcommand {
		Some(Subcommand::Key(cmd)) => cmd.run(&cli),
		Some(Subcommand::BuildSpec(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.chain_spec, config.network))
		},
		Some(Subcommand::ExportChainSpec(cmd)) => {
			let chain_spec = cli.load_spec(&cmd.chain)?;
			cmd.run(chain_spec)
		},
		Some(Subcommand::CheckBlock(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::ExportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.database), task_manager))
			})
		},
		Some(Subcommand::ExportState(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.chain_spec), task_manager))
			})
		},
		Some(Subcommand::ImportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::PurgeChain(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.database))
		},
		Some(Subcommand::Revert(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, backend, .. } =
					service::new_partial(&config)?;
				let aux_revert = Box::new(|client, _, blocks| {
					sc_consensus_grandpa::revert(client, blocks)?;
					Ok(())
				});
				Ok((cmd.run(client, backend, Some(aux_revert)), task_manager))
			})
		},
		Some(Subcommand::Benchmark(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| match cmd {
				BenchmarkCmd::Pallet(cmd) => {
					if !cfg!(feature = "runtime-benchmarks") {
						return Err("Runtime benchmarking wasn't enabled when building the node. \
							Rebuild with `--features runtime-benchmarks`."
							.into());
					}
					cmd.run_with_spec::<sp_runtime::traits::HashingFor<Block>, ()>(Some(
						config.chain_spec,
					))
				},
				BenchmarkCmd::Block(cmd) => {
					let PartialComponents { client, .. } = service::new_partial(&config)?;
					cmd.run(client)
				},
				BenchmarkCmd::Machine(cmd) => {
					cmd.run(&config, SUBSTRATE_REFERENCE_HARDWARE.clone())
				},
				// The database weights of this node: reads and writes of a real (filled) state
				// in the database it runs (`scripts/benchmark-weights.sh`).
				#[cfg(feature = "runtime-benchmarks")]
				BenchmarkCmd::Storage(cmd) => {
					let PartialComponents { client, backend, .. } = service::new_partial(&config)?;
					let db = backend.expose_db();
					let storage = backend.expose_storage();
					let shared_trie_cache = backend.expose_shared_trie_cache();
					cmd.run(config, client, db, storage, shared_trie_cache)
				},
				// The cost of an empty block and of the smallest signed extrinsic (an empty
				// `system.remark`, which the call policy admits only in benchmarking builds).
				#[cfg(feature = "runtime-benchmarks")]
				BenchmarkCmd::Overhead(cmd) => {
					cmd.run_with_default_builder_and_spec::<Block, ()>(Some(config.chain_spec))
				},
				#[cfg(not(feature = "runtime-benchmarks"))]
				BenchmarkCmd::Storage(_) | BenchmarkCmd::Overhead(_) => {
					Err("`benchmark storage` and `overhead` need the node built with \
						`--features runtime-benchmarks` (scripts/benchmark-weights.sh)"
						.into())
				},
				BenchmarkCmd::Extrinsic(_) => Err("`benchmark extrinsic` is not offered by this \
					node: use `benchmark pallet`, `overhead`, `storage`, `block` or `machine`"
					.into()),
			})
		},
		Some(Subcommand::ChainInfo(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run::<Block>(&config))
		},
		None => {
			let runner = cli.create_runner(&cli.run)?;
			let pool = &cli.run.pool_config;
			let limits = PoolLimits::new(pool.pool_limit, pool.pool_kbytes);
			let gateway = cli.gateway_addr;
			runner.run_node_until_exit(|config| async move {
				// libp2p is the network backend every Substrate tool and bootnode speaks;
				// `--network-backend litep2p` remains available.
				match config.network.network_backend {
					sc_network::config::NetworkBackendType::Libp2p => {
						service::new_full::<
							sc_network::NetworkWorker<
								Block,
								<Block as sp_runtime::traits::Block>::Hash,
							>,
						>(config, limits, gateway)
						.map_err(sc_cli::Error::Service)
					},
					sc_network::config::NetworkBackendType::Litep2p => {
						service::new_full::<sc_network::Litep2pNetworkBackend>(
							config, limits, gateway,
						)
						.map_err(sc_cli::Error::Service)
					},
				}
			})
		},
	}
}
