// A 4-validator network of agencies, started by scripts/start-local-network.sh on free ports,
// finalizes blocks and every node reports the same finalized hash. Then the agencies' council
// adds a fifth validator — a new node whose session keys it generates itself — which starts
// authoring, and removes one, which stops, while finality never stops. The network is stopped
// by scripts/stop-local-network.sh (and the fifth node by this file) even when an assertion
// fails.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { base58Decode, cryptoWaitReady } from '@polkadot/util-crypto';
import {
  CLI_BIN, REPO_ROOT, NODE_BIN, announcedRpcPort, blockAuthor, connect, councilApprove, councilClose, councilDecides, finalizedNumber, freePortRange,
  removeDir, run, startNode, submit, tempDir, waitFor,
} from './helpers.mjs';

const N = 4;
let netDir;
let env;
let rpcBase;
let fifth;
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
  await fifth?.stop();
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
  // Peers connect within seconds of start; wait for it rather than read the count once. With
  // the load suites running beside it on two cores, a reconnection took over a minute once
  // (2026-12-07): three minutes, the check unchanged.
  await waitFor(`every node with ${N - 1} peers`, async () => {
    const peers = await Promise.all(apis.map(async (api) => (await api.rpc.system.health()).peers.toNumber()));
    return peers.every((n) => n === N - 1);
  }, 180000);
  // And no node has more: only the well-known nodes are peers.
  for (const api of apis) assert.equal((await api.rpc.system.health()).peers.toNumber(), N - 1);
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

test('a notarized file gets a proof file from one node that a court checks offline: signed by at least 3 of the 4 agencies', async () => {
  const dir = path.join(netDir, 'evidence');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'contract.pdf');
  writeFileSync(file, 'a contract signed on the 4-agency network');
  const cli = async (...args) => {
    const { code, stdout, stderr } = await run(CLI_BIN, ['notary', ...args, '--json']);
    return code === 0 ? { ok: JSON.parse(stdout) } : { error: stderr.trim() };
  };
  // Submitted through node 0 by the finance bureau; proved by node 2; keys read from node 3.
  const submitted = await cli('submit', file, '--url', `ws://127.0.0.1:${rpcBase}`, '--suri', '//Alice');
  assert.equal(submitted.error, undefined);
  const proof = path.join(dir, 'contract.proof.json');
  const proved = await cli('prove', file, '--url', `ws://127.0.0.1:${rpcBase + 2}`, '--out', proof);
  assert.equal(proved.error, undefined);
  const keys = await cli('authorities', '--url', `ws://127.0.0.1:${rpcBase + 3}`);
  assert.equal(keys.ok.authorities.length, 4);
  const trusted = path.join(dir, 'validators.json');
  writeFileSync(trusted, JSON.stringify(keys.ok));
  const verdict = await cli('check', proof, '--trusted', trusted, '--file', file);
  assert.equal(verdict.error, undefined);
  assert.equal(verdict.ok.block, submitted.ok.block);
  assert.equal(verdict.ok.signers[1], 4);
  assert.ok(verdict.ok.signers[0] >= 3, `signed by ${verdict.ok.signers[0]} of 4`);
  // A court that trusts only three of the agencies' keys refuses the proof.
  writeFileSync(trusted, JSON.stringify({ authorities: keys.ok.authorities.slice(0, 3) }));
  assert.match((await cli('check', proof, '--trusted', trusted)).error, /not the trusted validators' set/);
});

