/**
 * Baseline server for the WebSocket benchmarks: a bare `ws` server, no framework, no database.
 *  - "sub"  → remembers the socket and answers like a tRPC subscription start;
 *  - "pub"  → sends one event to every remembered socket (P2b fan-out);
 *  - "echo:<text>" → sends the text back (P2 round-trip baseline).
 * Run as its own process: `node --import tsx src/raw-ws-server.ts <port>`; prints "ready".
 */
import { type WebSocket, WebSocketServer } from 'ws';

const port = Number(process.argv[2]);
const subscribed = new Set<WebSocket>();
let seq = 0;
const wss = new WebSocketServer({ port, host: '127.0.0.1' });
wss.on('connection', (socket) => {
  socket.on('message', (raw) => {
    const text = String(raw);
    if (text === 'sub') {
      subscribed.add(socket);
      socket.send('{"id":1,"result":{"type":"started"}}');
    } else if (text === 'pub') {
      seq += 1;
      // Shaped like a Kapas event so both sides parse the same amount of JSON.
      const frame = JSON.stringify({
        id: 1,
        result: {
          type: 'data',
          id: String(seq),
          data: {
            id: seq,
            type: 'master.item.create',
            payload: { id: crypto.randomUUID(), kind: 'VARIETY' },
            at: new Date().toISOString(),
          },
        },
      });
      for (const s of subscribed) s.send(frame);
    } else if (text.startsWith('echo:')) {
      socket.send(text);
    }
  });
  socket.on('close', () => subscribed.delete(socket));
});
wss.on('listening', () => console.log('ready'));
process.on('SIGTERM', () => wss.close(() => process.exit(0)));
