// The load harness (bench.mjs, run by scripts/bench.sh) under bursts that fill the pool: every
// extrinsic lands. These runs load the node, so the suite runs alone. Throughput is measured by
// scripts/bench.sh, never asserted here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { harnessRun } from './harness.mjs';
import { removeDir, run, tempDir } from './helpers.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

// A one-account burst: with Substrate's default (fork-aware) pool most of such a burst was
// sometimes dropped without an error; the node now uses the single-state pool. And a burst of
// three times what the pool holds (`--pool-limit 1000`) from several accounts at once: the pool
// used to take them all and evict accepted ones silently; now the excess is refused (1016,
// retriable), the harness retries as a client should, and every one lands. Also when the
// client keeps sending an account's later transactions past a refused one (--unordered): they
// would wait in the pool's future queue, which evicts its oldest when full (the harness's first
// retry loop lost 132–890 of 3,000 so); once that queue could fill, the node admits only an
// account's next transaction.
const RUNS = [
  { kind: 'invoice1', count: 2000, senders: 1 },
  { kind: 'invoice1', count: 3000, senders: 4, nodeArgs: '--pool-limit 1000' },
  { kind: 'invoice1', count: 3000, senders: 4, nodeArgs: '--pool-limit 1000', unordered: true },
];
for (const r of RUNS) harnessRun(r);

// The gateway flood (gateway_flood.mjs) briefly: public calls from 4 addresses are answered
// until each address's budget is spent, then refused (-32005), and blocks keep coming. Block
// timing under a long flood is measured by the script, never asserted here.
test('the gateway flood measurement runs: calls answered, then refused, blocks imported meanwhile', async () => {
  const dir = tempDir('regchain-flood-report-');
  try {
    const json = path.join(dir, 'report.json');
    const { code, stdout, stderr } = await run('node', ['gateway_flood.mjs', '--clients', '4', '--seconds', '15', '--quiet', '6', '--json', json], { cwd: HERE });
    assert.equal(code, 0, `${stdout}\n${stderr}`);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    assert.ok(report.answered > 0, 'calls were answered');
    assert.ok(report.busy > 0, 'the flood was refused');
    assert.equal(report.failedPosts, 0);
    assert.ok(report.flood.blocks >= 1, 'blocks were imported during the flood');
  } finally {
    removeDir(dir);
  }
});
