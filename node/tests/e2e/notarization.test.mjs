// Evidence notarization on a running `--dev` node: members notarize digests through
// @polkadot/api and the command-line tool (`regchain-cli notary`), which also anchors a folder
// as one Merkle batch, writes court-ready proof files and checks them offline; the court
// certifies and marks records; every refusal is checked by its decoded error, and the offline
// check by the reason it gives for each tampered part.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import {
  CLI_BIN, registerOrganization, removeDir, run, sampleCreditCode, startDevNode, submit, tempDir,
} from './helpers.mjs';

let dev;
let api;
let url;
let work;
let dave; // the court
let bob; // the tax bureau
let sme;
const SME_URI = '//NotarizingWorkshop';
const orgs = {};
const hash = (n) => u8aToHex(new Uint8Array(32).fill(n));

const ok = async (tx, signer) => {
  const result = await submit(api, tx, signer);
  assert.equal(result.error, null);
  return result;
};
const eventOf = (result, name) => result.events.find(({ event }) => api.events.notarization[name].is(event)).event.data;

/**
 * Runs the tool; its JSON answer, or the error line it printed and its exit status — 1 for bad
 * input, 5 for a call that failed in its block (the documented statuses of every command).
 */
async function cli(...args) {
  const { code, stdout, stderr } = await run(CLI_BIN, ['notary', ...args, '--json']);
  if (code === 0) return { ok: JSON.parse(stdout) };
  assert.ok([1, 5].includes(code), `regchain-cli crashed or could not reach the node (${code}): ${stderr}`);
  return { error: stderr.trim(), code };
}
const cliOk = async (...args) => {
  const answer = await cli(...args);
  assert.equal(answer.error, undefined);
  return answer.ok;
};

before(async () => {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  dev = await startDevNode('regchain-notarization-');
  ({ api } = dev);
  url = `ws://127.0.0.1:${new URL(api._options.provider.endpoint).port}`;
  work = tempDir('regchain-evidence-');
  dave = keyring.addFromUri('//Dave');
  bob = keyring.addFromUri('//Bob');
  sme = keyring.addFromUri(SME_URI);
  const charlie = keyring.addFromUri('//Charlie');
  orgs.court = (await api.query.consortium.accountOrganization(dave.address)).unwrap().toNumber();
  const registered = await registerOrganization(api, charlie, { kind: 'Enterprise', name: 'sme', code: sampleCreditCode(2101), account: sme });
  assert.equal(registered.error, null);
  orgs.sme = (await api.query.consortium.accountOrganization(sme.address)).unwrap().toNumber();
  // The court grants itself the notary role (courts hold it in law).
  await ok(api.tx.consortium.grantRole(orgs.court, 'Notary'), dave);
});

after(async () => {
  await dev?.stop();
  if (work) removeDir(work);
});

test('a member notarizes a digest once; the query names the original; a bad algorithm is refused', async () => {
  const digest = hash(0x21);
  const done = await ok(api.tx.notarization.notarize('Sha256', digest, 'Contract', hash(2), null), sme);
  const { id } = eventOf(done, 'Notarized');
  const again = await submit(api, api.tx.notarization.notarize('Sha256', digest, 'Image', hash(3), null), sme);
  assert.equal(again.error, 'notarization.AlreadyNotarized');
  const found = (await api.call.notarizationApi.verifyDigest('Sha256', digest)).unwrap();
  assert.equal(found.id.toNumber(), id.toNumber());
  assert.equal(found.record.owner.toNumber(), orgs.sme);
  assert.equal(found.record.evidenceType.type, 'Contract');
  assert.ok(found.record.at.toNumber() > 1_700_000_000_000, 'on-chain time, in ms');
  assert.equal(found.certifications.length, 0);
  // The same bytes under another algorithm are another digest.
  assert.ok((await api.call.notarizationApi.verifyDigest('Sm3', digest)).isNone);
  // An algorithm the chain does not know (index 3) does not even decode.
  await assert.rejects(api.rpc.state.call('NotarizationApi_verify_digest', `0x03${digest.slice(2)}`), /decode|Codec|Execution/i);
  // A non-member cannot notarize.
  const stranger = new Keyring({ type: 'sr25519' }).addFromUri('//NoOrganization');
  await assert.rejects(submit(api, api.tx.notarization.notarize('Sha256', hash(0x22), 'Other', hash(2), null), stranger), /Invalid|1010|member/i);
});

