//! Compiles this crate a second time to WebAssembly: the on-chain code that validators execute
//! and that a runtime upgrade replaces.
fn main() {
	#[cfg(feature = "std")]
	{
		// The cargo target directory is shared outside the clone (see scripts/lib.sh), so the
		// Wasm builder cannot find this workspace's Cargo.lock by walking up from it: point it
		// at the workspace, so the Wasm build uses the same locked versions. Read at run time,
		// not with `env!`: clones at other paths share this compiled build script, and a path
		// baked in at compile time would name a clone that may be gone.
		if std::env::var_os("WASM_BUILD_WORKSPACE_HINT").is_none() {
			if let Some(manifest) = std::env::var_os("CARGO_MANIFEST_DIR") {
				let workspace = std::path::Path::new(&manifest).join("..");
				std::env::set_var("WASM_BUILD_WORKSPACE_HINT", workspace);
			}
		}
		substrate_wasm_builder::WasmBuilder::build_using_defaults();
	}
}
