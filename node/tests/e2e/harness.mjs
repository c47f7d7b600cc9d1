// The load harness's test: one run of bench.mjs on a dev chain of its own, every extrinsic
// accounted for. Shared by load_harness.test.mjs (the bursts that fill the pool) and
// load_kinds.test.mjs (a tiny run of each domain call).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, tempDir, removeDir } from './helpers.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/**
 * A test that runs the load harness (bench.mjs) once on a dev chain of its own and checks that
 * every extrinsic landed, none failed or was lost, and the report's figures are sane. With
 * `nodeArgs` (a small pool) the pool must have refused some submissions as full, retriably.
 */
export function harnessRun({ kind, count, senders, nodeArgs, unordered }) {
  const name = `the load harness lands ${count} × ${kind} from ${senders} sender(s)${nodeArgs ? ` through a pool of 1,000` : ''}${unordered ? ', sent past refused nonces' : ''}, none lost`;
  test(name, async () => {
    const dir = tempDir('regchain-load-');
    try {
      const json = path.join(dir, 'report.json');
      const args = ['bench.mjs', '--kind', kind, '--count', String(count), '--senders', String(senders), '--json', json];
      if (nodeArgs) args.push('--node-args', nodeArgs);
      if (unordered) args.push('--unordered');
      const { code, stdout, stderr } = await run('node', args, { cwd: HERE });
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
