/**
 * P2b (QUALITY.md): 10,000 idle WebSocket connections, each with one subscription
 * (`masters.onChange`), against a bare `ws` server holding as many sockets. Measures the
 * server's resident memory per connection and how long one published event takes to reach all
 * connections (p99 over the connections, median over 7 alternating rounds).
 * Processes: the Kapas server, the raw `ws` server, and one load-generator child per target.
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchEnv } from './env';
import {
  benchDatabase,
  freePort,
  median,
  RELAXED_LIMITS,
  rssBytes,
  signInToken,
  startServerProcess,
  stopChild,
  writeResult,
} from './harness';

const N = benchEnv.BENCH_P2B_CONNECTIONS;
const ROUNDS = 7;
const here = fileURLToPath(new URL('.', import.meta.url));

type Reply = Record<string, number | string | boolean>;
function request(child: ChildProcess, cmd: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    child.once('message', (msg: Reply) => (msg.error ? reject(new Error(String(msg.error))) : resolve(msg)));
    child.send({ cmd });
  });
}

function generator(args: Record<string, unknown>): Promise<ChildProcess> {
  const child = fork(`${here}p2b-clients.ts`, [JSON.stringify(args)], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  return new Promise((resolve) => child.once('message', () => resolve(child)));
}

async function startRaw(): Promise<{ wsUrl: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', `${here}raw-ws-server.ts`, String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
  return { wsUrl: `ws://127.0.0.1:${port}`, child };
}

const settle = () => new Promise((r) => setTimeout(r, 3_000));

const db = await benchDatabase(RELAXED_LIMITS);
const server = await startServerProcess(db.url);
const raw = await startRaw();
const children: ChildProcess[] = [];
try {
  const token = await signInToken(server.url, db.db, 'buyer@saurashtra-mills.example');
  const adminToken = await signInToken(server.url, db.db, 'admin@kapas.local');
  const kapas = await generator({
    kind: 'kapas',
    wsUrl: server.url.replace('http', 'ws'),
    httpUrl: server.url,
    n: N,
    token,
    adminToken,
  });
  const bare = await generator({ kind: 'raw', wsUrl: raw.wsUrl, httpUrl: '', n: N, token: '', adminToken: '' });
  children.push(kapas, bare);

  const memory: Record<'kapas' | 'raw', { before: number; after: number; openMs: number }> = {
    kapas: { before: 0, after: 0, openMs: 0 },
    raw: { before: 0, after: 0, openMs: 0 },
  };
  for (const [name, child, pid] of [
    ['raw', bare, raw.child.pid!],
    ['kapas', kapas, server.pid],
  ] as const) {
    await settle();
    memory[name].before = await rssBytes(pid);
    memory[name].openMs = Number((await request(child, 'open')).openMs);
    await settle();
    memory[name].after = await rssBytes(pid);
  }

  // Warm-up event on each side, then alternating measured rounds.
  await request(bare, 'event');
  await request(kapas, 'event');
  const rounds: { raw: Reply; kapas: Reply }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 ? (['kapas', 'raw'] as const) : (['raw', 'kapas'] as const);
    const r = {} as { raw: Reply; kapas: Reply };
    for (const name of order) {
      r[name] = await request(name === 'raw' ? bare : kapas, 'event');
      await new Promise((res) => setTimeout(res, 500));
    }
    rounds.push(r);
  }
  const memoryAfterEvents = { kapas: await rssBytes(server.pid), raw: await rssBytes(raw.child.pid!) };

  const perConn = (name: 'kapas' | 'raw') => (memory[name].after - memory[name].before) / N;
  const p99s = (name: 'kapas' | 'raw') => rounds.map((r) => Number(r[name].p99));
  const lost = rounds.reduce((acc, r) => acc + (N - Number(r.kapas.received)) + (N - Number(r.raw.received)), 0);
  const kapasP99 = median(p99s('kapas'));
  const rawP99 = median(p99s('raw'));
  const result = {
    benchmark: 'P2b idle connections',
    cores: availableParallelism(),
    connections: N,
    rounds,
    memory,
    memoryAfterEvents,
    bytesPerConnection: { kapas: perConn('kapas'), raw: perConn('raw') },
    eventP99Ms: { kapas: kapasP99, raw: rawP99, kapasSpread: [Math.min(...p99s('kapas')), Math.max(...p99s('kapas'))] },
    eventP50Ms: { kapas: median(rounds.map((r) => Number(r.kapas.p50))), raw: median(rounds.map((r) => Number(r.raw.p50))) },
    undelivered: lost,
    targets: { bytesPerConnection: '<= 51200', eventP99Ms: '<= 250' },
  };
  const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
  const summary = [
    '# P2b — idle WebSocket connections',
    '',
    `Run ${new Date().toISOString()} on ${result.cores} shared cores; ${N.toLocaleString('en')} connections per target, each with one subscription (Kapas: \`masters.onChange\` over tRPC, one partner token; baseline: bare \`ws\` server). Server, baseline server and one load generator per target are separate processes; memory is the server process's RSS (/proc) before and 3 s after opening; event latency is from just before the publishing call until each connection has parsed the event, ${ROUNDS} alternating rounds after a warm-up.`,
    '',
    '| measure | Kapas | raw ws | ratio | target |',
    '|---|---|---|---|---|',
    `| memory per connection | ${kb(perConn('kapas'))} | ${kb(perConn('raw'))} | ${(perConn('kapas') / perConn('raw')).toFixed(1)}× | ≤ 50 KB |`,
    `| event to all: p50 over connections (median of rounds) | ${result.eventP50Ms.kapas.toFixed(1)} ms | ${result.eventP50Ms.raw.toFixed(1)} ms | — | — |`,
    `| event to all: p99 over connections (median of rounds) | ${kapasP99.toFixed(1)} ms | ${rawP99.toFixed(1)} ms | ${(kapasP99 / rawP99).toFixed(2)}× | ≤ 250 ms |`,
    `| p99 spread over rounds | ${Math.min(...p99s('kapas')).toFixed(1)}–${Math.max(...p99s('kapas')).toFixed(1)} ms | ${Math.min(...p99s('raw')).toFixed(1)}–${Math.max(...p99s('raw')).toFixed(1)} ms | — | — |`,
    `| time to open all connections | ${(memory.kapas.openMs / 1000).toFixed(1)} s | ${(memory.raw.openMs / 1000).toFixed(1)} s | — | — |`,
    `| events not delivered | ${lost} | | | 0 |`,
    '',
    'The Kapas figure includes publishing itself (an HTTP mutation that writes the item, its audit row and the event, then the bus reads the event back) before fan-out; the raw figure starts at a WebSocket "pub" message.',
  ].join('\n');
  await writeResult('p2b-idle-sockets', result, summary);
} finally {
  for (const child of children) await request(child, 'close').catch(() => undefined);
  await stopChild(raw.child);
  await server.stop();
  await db.drop();
}
