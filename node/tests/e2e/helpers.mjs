// Shared helpers of the end-to-end tests: free ports, the node binary, processes that are
// always stopped, and a @polkadot/api connection.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { compactAddLength, hexToU8a, stringToU8a, u8aConcat } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const TARGET_DIR = process.env.CARGO_TARGET_DIR ?? path.join(os.homedir(), '.cache/regchain/target');
export const NODE_BIN = process.env.REGCHAIN_NODE ?? path.join(TARGET_DIR, 'release/regchain-node');
/** The command-line tool, built next to the node. */
export const CLI_BIN = process.env.REGCHAIN_CLI ?? path.join(path.dirname(NODE_BIN), 'regchain-cli');

/** True when `port` can be bound on 127.0.0.1 now. */
function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** A base port such that `count` consecutive ports from it are free. */
export async function freePortRange(count) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const base = 20000 + Math.floor(Math.random() * 35000);
    let ok = true;
    for (let p = base; p < base + count && ok; p++) ok = await portIsFree(p);
    if (ok) return base;
  }
  throw new Error(`no ${count} consecutive free ports found`);
}

export function tempDir(prefix) {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

// The nodes this test file started and has not stopped. A file the runner kills (its time
// limit passed) runs no `after`: the nodes are killed with it, so that none outlives its test
// and slows the suites still running.
const running = new Set();
const killRunning = () => { for (const child of running) child.kill('SIGKILL'); };
process.once('exit', killRunning);
for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130]]) {
  process.once(signal, () => { killRunning(); process.exit(code); });
}

