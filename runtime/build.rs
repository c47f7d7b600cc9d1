//! Compiles this crate a second time to WebAssembly: the on-chain code that validators execute
//! and that a runtime upgrade replaces.
fn main() {
	#[cfg(feature = "std")]
	{
		// The cargo target directory is shared outside the clone (see scripts/lib.sh), so the
		// Wasm builder cannot find this workspace's Cargo.lock by walking up from it: point it
		// at the workspace, so the Wasm build uses the same locked versions.
		if std::env::var_os("WASM_BUILD_WORKSPACE_HINT").is_none() {
			let workspace = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
			std::env::set_var("WASM_BUILD_WORKSPACE_HINT", workspace);
		}
		substrate_wasm_builder::WasmBuilder::build_using_defaults();
	}
}
