//! Command-line interface: the standard Substrate node flags and subcommands.

/// Subcommands besides running the node.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management: generate, inspect and insert keys (e.g. an agency's session keys).
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Build a chain specification.
	/// DEPRECATED upstream in favour of `export-chain-spec`; kept because operators expect it.
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Export the chain specification of a chain or preset, without starting a node.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Sub-commands concerned with benchmarking (`pallet`, `block`, `machine`).
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),

	/// Db meta columns information.
	ChainInfo(sc_cli::ChainInfoCmd),
}

/// The node's command line: `regchain-node [FLAGS] [SUBCOMMAND]`.
#[derive(Debug, clap::Parser)]
pub struct Cli {
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	#[clap(flatten)]
	pub run: sc_cli::RunCmd,

	/// Serve the query gateway on this address (e.g. `0.0.0.0:9950`): the domain queries for
	/// enterprises, lenders and the public, each answered only what it may see, with signed
	/// requests; no `state_*` or other raw access (docs/rpc.md). Off unless given.
	#[arg(long, value_name = "ADDR")]
	pub gateway_addr: Option<std::net::SocketAddr>,
}
