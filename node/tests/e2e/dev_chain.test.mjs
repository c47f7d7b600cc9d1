// A `--dev` node, started from the real binary, produces and finalizes blocks and includes a
// signed extrinsic that @polkadot/api builds, signs and submits over RPC.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { finalizedNumber, startDevNode, waitFor } from './helpers.mjs';

let dev;
let api;
let baseDir;

before(async () => {
  await cryptoWaitReady();
  dev = await startDevNode('regchain-dev-');
  ({ api, baseDir } = dev);
});

after(async () => {
  await dev?.stop();
});

test('the dev chain uses ParityDB, not RocksDB', async () => {
  const { readdirSync } = await import('node:fs');
  const chains = readdirSync(`${baseDir}/chains`);
  assert.deepEqual(chains, ['regchain_dev']);
  const dbs = readdirSync(`${baseDir}/chains/regchain_dev`);
  assert.ok(dbs.includes('paritydb'), `expected a paritydb folder, found ${dbs}`);
  assert.ok(!dbs.includes('db'), 'a RocksDB folder exists');
});

test('the chain announces its name, token and SS58 prefix', async () => {
  assert.equal((await api.rpc.system.chain()).toString(), 'RegChain Development');
  const props = await api.rpc.system.properties();
  assert.equal(props.tokenSymbol.unwrap()[0].toString(), 'REG');
  assert.equal(props.tokenDecimals.unwrap()[0].toNumber(), 12);
  assert.equal(props.ss58Format.unwrap().toNumber(), 42);
  assert.equal(api.consts.system.ss58Prefix.toNumber(), 42);
  assert.equal(api.runtimeVersion.specName.toString(), 'regchain');
});

test('the standard RPC namespaces Polkadot.js uses are served', async () => {
  const { methods } = (await api.rpc.rpc.methods()).toJSON();
  for (const m of [
    'system_health', 'system_accountNextIndex', 'chain_getFinalizedHead', 'state_getMetadata',
    'author_submitAndWatchExtrinsic', 'payment_queryInfo', 'payment_queryFeeDetails',
    'grandpa_roundState', 'grandpa_proveFinality', 'rpc_methods',
  ]) {
    assert.ok(methods.includes(m), `missing RPC method ${m}`);
  }
});

test('blocks are produced and finalized', async () => {
  await waitFor('block #3 to be finalized', async () => (await finalizedNumber(api)) >= 3, 90000);
  const best = (await api.rpc.chain.getHeader()).number.toNumber();
  assert.ok(best >= 3);
});

test('a signed transfer submitted over RPC is included and finalized', async () => {
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const alice = keyring.addFromUri('//Alice');
  const bob = keyring.addFromUri('//Bob');
  const amount = 1_234_000_000_000n;
  const before = (await api.query.system.account(bob.address)).data.free.toBigInt();

  const tx = api.tx.balances.transferKeepAlive(bob.address, amount);
  // Fee estimation works as on any Substrate chain; members pay nothing.
  const fee = await tx.paymentInfo(alice);
  assert.ok(fee.weight.refTime.toBigInt() > 0n, 'fee estimation returns the weight');
  assert.equal(fee.partialFee.toBigInt(), 0n);

  const events = await new Promise((resolve, reject) => {
    tx.signAndSend(alice, ({ status, events, dispatchError }) => {
      if (dispatchError) reject(new Error(dispatchError.toString()));
      if (status.isFinalized) resolve(events);
    }).catch(reject);
  });
  const transfer = events.find(({ event }) => api.events.balances.Transfer.is(event));
  assert.ok(transfer, 'a Balances.Transfer event');
  assert.equal(transfer.event.data.to.toString(), bob.address);
  assert.equal(transfer.event.data.amount.toBigInt(), amount);
  assert.ok(events.some(({ event }) => api.events.system.ExtrinsicSuccess.is(event)));

  const after = (await api.query.system.account(bob.address)).data.free.toBigInt();
  assert.equal(after - before, amount);
});

test('a transaction with a bad signature is refused by the pool', async () => {
  const keyring = new Keyring({ type: 'sr25519' });
  const alice = keyring.addFromUri('//Alice');
  const tx = api.tx.balances.transferKeepAlive(keyring.addFromUri('//Bob').address, 1n);
  await tx.signAsync(alice);
  const bytes = tx.toU8a();
  const sig = tx.signature.toU8a();
  const at = Buffer.from(bytes).indexOf(Buffer.from(sig));
  assert.ok(at > 0, 'the signature is inside the encoded extrinsic');
  bytes[at + 10] ^= 0xff; // corrupt the signature, nothing else

  await assert.rejects(api.rpc.author.submitExtrinsic(bytes), /Invalid Transaction|bad signature|1010/i);
});

test('sessions that change no validator leave GRANDPA its authority set', async () => {
  // A session lasts 10 blocks; wait for two new ones. Before, each new session scheduled a new
  // GRANDPA authority set even though the validators were the same.
  await waitFor('session 2', async () => (await api.query.session.currentIndex()).toNumber() >= 2, 240000);
  assert.equal((await api.query.grandpa.currentSetId()).toNumber(), 0);
  assert.ok((await api.query.grandpa.pendingChange()).isNone);
});
