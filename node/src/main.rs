//! RegChain node: a permissioned Substrate chain run by government agencies.
#![warn(missing_docs)]

mod chain_spec;
mod cli;
mod command;
mod pool;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
