// Multi-block migrations on a running `--dev` node. The notarization pallet is put back to its
// storage version 1 with its owner index gone (sudo `system.setStorage` and `system.killPrefix`,
// the state a chain from before that index holds), and `multiBlockMigrations.forceOnboardMbms`
// starts the runtime's migrations as a runtime upgrade does: the node goes on producing blocks,
// the migrations run in a block that takes no transaction (a member's notarization submitted
// meanwhile lands in the next), the events announce them, and the index is rebuilt at version 3.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, xxhashAsHex } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import { startDevNode, submit } from './helpers.mjs';

let dev;
let api;
let alice; // the dev chain's sudo key
let dave; // the court

const digest = (n) => u8aToHex(new Uint8Array(32).fill(n));
const notarize = (n) => api.tx.notarization.notarize('Sha256', digest(n), 'Contract', digest(0xee), null);
const versionKey = (pallet) => xxhashAsHex(pallet, 128) + xxhashAsHex(':__STORAGE_VERSION__:', 128).slice(2);
const storageVersion = async (pallet) => (await api.rpc.state.getStorage(versionKey(pallet))).toHex();

/** Dispatches `call` as root through the sudo key; fails unless the call itself succeeded. */
async function sudo(call) {
  const result = await submit(api, api.tx.sudo.sudo(call), alice);
  assert.equal(result.error, null);
  const sudid = result.events.find(({ event }) => api.events.sudo.Sudid.is(event)).event.data.sudoResult;
  assert.ok(sudid.isOk, `${call.method.section}.${call.method.method}: ${sudid.toString()}`);
  return result;
}

before(async () => {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  dev = await startDevNode('regchain-upgrade-');
  ({ api } = dev);
  alice = keyring.addFromUri('//Alice');
  dave = keyring.addFromUri('//Dave');
});

after(async () => {
  await dev?.stop();
});

test('a migration walks the records in blocks that take no transaction, and rebuilds the index', async () => {
  const court = (await api.query.consortium.accountOrganization(dave.address)).unwrap().toNumber();
  for (const n of [1, 2, 3]) assert.equal((await submit(api, notarize(n), dave)).error, null);
  const indexed = async () => (await api.query.notarization.recordsByOwner.keys(court)).length;
  assert.equal(await indexed(), 3);
  assert.equal(await storageVersion('Notarization'), '0x0300');

  // The state of a chain from before the owner index: version 1, no index.
  await sudo(api.tx.system.setStorage([[versionKey('Notarization'), '0x0100']]));
  await sudo(api.tx.system.killPrefix(api.query.notarization.recordsByOwner.keyPrefix(), 100));
  assert.equal(await indexed(), 0);
  assert.equal(await storageVersion('Notarization'), '0x0100');

  // The upgrade's start; a member's transaction submitted right after it waits.
  const started = await sudo(api.tx.multiBlockMigrations.forceOnboardMbms());
  const startBlock = (await api.rpc.chain.getHeader(started.blockHash)).number.toNumber();
  const waiting = await submit(api, notarize(4), dave);
  assert.equal(waiting.error, null);
  const landedAt = (await api.rpc.chain.getHeader(waiting.blockHash)).number.toNumber();

  // The upgrade starts in the sudo call's block; the blocks between are migration blocks,
  // inherents only, announcing the migrations.
  const names = [];
  for (let number = startBlock; number < landedAt; number++) {
    const hash = await api.rpc.chain.getBlockHash(number);
    if (number > startBlock) {
      const block = await api.rpc.chain.getBlock(hash);
      assert.equal(block.block.extrinsics.filter((x) => x.isSigned).length, 0, `block ${number} took a transaction`);
    }
    const events = await (await api.at(hash)).query.system.events();
    for (const { event } of events) {
      if (event.section === 'multiBlockMigrations') names.push(event.method);
    }
  }
  assert.ok(landedAt > startBlock + 1, 'the transaction waited for the migrations');
  assert.equal(names[0], 'UpgradeStarted');
  assert.equal(names.at(-1), 'UpgradeCompleted');
  assert.ok(names.includes('MigrationCompleted'));
  assert.ok(!names.includes('UpgradeFailed'));
  assert.ok((await api.query.multiBlockMigrations.cursor()).isNone);

  // The index is whole again (with the record that waited), at version 3.
  assert.equal(await storageVersion('Notarization'), '0x0300');
  assert.equal(await indexed(), 4);
  const found = (await api.call.notarizationApi.verifyDigest('Sha256', digest(2))).unwrap();
  assert.equal(found.record.owner.toNumber(), court);
});
