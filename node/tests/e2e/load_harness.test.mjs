// The load harness (bench.mjs, run by scripts/bench.sh) kept working: a tiny run of each kind
// of call on its own dev chain lands every extrinsic and reports sane figures. Throughput is
// measured by scripts/bench.sh, never asserted here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, tempDir, removeDir } from './helpers.mjs';

for (const kind of ['invoice32', 'expense']) {
  test(`the load harness lands a small ${kind} load and reports it`, async () => {
    const dir = tempDir('regchain-load-');
    try {
      const json = path.join(dir, 'report.json');
      const here = path.dirname(fileURLToPath(import.meta.url));
      const args = ['bench.mjs', '--kind', kind, '--count', '30', '--senders', '3', '--json', json];
      const { code, stdout, stderr } = await run('node', args, { cwd: here });
      assert.equal(code, 0, `${stdout}\n${stderr}`);
      const report = JSON.parse(readFileSync(json, 'utf8'));
      assert.equal(report.kind, kind);
      assert.equal(report.included, 30);
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
