/**
 * P2 (QUALITY.md): counter-offer → the counterparty's `offers.onNegotiation` event, end to end.
 * Two scenarios: 100 negotiations × 1 counter/s and 1,000 × 0.2 counter/s, each negotiation with
 * a buyer socket and a seller socket subscribed to its room. Load is open-loop at a fixed rate
 * from this process; the server is a separate process on a fresh PostgreSQL database.
 * Baselines in the same run, alternating with the Kapas rounds: the counter mutation's own
 * latency, and a raw `ws` echo round trip at the same message rate over as many sockets.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { benchEnv } from './env';
import {
  benchDatabase,
  fixedRate,
  freePort,
  percentile,
  RELAXED_LIMITS,
  signInToken,
  startServerProcess,
  stopChild,
  writeResult,
} from './harness';
import { cloneNegotiations, counterPrice, type Negotiation, trpc } from './p2-setup';

const ROUNDS = 5;
const ROUND_SECONDS = Math.max(3, Math.round(benchEnv.BENCH_SECONDS / 2));
const scaled = (n: number) => Math.max(1, Math.round(n * benchEnv.BENCH_P2_SCALE));
const SCENARIOS = [
  { name: `${scaled(100)} × 1/s`, negotiations: scaled(100), perSecond: 1, p99Target: 25 },
  { name: `${scaled(1_000)} × 0.2/s`, negotiations: scaled(1_000), perSecond: 0.2, p99Target: 60 },
];
const here = fileURLToPath(new URL('.', import.meta.url));

type Room = Negotiation & {
  sockets: { BUYER: WebSocket; SELLER: WebSocket };
  lastVersion: { BUYER: number; SELLER: number };
  inFlight: boolean;
  sentAt: Map<number, number>;
};
type Stats = { mutation: number[]; event: number[]; skipped: number; errors: number; duplicates: number; gaps: number };
/** Where event latencies of the round in progress go (the sockets outlive the rounds). */
let eventSink: number[] = [];

function openRoomSocket(wsUrl: string, token: string, offerId: string, onEvent: (version: number) => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${wsUrl}/trpc?connectionParams=1`, { perMessageDeflate: false });
    ws.once('error', reject);
    ws.on('open', () => {
      ws.send(JSON.stringify({ method: 'connectionParams', data: { token } }));
      ws.send(JSON.stringify({ id: 1, method: 'subscription', params: { path: 'offers.onNegotiation', input: { offerId } } }));
    });
    ws.on('message', (raw) => {
      const text = String(raw);
      if (text === 'PING') return void ws.send('PONG');
      // Tracked items arrive as { id, data: { id, type, payload } }.
      const msg = JSON.parse(text) as {
        result?: { type?: string; data?: { data?: { payload?: { version?: number } } } };
        error?: unknown;
      };
      if (msg.error) reject(new Error(`subscription refused: ${text}`));
      else if (msg.result?.type === 'started') resolve(ws);
      else if (msg.result?.type === 'data') onEvent(Number(msg.result.data?.data?.payload?.version));
    });
  });
}

async function kapasRound(url: string, tokens: Record<'BUYER' | 'SELLER', string>, rooms: Room[], rate: number, stats: Stats) {
  eventSink = stats.event;
  const pending: Promise<void>[] = [];
  await fixedRate(rate * rooms.length, ROUND_SECONDS, (i) => {
    const room = rooms[i % rooms.length]!;
    // A negotiation acts once its previous counter has answered (a person waits for the screen).
    if (room.inFlight) {
      stats.skipped++;
      return;
    }
    room.inFlight = true;
    const side = room.turn;
    const step = room.version;
    const t0 = performance.now();
    room.sentAt.set(step + 1, t0);
    pending.push(
      trpc(url, tokens[side], 'offers.counter', {
        offerId: room.offerId,
        version: room.version,
        price: counterPrice(step),
        quantity: '100',
        idempotencyKey: `p2-${room.offerId}-${step}`,
      }).then(
        (result) => {
          stats.mutation.push(performance.now() - t0);
          const offer = (result as { offer: { version: number } }).offer;
          room.version = offer.version;
          room.turn = side === 'BUYER' ? 'SELLER' : 'BUYER';
          room.inFlight = false;
        },
        (err: unknown) => {
          if (stats.errors++ === 0) console.error(`first failed counter: ${String(err).slice(0, 300)}`);
          room.inFlight = false;
        },
      ),
    );
  });
  await Promise.all(pending);
  await new Promise((r) => setTimeout(r, 500)); // let the last events land
}

/** The same message rate over raw `ws` sockets: one echo per message, timed round trip. */
async function echoRound(sockets: WebSocket[], rate: number) {
  await fixedRate(rate, ROUND_SECONDS, (i) => {
    const ws = sockets[i % sockets.length]!;
    ws.send(`echo:${performance.now()}`);
  });
  await new Promise((r) => setTimeout(r, 500));
}

async function startRaw(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', `${here}raw-ws-server.ts`, String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
  return { url: `ws://127.0.0.1:${port}`, child };
}

