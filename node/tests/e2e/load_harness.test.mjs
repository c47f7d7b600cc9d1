// The load harness (bench.mjs, run by scripts/bench.sh) kept working: a tiny run of each kind
// of call on its own dev chain lands every extrinsic and reports sane figures. Throughput is
// measured by scripts/bench.sh, never asserted here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, tempDir, removeDir } from './helpers.mjs';

// A one-account burst too: with Substrate's default (fork-aware) pool most of such a burst was
// sometimes dropped without an error; the node now uses the single-state pool. And a burst of
// three times what the pool holds (`--pool-limit 1000`) from several accounts at once: the pool
// used to take them all and evict accepted ones silently; now the excess is refused (1016,
// retriable), the harness retries as a client should, and every one lands. Also when the
// client keeps sending an account's later transactions past a refused one (--unordered): they
// would wait in the pool's future queue, which evicts its oldest when full (the harness's first
// retry loop lost 132–890 of 3,000 so); once that queue could fill, the node admits only an
// account's next transaction.
const RUNS = [
  { kind: 'invoice32', count: 30, senders: 3 },
  { kind: 'expense', count: 30, senders: 3 },
  { kind: 'attest', count: 30, senders: 3 },
  { kind: 'notarize', count: 30, senders: 3 },
  { kind: 'items', count: 30, senders: 3 },
  { kind: 'work', count: 30, senders: 3 },
  { kind: 'invoice1', count: 2000, senders: 1 },
  { kind: 'invoice1', count: 3000, senders: 4, nodeArgs: '--pool-limit 1000' },
  { kind: 'invoice1', count: 3000, senders: 4, nodeArgs: '--pool-limit 1000', unordered: true },
];
for (const { kind, count, senders, nodeArgs, unordered } of RUNS) {
  const name = `the load harness lands ${count} × ${kind} from ${senders} sender(s)${nodeArgs ? ` through a pool of 1,000` : ''}${unordered ? ', sent past refused nonces' : ''}, none lost`;
  test(name, async () => {
    const dir = tempDir('regchain-load-');
    try {
      const json = path.join(dir, 'report.json');
      const here = path.dirname(fileURLToPath(import.meta.url));
      const args = ['bench.mjs', '--kind', kind, '--count', String(count), '--senders', String(senders), '--json', json];
      if (nodeArgs) args.push('--node-args', nodeArgs);
      if (unordered) args.push('--unordered');
      const { code, stdout, stderr } = await run('node', args, { cwd: here });
      assert.equal(code, 0, `${stdout}\n${stderr}`);
      const report = JSON.parse(readFileSync(json, 'utf8'));
      assert.equal(report.kind, kind);
      assert.equal(report.unordered, Boolean(unordered));
      assert.equal(report.included, count);
      assert.equal(report.lost, 0);
      assert.equal(report.failedInBlock, 0);
      assert.equal(report.refusedAtSubmission, 0);
      if (nodeArgs) {
        assert.ok(report.retriedWhilePoolFull > 0, 'the pool never refused: the burst did not fill it');
        for (const reason of Object.keys(report.refusals)) assert.match(reason, /1016: Immediately Dropped/);
      } else {
        assert.equal(report.retriedWhilePoolFull, 0);
      }
      assert.ok(report.weightLimitPerBlock > 0 && report.callWeightRefTime > 0);
      assert.ok(report.finalityMs.p99 >= report.inclusionMs.p99);
      assert.ok(report.nodeRssMiB > 0 && report.nodeRssMaxMiB >= report.nodeRssMiB);
    } finally {
      removeDir(dir);
    }
  });
}
