// A 4-validator network of agencies, started by scripts/start-local-network.sh on free ports,
// finalizes blocks and every node reports the same finalized hash. The network is stopped by
// scripts/stop-local-network.sh even when an assertion fails.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  REPO_ROOT, NODE_BIN, connect, finalizedNumber, freePortRange, removeDir, run, tempDir, waitFor,
} from './helpers.mjs';

const N = 4;
let netDir;
let env;
let rpcBase;
const apis = [];

before(async () => {
  netDir = tempDir('regchain-net-');
  const base = await freePortRange(3 * N);
  rpcBase = base + N;
  env = {
    ...process.env,
    REGCHAIN_NODE: NODE_BIN,
    REGCHAIN_NET_DIR: path.join(netDir, 'net'),
    REGCHAIN_P2P_PORT_BASE: String(base),
    REGCHAIN_RPC_PORT_BASE: String(rpcBase),
    REGCHAIN_PROMETHEUS_PORT_BASE: String(base + 2 * N),
  };
  const started = await run('bash', [path.join(REPO_ROOT, 'scripts/start-local-network.sh'), String(N)], { env });
  assert.equal(started.code, 0, `start-local-network.sh failed:\n${started.stderr}`);
  assert.match(started.stderr, /finality is advancing on all 4 validators/);
  for (let i = 0; i < N; i++) apis.push(await connect(rpcBase + i));
});

after(async () => {
  for (const api of apis) await api.disconnect().catch(() => {});
  if (env) {
    const stopped = await run('bash', [path.join(REPO_ROOT, 'scripts/stop-local-network.sh')], { env });
    assert.equal(stopped.code, 0, stopped.stderr);
  }
  if (netDir) removeDir(netDir);
});

test('the four agencies are the Aura and GRANDPA authorities', async () => {
  const aura = await apis[0].query.aura.authorities();
  assert.equal(aura.length, N);
  const grandpa = await apis[0].query.grandpa.authorities();
  assert.equal(grandpa.length, N);
  // No sudo key outside the development preset.
  assert.ok((await apis[0].query.sudo.key()).isNone);
});

test('every node is connected to the others', async () => {
  for (const api of apis) {
    const health = await api.rpc.system.health();
    assert.equal(health.peers.toNumber(), N - 1);
  }
});

test('finality advances and all nodes agree on the finalized chain', async () => {
  const start = await finalizedNumber(apis[0]);
  await waitFor('finality to advance by 3 blocks', async () => (await finalizedNumber(apis[0])) >= start + 3, 120000);
  // Every node must have finalized at least up to a common height, with the same hash there.
  let common = 0;
  await waitFor('all nodes to finalize the same height', async () => {
    const numbers = await Promise.all(apis.map(finalizedNumber));
    common = Math.min(...numbers);
    return common >= start + 3;
  }, 60000);
  const hashes = await Promise.all(apis.map((api) => api.rpc.chain.getBlockHash(common)));
  for (const h of hashes) assert.equal(h.toHex(), hashes[0].toHex());
});

test('blocks are authored by more than one agency', async () => {
  const api = apis[0];
  const authorities = (await api.query.aura.authorities()).map((a) => a.toString());
  const finalized = await finalizedNumber(api);
  const authors = new Set();
  for (let n = Math.max(1, finalized - 7); n <= finalized; n++) {
    const header = await api.rpc.chain.getHeader(await api.rpc.chain.getBlockHash(n));
    // Aura's pre-runtime digest carries the slot; its author is authorities[slot % count].
    const preRuntime = header.digest.logs.find((log) => log.isPreRuntime && log.asPreRuntime[0].toString() === 'aura');
    assert.ok(preRuntime, `block #${n} has an Aura pre-runtime digest`);
    const slot = api.createType('u64', preRuntime.asPreRuntime[1]).toBigInt();
    authors.add(authorities[Number(slot % BigInt(authorities.length))]);
  }
  assert.ok(authors.size >= 2, `authors: ${[...authors]}`);
});
