// Random inspections (双随机、一公开) on a running `--dev` node with its query gateway, through
// @polkadot/api: market regulation (Charlie) opens a plan over Shanghai's enterprises; the tax
// bureau (Bob), the finance bureau (Alice) and the court (Dave) join; all four commit, market
// regulation enlists its inspectors and reads the population; the chain fixes the anchor; three
// reveal and the court withholds its secret — it is excluded and named; the draw lands, and a
// JavaScript reimplementation of the algorithm (docs/inspections.md) recomputes the same
// targets and inspectors from chain data alone, as `regchain-cli inspection recompute` does.
// An inspector records a result, which the public reads through the gateway without an
// account; the population, whose weights would tell of open cases, it does not. Market
// regulation opens a case on the finding. A second plan draws from the enterprises granted a
// special-fund program: its population is exactly them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { blake2AsU8a, cryptoWaitReady } from '@polkadot/util-crypto';
import { hexToU8a, stringToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { ANY_ENTERPRISE, CLI_BIN, addAccount, chainNow, finalizedNumber, gatewayAddress, registerOrganization, run, sampleCreditCode, startDevNode, submit, waitFor, ADVANCE } from './helpers.mjs';

let dev;
let api;
let gateway;
const agencies = {};
const orgs = {};
let officers;
let companies;
const hash = (n) => u8aToHex(new Uint8Array(32).fill(n));
const UNAUTHENTICATED = -32001;

const ok = async (tx, signer) => {
  const result = await submit(api, tx, signer);
  assert.equal(result.error, null);
  return result;
};
const eventsOf = (result, pallet, name) =>
  result.events.filter(({ event }) => api.events[pallet][name].is(event)).map(({ event }) => event.data);
const orgOf = async (pair) => (await api.query.consortium.accountOrganization(pair.address)).unwrap().toNumber();

/** An unsigned JSON-RPC call to the gateway: its result, or the error object thrown. */
async function publicCall(method, params) {
  const response = await fetch(gateway, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = await response.json();
  if (body.error) throw Object.assign(new Error(body.error.message), { code: body.error.code });
  return body.result;
}

// --- The draw, reimplemented from docs/inspections.md: BLAKE2b-256 of SCALE encodings. ---
const H = (...parts) => blake2AsU8a(u8aConcat(...parts), 256);
const u32 = (n) => { const b = new Uint8Array(4); new DataView(b.buffer).setUint32(0, n, true); return b; };
const u64 = (n) => { const b = new Uint8Array(8); new DataView(b.buffer).setBigUint64(0, BigInt(n), true); return b; };
const first8 = (bytes) => new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true);
const commitment = (plan, agency, secret) => H(stringToU8a('regchain/inspection/commit'), u64(plan), u32(agency), hexToU8a(secret));
const seedOf = (plan, anchor, secrets) => H(stringToU8a('regchain/inspection/seed'), u64(plan), hexToU8a(anchor), ...secrets.map((s) => hexToU8a(s)));
const MAX = (1n << 64n) - 1n;
function keyOf(seed, org, weight) {
  const u = first8(H(seed, stringToU8a('target'), u32(org)));
  let key = MAX;
  for (let i = 0; i < 12 / Math.min(Math.max(weight, 1), 4); i++) key = (key * u) >> 64n;
  return key;
}
const pick = (seed, index, attempt, pool) => Number(first8(H(seed, stringToU8a('inspector'), u32(index), u32(attempt))) % BigInt(pool));
function nextInspector(seed, index, attempt, pool, eligible) {
  for (let a = attempt; a < pool * 8; a++) {
    const i = pick(seed, index, a, pool);
    if (eligible(i)) return [i, a + 1];
  }
  return null;
}

before(async () => {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  dev = await startDevNode('regchain-inspections-', { extraArgs: ['--gateway-addr', '127.0.0.1:0'] });
  ({ api } = dev);
  gateway = `http://${await gatewayAddress(path.join(dev.baseDir, 'node.log'))}`;
  for (const [name, uri] of [['market', '//Charlie'], ['tax', '//Bob'], ['finance', '//Alice'], ['court', '//Dave']]) {
    agencies[name] = keyring.addFromUri(uri);
    orgs[name] = await orgOf(agencies[name]);
  }
  // Six enterprises in Shanghai; market regulation's three officers.
  companies = [...Array(6).keys()].map((i) => keyring.addFromUri(`//Inspected${i}`));
  for (const [i, who] of companies.entries()) {
    const result = await registerOrganization(api, agencies.market, { name: `inspected ${i}`, code: sampleCreditCode(7001 + i), account: who });
    assert.equal(result.error, null);
  }
  officers = [...Array(3).keys()].map((i) => keyring.addFromUri(`//MarketOfficer${i}`));
  for (const officer of officers) {
    assert.equal((await addAccount(api, agencies.market, officer)).error, null);
  }
  await ok(api.tx.consortium.grantRole(orgs.market, 'Inspector'), agencies.market);
});

after(async () => {
  await dev?.stop();
});

test('agencies commit and reveal, the one that withholds is excluded, the draw is recomputed from chain data alone, and results are public', async () => {
  const now = await chainNow(api);
  const commitUntil = now + 120_000;
  const revealUntil = commitUntil + 45_000;
  const opened = await ok(api.tx.supervision.openPlan(310000, 'Enterprise', null, null, { Count: 3 }, hash(0x11), commitUntil, revealUntil, now + 30 * 86_400_000), agencies.market);
  const plan = eventsOf(opened, 'supervision', 'PlanOpened')[0].plan.toNumber();
  await Promise.all(['tax', 'finance', 'court'].map((a) => ok(api.tx.supervision.joinPlan(plan), agencies[a])));
  const secrets = {};
  await Promise.all(Object.entries(agencies).map(([name, pair], i) => {
    secrets[name] = hash(0x40 + i);
    return ok(api.tx.supervision.commit(plan, u8aToHex(commitment(plan, orgs[name], secrets[name]))), pair);
  }));
  const pool = [agencies.market, ...officers];
  const [, refusal] = await Promise.all([
    ok(api.tx.supervision.enlistInspectors(plan, pool.map((p) => p.address)), agencies.market),
    // The tax bureau holds no `Inspector`: its officers are refused by name.
    submit(api, api.tx.supervision.enlistInspectors(plan, [agencies.tax.address]), agencies.tax),
    ok(api.tx.supervision.readPopulation(plan), agencies.finance),
  ]);
  assert.equal(refusal.error, 'supervision.NotInspector');
  let view = (await api.call.supervisionApi.plan(plan)).unwrap().toJSON();
  assert.ok('complete' in view.plan.enumeration, JSON.stringify(view.plan.enumeration));
  assert.ok(view.plan.population >= 6, `population ${view.plan.population}`);
  assert.ok(Date.now() < commitUntil, 'the setup ran within the commit period');

  // The anchor: the first block at or past the commit deadline.
  await waitFor('the anchor', async () => (await api.call.supervisionApi.plan(plan)).unwrap().plan.anchor.isSome, 180_000, 1000);
  await Promise.all(['market', 'tax', 'finance'].map((a) => ok(api.tx.supervision.reveal(plan, secrets[a]), agencies[a])));
  await waitFor('the reveal period to end', async () => (await chainNow(api)) >= revealUntil, 180_000, 1000);
  const drawn = await ok(api.tx.supervision.draw(plan), agencies.tax);
  const excluded = eventsOf(drawn, 'supervision', 'AgencyExcluded').map((e) => e.agency.toNumber());
  assert.deepEqual(excluded, [orgs.court]);
  assert.equal(eventsOf(drawn, 'supervision', 'Drawn')[0].targets.toNumber(), 3);

  // Recomputed from what the node publishes, with nothing but the algorithm.
  view = (await api.call.supervisionApi.plan(plan)).unwrap().toJSON();
  const [anchorBlock, anchor] = view.plan.anchor;
  const anchorHash = (await api.rpc.chain.getBlockHash(anchorBlock)).toHex();
  assert.equal(anchor, anchorHash, 'the anchor is that block\'s hash');
  // The secrets revealed, in the order the agencies joined (the joins ran in parallel).
  const nameOf = Object.fromEntries(Object.entries(orgs).map(([name, org]) => [org, name]));
  const revealed = view.plan.participants.filter((p) => p.secret !== null).map((p) => p.secret);
  assert.deepEqual(revealed, view.plan.participants.filter((p) => p.agency !== orgs.court).map((p) => secrets[nameOf[p.agency]]));
  const seed = seedOf(plan, anchor, revealed);
  assert.equal(u8aToHex(seed), view.plan.seed, 'the seed, recomputed');
  const population = (await api.call.supervisionApi.planPopulation(plan, 0, 100)).toJSON();
  const keyed = population.map(([org, weight]) => [keyOf(seed, org, weight), org]);
  keyed.sort((a, b) => (a[0] === b[0] ? a[1] - b[1] : (a[0] > b[0] ? -1 : 1)));
  const targets = (await api.call.supervisionApi.planTargets(plan)).toJSON();
  assert.deepEqual(targets.map((t) => t.org), keyed.slice(0, 3).map(([, org]) => org));
  const inspectors = (await api.call.supervisionApi.planInspectors(plan, 0, 100)).toJSON();
  assert.equal(inspectors.length, 4);
  for (const [index, target] of targets.entries()) {
    const assigned = [];
    let attempt = 0;
    for (let n = 0; n < 2; n++) {
      const [i, next] = nextInspector(seed, index, attempt, inspectors.length, (i) => !assigned.includes(i) && !target.barred.includes(i));
      assigned.push(i);
      attempt = next;
    }
    assert.deepEqual(target.inspectors, assigned, `target ${index}`);
  }
  // The CLI recomputes it too.
  const { code, stdout, stderr } = await run(CLI_BIN, ['inspection', 'recompute', String(plan), '--url', `ws://127.0.0.1:${new URL(api._options.provider.endpoint).port}`, '--json']);
  assert.equal(code, 0, stderr);
  assert.equal(JSON.parse(stdout).matches, true);

  // An assigned inspector records the first target's result; the public reads it, without an
  // account, at the finalized block.
  const byAccount = Object.fromEntries(pool.map((p) => [p.address, p]));
  const inspector = byAccount[inspectors[targets[0].inspectors[0]].account];
  const recorded = await ok(api.tx.supervision.recordResult(plan, 0, { Findings: { report: hash(0x77) } }), inspector);
  const number = (await api.rpc.chain.getHeader(recorded.blockHash)).number.toNumber();
  await waitFor('the result finalized', async () => (await finalizedNumber(api)) >= number, 60_000, 500);
  const published = await publicCall('supervision_planTargets', [plan]);
  assert.deepEqual(published[0].result.outcome, { Findings: { report: hash(0x77) } });
  const publicPlan = await publicCall('supervision_plan', [plan]);
  assert.equal(publicPlan.plan.participants.find((p) => p.agency === orgs.court).excluded, true);
  // The population is the agencies': the public, without an account, is not served it.
  const refused = await publicCall('supervision_planPopulation', [plan, 0, 10]).then(() => null, (e) => e);
  assert.equal(refused?.code, UNAUTHENTICATED);

  // Market regulation follows the finding up in a case about the target, once.
  const followed = await ok(api.tx.supervision.openCaseFromFinding(plan, 0, 'Other', hash(0x78), [], []), agencies.market);
  const [event] = eventsOf(followed, 'supervision', 'CaseFromFinding');
  assert.equal(event.plan.toNumber(), plan);
  const caseId = event.case.toNumber();
  const followedUp = (await api.query.supervision.cases(caseId)).unwrap();
  assert.equal(followedUp.subject.toNumber(), targets[0].org);
  const step = (await api.query.supervision.steps(caseId, 1)).unwrap();
  assert.equal(step.action.isFinding, true);
  assert.equal(step.action.asFinding.report.toHex(), hash(0x77));
  const again = await submit(api, api.tx.supervision.openCaseFromFinding(plan, 0, 'Other', hash(0x78), [], []), agencies.market);
  assert.equal(again.error, 'supervision.FindingCaseOpened');
});

test('a plan of a program\'s recipients draws from exactly them', async () => {
  // The finance bureau, as fund manager, grants a special-fund program to two of the six
  // enterprises.
  await ok(api.tx.consortium.grantRole(orgs.finance, 'FundManager'), agencies.finance);
  const now = await chainNow(api);
  const created = await ok(api.tx.funds.createProgram(hash(1), 1, now, now + 86_400_000, now + 365 * 86_400_000, ANY_ENTERPRISE, null, ADVANCE), agencies.finance);
  const program = eventsOf(created, 'funds', 'ProgramCreated')[0].program.toNumber();
  await ok(api.tx.funds.setBudget(program, 100_000_000), agencies.finance);
  for (const [n, who] of companies.slice(0, 2).entries()) {
    const applied = await ok(api.tx.funds.apply(program, 1_000_000, hash(2), hash(0x60 + n)), who);
    const allocation = eventsOf(applied, 'funds', 'Applied')[0].application.toNumber();
    await ok(api.tx.funds.approve(allocation, 1_000_000), agencies.finance);
  }
  const start = await chainNow(api);
  const opened = await ok(api.tx.supervision.openPlan(310000, 'Enterprise', null, { FundProgram: program }, { Count: 1 }, hash(0x12), start + 120_000, start + 180_000, start + 30 * 86_400_000), agencies.market);
  const plan = eventsOf(opened, 'supervision', 'PlanOpened')[0].plan.toNumber();
  const read = await ok(api.tx.supervision.readPopulation(plan), agencies.market);
  assert.equal(eventsOf(read, 'supervision', 'PopulationRead')[0].complete.isTrue, true);
  const population = (await api.call.supervisionApi.planPopulation(plan, 0, 10)).toJSON().map(([org]) => org).sort();
  const expected = await Promise.all(companies.slice(0, 2).map(orgOf));
  assert.deepEqual(population, expected.sort());
  const view = (await api.call.supervisionApi.plan(plan)).unwrap();
  assert.equal(view.plan.records.unwrap().asFundProgram.toNumber(), program);
});
