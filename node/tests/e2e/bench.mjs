// The load harness (`scripts/bench.sh`): starts a chain of its own — a 1-validator dev chain, or
// the 4-validator local network of scripts/start-local-network.sh — makes member organizations
// that may send the chosen call (governance lifts their quotas: sudo on the dev chain, the
// agencies' council on the network), pre-signs N extrinsics spread over them, submits them all
// at once or at a given rate, follows the chain, and reports what a consortium operator asks:
// extrinsics per block, TPS, submission → inclusion and → finality latency, refusals and
// failures, the weight-bound limit per block and the node's RSS (sampled) and CPU. Not a test:
// CI runs it at a tiny N only to keep it working.
//
//   node bench.mjs [--kind invoice1|invoice32|expense|transfer|attest|notarize|anchor|items|work] [--count N] [--senders K]
//                  [--rate TX_PER_S [--duration S]] [--network dev|local]
//                  [--json FILE] [--base-path DIR (dev chain; kept after the run)]
//                  [--node-args 'ARGS' (dev chain, e.g. '--pool-limit 300')] [--unordered]
// A submission the pool refuses as full (1016, retriable) is retried for up to two minutes, as
// a client should, holding the sender's later transactions meanwhile; with --unordered it
// keeps sending them (a careless client: the node must still keep all it accepted). Exits
// non-zero if an accepted extrinsic was lost or failed; refusals are
// reported, the submitter having been told.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { compactToU8a, hexToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsHex, blake2AsU8a, cryptoWaitReady } from '@polkadot/util-crypto';
import {
  ANY_ENTERPRISE, DAY, NODE_BIN, REPO_ROOT, chainNow, connect, councilDecides, freePortRange, registerOrganization, removeDir, run,
  endPublicity, sampleCreditCode, startDevNode, submit, tempDir, workDeclaration, ADVANCE,
} from './helpers.mjs';

const KINDS = ['invoice1', 'invoice32', 'expense', 'transfer', 'attest', 'notarize', 'anchor', 'items', 'work'];

function parseArgs(argv) {
  const args = { kind: 'invoice1', count: 2000, senders: 8, rate: 0, duration: 0, network: 'dev', json: null, basePath: undefined, nodeArgs: [] };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--kind') args.kind = value;
    else if (flag === '--count') args.count = Number(value);
    else if (flag === '--senders') args.senders = Number(value);
    else if (flag === '--rate') args.rate = Number(value);
    else if (flag === '--duration') args.duration = Number(value);
    else if (flag === '--network') args.network = value;
    else if (flag === '--json') args.json = value;
    else if (flag === '--base-path') args.basePath = value;
    else if (flag === '--unordered') { args.unordered = true; i--; }
    else if (flag === '--node-args') args.nodeArgs = value.split(' ').filter(Boolean);
    else throw new Error(`unknown argument ${flag}`);
  }
  if (!KINDS.includes(args.kind)) throw new Error(`--kind is one of ${KINDS.join(', ')}`);
  if (!['dev', 'local'].includes(args.network)) throw new Error('--network is dev or local');
  if (args.duration > 0) {
    if (!(args.rate > 0)) throw new Error('--duration needs --rate');
    args.count = Math.ceil(args.rate * args.duration);
  }
  if (!(args.count > 0 && args.senders > 0 && args.rate >= 0)) throw new Error('--count and --senders are positive, --rate is not negative');
  return args;
}

const AGENCY_SEEDS = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];

/**
 * The 4-validator local network (scripts/start-local-network.sh on free ports): the harness
 * submits to and follows validator 1; governance is the four agencies' council.
 */