/** Starts the node; the returned handle's `stop()` kills it and removes its base path. */
export function startNode(args, { baseDir, logName = 'node.log' }) {
  const log = openSync(path.join(baseDir, logName), 'w');
  const child = spawn(NODE_BIN, args, { stdio: ['ignore', log, log] });
  running.add(child);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.once('exit', () => running.delete(child));
  return {
    child,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/** Runs a command to completion; resolves with its exit code and output. */
export function run(cmd, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Connects @polkadot/api, retrying while the node starts. */
export async function connect(port, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const provider = new WsProvider(`ws://127.0.0.1:${port}`, false);
    try {
      await provider.connect();
      await new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error('connect timeout')), 3000);
        provider.on('connected', () => { clearTimeout(t); resolve(); });
        provider.on('error', () => {});
      });
      return await ApiPromise.create({ provider, throwOnConnect: true, noInitWarn: true });
    } catch (e) {
      await provider.disconnect().catch(() => {});
      if (Date.now() > deadline) throw new Error(`no RPC on port ${port}: ${e.message}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

/** Resolves once `predicate()` is true, polling; rejects with `what` after `timeoutMs`. */
export async function waitFor(what, predicate, timeoutMs = 120000, intervalMs = 1000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await predicate()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export async function finalizedNumber(api) {
  const hash = await api.rpc.chain.getFinalizedHead();
  const header = await api.rpc.chain.getHeader(hash);
  return header.number.toNumber();
}

export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Signs and submits `tx`; resolves once it is in a block with its events, the block's hash and,
 * if it failed, the decoded module error as `pallet.Error`. Rejects when the pool refuses it, when it leaves
 * the pool without being included (dropped, invalid, usurped) and after `timeoutMs`, so that a
 * lost transaction fails its test instead of hanging it.
 */
export function submit(api, tx, signer, timeoutMs = 120000) {
  return new Promise((resolve, reject) => {
    let unsubscribe = null;
    let settled = false;
    const settle = (fn, value) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      unsubscribe?.();
      fn(value);
    };
    const timer = setTimeout(() => settle(reject,
      new Error(`${tx.method.section}.${tx.method.method} not in a block after ${timeoutMs} ms`)), timeoutMs);
    tx.signAndSend(signer, ({ status, events, dispatchError }) => {
      if (status.isDropped || status.isInvalid || status.isUsurped) {
        settle(reject, new Error(`${tx.method.section}.${tx.method.method} left the pool: ${status.type}`));
        return;
      }
      if (!status.isInBlock) return;
      let error = null;
      if (dispatchError) {
        if (dispatchError.isModule) {
          const { section, name } = api.registry.findMetaError(dispatchError.asModule);
          error = `${section}.${name}`;
        } else {
          error = dispatchError.toString();
        }
      }
      settle(resolve, { events, error, blockHash: status.asInBlock });
    }).then((unsub) => {
      unsubscribe = unsub;
      if (settled) unsub();
    }, (e) => settle(reject, e));
  });
}

/**
 * Resolves with the port of the JSON-RPC server the node's log at `logPath` announces
 * (`Running JSON-RPC server: addr=127.0.0.1:<port>`); rejects if the node exits first.
 */
export async function announcedRpcPort(logPath, node, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const log = existsSync(logPath) ? readFileSync(logPath, 'utf8') : '';
    const match = log.match(/Running JSON-RPC server: addr=127\.0\.0\.1:(\d+)/);
    if (match) return Number(match[1]);
    if (node.child.exitCode !== null || node.child.signalCode !== null) {
      throw new Error(`the node exited before serving RPC:\n${log.slice(-2000)}`);
    }
    if (Date.now() > deadline) throw new Error(`no RPC server announced in ${logPath}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Starts a `--dev` node with its own base path; `stop()` undoes it all. The node binds ports
 * the system chooses (port 0) and the RPC port is read from its log, so suites running side by
 * side can never race for a port or reach each other's node.
 */
export async function startDevNode(prefix, { basePath, extraArgs = [] } = {}) {
  // A given base path is kept when the node stops (the storage benchmark reads its state).
  const baseDir = basePath ?? tempDir(prefix);
  mkdirSync(baseDir, { recursive: true });
  const node = startNode([
    '--dev', '--base-path', baseDir, '--database', 'paritydb',
    '--port', '0', '--rpc-port', '0', '--no-prometheus', ...extraArgs,
  ], { baseDir });
  let api;
  try {
    api = await connect(await announcedRpcPort(path.join(baseDir, 'node.log'), node));
  } catch (e) {
    await node.stop();
    removeDir(baseDir);
    throw e;
  }
  return {
    api,
    baseDir,
    pid: node.child.pid,
    async stop() {
      await api.disconnect().catch(() => {});
      await node.stop();
      if (!basePath) removeDir(baseDir);
    },
  };
}

/** Resolves with the query gateway's address once the node's log announces it. */
export async function gatewayAddress(logPath, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const log = existsSync(logPath) ? readFileSync(logPath, 'utf8') : '';
    const match = log.match(/query gateway on (127\.0\.0\.1:\d+)/);
    if (match) return match[1];
    if (Date.now() > deadline) throw new Error('no gateway announced');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Puts `call` to the agencies' council: `voters[0]` proposes it with a threshold of
 * `voters.length` and every voter approves. Resolves with the motion, for `councilClose`.
 */
export async function councilApprove(api, call, voters) {
  const lengthBound = call.method.encodedLength;
  const proposed = await submit(api, api.tx.agencyCouncil.propose(voters.length, call, lengthBound), voters[0]);
  if (proposed.error) throw new Error(`propose failed: ${proposed.error}`);
  const { event } = proposed.events.find(({ event }) => api.events.agencyCouncil.Proposed.is(event));
  const { proposalHash, proposalIndex } = event.data;
  const votes = await Promise.all(voters.map((voter) =>
    submit(api, api.tx.agencyCouncil.vote(proposalHash, proposalIndex, true), voter)));
  for (const vote of votes) if (vote.error) throw new Error(`vote failed: ${vote.error}`);
  return { proposalHash, proposalIndex, lengthBound };
}

/**
 * `closer` closes an approved motion. Resolves with the close's events and the `Executed`
 * event's result (`null` when the call succeeded, else the decoded `pallet.Error`).
 */
export async function councilClose(api, { proposalHash, proposalIndex, lengthBound }, closer) {
  const weightBound = { refTime: 1_000_000_000_000n, proofSize: 5_000_000n };
  const closed = await submit(api,
    api.tx.agencyCouncil.close(proposalHash, proposalIndex, weightBound, lengthBound), closer);
  if (closed.error) throw new Error(`close failed: ${closed.error}`);
  const executed = closed.events.find(({ event }) => api.events.agencyCouncil.Executed.is(event));
  if (!executed) throw new Error('the motion was not executed');
  const result = executed.event.data.result;
  let error = null;
  if (result.isErr) {
    const err = result.asErr;
    error = err.isModule ? (({ section, name }) => `${section}.${name}`)(api.registry.findMetaError(err.asModule)) : err.toString();
  }
  return { events: closed.events, error };
}

/**
 * Has the agencies' council decide `call`: `voters[0]` proposes it with a threshold of
 * `voters.length`, every voter approves, and `voters[0]` closes the motion. Resolves as
 * `councilClose` does.
 */
export async function councilDecides(api, call, voters) {
  return councilClose(api, await councilApprove(api, call, voters), voters[0]);
}

/** The account that authored block `hash`, from its Aura slot and the authorities then. */
export async function blockAuthor(api, hash) {
  const header = await api.rpc.chain.getHeader(hash);
  const preRuntime = header.digest.logs.find((log) => log.isPreRuntime && log.asPreRuntime[0].toString() === 'aura');
  if (!preRuntime) throw new Error(`block ${hash} has no Aura pre-runtime digest`);
  const slot = api.createType('u64', preRuntime.asPreRuntime[1]).toBigInt();
  const at = await api.at(header.parentHash);
  const validators = await at.query.session.validators();
  return validators[Number(slot % BigInt(validators.length))].toString();
}

/** An hour and a day of on-chain time (Unix milliseconds, as `timestamp.now`). */
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/**
 * The chain's time now: the best block's `timestamp.now`, in Unix milliseconds. Genesis has no
 * time (0): on a chain that has not produced its first block yet, waits for it.
 */
export async function chainNow(api) {
  let now = 0;
  await waitFor('the first block to set the time', async () => {
    now = (await api.query.timestamp.now()).toNumber();
    return now > 0;
  }, 60000, 500);
  return now;
}

/**
 * `account`'s consent to join organization `org` (as an administrator if `admin`) for the
 * next hour: its sr25519 signature over the SCALE encoding of
 * `(b"regchain/join", genesis hash, org, admin, validUntil)`, as `consortium.addAccount` checks.
 */
export async function joinConsent(api, account, org, admin = false) {
  const validUntil = (await chainNow(api)) + HOUR;
  const message = new Uint8Array([
    ...new TextEncoder().encode('regchain/join'),
    ...api.genesisHash.toU8a(),
    ...api.createType('u32', org).toU8a(),
    ...api.createType('bool', admin).toU8a(),
    ...api.createType('u64', validUntil).toU8a(),
  ]);
  return { validUntil, signature: { Sr25519: account.sign(message) } };
}

/** `admin` (an administrator account) adds `account` to its organization, with its consent. */
export async function addAccount(api, admin, account, { asAdmin = false } = {}) {
  const org = (await api.query.consortium.accountOrganization(admin.address)).unwrap().toNumber();
  const { validUntil, signature } = await joinConsent(api, account, org, asAdmin);
  return submit(api, api.tx.consortium.addAccount(account.address, asAdmin, validUntil, signature), admin);
}

/**
 * `account`'s consent to be the first account of the organization of `kind` that the agency
 * `registrar` (an organization id) registers under `creditCode`, for the next hour: its sr25519
 * signature over the SCALE encoding of
 * `(b"regchain/register", genesis hash, kind, registrar, credit_code, validUntil)`, as
 * `consortium.registerOrganization` checks.
 */
export async function registrationConsent(api, account, creditCode, { kind = 'Enterprise', registrar }) {
  const validUntil = (await chainNow(api)) + HOUR;
  const kindType = api.tx.consortium.registerOrganization.meta.args[0].type.toString();
  const message = new Uint8Array([
    ...new TextEncoder().encode('regchain/register'),
    ...api.genesisHash.toU8a(),
    ...api.createType(kindType, kind).toU8a(),
    ...api.createType('u32', registrar).toU8a(),
    ...compactAddLength(new TextEncoder().encode(creditCode)),
    ...api.createType('u64', validUntil).toU8a(),
  ]);
  return { validUntil, signature: { Sr25519: account.sign(message) } };
}

/**
 * `registrar` (market regulation for an enterprise, the credit regulator for a bank) registers
 * an organization under `code` whose first account, `account`, consents; the term runs
 * `term` milliseconds of on-chain time (a year unless given). Resolves as `submit` does.
 */
export async function registerOrganization(api, registrar, { kind = 'Enterprise', name, code, account, term = 365 * DAY }) {
  const now = await chainNow(api);
  const registrarOrg = (await api.query.consortium.accountOrganization(registrar.address)).unwrap().toNumber();
  const { validUntil, signature } = await registrationConsent(api, account, code, { kind, registrar: registrarOrg });
  return submit(api, api.tx.consortium.registerOrganization(
    kind, name, code, account.address, now + term, validUntil, signature,
  ), registrar);
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

/**
 * The message each author of a work signs (`IpRights::declaration`): the SCALE encoding of
 * `(b"regchain/work", genesis hash, fingerprint, extra, workType, metadata, owner,
 * [(author address, share)…], nonce)`, the types of `extra` and `workType` read from
 * `ipRights.registerWork`'s metadata.
 */
export function workDeclaration(api, { fingerprint, extra, workType, metadata, owner, shares, nonce }) {
  const argType = (i) => api.tx.ipRights.registerWork.meta.args[i].type.toString();
  return new Uint8Array([
    ...new TextEncoder().encode('regchain/work'),
    ...api.genesisHash.toU8a(),
    ...api.createType('H256', fingerprint).toU8a(),
    ...api.createType(argType(1), extra).toU8a(),
    ...api.createType(argType(2), workType).toU8a(),
    ...api.createType('H256', metadata).toU8a(),
    ...api.createType('u32', owner).toU8a(),
    ...api.createType('Vec<(AccountId32, u16)>', shares.map(([address, share]) => [address, share])).toU8a(),
    ...api.createType('u64', nonce).toU8a(),
  ]);
}

/**
 * The id the chain keeps an item under (pallet_provenance::item_id): blake2-256 of the tag
 * `regchain/item`, the code's scope and the code's hash. `scope` is `{ class }` for a unit of a
 * product class, `{ packer }` for a container labelled by that member.
 */
export function itemId(scope, code) {
  const [variant, n] = 'class' in scope ? [0, scope.class] : [1, scope.packer];
  const le = new Uint8Array(4);
  new DataView(le.buffer).setUint32(0, n, true);
  return blake2AsHex(u8aConcat(stringToU8a('regchain/item'), new Uint8Array([variant]), le, hexToU8a(code)));
}

/**
 * Ends a fund award's publicity now, as if its week had passed: a week cannot pass in a test,
 * so the dev chain's sudo (`sudo`, Alice) moves the award's `until` to the chain's time.
 */
export async function endPublicity(api, allocation, sudo) {
  const publicity = (await api.query.funds.publicities(allocation)).unwrap();
  const ended = api.createType(publicity.toRawType(), { ...publicity.toJSON(), until: await chainNow(api) });
  const key = api.query.funds.publicities.key(allocation);
  const done = await submit(api, api.tx.sudo.sudo(api.tx.system.setStorage([[key, ended.toHex()]])), sudo);
  if (done.error !== null) throw new Error(`ending the publicity of ${allocation}: ${done.error}`);
}

/** Any member's fund eligibility: enterprises anywhere, no role, no cap. */
export const ANY_ENTERPRISE = { regions: [], kinds: 1 << 16, roles: 0, maxPerApplicant: null };

/** A fund program's payment rules: in advance, no co-funding share, no category caps. */
export const ADVANCE = { payment: 'Advance', coFunding: 0, caps: [], bankConfirmsFrom: null };
