// The load harness (`scripts/bench.sh`): starts a dev chain of its own, makes member
// organizations that may send the chosen call (governance — sudo on the dev chain — lifts their
// quotas), pre-signs N extrinsics spread over them, submits them all, follows the chain, and
// reports what a consortium operator asks: extrinsics per block, TPS, submission → inclusion and
// → finality latency, failures (must be 0), the weight-bound limit per block and the node's RSS
// and CPU. Not a test: CI runs it at a tiny N only to keep it working.
//
//   node bench.mjs [--kind invoice1|invoice32|expense|transfer] [--count N] [--senders K]
//                  [--json FILE] [--base-path DIR (kept after the run)]
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { DAY, chainNow, registerOrganization, startDevNode, submit } from './helpers.mjs';

const KINDS = ['invoice1', 'invoice32', 'expense', 'transfer'];

function parseArgs(argv) {
  const args = { kind: 'invoice1', count: 2000, senders: 8, json: null, basePath: undefined };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--kind') args.kind = value;
    else if (flag === '--count') args.count = Number(value);
    else if (flag === '--senders') args.senders = Number(value);
    else if (flag === '--json') args.json = value;
    else if (flag === '--base-path') args.basePath = value;
    else throw new Error(`unknown argument ${flag}`);
  }
  if (!KINDS.includes(args.kind)) throw new Error(`--kind is one of ${KINDS.join(', ')}`);
  if (!(args.count > 0 && args.senders > 0)) throw new Error('--count and --senders are positive');
  return args;
}

// A valid Unified Social Credit Code of a Shanghai enterprise whose organization code is `n`
// (as `CreditCode::sample` in regchain-primitives).
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
export function sampleCreditCode(n) {
  const body = String(n).padStart(8, '0');
  const orgSum = [...body].reduce((s, c, i) => s + Number(c) * ORG_WEIGHTS[i], 0);
  const orgCheck = { 10: 'X', 11: '0' }[11 - (orgSum % 11)] ?? String(11 - (orgSum % 11));
  const first = `91310000${body}${orgCheck}`;
  const sum = [...first].reduce((s, c, i) => s + ALPHABET.indexOf(c) * WEIGHTS[i], 0);
  return first + ALPHABET[(31 - (sum % 31)) % 31];
}

const hash = (n) => u8aToHex(new Uint8Array(32).fill(n % 256));
const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : NaN);

/** The node's resident memory (bytes) and CPU time (seconds) so far, from /proc. */
function nodeUsage(pid) {
  const rss = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return { rss, cpu: ticks / 100 };
}