test('the court certifies, admits, challenges and withdraws; others and second certifications are refused', async () => {
  const digest = hash(0x31);
  const { id } = eventOf(await ok(api.tx.notarization.notarize('Sm3', digest, 'ChatRecord', hash(2), null), sme), 'Notarized');
  const now = (await api.query.timestamp.now()).toNumber();
  const certify = api.tx.notarization.certify(id, digest, 0, [], hash(9), now);
  assert.equal((await submit(api, certify, bob)).error, 'BadOrigin');
  assert.equal((await submit(api, certify, sme)).error, 'BadOrigin');
  const certified = eventOf(await ok(certify, dave), 'Certified');
  assert.equal(certified.office.toNumber(), orgs.court);
  assert.equal((await submit(api, api.tx.notarization.certify(id, digest, 0, [], hash(9), now), dave)).error, 'notarization.AlreadyCertified');
  assert.equal((await submit(api, api.tx.notarization.certify(id, hash(0x32), 0, [], hash(9), now), dave)).error, 'notarization.NotInRecord');
  assert.equal((await submit(api, api.tx.notarization.certify(id + 1000, digest, 0, [], hash(9), now), dave)).error, 'notarization.RecordNotFound');
  await ok(api.tx.notarization.markAdmitted(id, digest, hash(0x41)), dave);
  const certifications = async () => (await api.call.notarizationApi.verifyDigest('Sm3', digest)).unwrap().certifications;
  assert.deepEqual((await certifications()).map((c) => c.office.toNumber()), [orgs.court]);
  let status = (await certifications())[0].status;
  assert.equal(status.type, 'Admitted');
  assert.equal(status.asAdmitted.case.toHex(), hash(0x41));
  await ok(api.tx.notarization.markChallenged(id, digest, hash(0x42)), dave);
  await ok(api.tx.notarization.withdrawCertification(id, digest, hash(0x43)), dave);
  status = (await certifications())[0].status;
  assert.equal(status.type, 'Withdrawn');
  assert.equal((await submit(api, api.tx.notarization.markAdmitted(id, digest, hash(0x44)), dave)).error, 'notarization.Withdrawn');
  // The court freezes the record; a frozen record's certification cannot be given.
  const other = hash(0x33);
  const second = eventOf(await ok(api.tx.notarization.notarize('Sm3', other, 'Email', hash(2), null), sme), 'Notarized').id;
  await ok(api.tx.notarization.freeze(second, hash(0x45)), dave);
  assert.equal((await submit(api, api.tx.notarization.certify(second, other, 0, [], hash(9), now), dave)).error, 'notarization.Frozen');
  assert.ok((await api.call.notarizationApi.verifyDigest('Sm3', other)).unwrap().frozen.isSome);
});

