/**
 * P3 (QUALITY.md): sign-in throughput against its argon2id bound, event-loop responsiveness
 * during a sign-in storm, and the enumeration medians (unknown user / wrong password / locked).
 * Baseline in the same run: argon2id verify alone with as many concurrent verifies as cores.
 */
import { availableParallelism } from 'node:os';
import { hashPassword, verifyPassword } from '@kapas/auth';
import { DEMO_PASSWORD, users } from '@kapas/db';
import autocannon from 'autocannon';
import { eq } from 'drizzle-orm';
import { benchEnv } from './env';
import { benchDatabase, percentile, startServerProcess, writeResult } from './harness';

const seconds = benchEnv.BENCH_SECONDS;
const cores = availableParallelism();

async function argon2Bound(): Promise<number> {
  const hash = await hashPassword(DEMO_PASSWORD);
  let done = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: cores }, async () => {
      while (performance.now() < end) {
        await verifyPassword(hash, DEMO_PASSWORD);
        done++;
      }
    }),
  );
  return done / seconds;
}

async function probeLatencies(url: string, until: () => boolean): Promise<number[]> {
  const samples: number[] = [];
  while (!until()) {
    const t = performance.now();
    await fetch(`${url}/health`);
    samples.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 20));
  }
  return samples.sort((a, b) => a - b);
}

async function signInTime(url: string, email: string, password: string): Promise<number> {
  const t = performance.now();
  await fetch(`${url}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  }).then((r) => r.text());
  return performance.now() - t;
}

const db = await benchDatabase({
  'rateLimit.signInPerMinute': 1_000_000,
  'rateLimit.signInPerHour': 1_000_000,
  'lockout.threshold': 1_000_000_000,
});
const server = await startServerProcess(db.url);
try {
  const baseline = await argon2Bound();

  let storming = true;
  const probes = probeLatencies(server.url, () => !storming);
  const storm = await autocannon({
    url: `${server.url}/trpc/auth.signIn`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'buyer@saurashtra-mills.example', password: DEMO_PASSWORD, transport: 'token' }),
    connections: cores * 4,
    duration: seconds,
  });
  storming = false;
  const healthLatencies = await probes;

  await db.db
    .update(users)
    .set({ lockedUntil: new Date(Date.now() + 3_600_000).toISOString() })
    .where(eq(users.email, 'seller@vidarbha-ginning.example'));
  const cases = {
    unknownUser: ['nobody@example.com', 'wrong password here'],
    wrongPassword: ['trader@deccan-cotton.example', 'wrong password here'],
    lockedAccount: ['seller@vidarbha-ginning.example', 'wrong password here'],
  } as const;
  const times: Record<string, number[]> = { unknownUser: [], wrongPassword: [], lockedAccount: [] };
  for (let round = 0; round < 100; round++) {
    for (const [name, [email, password]] of Object.entries(cases).sort(() => Math.random() - 0.5)) {
      times[name]!.push(await signInTime(server.url, email, password));
    }
  }
  const medians = Object.fromEntries(
    Object.entries(times).map(([k, v]) => [
      k,
      percentile(
        [...v].sort((a, b) => a - b),
        50,
      ),
    ]),
  );
  const medianValues = Object.values(medians);
  const medianSpread = Math.max(...medianValues) / Math.min(...medianValues) - 1;

  const throughput = storm.requests.average;
  const result = {
    benchmark: 'P3 sign-in',
    seconds,
    cores,
    baselineVerifiesPerSecond: baseline,
    signInsPerSecond: throughput,
    ratio: throughput / baseline,
    signInLatencyMs: { p50: storm.latency.p50, p99: storm.latency.p99 },
    non2xx: storm.non2xx,
    healthLatencyDuringStormMs: { p50: percentile(healthLatencies, 50), p99: percentile(healthLatencies, 99) },
    enumerationMediansMs: medians,
    enumerationMedianSpread: medianSpread,
    targets: { ratio: '>= 0.8', eventLoopDelayP99Ms: '< 20', medianSpread: '<= 0.05' },
  };
  const summary = [
    '# P3 — sign-in throughput (argon2id bound)',
    '',
    `Run ${new Date().toISOString()} on ${cores} cores, ${seconds} s per phase, PostgreSQL 15.`,
    '',
    '| measure | value | target |',
    '|---|---|---|',
    `| argon2id verify alone × ${cores} (baseline) | ${baseline.toFixed(1)} /s | — |`,
    `| sign-ins through the server | ${throughput.toFixed(1)} /s (non-2xx ${storm.non2xx}) | — |`,
    `| ratio | ${(throughput / baseline).toFixed(2)} | ≥ 0.8 |`,
    `| /health p99 during the storm (event-loop delay proxy) | ${percentile(healthLatencies, 99).toFixed(1)} ms | < 20 ms |`,
    `| enumeration medians unknown / wrong / locked | ${medianValues.map((m) => m.toFixed(2)).join(' / ')} ms | spread ≤ 5 % |`,
    `| median spread | ${(medianSpread * 100).toFixed(1)} % | ≤ 5 % |`,
  ].join('\n');
  await writeResult('p3-sign-in', result, summary);
} finally {
  await server.stop();
  await db.drop();
}
