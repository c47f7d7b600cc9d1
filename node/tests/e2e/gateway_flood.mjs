// The query gateway under a flood, and block production meanwhile: a 1-validator dev chain with
// its gateway (`--gateway-addr`); for `--quiet` seconds nothing, then for `--seconds` seconds
// `--clients` clients, each from a loopback address of its own (127.0.0.2, 127.0.0.3 …, so the
// per-address budget does not stop them all at once), post batches of 16 public calls
// (`notarization_verifyDigest`) as fast as they are answered. Prints what an operator asks: the
// calls answered and refused (-32005), the node's and the clients' CPU, and the gaps between
// the blocks the node imported in each phase against its 6 s slot. Not a test:
// load_harness.test.mjs runs it briefly to keep it working.
//
//   node gateway_flood.mjs [--clients K] [--seconds S] [--quiet S] [--json FILE]
import http from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gatewayAddress, startDevNode } from './helpers.mjs';

const BUSY = -32005;
const BATCH = 16;

function parseArgs(argv) {
  const args = { clients: 16, seconds: 60, quiet: 30, json: null };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--clients') args.clients = Number(value);
    else if (flag === '--seconds') args.seconds = Number(value);
    else if (flag === '--quiet') args.quiet = Number(value);
    else if (flag === '--json') args.json = value;
    else throw new Error(`unknown option ${flag}`);
  }
  return args;
}

/** One POST of `body` to the gateway from `localAddress`; the parsed reply. */
function post(address, localAddress, body, agent) {
  const [host, port] = address.split(':');
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request({
      host, port: Number(port), method: 'POST', path: '/', localAddress, agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
    }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => { text += chunk; });
      response.on('end', () => {
        try { resolve(JSON.parse(text)); } catch (e) { reject(new Error(`not JSON (${response.statusCode}): ${text.slice(0, 120)}`)); }
      });
    });
    request.on('error', reject);
    request.end(payload);
  });
}

/** The CPU time (ms) the process `pid` used so far: user + system, from /proc. */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms
}

/** Gaps (ms) between consecutive arrival times, summarized. */
function gaps(times) {
  const list = times.slice(1).map((t, i) => t - times[i]).sort((a, b) => a - b);
  if (list.length === 0) return { blocks: times.length, meanMs: null, maxMs: null, over9s: 0 };
  const mean = list.reduce((a, b) => a + b, 0) / list.length;
  return { blocks: times.length, meanMs: Math.round(mean), maxMs: list[list.length - 1], over9s: list.filter((g) => g > 9000).length };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const dev = await startDevNode('regchain-flood-', { extraArgs: ['--gateway-addr', '127.0.0.1:0'] });
  try {
    const address = await gatewayAddress(path.join(dev.baseDir, 'node.log'));
    const arrivals = [];
    const unsubscribe = await dev.api.rpc.chain.subscribeNewHeads(() => arrivals.push(Date.now()));
    const quietFrom = Date.now();
    await new Promise((r) => setTimeout(r, args.quiet * 1000));
    const floodFrom = Date.now();
    const cpuBefore = cpuMs(dev.pid);
    const clientCpuBefore = process.cpuUsage();
    const counts = { answered: 0, busy: 0, otherErrors: 0, failedPosts: 0, posts: 0 };
    const until = floodFrom + args.seconds * 1000;
    const body = Array.from({ length: BATCH }, (_, i) => ({
      jsonrpc: '2.0', id: i, method: 'notarization_verifyDigest', params: ['Sha256', `0x${String(i).padStart(64, '0')}`],
    }));
    const client = async (n) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const localAddress = `127.0.0.${2 + n}`;
      while (Date.now() < until) {
        counts.posts += 1;
        try {
          const replies = await post(address, localAddress, body, agent);
          for (const reply of Array.isArray(replies) ? replies : [replies]) {
            if (reply.error?.code === BUSY) counts.busy += 1;
            else if (reply.error) counts.otherErrors += 1;
            else counts.answered += 1;
          }
        } catch {
          counts.failedPosts += 1;
        }
      }
      agent.destroy();
    };
    await Promise.all(Array.from({ length: args.clients }, (_, n) => client(n)));
    const floodEnd = Date.now();
    const nodeCpu = cpuMs(dev.pid) - cpuBefore;
    const clientCpu = process.cpuUsage(clientCpuBefore);
    await unsubscribe();
    const seconds = (floodEnd - floodFrom) / 1000;
    const report = {
      clients: args.clients,
      batch: BATCH,
      floodSeconds: Math.round(seconds),
      quietSeconds: args.quiet,
      ...counts,
      answeredPerSecond: Math.round(counts.answered / seconds),
      refusedPerSecond: Math.round(counts.busy / seconds),
      nodeCores: Number((nodeCpu / 1000 / seconds).toFixed(2)),
      clientCores: Number(((clientCpu.user + clientCpu.system) / 1e6 / seconds).toFixed(2)),
      quiet: gaps(arrivals.filter((t) => t >= quietFrom && t < floodFrom)),
      flood: gaps(arrivals.filter((t) => t >= floodFrom && t <= floodEnd)),
    };
    console.log(JSON.stringify(report, null, 2));
    if (args.json) writeFileSync(args.json, JSON.stringify(report));
  } finally {
    await dev.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