test('the tool anchors a folder as one batch: every item verifies by its proof, a wrong one is refused, an indexed item is the original', async () => {
  const folder = path.join(work, 'case-2026-118');
  mkdirSync(path.join(folder, 'photos'), { recursive: true });
  for (let i = 0; i < 5; i++) writeFileSync(path.join(folder, 'photos', `p${i}.jpg`), `photo ${i} of the site`);
  writeFileSync(path.join(folder, 'contract.pdf'), 'the signed contract');
  writeFileSync(path.join(folder, 'chat.txt'), 'the chat record');
  const manifestPath = path.join(work, 'case.batch.json');
  const submitted = await cliOk('submit', folder, '--url', url, '--suri', SME_URI, '--evidence-type', 'chat-record', '--manifest', manifestPath);
  assert.equal(submitted.leaves, 7);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  assert.equal(manifest.record, submitted.record);
  assert.deepEqual(manifest.items.map((i) => i.path), ['chat.txt', 'contract.pdf', 'photos/p0.jpg', 'photos/p1.jpg', 'photos/p2.jpg', 'photos/p3.jpg', 'photos/p4.jpg']);
  const [id, anchored] = (await api.call.notarizationApi.batchOfRoot(manifest.root)).unwrap();
  assert.equal(id.toNumber(), submitted.record);
  assert.equal(anchored.owner.toNumber(), orgs.sme);
  assert.deepEqual(anchored.anchor.asBatch.leaves.toNumber(), 7);
  for (const item of manifest.items) {
    const found = await api.call.notarizationApi.verifyInBatch(id, 'Sm3', item.digest, item.index, item.proof);
    assert.equal(found.unwrap().id.toNumber(), submitted.record, item.path);
  }
  const [first, second] = manifest.items;
  // Another member who saw an item notarizes it singly, later: found by itself, it would pass
  // as the original — until the batch's owner indexes the item.
  const copied = manifest.items[2];
  const single = eventOf(await ok(api.tx.notarization.notarize('Sm3', copied.digest, 'Image', hash(2), null), bob), 'Notarized').id.toNumber();
  assert.equal((await api.call.notarizationApi.verifyDigest('Sm3', copied.digest)).unwrap().id.toNumber(), single);
  assert.equal((await submit(api, api.tx.notarization.indexBatchDigest(id, copied.digest, copied.index, copied.proof), bob)).error, 'notarization.NotRecordOwner');
  await ok(api.tx.notarization.indexBatchDigest(id, copied.digest, copied.index, copied.proof), sme);
  const original = (await api.call.notarizationApi.verifyDigest('Sm3', copied.digest)).unwrap();
  assert.equal(original.id.toNumber(), submitted.record);
  assert.equal(original.batchIndex.unwrap().toNumber(), copied.index);
  assert.equal(original.later.unwrap().toNumber(), single);
  assert.ok((await api.call.notarizationApi.verifyInBatch(id, 'Sm3', first.digest, first.index, second.proof)).isNone);
  assert.ok((await api.call.notarizationApi.verifyInBatch(id, 'Sm3', first.digest, second.index, first.proof)).isNone);
  // The tool finds a file by its manifest; a changed file is not notarized.
  const verified = await cliOk('verify', path.join(folder, 'contract.pdf'), '--url', url, '--manifest', manifestPath);
  assert.equal(verified.record, submitted.record);
  writeFileSync(path.join(work, 'forged.pdf'), 'the signed contract, altered');
  assert.match((await cli('verify', path.join(work, 'forged.pdf'), '--url', url, '--manifest', manifestPath)).error, /is not an item of the manifest/);
  // The court certifies one item by its proof; a wrong proof is refused on chain.
  const now = (await api.query.timestamp.now()).toNumber();
  assert.equal((await submit(api, api.tx.notarization.certify(id, first.digest, first.index, second.proof, hash(9), now), dave)).error, 'notarization.InvalidProof');
  await ok(api.tx.notarization.certify(id, first.digest, first.index, first.proof, hash(9), now), dave);
  // Anchoring the same root again is refused by name.
  const again = await cli('submit', folder, '--url', url, '--suri', SME_URI, '--manifest', path.join(work, 'again.json'));
  assert.equal(again.code, 5);
  assert.match(again.error, /Notarization\.AlreadyNotarized/);
});

