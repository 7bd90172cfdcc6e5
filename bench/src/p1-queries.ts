/**
 * P1 (QUALITY.md): tRPC query procedures under load — `trades.openForSellers` (list open trades,
 * as a seller) and `offers.get` (as the buyer) — against a bare Hono + postgres.js server running
 * the identical SQL (captured from PostgreSQL's statement log, p1-capture.ts; it includes the
 * session lookup every request makes). Saturation throughput (closed loop) and p99 at 50 % of Kapas's
 * saturation rate (open loop, autocannon `overallRate`), 5 alternating rounds each.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { benchEnv } from './env';
import {
  benchDatabase,
  freePort,
  median,
  RELAXED_LIMITS,
  signInToken,
  startServerProcess,
  stopChild,
  waitReady,
  writeResult,
} from './harness';
import { type Captured, logSize, statementsSince } from './p1-capture';
import { cloneNegotiations } from './p2-setup';

const ROUNDS = 5;
const SECONDS = Math.max(2, Math.round(benchEnv.BENCH_SECONDS / 3));
const CONNECTIONS = 10;
const here = fileURLToPath(new URL('.', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Target = { name: string; path: string; input: unknown; token: string };

const db = await benchDatabase(RELAXED_LIMITS);
const dbName = new URL(db.url).pathname.slice(1);
const children: ChildProcess[] = [];
const file = `${tmpdir()}/kapas-p1-${dbName}.json`;
try {
  // 1. Capture: a server on the database with statement logging, one call per procedure.
  await db.sql.unsafe(`ALTER DATABASE ${dbName} SET log_statement = 'all'`);
  const capture = await startServerProcess(db.url);
  const tokens = {
    BUYER: await signInToken(capture.url, db.db, 'buyer@saurashtra-mills.example'),
    SELLER: await signInToken(capture.url, db.db, 'seller@vidarbha-ginning.example'),
  };
  const negotiations = await cloneNegotiations(capture.url, tokens, db.sql, 200);
  const targets: Target[] = [
    { name: 'trades.openForSellers', path: 'trades.openForSellers', input: { page: 1, pageSize: 20 }, token: tokens.SELLER },
    { name: 'offers.get', path: 'offers.get', input: { id: negotiations[7]!.offerId }, token: tokens.BUYER },
  ];
  const get = (t: Target, url: string) =>
    fetch(`${url}/trpc/${t.path}?input=${encodeURIComponent(JSON.stringify(t.input))}`, {
      headers: { authorization: `Bearer ${t.token}` },
    });
  for (const t of targets) await get(t, capture.url); // first calls warm caches (settings, etc.)
  const idleFrom = await logSize();
  await sleep(2_500);
  const background = new Set((await statementsSince(idleFrom, dbName)).map((s) => s.query));
  const captured: Record<string, Captured[]> = {};
  for (const t of targets) {
    const from = await logSize();
    const res = await get(t, capture.url);
    if (!res.ok) throw new Error(`${t.name}: ${res.status} ${await res.text()}`);
    await sleep(500);
    captured[t.name] = (await statementsSince(from, dbName)).filter((s) => !background.has(s.query));
  }
  await capture.stop();
  await db.sql.unsafe(`ALTER DATABASE ${dbName} RESET log_statement`);
  await writeFile(file, JSON.stringify(captured, null, 2));

  // 2. The measured pair: Kapas and the raw server, both fresh processes.
  const server = await startServerProcess(db.url);
  const rawPort = await freePort();
  const raw = spawn(process.execPath, ['--import', 'tsx', `${here}p1-raw-server.ts`, db.url, String(rawPort), file], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(raw);
  const rawUrl = `http://127.0.0.1:${rawPort}`;
  await waitReady(rawUrl, '/raw/offers.get');

  const run = (url: string, token: string | null, rate?: number) =>
    autocannon({
      url,
      connections: CONNECTIONS,
      duration: SECONDS,
      ...(rate ? { overallRate: rate } : {}),
      ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
    });
  const results = [];
  for (const t of targets) {
    const kapasUrl = `${server.url}/trpc/${t.path}?input=${encodeURIComponent(JSON.stringify(t.input))}`;
    const baseUrl = `${rawUrl}/raw/${t.name}`;
    await run(kapasUrl, t.token);
    await run(baseUrl, null);
    const sat = { kapas: [] as number[], raw: [] as number[], non2xx: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      for (const side of round % 2 ? (['kapas', 'raw'] as const) : (['raw', 'kapas'] as const)) {
        const r = side === 'kapas' ? await run(kapasUrl, t.token) : await run(baseUrl, null);
        sat[side].push(r.requests.average);
        sat.non2xx += r.non2xx;
      }
    }
    // The same offered rate for both: half of what Kapas itself sustains (at the baseline's half
    // rate Kapas would be past saturation and its p99 would only measure the queue).
    const halfRate = Math.max(1, Math.round(median(sat.kapas) / 2));
    const lat = { kapas: [] as number[], raw: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const side of round % 2 ? (['kapas', 'raw'] as const) : (['raw', 'kapas'] as const)) {
        const r = side === 'kapas' ? await run(kapasUrl, t.token, halfRate) : await run(baseUrl, null, halfRate);
        lat[side].push(r.latency.p99);
      }
    }
    results.push({
      procedure: t.name,
      statements: captured[t.name]!.length,
      throughput: { kapas: median(sat.kapas), raw: median(sat.raw), ratio: median(sat.kapas) / median(sat.raw), rounds: sat },
      p99AtHalfLoadMs: { rate: halfRate, kapas: median(lat.kapas), raw: median(lat.raw), rounds: lat },
      non2xx: sat.non2xx,
    });
  }
  await server.stop();

  const result = {
    benchmark: 'P1 query procedures',
    cores: availableParallelism(),
    seconds: SECONDS,
    connections: CONNECTIONS,
    results,
    captured,
  };
  const f = (x: number) => x.toFixed(1);
  const summary = [
    '# P1 — tRPC query procedures vs raw Hono + postgres.js, identical SQL',
    '',
    `Run ${new Date().toISOString()} on ${result.cores} shared cores, PostgreSQL 15; each server its own process (Kapas via tsx), autocannon in this process. The baseline runs the statements PostgreSQL logged for one call of the procedure (session lookup included), in order, with the same parameters. Saturation: ${CONNECTIONS} connections × ${SECONDS} s, ${ROUNDS} alternating rounds; p99: open loop at 50 % of Kapas's saturation rate, same rate for both, ${ROUNDS} alternating rounds; medians.`,
    '',
    '| procedure (statements) | Kapas req/s | raw req/s | ratio (target ≥ 0.6) | p99 at 50 % load Kapas / raw (target ≤ raw + 2 ms) |',
    '|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.procedure} (${r.statements}) | ${f(r.throughput.kapas)} | ${f(r.throughput.raw)} | ${r.throughput.ratio.toFixed(2)} | ${f(r.p99AtHalfLoadMs.kapas)} / ${f(r.p99AtHalfLoadMs.raw)} ms at ${r.p99AtHalfLoadMs.rate} req/s |`,
    ),
    '',
    `Non-2xx answers during saturation: ${results.map((r) => r.non2xx).join(' / ')}.`,
  ].join('\n');
  await writeResult('p1-queries', result, summary);
} finally {
  for (const c of children) await stopChild(c);
  await db.sql.unsafe(`ALTER DATABASE ${dbName} RESET log_statement`).catch(() => undefined);
  await db.drop();
  await rm(file, { force: true });
}
