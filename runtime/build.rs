//! Compiles this crate a second time to WebAssembly: the on-chain code that validators execute
//! and that a runtime upgrade replaces.
fn main() {
	#[cfg(feature = "std")]
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}