test('a proof file checks offline against the validator keys; each tampered part is refused', async () => {
  const evidence = path.join(work, 'screenshot.png');
  writeFileSync(evidence, 'a web page as captured on 2026-11-26');
  // The key from a file, as every command takes it (a command line is visible in `ps`).
  const keyFile = path.join(work, 'sme.suri');
  writeFileSync(keyFile, `${SME_URI}\n`, { mode: 0o600 });
  const submitted = await cliOk('submit', evidence, '--url', url, '--suri-file', keyFile, '--evidence-type', 'web-page');
  // Signed mortal: replayable for a few hundred blocks at most, not for ever.
  const { block } = await api.rpc.chain.getBlock(await api.rpc.chain.getBlockHash(submitted.block));
  const extrinsic = block.extrinsics.find((x) => x.method.section === 'notarization');
  assert.ok(extrinsic.era.isMortalEra, 'a mortal extrinsic');
  assert.equal(extrinsic.era.asMortalEra.period.toNumber(), 256);
  const proofPath = path.join(work, 'screenshot.proof.json');
  const proved = await cliOk('prove', evidence, '--url', url, '--out', proofPath);
  assert.equal(proved.record, submitted.record);
  const trustedPath = path.join(work, 'validators.json');
  writeFileSync(trustedPath, JSON.stringify((await cliOk('authorities', '--url', url))));
  // The node is stopped for nothing here; the check reads only the two files.
  const verdict = await cliOk('check', proofPath, '--trusted', trustedPath, '--file', evidence);
  assert.equal(verdict.record_id, submitted.record);
  assert.equal(verdict.owner, orgs.sme);
  assert.equal(verdict.block, submitted.block);
  assert.ok(verdict.finalized >= verdict.block);
  assert.deepEqual(verdict.signers, [1, 1]);
  assert.match(verdict.at_cst, /^20\d\d-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \+08:00$/);
  assert.deepEqual(verdict.certifications, []);

  const original = JSON.parse(readFileSync(proofPath, 'utf8'));
  const refused = async (change, reason) => {
    const tampered = structuredClone(original);
    change(tampered);
    const file = path.join(work, 'tampered.json');
    writeFileSync(file, JSON.stringify(tampered));
    const answer = await cli('check', file, '--trusted', trustedPath);
    assert.match(answer.error ?? 'accepted', reason);
  };
  const flip = (hex, at) => hex.slice(0, at) + (hex[at] === '0' ? '1' : '0') + hex.slice(at + 1);
  // The record: another owner byte (its first byte is the owner's id).
  await refused((p) => { p.record = flip(p.record, 3); }, /is not in the state of block/);
  // The header: another state root (bytes 33.. after the parent hash and the number).
  await refused((p) => { p.header = flip(p.header, 2 + 2 * 40); }, /header chain is broken|does not match the state root|justification finalizes/);
  // The justification: one byte of a signature.
  await refused((p) => { p.justification = flip(p.justification, p.justification.length - 140); }, /justification/);
  // The authority set: another key, or another set id.
  await refused((p) => { p.authorities[0][0] = hash(7); }, /not the trusted validators' set/);
  await refused((p) => { p.set_id += 1; }, /not signed by the trusted validators in set/);
  // The digest: another one.
  await refused((p) => { p.digest = hash(8); }, /does not anchor this digest/);
  // A file other than the notarized one.
  writeFileSync(path.join(work, 'other.png'), 'another page');
  assert.match((await cli('check', proofPath, '--trusted', trustedPath, '--file', path.join(work, 'other.png'))).error, /is not the notarized file/);
  // Trusted keys of another network refuse a genuine proof.
  const strangers = path.join(work, 'strangers.json');
  writeFileSync(strangers, JSON.stringify([hash(5)]));
  assert.match((await cli('check', proofPath, '--trusted', strangers)).error, /not the trusted validators' set/);
});

test('a batch item gets a proof file too, with its court\'s certification, and the batch benchmark anchors and verifies on the node', async () => {
  const manifestPath = path.join(work, 'case.batch.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  // The first item, which the court certified: the file proves that certification too.
  const item = manifest.items[0];
  const proofPath = path.join(work, 'item.proof.json');
  await cliOk('prove', '--digest', item.digest, '--manifest', manifestPath, '--url', url, '--out', proofPath);
  const trustedPath = path.join(work, 'validators.json');
  const verdict = await cliOk('check', proofPath, '--trusted', trustedPath, '--file', path.join(work, 'case-2026-118', item.path));
  assert.equal(verdict.record_id, manifest.record);
  assert.equal(verdict.certifications.length, 1);
  assert.match(verdict.certifications[0], new RegExp(`office: ${orgs.court},.*status: Certified`));
  const tampered = JSON.parse(readFileSync(proofPath, 'utf8'));
  tampered.batch.index += 1;
  writeFileSync(proofPath, JSON.stringify(tampered));
  assert.match((await cli('check', proofPath, '--trusted', trustedPath)).error, /Merkle proof does not lead to the anchored root/);

  const report = await cliOk('bench', '--leaves', '5000', '--url', url, '--suri', SME_URI);
  assert.equal(report.leaves, 5000);
  assert.equal(report.proof_hashes, 13);
  assert.ok(report.anchored.items_verified_by_the_runtime > 0);
  assert.ok(report.items_per_block_by_weight >= 5000 * report.anchors_per_block_by_weight);
});