const db = await benchDatabase(RELAXED_LIMITS);
const server = await startServerProcess(db.url);
const raw = await startRaw();
const opened: WebSocket[] = [];
try {
  const tokens = {
    BUYER: await signInToken(server.url, db.db, 'buyer@saurashtra-mills.example'),
    SELLER: await signInToken(server.url, db.db, 'seller@vidarbha-ginning.example'),
  };
  const setupStarted = performance.now();
  const all = await cloneNegotiations(
    server.url,
    tokens,
    db.sql,
    SCENARIOS.reduce((n, s) => n + s.negotiations, 0),
  );
  const setupSeconds = (performance.now() - setupStarted) / 1000;
  console.log(`created ${all.length} negotiations in ${setupSeconds.toFixed(1)} s`);

  const results = [];
  let used = 0;
  for (const scenario of SCENARIOS) {
    // Each scenario negotiates on its own offers.
    const mine = all.slice(used, used + scenario.negotiations);
    used += scenario.negotiations;
    const stats: Stats = { mutation: [], event: [], skipped: 0, errors: 0, duplicates: 0, gaps: 0 };
    const rooms: Room[] = [];
    const wsUrl = server.url.replace('http', 'ws');
    for (let i = 0; i < scenario.negotiations; i += 100) {
      const batch = mine.slice(i, i + 100);
      rooms.push(
        ...(await Promise.all(
          batch.map(async (n) => {
            const room = {
              ...n,
              lastVersion: { BUYER: n.version, SELLER: n.version },
              inFlight: false,
              sentAt: new Map(),
            } as Room;
            const onEvent = (side: 'BUYER' | 'SELLER') => (version: number) => {
              const last = room.lastVersion[side];
              if (version <= last) stats.duplicates++;
              else if (version !== last + 1) stats.gaps++;
              room.lastVersion[side] = Math.max(last, version);
              // The counterparty is the side whose turn it now is: the one that did not act.
              const actor = (version - n.version) % 2 === 1 ? n.turn : n.turn === 'BUYER' ? 'SELLER' : 'BUYER';
              const sent = room.sentAt.get(version);
              if (side !== actor && sent !== undefined) eventSink.push(performance.now() - sent);
            };
            room.sockets = {
              BUYER: await openRoomSocket(wsUrl, tokens.BUYER, n.offerId, onEvent('BUYER')),
              SELLER: await openRoomSocket(wsUrl, tokens.SELLER, n.offerId, onEvent('SELLER')),
            };
            opened.push(room.sockets.BUYER, room.sockets.SELLER);
            return room;
          }),
        )),
      );
    }
    const rate = scenario.negotiations * scenario.perSecond;
    console.log(`${scenario.name}: ${rooms.length * 2} room sockets open`);
    const echoSockets = await Promise.all(
      Array.from({ length: Math.min(scenario.negotiations * 2, 2_000) }, async () => {
        const ws = new WebSocket(raw.url, { perMessageDeflate: false });
        await new Promise((r) => ws.once('open', r));
        opened.push(ws);
        return ws;
      }),
    );
    const echo: number[] = [];
    for (const ws of echoSockets) ws.on('message', (m) => echo.push(performance.now() - Number(String(m).slice(5))));

    // Warm-up, then alternating measured rounds.
    await kapasRound(server.url, tokens, rooms, scenario.perSecond, { ...stats, mutation: [], event: [] });
    await echoRound(echoSockets, rate);
    echo.length = 0;
    const perRound: { mutationP50: number; eventP50: number; eventP99: number; echoP50: number; echoP99: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const r: Stats = { mutation: [], event: [], skipped: 0, errors: 0, duplicates: 0, gaps: 0 };
      const echoBefore = echo.length;
      const runKapas = () => kapasRound(server.url, tokens, rooms, scenario.perSecond, r);
      const runEcho = () => echoRound(echoSockets, rate);
      if (round % 2) {
        await runKapas();
        await runEcho();
      } else {
        await runEcho();
        await runKapas();
      }
      const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
      const m = sorted(r.mutation);
      const e = sorted(r.event);
      const x = sorted(echo.slice(echoBefore));
      perRound.push({
        mutationP50: percentile(m, 50),
        eventP50: percentile(e, 50),
        eventP99: percentile(e, 99),
        echoP50: percentile(x, 50),
        echoP99: percentile(x, 99),
      });
      console.log(`${scenario.name} round ${round + 1}: ${JSON.stringify(perRound.at(-1))}`);
      stats.mutation.push(...r.mutation);
      stats.event.push(...r.event);
      stats.skipped += r.skipped;
      stats.errors += r.errors;
    }
    const med = (key: keyof (typeof perRound)[number]) =>
      percentile(
        [...perRound.map((p) => p[key])].sort((a, b) => a - b),
        50,
      );
    const spread = (key: keyof (typeof perRound)[number]) => [
      Math.min(...perRound.map((p) => p[key])),
      Math.max(...perRound.map((p) => p[key])),
    ];
    // Exactly once and in order: every socket's last version equals the room's final version.
    const behind = rooms.filter(
      (room) => room.lastVersion.BUYER !== room.version || room.lastVersion.SELLER !== room.version,
    ).length;
    results.push({
      scenario: scenario.name,
      negotiations: scenario.negotiations,
      countersPerSecond: rate,
      sockets: scenario.negotiations * 2,
      counters: stats.mutation.length,
      events: stats.event.length,
      mutationP50: med('mutationP50'),
      eventP50: med('eventP50'),
      eventP99: med('eventP99'),
      eventP99Spread: spread('eventP99'),
      echoP50: med('echoP50'),
      echoP99: med('echoP99'),
      pushOverheadMs: med('eventP50') - med('mutationP50'),
      duplicates: stats.duplicates,
      gaps: stats.gaps,
      roomsBehind: behind,
      skipped: stats.skipped,
      errors: stats.errors,
      p99Target: scenario.p99Target,
      perRound,
    });
    for (const ws of [...echoSockets, ...rooms.flatMap((r) => [r.sockets.BUYER, r.sockets.SELLER])]) ws.terminate();
  }

  const result = {
    benchmark: 'P2 negotiation push',
    cores: availableParallelism(),
    roundSeconds: ROUND_SECONDS,
    rounds: ROUNDS,
    setupSeconds,
    results,
  };
  const f = (x: number) => x.toFixed(1);
  const summary = [
    '# P2 — counter-offer → counterparty event',
    '',
    `Run ${new Date().toISOString()} on ${result.cores} shared cores, PostgreSQL 15; server (tsx) and load generator are separate processes. Open-loop fixed rate; ${ROUNDS} alternating rounds of ${ROUND_SECONDS} s (Kapas / raw ws echo) after a warm-up; medians over rounds. Scale ${benchEnv.BENCH_P2_SCALE} of QUALITY.md's 100 / 1,000 negotiations. Event latency: from sending the counter until the counterparty's socket has parsed the event. ${all.length} negotiations (one made through the API, cloned in SQL) set up in ${f(setupSeconds)} s.`,
    '',
    '| scenario | counter mutation p50 | event p50 | event p99 (spread) | push overhead (event p50 − mutation p50) | raw ws echo p50 / p99 | duplicates / gaps / rooms behind | target |',
    '|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.scenario} (${r.sockets} sockets, ${r.counters} counters) | ${f(r.mutationP50)} ms | ${f(r.eventP50)} ms | ${f(r.eventP99)} ms (${f(r.eventP99Spread[0]!)}–${f(r.eventP99Spread[1]!)}) | ${f(r.pushOverheadMs)} ms | ${f(r.echoP50)} / ${f(r.echoP99)} ms | ${r.duplicates} / ${r.gaps} / ${r.roomsBehind} | overhead ≤ 2 ms, p99 ≤ ${r.p99Target} ms, 0 / 0 / 0 |`,
    ),
    '',
    `Skipped sends (a negotiation still waiting for its previous answer): ${results.map((r) => r.skipped).join(' / ')}; failed counters: ${results.map((r) => r.errors).join(' / ')}.`,
  ].join('\n');
  await writeResult('p2-negotiation-push', result, summary);
} finally {
  for (const ws of opened) ws.terminate();
  await stopChild(raw.child);
  await server.stop();
  await db.drop();
}