async function startLocalNetwork(keyring) {
  const netDir = tempDir('regchain-bench-net-');
  const base = await freePortRange(12);
  const env = {
    ...process.env,
    REGCHAIN_NODE: NODE_BIN,
    REGCHAIN_NET_DIR: path.join(netDir, 'net'),
    REGCHAIN_P2P_PORT_BASE: String(base),
    REGCHAIN_RPC_PORT_BASE: String(base + 4),
    REGCHAIN_PROMETHEUS_PORT_BASE: String(base + 8),
  };
  const stop = async () => {
    await run('bash', [path.join(REPO_ROOT, 'scripts/stop-local-network.sh')], { env });
    removeDir(netDir);
  };
  const started = await run('bash', [path.join(REPO_ROOT, 'scripts/start-local-network.sh'), '4'], { env });
  if (started.code !== 0) {
    await stop();
    throw new Error(`start-local-network.sh failed:\n${started.stderr}`);
  }
  const [pid] = readFileSync(path.join(env.REGCHAIN_NET_DIR, 'pids'), 'utf8').trim().split('\n')[0].split(' ').map(Number);
  const api = await connect(base + 4);
  const voters = AGENCY_SEEDS.slice(0, 4).map((n) => keyring.addFromUri(`//${n}`));
  return {
    api,
    pid,
    logs: [1, 2, 3, 4].map((i) => path.join(env.REGCHAIN_NET_DIR, `node${i}`, 'node.log')),
    agencies: 4,
    govern: (call) => councilDecides(api, call, voters),
    async stop() {
      await api.disconnect().catch(() => {});
      await stop();
    },
  };
}

/** The dev chain, with its sudo key as governance. */
async function startDev(keyring, basePath, extraArgs) {
  const dev = await startDevNode('regchain-bench-', { basePath, extraArgs });
  const sudo = keyring.addFromUri('//Alice');
  return {
    api: dev.api,
    pid: dev.pid,
    logs: [path.join(dev.baseDir, 'node.log')],
    agencies: AGENCY_SEEDS.length,
    govern: async (call) => submit(dev.api, dev.api.tx.sudo.sudo(call), sudo),
    stop: () => dev.stop(),
  };
}

const hash = (n) => u8aToHex(new Uint8Array(32).fill(n % 256));
const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : NaN);

/**
 * Signs calls as Polkadot.js does for this runtime — a v4 extrinsic from an sr25519 account,
 * immortal, no tip — without its type machinery. The payload is the call, the explicit
 * extension data (era, nonce, tip) and the implicit (spec and transaction versions, genesis
 * hash twice: `CheckGenesis` and the immortal era's block); hashed first when over 256 bytes.
 * `fixedSignature` (tests only) replaces the random sr25519 signature to compare encodings.
 */
function signer(api) {
  const le32 = (n) => { const b = new Uint8Array(4); new DataView(b.buffer).setUint32(0, n, true); return b; };
  const genesis = api.genesisHash.toU8a();
  const implicit = u8aConcat(le32(api.runtimeVersion.specVersion.toNumber()), le32(api.runtimeVersion.transactionVersion.toNumber()), genesis, genesis);
  return (tx, pair, nonce, fixedSignature) => {
    const call = tx instanceof Uint8Array ? tx : tx.method.toU8a();
    const explicit = u8aConcat(new Uint8Array([0]), compactToU8a(nonce), compactToU8a(0));
    let payload = u8aConcat(call, explicit, implicit);
    if (payload.length > 256) payload = blake2AsU8a(payload, 256);
    const signature = fixedSignature ?? pair.sign(payload);
    const body = u8aConcat(new Uint8Array([0x84, 0x00]), pair.publicKey, new Uint8Array([0x01]), signature, explicit, call);
    const xt = u8aConcat(compactToU8a(body.length), body);
    return { hex: u8aToHex(xt), hash: u8aToHex(blake2AsU8a(xt, 256)), length: xt.length };
  };
}

/** The node's resident memory (bytes) and CPU time (seconds) so far, from /proc. */
function nodeUsage(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rss = Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) * 1024;
  // Anonymous memory: the RSS without the database files the node maps.
  const anon = Number(/RssAnon:\s+(\d+) kB/.exec(status)[1]) * 1024;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return { rss, anon, cpu: ticks / 100 };
}