/** A raw JSON-RPC call over HTTP (for methods @polkadot/api 16 does not know). */
async function rpcCall(port, method, params) {
  const response = await fetch(`http://127.0.0.1:${port}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ id: 1, jsonrpc: '2.0', method, params }),
  });
  const body = await response.json();
  if (body.error) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.result;
}

/** Finalized height on node 0, checked to keep advancing while `what` happens. */
async function whileFinalizing(what, action) {
  const api = apis[0];
  let last = await finalizedNumber(api);
  let stalledSince = Date.now();
  let done = false;
  const watcher = (async () => {
    while (!done) {
      const now = await finalizedNumber(api);
      if (now > last) { last = now; stalledSince = Date.now(); }
      // GRANDPA finalizes every block or two; 30 s without progress is a stall.
      assert.ok(Date.now() - stalledSince < 30000, `finality stalled at #${last} during ${what}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  })();
  try {
    return await action();
  } finally {
    done = true;
    await watcher;
  }
}

/** Authors of the `count` blocks after best block #`from` (waits for them). */
async function authorsAfter(api, from, count) {
  await waitFor(`block #${from + count}`, async () =>
    (await api.rpc.chain.getHeader()).number.toNumber() >= from + count, 120000);
  const authors = [];
  for (let n = from + 1; n <= from + count; n++) {
    authors.push(await blockAuthor(api, await api.rpc.chain.getBlockHash(n)));
  }
  return authors;
}

test('the refusals that protect quorum hold on the running network', async () => {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const [alice, bob, charlie, dave] = ['//Alice', '//Bob', '//Charlie', '//Dave']
    .map((uri) => keyring.addFromUri(uri));
  const api = apis[0];
  // A validator purging its keys would drop out of production behind the minimum's back.
  await assert.rejects(submit(api, api.tx.session.purgeKeys(), alice), /Transaction call is not expected/);
  // No minimum above the validators that will produce (4 here).
  const raised = await councilDecides(api, api.tx.validatorSet.setMinValidators(5), [alice, bob, charlie, dave]);
  assert.equal(raised.error, 'validatorSet.TooFewValidators');
  assert.equal((await api.query.validatorSet.minValidators()).toNumber(), 3);
  // With a minimum of 4, no agency whose validator produces may be suspended.
  const council = [alice, bob, charlie, dave];
  assert.equal((await councilDecides(api, api.tx.validatorSet.setMinValidators(4), council)).error, null);
  const daveOrg = (await api.query.consortium.accountOrganization(dave.address)).unwrap();
  const suspended = await councilDecides(api, api.tx.consortium.suspend(daveOrg), council);
  assert.equal(suspended.error, 'validatorSet.TooFewValidators');
  assert.equal((await api.query.consortium.organizations(daveOrg)).unwrap().status.toString(), 'Active');
  assert.equal((await councilDecides(api, api.tx.validatorSet.setMinValidators(3), council)).error, null);
  assert.equal((await api.query.session.validators()).length, N);
});

test('governance admits a fifth node, makes it a validator that authors, removes one that stops; finality never stops', async () => {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const [alice, bob, charlie, dave, eve, ferdie] = ['//Alice', '//Bob', '//Charlie', '//Dave', '//Eve', '//Ferdie']
    .map((uri) => keyring.addFromUri(uri));
  const api = apis[0];

  // A fifth node of the IP office (Eve's agency), with no keys of its own yet.
  const dir = path.join(netDir, 'node5');
  mkdirSync(dir, { recursive: true });
  // A validator needs a persistent node key of its own.
  const keyGen = await run(NODE_BIN, ['key', 'generate-node-key', '--file', path.join(dir, 'node-key')]);
  assert.equal(keyGen.code, 0, keyGen.stderr);
  const peer = await run(NODE_BIN, ['key', 'inspect-node-key', '--file', path.join(netDir, 'net/node1/node-key')]);
  assert.equal(peer.code, 0, peer.stderr);
  const bootnode = `/ip4/127.0.0.1/tcp/${env.REGCHAIN_P2P_PORT_BASE}/p2p/${peer.stdout.trim()}`;
  fifth = startNode([
    '--chain', path.join(netDir, 'net/chain-raw.json'), '--base-path', dir, '--name', 'IP Office',
    // Ports the system chooses: nothing else can take them between choice and bind.
    '--port', '0', '--rpc-port', '0', '--no-prometheus',
    '--node-key-file', path.join(dir, 'node-key'), '--validator', '--database', 'paritydb', '--allow-private-ip', '--bootnodes', bootnode,
  ], { baseDir: dir });
  const rpc5 = await announcedRpcPort(path.join(dir, 'node.log'), fifth);
  const api5 = await connect(rpc5);
  try {
    // Not a well-known node yet: the validators give it no peer.
    const peerId = (await api5.rpc.system.localPeerId()).toString();
    const peerIdHex = `0x${Buffer.from(base58Decode(peerId)).toString('hex')}`;
    const start = (await api.rpc.chain.getHeader()).number.toNumber();
    await waitFor('3 more blocks', async () => (await api.rpc.chain.getHeader()).number.toNumber() >= start + 3, 60000);
    assert.equal((await api5.rpc.system.health()).peers.toNumber(), 0, 'an unknown node got peers');

    // Governance admits it as the IP office's node; then it joins and syncs.
    const admitted = await councilDecides(api,
      // `OpaquePeerId` is the peer id's bytes; Polkadot.js takes them as hex (a Uint8Array
      // would be read as already SCALE-encoded).
      api.tx.nodeAuthorization.addWellKnownNode(peerIdHex, eve.address),
      [alice, bob, charlie, dave]);
    const known = [...await api.query.nodeAuthorization.wellKnownNodes()].map((n) => n.toHex());
    assert.ok(known.includes(peerIdHex), 'the node is well known');
    assert.equal(admitted.error, null);
    await waitFor('the fifth node to get peers and sync', async () => {
      const health = await api5.rpc.system.health();
      const best = (await api5.rpc.chain.getHeader()).number.toNumber();
      return health.peers.toNumber() >= 1 && best >= start + 3;
    }, 120000, 2000);

    // Its session keys are generated in its own keystore, with a proof that Eve owns them.
    const owner = api.createType('AccountId', eve.address).toHex();
    const generated = await rpcCall(rpc5, 'author_rotateKeysWithOwner', [owner]);
    const setKeys = await submit(api, api.tx.session.setKeys(generated.keys, generated.proof), eve);
    assert.equal(setKeys.error, null);

    // The credit regulator's keys too (on the same node), for a second addition.
    const ferdieOwner = api.createType('AccountId', ferdie.address).toHex();
    const ferdieKeys = await rpcCall(rpc5, 'author_rotateKeysWithOwner', [ferdieOwner]);
    assert.equal((await submit(api, api.tx.session.setKeys(ferdieKeys.keys, ferdieKeys.proof), ferdie)).error, null);

    // Without keys the council could not have added it; now it can — and only one validator
    // a session: Ferdie's addition, closed in the same session as Eve's, is refused.
    await whileFinalizing('the addition', async () => {
      const council = [alice, bob, charlie, dave];
      const addEve = await councilApprove(api, api.tx.validatorSet.addValidator(eve.address), council);
      const addFerdie = await councilApprove(api, api.tx.validatorSet.addValidator(ferdie.address), council);
      const session = (await api.query.session.currentIndex()).toNumber();
      await waitFor('a fresh session', async () =>
        (await api.query.session.currentIndex()).toNumber() > session, 120000);
      const added = await councilClose(api, addEve, alice);
      assert.equal(added.error, null);
      const second = await councilClose(api, addFerdie, bob);
      assert.equal(second.error, 'validatorSet.TooManyAdditions');
      assert.ok(!(await api.query.validatorSet.validators()).map(String).includes(ferdie.address));
      await waitFor('Eve to become a session validator', async () =>
        (await api.query.session.validators()).map(String).includes(eve.address), 200000, 2000);
      assert.equal((await api.query.aura.authorities()).length, 5);
      assert.equal((await api.query.grandpa.authorities()).length, 5);
      const from = (await api.rpc.chain.getHeader()).number.toNumber();
      const authors = await authorsAfter(api, from, 10);
      assert.ok(authors.includes(eve.address), `Eve authored none of ${authors}`);
    });

    // Removing Dave: from two sessions on, his node authors nothing.
    await whileFinalizing('the removal', async () => {
      const removed = await councilDecides(api, api.tx.validatorSet.removeValidator(dave.address), [alice, bob, charlie, eve]);
      assert.equal(removed.error, null);
      await waitFor('Dave to leave the session validators', async () =>
        !(await api.query.session.validators()).map(String).includes(dave.address), 200000, 2000);
      const from = (await api.rpc.chain.getHeader()).number.toNumber();
      const authors = await authorsAfter(api, from, 10);
      assert.ok(!authors.includes(dave.address), 'Dave still authors');
      assert.ok(authors.includes(eve.address));
    });

    // All five running nodes agree on a finalized block reached after the removal.
    const target = (await api.rpc.chain.getHeader()).number.toNumber();
    await waitFor('finality past the removal on every node', async () =>
      (await Promise.all([...apis, api5].map(finalizedNumber))).every((n) => n >= target), 120000);
  } finally {
    await api5.disconnect().catch(() => {});
  }
});
