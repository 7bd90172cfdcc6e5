import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { type Database, DEMO_PASSWORD, messages, migrate, openDatabase, seed, settings } from '@kapas/db';
import { and, desc, eq } from 'drizzle-orm';
import postgres from 'postgres';
import { benchEnv } from './env';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Benchmarks drive far more traffic per user than a person: the per-user limits must not be what is measured. */
export const RELAXED_LIMITS: Record<string, unknown> = {
  'rateLimit.signInPerMinute': 1_000_000,
  'rateLimit.signInPerHour': 1_000_000,
  'rateLimit.passwordResetPerHour': 1_000_000,
  'rateLimit.apiPerUserPerMinute': 100_000_000,
  'rateLimit.apiPerPartnerPerMinute': 100_000_000,
};

/** A fresh, migrated, seeded PostgreSQL database for one benchmark; `drop()` removes it. */
export async function benchDatabase(overrides: Record<string, unknown>) {
  const name = `kapas_bench_${randomBytes(5).toString('hex')}`;
  const admin = postgres(benchEnv.BENCH_DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(benchEnv.BENCH_DATABASE_URL);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  await migrate(handle);
  await seed(handle.db, { demo: true });
  for (const [key, value] of Object.entries(overrides)) {
    await handle.db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } });
  }
  // Plain SQL for set-up that would take minutes through the API (see p2-setup.ts).
  const sql = postgres(url.toString(), { max: 4, onnotice: () => {} });
  const drop = async () => {
    await sql.end();
    await handle.close();
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  };
  onInterrupt(drop);
  return { url: url.toString(), db: handle.db, sql, drop };
}

const cleanups: (() => Promise<void>)[] = [];
/** A benchmark stopped with Ctrl-C or a timeout still drops its database and stops its children. */
function onInterrupt(cleanup: () => Promise<void>): void {
  cleanups.unshift(cleanup);
  if (cleanups.length > 1) return;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, async () => {
      for (const c of cleanups) await c().catch(() => undefined);
      process.exit(130);
    });
  }
}

/** The real server as a separate process (the load generator must not share its event loop). */
export async function startServerProcess(databaseUrl: string): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const port = await freePort();
  // node itself (not pnpm → tsx) so `pid` is the server's and its memory can be read from /proc.
  const profile = benchEnv.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${benchEnv.BENCH_PROFILE_DIR}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, '--import', 'tsx', 'src/main.ts'], {
    cwd: `${repoRoot}apps/server`,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      LOG_LEVEL: 'error',
      KAPAS_DEMO_SEED: 'false',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitReady(url);
  onInterrupt(() => stopChild(child));
  return { url, pid: child.pid!, stop: () => stopChild(child) };
}

/** Polls `/ready` (or any URL answering 2xx) for up to a minute. */
export async function waitReady(url: string, path = '/ready'): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (Date.now() > deadline) throw new Error(`${url} did not become ready`);
    const ok = await fetch(`${url}${path}`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Resident memory of a process in bytes (Linux /proc). */
export async function rssBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = status.match(/VmRSS:\s+(\d+) kB/)?.[1];
  if (!kb) throw new Error(`no VmRSS for ${pid}`);
  return Number(kb) * 1024;
}

/** A session token for a demo user, completing the staff OTP step from the database's dev outbox. */
export async function signInToken(url: string, db: Database, email: string): Promise<string> {
  const call = async (path: string, body: unknown) => {
    const res = await fetch(`${url}/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as { result?: { data?: { status?: string; token?: string; challengeId?: string } } };
    const data = json.result?.data;
    if (!data) throw new Error(`${path} failed: ${JSON.stringify(json)}`);
    return data;
  };
  let result = await call('auth.signIn', { email, password: DEMO_PASSWORD, transport: 'token' });
  if (result.status === 'OTP_REQUIRED') {
    const [message] = await db
      .select({ body: messages.body })
      .from(messages)
      .where(and(eq(messages.recipient, email), eq(messages.channel, 'EMAIL')))
      .orderBy(desc(messages.createdAt))
      .limit(1);
    const code = message?.body.match(/\b(\d{6})\b/)?.[1];
    result = await call('auth.verifySignIn', { challengeId: result.challengeId, code, transport: 'token' });
  }
  if (!result.token) throw new Error(`no token for ${email}`);
  return result.token;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** The median of unsorted samples. */
export function median(xs: readonly number[]): number {
  return percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );
}

/** Calls `send(i)` for i = 0,1,2… at `rate` per second for `seconds`, open-loop (never waits for answers). */
export async function fixedRate(rate: number, seconds: number, send: (i: number) => void): Promise<void> {
  const start = performance.now();
  const total = Math.round(rate * seconds);
  let i = 0;
  while (i < total) {
    const due = start + (i * 1000) / rate;
    const now = performance.now();
    if (now < due) await new Promise((r) => setTimeout(r, Math.min(due - now, 50)));
    else send(i++);
  }
}

export async function writeResult(name: string, result: unknown, summary: string): Promise<void> {
  const dir = fileURLToPath(new URL('../../docs/bench/', import.meta.url));
  await mkdir(dir, { recursive: true });
  await writeFile(`${dir}${name}.json`, `${JSON.stringify(result, null, 2)}\n`);
  // Every figure here is relative to how busy the shared machine was while it was measured.
  const load = loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');
  const note = `\nMachine load average (1 / 5 / 15 min) when the run ended: ${load} on ${availableParallelism()} cores.`;
  await writeFile(`${dir}${name}.md`, `${summary}\n${note}\n`);
  console.log(summary);
}
