import { ACCESS_RULES } from '@kapas/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from '../src/testing';
import { tokenFor } from './reliability-helpers';
import { fuzzInputs, procedures } from './reliability-inputs';

/**
 * R15: every procedure of the access table, called over the real transports with inputs derived
 * from its own zod schema (plausible, broken and arbitrary), as a signed-in partner user and as
 * staff. Any answer is fine except a server error: no INTERNAL, no 5xx, no unhandled rejection.
 */
let server: TestServer;
const tokens: Record<string, string> = {};
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  server = await startTestServer();
  tokens.partner = await tokenFor(server, 'buyer@saurashtra-mills.example');
  tokens.staff = await tokenFor(server, 'admin@kapas.local');
});
afterAll(async () => {
  process.off('unhandledRejection', onRejection);
  await server.stop();
});

/** These end the caller's own sessions, so they run after everything else. */
const SESSION_ENDING = new Set(['auth.signOut', 'sessions.endOthers']);

const brief = (input: unknown) => JSON.stringify(input)?.slice(0, 300);

type Failure = { path: string; actor: string; input: unknown; status: number | string; code: unknown };

async function callHttp(path: string, type: 'query' | 'mutation', input: unknown, token: string) {
  const encoded = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const res =
    type === 'query'
      ? await fetch(`${server.url}/trpc/${path}${encoded}`, { headers })
      : await fetch(`${server.url}/trpc/${path}`, {
          method: 'POST',
          headers,
          // No input: no body at all, as the typed client sends it.
          ...(input === undefined ? {} : { body: JSON.stringify(input) }),
        });
  const text = await res.text();
  const body = (() => {
    try {
      return JSON.parse(text) as { error?: { data?: { code?: string } } };
    } catch {
      return null;
    }
  })();
  return { status: res.status, code: body?.error?.data?.code ?? (body ? 'OK' : 'NOT_JSON'), text };
}

/** Subscriptions over one WebSocket per procedure: start each input, read its first answer, stop it. */
async function callSubscription(path: string, inputs: unknown[], token: string): Promise<{ input: unknown; code: string }[]> {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/trpc?connectionParams=1`);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ method: 'connectionParams', data: { token } }));
  const answers = new Map<number, string>();
  ws.on('message', (raw) => {
    const msg = JSON.parse(String(raw)) as { id?: number; error?: { data?: { code?: string } }; result?: unknown };
    if (typeof msg.id === 'number' && !answers.has(msg.id))
      answers.set(msg.id, msg.error ? (msg.error.data?.code ?? 'NO_CODE') : 'OK');
  });
  // The socket guard allows 20 messages a second; stay well under it.
  for (const [i, input] of inputs.entries()) {
    ws.send(JSON.stringify({ id: i + 1, method: 'subscription', params: { path, input } }));
    await new Promise((r) => setTimeout(r, 120));
  }
  const end = Date.now() + 10_000;
  while (answers.size < inputs.length && Date.now() < end && ws.readyState === ws.OPEN)
    await new Promise((r) => setTimeout(r, 20));
  ws.terminate();
  return inputs.map((input, i) => ({ input, code: answers.get(i + 1) ?? (ws.readyState === ws.OPEN ? 'NO_ANSWER' : 'CLOSED') }));
}

describe('R15 input fuzzing over every procedure', () => {
  it('answers a malformed or empty JSON body with BAD_REQUEST, not a server error', async () => {
    for (const body of ['', '{', '{"email":', '\u0000', 'null']) {
      const res = await fetch(`${server.url}/trpc/auth.signIn`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      const json = (await res.json()) as { error?: { data?: { code?: string } } };
      expect({ body, status: res.status, code: json.error?.data?.code }).toEqual({ body, status: 400, code: 'BAD_REQUEST' });
    }
  });

  it('answers arbitrary inputs with client errors only, for partner users and staff', { timeout: 600_000 }, async () => {
    const all = procedures();
    // Everything the router serves is fuzzed; every access-table entry must be among it (R9
    // separately fails a procedure that has no access rule).
    const served = new Set(all.map((p) => p.path));
    expect(Object.keys(ACCESS_RULES).filter((path) => !served.has(path))).toEqual([]);
    const ordered = [...all.filter((p) => !SESSION_ENDING.has(p.path)), ...all.filter((p) => SESSION_ENDING.has(p.path))];

    const failures: Failure[] = [];
    let calls = 0;
    const stillSignedIn = async () => {
      for (const token of Object.values(tokens)) {
        const me = await callHttp('auth.me', 'query', undefined, token);
        expect(JSON.parse(me.text).result?.data?.userId).toBeTruthy();
      }
    };
    await stillSignedIn();
    for (const [n, proc] of ordered.entries()) {
      // Everything before the session-ending procedures must have run signed in.
      if (SESSION_ENDING.has(proc.path) && !SESSION_ENDING.has(ordered[n - 1]?.path ?? '')) await stillSignedIn();
      const inputs = fuzzInputs(proc.schema, 1_000 + n);
      for (const actor of ['partner', 'staff'] as const) {
        const token = tokens[actor]!;
        if (proc.type === 'subscription') {
          for (const { input, code } of await callSubscription(proc.path, inputs.slice(0, 12), token)) {
            calls++;
            if (code === 'INTERNAL' || code === 'NO_ANSWER' || code === 'CLOSED')
              failures.push({ path: proc.path, actor, input: brief(input), status: 'ws', code });
          }
          continue;
        }
        for (const input of inputs) {
          calls++;
          const { status, code, text } = await callHttp(proc.path, proc.type, input, token);
          // A non-JSON answer is fine only from the transport itself (e.g. 431 for an oversized URL).
          const serverError = status >= 500 || code === 'INTERNAL' || (code === 'NOT_JSON' && status < 400);
          if (serverError || /\bat .+\.[jt]s:\d+/.test(text))
            failures.push({ path: proc.path, actor, input: brief(input), status, code });
        }
      }
    }
    expect(calls).toBeGreaterThan(all.length * 20);
    const byPath = new Map<string, Failure[]>();
    for (const f of failures) byPath.set(f.path, [...(byPath.get(f.path) ?? []), f]);
    // One example per failing procedure keeps the report readable.
    expect([...byPath.values()].map((fs) => ({ ...fs[0], count: fs.length }))).toEqual([]);
    // Let deferred work (emails, background jobs) settle, then check nothing was left unhandled.
    await server.drainBackground();
    await new Promise((r) => setTimeout(r, 200));
    expect(rejections).toEqual([]);
  });
});
