//! RegChain node: a permissioned Substrate chain run by government agencies.
#![warn(missing_docs)]

mod budget;
mod chain_spec;
mod cli;
mod command;
mod finality;
mod gateway;
mod pool;
mod query;
mod rpc;
mod scale_json;
mod service;

/// jemalloc instead of glibc's malloc, for every allocation of the process (Rust's and the
/// C libraries'): under four minutes of full blocks glibc's per-thread arenas left the node's
/// RSS at 742 MiB (anonymous 561 MiB) and growing — docs/performance.md, "Memory".
#[cfg(target_os = "linux")]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> sc_cli::Result<()> {
	command::run()
}
