// The load harness (bench.mjs, run by scripts/bench.sh) kept working for every kind of call: a
// tiny run of each on its own dev chain lands every extrinsic and reports sane figures. Thirty
// extrinsics barely load a node, so this suite runs beside the 4-validator network suite, which
// mostly waits for sessions to turn.
import { harnessRun } from './harness.mjs';

const RUNS = [
  { kind: 'invoice32', count: 30, senders: 3 },
  { kind: 'expense', count: 30, senders: 3 },
  { kind: 'attest', count: 30, senders: 3 },
  { kind: 'notarize', count: 30, senders: 3 },
  { kind: 'items', count: 30, senders: 3 },
  { kind: 'work', count: 30, senders: 3 },
];
for (const r of RUNS) harnessRun(r);