/** Sets up the senders of `kind` and returns, for each, a function making its i-th call. */
async function prepare(chain, kind, senders, keyring) {
  const { api } = chain;
  const sudo = keyring.addFromUri('//Alice');
  const must = async (what, result) => {
    if (result.error) throw new Error(`${what}: ${result.error}`);
    return result;
  };
  // Governance lifts every organization's quota (the default) far above the run.
  await must('tx quota', await chain.govern(api.tx.consortium.setTxQuota(null, 4_000_000_000)));
  await must('byte quota', await chain.govern(api.tx.consortium.setByteQuota(null, 4_000_000_000)));
  if (kind === 'transfer') {
    // Only agencies hold tokens: the six founding agencies transfer to a fresh account.
    const agencies = AGENCY_SEEDS.slice(0, Math.min(senders, chain.agencies)).map((n) => keyring.addFromUri(`//${n}`));
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
    const line = (i) => ({ description: hash(i), classification: 1100101020000000000n, quantity: 1000, unitPrice: 100_000_000, taxIncluded: false, discount: 0, rate: 1 });
    return members.map(({ who }) => ({
      who,
      call: (i) => api.tx.invoices.issue('Special', { Member: buyerOrg }, Array.from({ length: lines }, (_, l) => line(i + l)), hash(i)),
    }));
  }
  if (kind === 'notarize' || kind === 'anchor') {
    // Every digest (or batch root) is notarized once: the i-th of sender s is blake2(s, i). An
    // anchor stands for a batch of a million digests, as the notarization benchmark builds.
    const digest = (s, i) => blake2AsHex(u8aConcat(new Uint8Array([s]), compactToU8a(i)));
    return members.map(({ who }, s) => ({
      who,
      unique: true,
      call: kind === 'notarize'
        ? (i) => api.tx.notarization.notarize('Sm3', digest(s, i), 'Document', hash(1), null)
        : (i) => api.tx.notarization.anchorBatch('Sm3', digest(s, i), 1_000_000, 'Document', hash(1), null),
    }));
  }
  if (kind === 'work') {
    // Each sender registers works written by an author key of its own. The harness hands out
    // calls round robin (the i-th to sender i mod K), so sender s's i-th call is its
    // (i div K)-th and its author signs it with that nonce (each sender's calls land in nonce
    // order); the i-th fingerprint of sender s is blake2(s, i).
    return members.map(({ who, org }, s) => {
      const author = keyring.addFromUri(`//BenchAuthor/${s}`);
      const fingerprint = (i) => blake2AsHex(u8aConcat(new Uint8Array([0xa0, s]), compactToU8a(i)));
      // sr25519 signatures are randomized: the i-th call is signed once, so that asking for it
      // twice (the encoding check does) gives the same bytes.
      let last = { i: -1, tx: null };
      return {
        who,
        unique: true,
        call: (i) => {
          if (last.i === i) return last.tx;
          const work = { fingerprint: fingerprint(i), extra: [], workType: 'Article', metadata: hash(1) };
          const nonce = Math.floor(i / members.length);
          const message = workDeclaration(api, { ...work, owner: org, shares: [[author.address, 10000]], nonce });
          const declaration = { key: author.address, share: 10000, nonce, signature: { Sr25519: author.sign(message) } };
          last = { i, tx: api.tx.ipRights.registerWork(work.fingerprint, [], 'Article', work.metadata, [declaration]) };
          return last.tx;
        },
      };
    });
  }
  if (kind === 'items') {
    // Market regulation makes every sender a manufacturer with a class and a batch; each call
    // registers 32 units of it, each id registered once: blake2(s, i, k).
    const now = await chainNow(api);
    const senders_ = [];
    for (const [s, { who, org }] of members.entries()) {
      await must('manufacturer role', await submit(api, api.tx.consortium.grantRole(org, 'Manufacturer'), charlie));
      const registered = await must('class', await submit(api, api.tx.provenance.registerClass('BENCH', null, hash(1)), who));
      const classId = registered.events.find(({ event }) => api.events.provenance.ClassRegistered.is(event)).event.data.class.toNumber();
      const made = await must('batch', await submit(api, api.tx.provenance.registerBatch(classId, hash(2), now), who));
      const batch = made.events.find(({ event }) => api.events.provenance.BatchRegistered.is(event)).event.data.batch.toNumber();
      const id = (i, k) => blake2AsHex(u8aConcat(new Uint8Array([s, k]), compactToU8a(i)));
      senders_.push({
        who,
        unique: true,
        call: (i) => api.tx.provenance.registerItems(batch, Array.from({ length: 32 }, (_, k) => id(i, k)), 1234567890128),
      });
    }
    return senders_;
  }
  if (kind === 'attest') {
    // The credit regulator registers a claim type enterprises attest (utility payments) and
    // authorizes every sender; each attests the same subject enterprise, data hash(i).
    const ferdie = keyring.addFromUri('//Ferdie');
    const subject = keyring.addFromUri('//BenchSubject');
    await must('register subject', await registerOrganization(api, charlie, { name: 'Bench subject', code: sampleCreditCode(998), account: subject }));
    const subjectOrg = (await api.query.consortium.accountOrganization(subject.address)).unwrap().toNumber();
    const registered = await must('claim type', await submit(api, api.tx.credit.registerClaimType('utility-payment', hash(1), ['on-time', 'late'], 1 << 16, false), ferdie));
    const type = registered.events.find(({ event }) => api.events.credit.ClaimTypeRegistered.is(event)).event.data.claimType.toNumber();
    for (const { org } of members) {
      await must('attester role', await submit(api, api.tx.consortium.grantRole(org, 'Attester'), ferdie));
      await must('authorize', await submit(api, api.tx.credit.authorizeAttester(type, org), ferdie));
    }
    const now = await chainNow(api);
    return members.map(({ who }) => ({
      who,
      call: (i) => api.tx.credit.attest(subjectOrg, type, hash(i), 0, now, now + 365 * DAY, []),
    }));
  }
  // Expenses: the finance bureau runs a program; each sender is funded and books 1-fen expenses.
  const now = await chainNow(api);
  const finance = (await api.query.consortium.accountOrganization(sudo.address)).unwrap().toNumber();
  await must('fund manager', await submit(api, api.tx.consortium.grantRole(finance, 'FundManager'), sudo));
  const created = await must('program', await submit(api, api.tx.funds.createProgram(hash(1), 1, now, now + DAY, now + 365 * DAY, ANY_ENTERPRISE, null, ADVANCE), sudo));
  const program = created.events.find(({ event }) => api.events.funds.ProgramCreated.is(event)).event.data.program.toNumber();
  await must('budget', await submit(api, api.tx.funds.setBudget(program, 10n ** 15n), sudo));
  const senders_ = [];
  for (const [n, { who }] of members.entries()) {
    const applied = await must('apply', await submit(api, api.tx.funds.apply(program, 10n ** 12n, hash(2), blake2AsHex(`bench project ${n}`)), who));
    const allocation = applied.events.find(({ event }) => api.events.funds.Applied.is(event)).event.data.application.toNumber();
    await must('approve', await submit(api, api.tx.funds.approve(allocation, 10n ** 12n), sudo));
    await endPublicity(api, allocation, sudo);
    await must('disburse', await submit(api, api.tx.funds.disburse(allocation, 10n ** 12n, hash(3)), sudo));
    senders_.push({ who, call: () => api.tx.funds.recordExpense(allocation, 1, 0, hash(4), hash(5), null) });
  }
  return senders_;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const chain = args.network === 'local' ? await startLocalNetwork(keyring) : await startDev(keyring, args.basePath, args.nodeArgs);
  const { api, pid } = chain;
  try {
    const senders = await prepare(chain, args.kind, args.senders, keyring);

    // Pre-sign every extrinsic, round robin over the senders, immortal, with explicit nonces.
    const perSender = senders.map(() => 0);
    const nonces = await Promise.all(senders.map(async ({ who }) => (await api.rpc.system.accountNextIndex(who.address)).toNumber()));
    // Signed as Polkadot.js signs (checked on the first one), but ~20 times faster, and kept
    // as bytes only: a 10-minute run holds hundreds of thousands.
    const sign = signer(api);
    const first = await senders[0].call(0).signAsync(senders[0].who, { nonce: nonces[0], era: 0 });
    if (sign(senders[0].call(0), senders[0].who, nonces[0], first.signature.toU8a()).hex !== first.toHex()) {
      throw new Error('the harness encodes extrinsics differently from Polkadot.js');
    }
    const signed = [];
    const signingStarted = Date.now();
    // A kind's i-th call depends on i only through `hash(i)`, i.e. on i mod 256: encode each
    // distinct call once.
    const calls = new Map();
    for (let i = 0; i < args.count; i++) {
      const s = i % senders.length;
      const { who, call, unique } = senders[s];
      const key = unique ? null : `${s}/${i % 256}`;
      if (key === null) {
        signed.push(sign(call(i).method.toU8a(), who, nonces[s] + perSender[s]++));
        if (i % 500 === 499) await new Promise((r) => setImmediate(r));
        continue;
      }
      if (!calls.has(key)) calls.set(key, call(i).method.toU8a());
      signed.push(sign(calls.get(key), who, nonces[s] + perSender[s]++));
      // Let the WebSocket breathe: minutes of signing without a break lose the connection.
      if (i % 500 === 499) await new Promise((r) => setImmediate(r));
    }
    console.error(`signed ${args.count} in ${(Date.now() - signingStarted) / 1000} s`);
    const sample = signed[0];
    // What the extrinsic counts against the block: the call and its extensions (the node's
    // `payment_queryInfo`; `api.call.transactionPaymentApi.queryInfo` does not encode the
    // extrinsic as the runtime expects) plus the base weight of any extrinsic.
    const info = await api._rpcCore.provider.send('payment_queryInfo', [sample.hex]);
    const baseExtrinsic = api.consts.system.blockWeights.perClass.normal.baseExtrinsic.refTime.toBigInt();
    const callWeight = BigInt(info.weight.ref_time ?? info.weight.refTime) + baseExtrinsic;
    const maxTotal = api.consts.system.blockWeights.perClass.normal.maxTotal.unwrap().refTime.toBigInt();
    const maxLength = api.consts.system.blockLength.max.normal.toNumber();
    const weightLimit = Number(maxTotal / callWeight);
    const lengthLimit = Math.floor(maxLength / sample.length);

    // Per extrinsic: when it was submitted, included (in which block) and finalized.
    const byHash = new Map(signed.map((xt, i) => [xt.hash, i]));
    const submittedAt = new Array(args.count).fill(0);
    const includedAt = new Array(args.count).fill(0);
    const finalizedAt = new Array(args.count).fill(0);
    const includedIn = new Array(args.count).fill(-1);
    const blocks = [];
    let failed = 0;
    let included = 0;
    let finalizedUpTo = 0;
    const startUsage = nodeUsage(pid);
    // The node's memory, sampled every 2 s while the load lasts.
    let rssMax = startUsage.rss;
    let anonMax = startUsage.anon;
    // And every 30 s into the report, to tell growth from a plateau.
    const rssSeries = [];
    let samples = 0;
    const sampler = setInterval(() => {
      const usage = nodeUsage(pid);
      rssMax = Math.max(rssMax, usage.rss);
      anonMax = Math.max(anonMax, usage.anon);
      if (samples++ % 15 === 0) rssSeries.push([+(usage.rss / 2 ** 20).toFixed(0), +(usage.anon / 2 ** 20).toFixed(0)]);
    }, 2000);
    // Follow the chain by polling, block by block: a new-heads subscription that falls behind
    // full blocks is closed by the node, and every block after it would count as lost (the
    // first 10-minute run "lost" 113,256 that way). Blocks come as raw hex, hashed here;
    // only their failure events are decoded.
    const send = (method, params) => api._rpcCore.provider.send(method, params);
    let processedUpTo = Number((await send('chain_getHeader', [])).number);
    let following = true;
    const follow = (async () => {
      while (following) {
        const best = Number((await send('chain_getHeader', [])).number);
        for (let n = processedUpTo + 1; n <= best; n++) {
          const blockHash = await send('chain_getBlockHash', [n]);
          const at = Date.now();
          const { block } = await send('chain_getBlock', [blockHash]);
          const mine = [];
          block.extrinsics.forEach((hex, index) => {
            const i = byHash.get(blake2AsHex(hexToU8a(hex), 256));
            if (i !== undefined && includedIn[i] < 0) mine.push([i, index]);
          });
          if (mine.length > 0) {
            const events = await api.query.system.events.at(blockHash);
            const failedAt = new Set(events.filter(({ phase, event }) => phase.isApplyExtrinsic && api.events.system.ExtrinsicFailed.is(event)).map(({ phase }) => phase.asApplyExtrinsic.toNumber()));
            for (const [i, index] of mine) {
              includedIn[i] = n;
              includedAt[i] = at;
              included++;
              if (failedAt.has(index)) failed++;
            }
            blocks.push({ number: n, ours: mine.length, extrinsics: block.extrinsics.length });
          }
          processedUpTo = n;
        }
        const finalized = Number((await send('chain_getHeader', [await send('chain_getFinalizedHead', [])])).number);
        if (finalized > finalizedUpTo) {
          const at = Date.now();
          finalizedUpTo = finalized;
          includedIn.forEach((n, i) => {
            if (n >= 0 && n <= finalizedUpTo && !finalizedAt[i]) finalizedAt[i] = at;
          });
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    })();

    // Submit everything, a window of requests in flight at a time; with --rate, the i-th no
    // earlier than i / rate seconds after the start.
    let refused = 0;
    const refusedAt = new Set();
    let retried = 0;
    const refusals = new Map();
    const started = Date.now();
    let next = 0;
    // A sender whose transaction the pool refused submits nothing more until every one of its
    // refused transactions is taken: transactions past a missing nonce wait in the pool's
    // future queue, which evicts its oldest when full — a client must keep its account's
    // transactions in nonce order, and only the few already in flight can overtake a refused
    // one. (The first version opened the gate when the first refused one was taken while a
    // later one still waited, and the pool dropped 132–890 of 3,000.)
    const gates = new Map();
    const worker = async () => {
      while (next < signed.length) {
        const i = next++;
        const sender = i % senders.length;
        if (args.rate > 0) {
          const due = started + (i * 1000) / args.rate;
          if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
        }
        submittedAt[i] = Date.now();
        while (gates.has(sender)) await gates.get(sender).promise;
        // A full pool refuses with a retriable error (1016): the submitter retries, as a
        // client should, for up to two minutes; anything else is a final refusal.
        let holding = false;
        for (;;) {
          try {
            await api._rpcCore.provider.send('author_submitExtrinsic', [signed[i].hex]);
            break;
          } catch (e) {
            const reason = String(e.message ?? e).slice(0, 80);
            refusals.set(reason, (refusals.get(reason) ?? 0) + 1);
            if (!reason.includes('1016') || Date.now() - submittedAt[i] > 120000) {
              refused++;
              refusedAt.add(i);
              break;
            }
            retried++;
            if (!holding && !args.unordered) {
              holding = true;
              if (!gates.has(sender)) {
                const gate = { waiting: 0 };
                gate.promise = new Promise((r) => { gate.open = r; });
                gates.set(sender, gate);
              }
              gates.get(sender).waiting++;
            }
            await new Promise((r) => setTimeout(r, 500));
          }
        }
        if (holding) {
          const gate = gates.get(sender);
          if (--gate.waiting === 0) {
            gates.delete(sender);
            gate.open();
          }
        }
      }
    };
    // Progress on stderr every 10 s, for a run that stalls.
    const progress = setInterval(() => {
      console.error(`${((Date.now() - started) / 1000).toFixed(0)} s: submitted ${next - 64 > 0 ? next - 64 : 0}+, included ${included}, retried ${retried}, refused ${refused}`);
    }, 10000);
    await Promise.all(Array.from({ length: 64 }, worker));
    clearInterval(progress);
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
    clearInterval(sampler);
    const endUsage = nodeUsage(pid);
    rssMax = Math.max(rssMax, endUsage.rss);
    anonMax = Math.max(anonMax, endUsage.anon);
    following = false;
    await follow;
    // How long the validators took to build each block that carried the load, and why they
    // stopped (from their logs: "Prepared block for proposing at N (T ms) … end: Some(Reason)").
    const ours = new Set(blocks.map((b) => b.number));
    const proposals = chain.logs.flatMap((log) => readFileSync(log, 'utf8').split('\n'))
      .map((l) => /Prepared block for proposing at (\d+) \((\d+) ms\).*end: (?:Some\()?(\w+)/.exec(l))
      .filter((m) => m && ours.has(Number(m[1])))
      .map((m) => ({ ms: Number(m[2]), end: m[3] }));
    const proposeMs = proposals.map((p) => p.ms).sort((a, b) => a - b);
    // Slots a validator gave up during the run: its block took too long, or it had no time
    // left to propose (still busy importing or validating).
    const slotsGivenUp = chain.logs.flatMap((log) => readFileSync(log, 'utf8').split('\n'))
      .filter((l) => /Discarding proposal for slot|no time left to propose/.test(l)).length;
    const endReasons = {};
    for (const p of proposals) endReasons[p.end] = (endReasons[p.end] ?? 0) + 1;

    const lost = args.count - refused - included;
    // Where the lost ones are, to tell a pool that evicted from one that holds them stuck:
    // per sender, the nonces lost, the next nonce on chain, and how many of the lost are still
    // in the pool's ready queue (`author_pendingExtrinsics` lists no other: one evicted from the
    // future queue and one waiting there look alike).
    let lostBySender = null;
    if (lost > 0) {
      const pending = new Set((await send('author_pendingExtrinsics', [])).map((hex) => blake2AsHex(hexToU8a(hex), 256)));
      lostBySender = await Promise.all(senders.map(async ({ who }, s) => {
        const missing = [];
        for (let i = s; i < args.count; i += senders.length) if (includedIn[i] < 0 && !refusedAt.has(i)) missing.push(i);
        const nonceOf = (i) => nonces[s] + Math.floor(i / senders.length);
        return {
          lost: missing.length,
          firstLostNonce: missing.length ? nonceOf(missing[0]) : null,
          firstLostHash: missing.length ? signed[missing[0]].hash : null,
          lastLostNonce: missing.length ? nonceOf(missing[missing.length - 1]) : null,
          nextNonceOnChain: (await api.query.system.account(who.address)).nonce.toNumber(),
          lostStillInPool: missing.filter((i) => pending.has(signed[i].hash)).length,
        };
      }));
    }
    const lat = (to) => includedIn.map((n, i) => (n >= 0 && to[i] ? to[i] - submittedAt[i] : null)).filter((x) => x !== null).sort((a, b) => a - b);
    const inclusion = lat(includedAt);
    const finality = lat(finalizedAt);
    const full = blocks.filter((b) => b.ours >= 0.9 * Math.max(...blocks.map((x) => x.ours)));
    const perBlock = blocks.map((b) => b.ours);
    const report = {
      kind: args.kind,
      network: args.network,
      count: args.count,
      rate: args.rate || null,
      senders: senders.length,
      unordered: Boolean(args.unordered),
      extrinsicBytes: sample.length,
      callWeightRefTime: Number(callWeight),
      baseExtrinsicRefTime: Number(baseExtrinsic),
      weightLimitPerBlock: weightLimit,
      lengthLimitPerBlock: lengthLimit,
      submitSeconds: submitted / 1000,
      refusedAtSubmission: refused,
      retriedWhilePoolFull: retried,
      refusals: Object.fromEntries(refusals),
      included,
      lost,
      failedInBlock: failed,
      blocks: blocks.length,
      perBlockMax: Math.max(...perBlock),
      perBlockAtFullBlocks: full.length ? Math.round(full.reduce((s, b) => s + b.ours, 0) / full.length) : 0,
      shareOfWeightLimit: full.length ? +(full.reduce((s, b) => s + b.ours, 0) / full.length / weightLimit).toFixed(3) : 0,
      tpsAtFullBlocks: full.length ? +(full.reduce((s, b) => s + b.ours, 0) / full.length / 6).toFixed(1) : 0,
      // Over the whole run: included extrinsics per second from the first submission to the
      // last inclusion.
      tpsOverall: included ? +(included / ((includedAt.reduce((m, t) => Math.max(m, t), 0) - started) / 1000)).toFixed(1) : 0,
      inclusionMs: { p50: percentile(inclusion, 0.5), p99: percentile(inclusion, 0.99) },
      finalityMs: { p50: percentile(finality, 0.5), p99: percentile(finality, 0.99) },
      blockBuildMs: { p50: percentile(proposeMs, 0.5), max: proposeMs[proposeMs.length - 1] ?? NaN },
      blockEndReasons: endReasons,
      slotsGivenUp,
      nodeRssMiB: +(endUsage.rss / 2 ** 20).toFixed(1),
      nodeRssMaxMiB: +(rssMax / 2 ** 20).toFixed(1),
      nodeRssAnonMaxMiB: +(anonMax / 2 ** 20).toFixed(1),
      nodeCpuSeconds: +(endUsage.cpu - startUsage.cpu).toFixed(1),
      rssAnonMiBEvery30s: rssSeries,
      perBlock,
      lostBySender,
    };
    console.log(JSON.stringify(report, null, 2));
    if (args.json) writeFileSync(args.json, JSON.stringify(report, null, 2));
    if (lost > 0 || failed > 0) process.exitCode = 1;
  } finally {
    await chain.stop();
  }
}

await main();
