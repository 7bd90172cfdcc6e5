/**
 * P2b load generator (a child process, one per target so each has its own descriptor limit):
 * opens N WebSocket connections with one subscription each, then on request publishes one event
 * and reports how long it took to reach every connection. Driven by p2b-idle-sockets.ts over IPC.
 */
import WebSocket from 'ws';
import { percentile } from './harness';

type Args = { kind: 'kapas' | 'raw'; wsUrl: string; httpUrl: string; n: number; token: string; adminToken: string };
const args = JSON.parse(process.argv[2]!) as Args;
const sockets: WebSocket[] = [];
let arrivals: number[] = [];
let armedAt = 0;
let onAllArrived: (() => void) | null = null;

function open(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const url = args.kind === 'kapas' ? `${args.wsUrl}/trpc?connectionParams=1` : args.wsUrl;
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.once('error', reject);
    ws.on('open', () => {
      if (args.kind === 'kapas') {
        ws.send(JSON.stringify({ method: 'connectionParams', data: { token: args.token } }));
        ws.send(JSON.stringify({ id: 1, method: 'subscription', params: { path: 'masters.onChange', input: {} } }));
      } else ws.send('sub');
    });
    ws.on('message', (raw) => {
      const text = String(raw);
      if (text === 'PING') return void ws.send('PONG'); // tRPC's keep-alive
      const msg = JSON.parse(text) as { result?: { type?: string } };
      if (msg.result?.type === 'started') resolve(ws);
      else if (msg.result?.type === 'data' && armedAt) {
        arrivals.push(performance.now() - armedAt);
        if (arrivals.length === args.n) onAllArrived?.();
      }
    });
  });
}

async function openAll(): Promise<number> {
  const started = performance.now();
  const BATCH = 200;
  for (let i = 0; i < args.n; i += BATCH) {
    sockets.push(...(await Promise.all(Array.from({ length: Math.min(BATCH, args.n - i) }, open))));
  }
  return performance.now() - started;
}

let control: WebSocket | null = null;
let itemNo = 0;
async function publish(): Promise<void> {
  if (args.kind === 'raw') {
    control ??= await new Promise<WebSocket>((resolve) => {
      const ws = new WebSocket(args.wsUrl, { perMessageDeflate: false });
      ws.on('open', () => resolve(ws));
    });
    control.send('pub');
    return;
  }
  itemNo += 1;
  const res = await fetch(`${args.httpUrl}/trpc/masters.createItem`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${args.adminToken}` },
    body: JSON.stringify({ kind: 'VARIETY', code: `P2B_${process.pid}_${itemNo}`, name: `Bench ${itemNo}`, days: null }),
  });
  if (!res.ok) throw new Error(`publish failed: ${res.status} ${await res.text()}`);
}

async function event(): Promise<Record<string, number>> {
  arrivals = [];
  const all = new Promise<void>((resolve) => {
    onAllArrived = resolve;
  });
  armedAt = performance.now();
  await publish();
  const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 30_000));
  await Promise.race([all, timeout]);
  armedAt = 0;
  const sorted = [...arrivals].sort((a, b) => a - b);
  return { received: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
}

process.on('message', async (msg: { cmd: string }) => {
  try {
    if (msg.cmd === 'open') process.send!({ openMs: await openAll() });
    else if (msg.cmd === 'event') process.send!(await event());
    else if (msg.cmd === 'close') {
      for (const ws of sockets) ws.terminate();
      control?.terminate();
      process.send!({ closed: true }, () => process.exit(0));
    }
  } catch (err) {
    process.send!({ error: String(err) });
  }
});
process.send!({ ready: true });
