/**
 * R19 attackers (a child process, so their sending does not share the measuring client's event
 * loop): on "start", one subscriber to `masters.onChange` that stops reading and one anonymous
 * client flooding 1,000 messages a second, reconnecting each time the server cuts it off; on
 * "stop", both end and the flood's figures are reported. Driven by r19-isolation.ts over IPC.
 */
import type { Socket } from 'node:net';
import WebSocket from 'ws';

type Args = { wsUrl: string; token: string };
const args = JSON.parse(process.argv[2]!) as Args;
const MESSAGE = JSON.stringify({ id: 1, method: 'query', params: { path: 'health' } });

/** Subscribes, then pauses the socket: the kernel buffers fill, then the server's send buffer grows. */
function stalledReader(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${args.wsUrl}/trpc?connectionParams=1`, { perMessageDeflate: false });
    ws.once('error', reject);
    ws.on('open', () => {
      ws.send(JSON.stringify({ method: 'connectionParams', data: { token: args.token } }));
      ws.send(JSON.stringify({ id: 1, method: 'subscription', params: { path: 'masters.onChange', input: {} } }));
    });
    ws.on('message', (raw) => {
      const msg = JSON.parse(String(raw)) as { result?: { type?: string } };
      if (msg.result?.type !== 'started') return;
      (ws as unknown as { _socket: Socket })._socket.pause();
      resolve(ws);
    });
  });
}

type Flood = { connections: number; closeCodes: Record<string, number>; sent: number; startedAt: number };

/** Floods until `flooding` is cleared; the socket open at that moment floods on until it is cut too. */
async function floodLoop(stats: Flood, flooding: () => boolean, onCut: () => void): Promise<void> {
  while (flooding()) {
    const ws = new WebSocket(`${args.wsUrl}/trpc`, { perMessageDeflate: false });
    ws.on('error', () => {});
    stats.connections++;
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    const opened = await Promise.race([new Promise<true>((resolve) => ws.once('open', () => resolve(true))), closed]);
    let code = opened === true ? 0 : opened;
    if (opened === true) {
      // Open-loop: one message per millisecond since the socket opened, whatever the timer's slack.
      const start = performance.now();
      let sent = 0;
      const timer = setInterval(() => {
        while (ws.readyState === ws.OPEN && sent < performance.now() - start) {
          ws.send(MESSAGE);
          sent++;
        }
      }, 1);
      code = await closed;
      clearInterval(timer);
      stats.sent += sent;
    }
    stats.closeCodes[code] = (stats.closeCodes[code] ?? 0) + 1;
    if (code === 1008) onCut();
  }
}

let running: { reader: WebSocket; stats: Flood; stop: () => Promise<void> } | null = null;

async function start(): Promise<Record<string, number>> {
  const reader = await stalledReader();
  const stats: Flood = { connections: 0, closeCodes: {}, sent: 0, startedAt: performance.now() };
  let flooding = true;
  let firstCut!: () => void;
  const cut = new Promise<void>((resolve) => {
    firstCut = resolve;
  });
  const loop = floodLoop(stats, () => flooding, firstCut);
  running = {
    reader,
    stats,
    stop: async () => {
      flooding = false;
      await loop;
    },
  };
  // The attack counts as under way once the guard has cut the flooder off once.
  const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 30_000).unref());
  if ((await Promise.race([cut, timeout])) === 'timeout') throw new Error('the server never cut the flooder off');
  return { cutAfterMs: performance.now() - stats.startedAt };
}

async function stop(): Promise<Record<string, unknown>> {
  if (!running) throw new Error('not started');
  const { reader, stats, stop: stopFlood } = running;
  running = null;
  await stopFlood();
  reader.terminate();
  const seconds = (performance.now() - stats.startedAt) / 1000;
  return { connections: stats.connections, closeCodes: stats.closeCodes, sent: stats.sent, seconds };
}

process.on('message', async (msg: { cmd: string }) => {
  try {
    if (msg.cmd === 'start') process.send!(await start());
    else if (msg.cmd === 'stop') process.send!(await stop());
    else if (msg.cmd === 'close') {
      if (running) await stop();
      process.send!({ closed: true }, () => process.exit(0));
    }
  } catch (err) {
    process.send!({ error: String(err) });
  }
});
process.send!({ ready: true });