/** Sets up the senders of `kind` and returns, for each, a function making its i-th call. */
async function prepare(api, kind, senders, keyring) {
  const sudo = keyring.addFromUri('//Alice');
  const must = async (what, result) => {
    if (result.error) throw new Error(`${what}: ${result.error}`);
    return result;
  };
  // Governance lifts every organization's quota (the default) far above the run.
  await must('tx quota', await submit(api, api.tx.sudo.sudo(api.tx.consortium.setTxQuota(null, 4_000_000_000)), sudo));
  await must('byte quota', await submit(api, api.tx.sudo.sudo(api.tx.consortium.setByteQuota(null, 4_000_000_000)), sudo));
  if (kind === 'transfer') {
    // Only agencies hold tokens: the six founding agencies transfer to a fresh account.
    const agencies = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'].slice(0, senders).map((n) => keyring.addFromUri(`//${n}`));
    const to = keyring.addFromUri('//BenchSink').address;
    return agencies.map((who) => ({ who, call: () => api.tx.balances.transferKeepAlive(to, 10n ** 10n) }));
  }
  const charlie = keyring.addFromUri('//Charlie');
  const bob = keyring.addFromUri('//Bob');
  const members = [];
  for (let i = 0; i < senders; i++) {
    const who = keyring.addFromUri(`//BenchSender/${i}`);
    await must('register', await registerOrganization(api, charlie, { name: `Bench ${i}`, code: sampleCreditCode(1000 + i), account: who }));
    const org = (await api.query.consortium.accountOrganization(who.address)).unwrap().toNumber();
    members.push({ who, org });
  }
  if (kind === 'invoice1' || kind === 'invoice32') {
    const buyer = keyring.addFromUri('//BenchBuyer');
    await must('register buyer', await registerOrganization(api, charlie, { name: 'Bench buyer', code: sampleCreditCode(999), account: buyer }));
    const buyerOrg = (await api.query.consortium.accountOrganization(buyer.address)).unwrap().toNumber();
    const limits = { perInvoice: 10n ** 15n, perMonth: 10n ** 18n };
    for (const { org } of members) {
      await must('grant', await submit(api, api.tx.consortium.grantRole(org, 'InvoiceIssuer'), bob));
      await must('limits', await submit(api, api.tx.invoices.setIssuerLimits(org, limits), bob));
    }
    const lines = kind === 'invoice1' ? 1 : 32;
    const line = (i) => ({ description: hash(i), quantity: 1000, unitPrice: 100, rate: 1 });
    return members.map(({ who }) => ({
      who,
      call: (i) => api.tx.invoices.issue({ Member: buyerOrg }, Array.from({ length: lines }, (_, l) => line(i + l)), hash(i)),
    }));
  }
  // Expenses: the finance bureau runs a program; each sender is funded and books 1-fen expenses.
  const now = await chainNow(api);
  const finance = (await api.query.consortium.accountOrganization(sudo.address)).unwrap().toNumber();
  await must('fund manager', await submit(api, api.tx.consortium.grantRole(finance, 'FundManager'), sudo));
  const created = await must('program', await submit(api, api.tx.funds.createProgram(hash(1), 10n ** 15n, 1, now, now + DAY, now + 365 * DAY), sudo));
  const program = created.events.find(({ event }) => api.events.funds.ProgramCreated.is(event)).event.data.program.toNumber();
  const senders_ = [];
  for (const { who } of members) {
    const applied = await must('apply', await submit(api, api.tx.funds.apply(program, 10n ** 12n, hash(2)), who));
    const allocation = applied.events.find(({ event }) => api.events.funds.Applied.is(event)).event.data.application.toNumber();
    await must('approve', await submit(api, api.tx.funds.approve(allocation, 10n ** 12n), sudo));
    await must('disburse', await submit(api, api.tx.funds.disburse(allocation, 10n ** 12n, hash(3)), sudo));
    senders_.push({ who, call: () => api.tx.funds.recordExpense(allocation, 1, 0, hash(4), hash(5), null) });
  }
  return senders_;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const dev = await startDevNode('regchain-bench-', { basePath: args.basePath });
  const { api } = dev;
  const pid = dev.pid;
  try {
    const senders = await prepare(api, args.kind, args.senders, keyring);

    // Pre-sign every extrinsic, round robin over the senders, immortal, with explicit nonces.
    const perSender = senders.map(() => 0);
    const nonces = await Promise.all(senders.map(async ({ who }) => (await api.rpc.system.accountNextIndex(who.address)).toNumber()));
    const signed = [];
    for (let i = 0; i < args.count; i++) {
      const s = i % senders.length;
      const { who, call } = senders[s];
      const xt = await call(i).signAsync(who, { nonce: nonces[s] + perSender[s]++, era: 0 });
      signed.push(xt);
    }
    const sample = signed[0];
    // The node's `payment_queryInfo` (the weight includes the extrinsic base and extensions);
    // `api.call.transactionPaymentApi.queryInfo` does not encode the extrinsic as the runtime
    // expects.
    const info = await api._rpcCore.provider.send('payment_queryInfo', [sample.toHex()]);
    const callWeight = BigInt(info.weight.ref_time ?? info.weight.refTime);
    const maxTotal = api.consts.system.blockWeights.perClass.normal.maxTotal.unwrap().refTime.toBigInt();
    const maxLength = api.consts.system.blockLength.max.normal.toNumber();
    const weightLimit = Number(maxTotal / callWeight);
    const lengthLimit = Math.floor(maxLength / sample.encodedLength);

    // Follow the chain: inclusion by new heads, finality by finalized heads.
    const byHash = new Map(signed.map((xt, i) => [xt.hash.toHex(), i]));
    const submittedAt = new Array(args.count).fill(0);
    const includedAt = new Array(args.count).fill(0);
    const finalizedAt = new Array(args.count).fill(0);
    const includedIn = new Array(args.count).fill(-1);
    const blocks = [];
    let failed = 0;
    let included = 0;
    let finalizedUpTo = 0;
    const startUsage = nodeUsage(pid);
    const unsubHeads = await api.rpc.chain.subscribeNewHeads(async (header) => {
      const at = Date.now();
      const blockHash = header.hash;
      const [block, events] = await Promise.all([api.rpc.chain.getBlock(blockHash), api.query.system.events.at(blockHash)]);
      let ours = 0;
      block.block.extrinsics.forEach((xt, index) => {
        const i = byHash.get(xt.hash.toHex());
        if (i === undefined || includedIn[i] >= 0) return;
        ours++;
        included++;
        includedIn[i] = header.number.toNumber();
        includedAt[i] = at;
        if (events.some(({ phase, event }) => phase.isApplyExtrinsic && phase.asApplyExtrinsic.eqn(index) && api.events.system.ExtrinsicFailed.is(event))) failed++;
      });
      if (ours > 0) blocks.push({ number: header.number.toNumber(), ours, extrinsics: block.block.extrinsics.length });
    });
    const unsubFinal = await api.rpc.chain.subscribeFinalizedHeads((header) => {
      const at = Date.now();
      finalizedUpTo = header.number.toNumber();
      includedIn.forEach((n, i) => {
        if (n >= 0 && n <= finalizedUpTo && !finalizedAt[i]) finalizedAt[i] = at;
      });
    });

    // Submit everything, a window of requests in flight at a time.
    let refused = 0;
    const refusals = new Map();
    const started = Date.now();
    let next = 0;
    const worker = async () => {
      while (next < signed.length) {
        const i = next++;
        submittedAt[i] = Date.now();
        try {
          await api.rpc.author.submitExtrinsic(signed[i]);
        } catch (e) {
          refused++;
          const reason = String(e.message ?? e).slice(0, 80);
          refusals.set(reason, (refusals.get(reason) ?? 0) + 1);
        }
      }
    };
    await Promise.all(Array.from({ length: 64 }, worker));
    const submitted = Date.now() - started;

    // Wait until every accepted extrinsic is finalized, or nothing moves for a minute.
    let last = -1;
    let still = Date.now();
    while (finalizedAt.filter(Boolean).length < args.count - refused) {
      await new Promise((r) => setTimeout(r, 1000));
      const done = finalizedAt.filter(Boolean).length;
      if (done !== last) { last = done; still = Date.now(); }
      if (Date.now() - still > 60000) break;
    }
    const endUsage = nodeUsage(pid);
    unsubHeads();
    unsubFinal();
    // How long the node took to build each block that carried the load, and why it stopped
    // (from its log: "Prepared block for proposing at N (T ms) … end: Some(Reason)").
    const ours = new Set(blocks.map((b) => b.number));
    const proposals = readFileSync(path.join(dev.baseDir, 'node.log'), 'utf8').split('\n')
      .map((l) => /Prepared block for proposing at (\d+) \((\d+) ms\).*end: (?:Some\()?(\w+)/.exec(l))
      .filter((m) => m && ours.has(Number(m[1])))
      .map((m) => ({ ms: Number(m[2]), end: m[3] }));
    const proposeMs = proposals.map((p) => p.ms).sort((a, b) => a - b);
    const endReasons = {};
    for (const p of proposals) endReasons[p.end] = (endReasons[p.end] ?? 0) + 1;

    const lost = args.count - refused - included;
    const lat = (to) => includedIn.map((n, i) => (n >= 0 && to[i] ? to[i] - submittedAt[i] : null)).filter((x) => x !== null).sort((a, b) => a - b);
    const inclusion = lat(includedAt);
    const finality = lat(finalizedAt);
    const full = blocks.filter((b) => b.ours >= 0.9 * Math.max(...blocks.map((x) => x.ours)));
    const perBlock = blocks.map((b) => b.ours);
    const report = {
      kind: args.kind,
      count: args.count,
      senders: senders.length,
      extrinsicBytes: sample.encodedLength,
      callWeightRefTime: Number(callWeight),
      weightLimitPerBlock: weightLimit,
      lengthLimitPerBlock: lengthLimit,
      submitSeconds: submitted / 1000,
      refusedAtSubmission: refused,
      refusals: Object.fromEntries(refusals),
      included,
      lost,
      failedInBlock: failed,
      blocks: blocks.length,
      perBlockMax: Math.max(...perBlock),
      perBlockAtFullBlocks: full.length ? Math.round(full.reduce((s, b) => s + b.ours, 0) / full.length) : 0,
      shareOfWeightLimit: full.length ? +(full.reduce((s, b) => s + b.ours, 0) / full.length / weightLimit).toFixed(3) : 0,
      tpsAtFullBlocks: full.length ? +(full.reduce((s, b) => s + b.ours, 0) / full.length / 6).toFixed(1) : 0,
      inclusionMs: { p50: percentile(inclusion, 0.5), p99: percentile(inclusion, 0.99) },
      finalityMs: { p50: percentile(finality, 0.5), p99: percentile(finality, 0.99) },
      blockBuildMs: { p50: percentile(proposeMs, 0.5), max: proposeMs[proposeMs.length - 1] ?? NaN },
      blockEndReasons: endReasons,
      nodeRssMiB: +(endUsage.rss / 2 ** 20).toFixed(1),
      nodeCpuSeconds: +(endUsage.cpu - startUsage.cpu).toFixed(1),
      perBlock,
    };
    console.log(JSON.stringify(report, null, 2));
    if (args.json) writeFileSync(args.json, JSON.stringify(report, null, 2));
    if (lost > 0 || failed > 0 || refused > 0) process.exitCode = 1;
  } finally {
    await dev.stop();
  }
}

await main();
