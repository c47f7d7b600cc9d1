//! What the runtime's weights assume of the node, measured on the reference machine by
//! `scripts/benchmark-weights.sh` (regenerate, do not edit): one storage read and one write in
//! the node's ParityDB ([`paritydb_weights`]), executing an empty block ([`block_weights`]) and
//! the smallest signed extrinsic with every transaction extension ([`extrinsic_weights`]). Each
//! pallet's call weights (`pallets/*/src/weights.rs`) add their own execution time to these.

pub mod block_weights;
pub mod extrinsic_weights;
pub mod paritydb_weights;
