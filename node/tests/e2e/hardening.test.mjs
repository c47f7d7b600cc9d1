// The consortium layer hardened, on a running `--dev` node through @polkadot/api: what one
// member or one clerk key tried before (free remarks of megabytes, thousands of peer ids,
// flooding the pool, a zero quota) is refused, and the others are not delayed by it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { addAccount, joinConsent, registerOrganization, startDevNode, submit, waitFor } from './helpers.mjs';

let dev;
let api;
let keyring;
const key = (uri) => keyring.addFromUri(uri);

before(async () => {
  await cryptoWaitReady();
  keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  dev = await startDevNode('regchain-hardening-');
  ({ api } = dev);
  for (const [uri, code] of [['//Flooder', '91350100M000100Y43'], ['//Patient', '91440300708461136T']]) {
    const registered = await registerOrganization(api, key('//Charlie'), {
      name: uri.slice(2), code, account: key(uri),
    });
    assert.equal(registered.error, null);
  }
});

after(async () => {
  await dev?.stop();
});

const orgOf = async (uri) => (await api.query.consortium.accountOrganization(key(uri).address)).unwrap().toNumber();

test('a member can neither remark nor write peer ids for free', async () => {
  const sme = key('//Flooder');
  await assert.rejects(submit(api, api.tx.system.remark('0x' + '00'.repeat(1 << 20)), sme),
    /Transaction call is not expected/);
  await assert.rejects(submit(api, api.tx.system.remark('hello'), key('//Alice')),
    /Transaction call is not expected/, 'agencies do not remark either');
  const peer = (n) => '0x' + n.toString(16).padStart(2, '0').repeat(38);
  await assert.rejects(submit(api, api.tx.nodeAuthorization.claimNode(peer(1)), sme),
    /Transaction call is not expected/);
  const many = Array.from({ length: 2000 }, (_, i) => '0x' + i.toString(16).padStart(8, '0'));
  await assert.rejects(submit(api, api.tx.nodeAuthorization.addConnections(peer(1), many), key('//Alice')),
    /Transaction call is not expected/);
  assert.equal((await api.query.nodeAuthorization.owners(peer(1))).isNone, true);
});

test('the pool holds no more of a flood than the quota allows, and others go first', async () => {
  const flooder = key('//Flooder');
  const patient = key('//Patient');
  const quota = 150;
  const set = await submit(api, api.tx.sudo.sudo(api.tx.consortium.setTxQuota(await orgOf('//Flooder'), quota)), key('//Alice'));
  assert.equal(set.error, null);
  // Cheap calls that fail in the block (no such account): they still count against the quota.
  const stranger = key('//Stranger').address;
  const first = (await api.rpc.system.accountNextIndex(flooder.address)).toNumber();
  const signed = [];
  for (let i = 0; i < quota + 50; i++) {
    signed.push(await api.tx.consortium.removeAccount(stranger).signAsync(flooder, { nonce: first + i, era: 0 }));
  }
  const startBlock = (await api.rpc.chain.getHeader()).number.toNumber();
  const outcomes = await Promise.allSettled(signed.map((tx) => api.rpc.author.submitExtrinsic(tx)));
  const accepted = outcomes.filter((o) => o.status === 'fulfilled').length;
  const refused = outcomes.filter((o) => o.status === 'rejected');
  assert.equal(accepted, quota, 'exactly the quota is accepted into the pool');
  for (const r of refused) assert.match(String(r.reason), /Custom error: 1/);

  // Another organization's transaction, sent after the flood, lands in the next blocks, and
  // ahead of every transaction of the flood in its block: the pool serves first the
  // organization that has used less of its quota.
  const patientOrg = await orgOf('//Patient');
  const consent = await joinConsent(api, key('//PatientClerk'), patientOrg);
  const join = api.tx.consortium.addAccount(key('//PatientClerk').address, false, consent.validUntil, consent.signature);
  const { blockHash, error } = await submit(api, join, patient);
  assert.equal(error, null);
  const landed = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();
  assert.ok(landed <= startBlock + 3, `landed in block ${landed}, flood began after ${startBlock}`);
  const { block } = await api.rpc.chain.getBlock(blockHash);
  const signers = block.extrinsics.map((xt) => (xt.isSigned ? xt.signer.toString() : null));
  const patientAt = signers.indexOf(patient.address);
  const floodAt = signers.map((s, i) => (s === flooder.address ? i : -1)).filter((i) => i >= 0);
  assert.ok(patientAt >= 0);
  assert.ok(floodAt.every((i) => i > patientAt), `patient at ${patientAt}, flood at ${floodAt.slice(0, 5)}…`);

  // Nothing accepted is lost: every one of the flood is included.
  await waitFor('the flood included', async () =>
    (await api.rpc.system.accountNextIndex(flooder.address)).toNumber() === first + quota, 120000);
  const usage = (await api.query.consortium.txUsage(await orgOf('//Flooder'))).unwrap();
  assert.equal(usage.txs.toNumber(), quota);
});

test('no quota can lock governance out', async () => {
  // Before, setTxQuota(None, 0) refused every transaction, the council's included, for good.
  const zero = await submit(api, api.tx.sudo.sudo(api.tx.consortium.setTxQuota(null, 0)), key('//Alice'));
  const sudid = zero.events.find(({ event }) => api.events.sudo.Sudid.is(event));
  const result = sudid.event.data.sudoResult;
  assert.ok(result.isErr);
  const { section, name } = api.registry.findMetaError(result.asErr.asModule);
  assert.equal(`${section}.${name}`, 'consortium.QuotaBelowFloor');

  // The tax bureau at the floor, used up by a clerk: its seat still proposes.
  const floor = api.consts.consortium.minTxQuota.toNumber();
  const taxOrg = await orgOf('//Bob');
  assert.equal((await submit(api, api.tx.sudo.sudo(api.tx.consortium.setTxQuota(taxOrg, floor)), key('//Alice'))).error, null);
  const clerk = key('//TaxClerk');
  assert.equal((await addAccount(api, key('//Bob'), clerk)).error, null);
  const first = (await api.rpc.system.accountNextIndex(clerk.address)).toNumber();
  const used = (await api.query.consortium.txUsage(taxOrg)).unwrap().txs.toNumber();
  const txs = [];
  for (let i = 0; i < floor - used; i++) {
    txs.push(api.rpc.author.submitExtrinsic(await api.tx.consortium.removeAccount(key('//Nobody').address)
      .signAsync(clerk, { nonce: first + i, era: 0 })));
  }
  await Promise.all(txs);
  await waitFor('the clerk used the quota', async () =>
    (await api.query.consortium.txUsage(taxOrg)).unwrap().txs.toNumber() === floor, 60000);
  await assert.rejects(submit(api, api.tx.consortium.removeAccount(key('//Other').address), key('//Bob')),
    /Custom error: 1/);
  const undo = api.tx.consortium.setTxQuota(taxOrg, 1000);
  const proposed = await submit(api, api.tx.agencyCouncil.propose(4, undo, undo.method.encodedLength), key('//Bob'));
  assert.equal(proposed.error, null);
  assert.ok(proposed.events.some(({ event }) => api.events.agencyCouncil.Proposed.is(event)));
});
