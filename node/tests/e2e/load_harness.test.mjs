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
// sometimes dropped without an error; the node now uses the single-state pool.
for (const [kind, count, senders] of [['invoice32', 30, 3], ['expense', 30, 3], ['invoice1', 2000, 1]]) {
  test(`the load harness lands ${count} × ${kind} from ${senders} sender(s), none lost`, async () => {
    const dir = tempDir('regchain-load-');
    try {
      const json = path.join(dir, 'report.json');
      const here = path.dirname(fileURLToPath(import.meta.url));
      const args = ['bench.mjs', '--kind', kind, '--count', String(count), '--senders', String(senders), '--json', json];
      const { code, stdout, stderr } = await run('node', args, { cwd: here });
      assert.equal(code, 0, `${stdout}\n${stderr}`);
      const report = JSON.parse(readFileSync(json, 'utf8'));
      assert.equal(report.kind, kind);
      assert.equal(report.included, count);
      assert.equal(report.lost, 0);
      assert.equal(report.failedInBlock, 0);
      assert.equal(report.refusedAtSubmission, 0);
      assert.ok(report.weightLimitPerBlock > 0 && report.callWeightRefTime > 0);
      assert.ok(report.finalityMs.p99 >= report.inclusionMs.p99);
      assert.ok(report.nodeRssMiB > 0);
    } finally {
      removeDir(dir);
    }
  });
}
