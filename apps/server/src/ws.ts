import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { appRouter, type Context, type Deps, loadActor } from '@kapas/api';
import { type CreateWSSContextFnOptions, getWSConnectionHandler, handleKeepAlive } from '@trpc/server/adapters/ws';
import { type WebSocket, WebSocketServer } from 'ws';
import { clientIp } from './client-ip';
import type { ServerConfig } from './config';
import { readCookie, sessionCookieName } from './cookies';
import type { Logger } from './logger';
import { guardSocket } from './ws-guard';

export const CLOSE_SESSION_ENDED = 4001;
/** Not a terminal code: the client reconnects and is authorised afresh. */
export const CLOSE_ACCESS_CHANGED = 4002;

export type WebSocketHub = {
  wss: WebSocketServer;
  /** Asks every client to reconnect (sent on shutdown so they move to another instance). */
  announceReconnect(): void;
  close(): Promise<void>;
};

/** tRPC over WebSocket on the HTTP server's port, with origin check, size and rate limits and session tracking. */
export function attachWebSockets(
  server: Server,
  { deps, config, log }: { deps: Deps; config: ServerConfig; log: Logger },
): WebSocketHub {
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxWsMessageBytes });
  const bySession = new Map<string, Set<WebSocket>>();
  const byUser = new Map<string, Set<WebSocket>>();
  const cookieName = sessionCookieName(config.secureCookies);

  const index = (map: Map<string, Set<WebSocket>>, key: string, client: WebSocket) => {
    const set = map.get(key) ?? new Set<WebSocket>();
    map.set(key, set);
    set.add(client);
    client.once('close', () => {
      set.delete(client);
      if (set.size === 0) map.delete(key);
    });
  };
  const track = (sessionId: string, userId: string, client: WebSocket) => {
    index(bySession, sessionId, client);
    index(byUser, userId, client);
  };

  const createContext = async ({ req, res, info }: CreateWSSContextFnOptions): Promise<Context> => {
    const token = info.connectionParams?.token ?? readCookie(req.headers.cookie, cookieName);
    const actor = await loadActor(deps, token ?? null);
    if (actor) track(actor.sessionId, actor.userId, res);
    return {
      deps,
      actor,
      sessionToken: token ?? null,
      meta: {
        requestId: crypto.randomUUID(),
        ip: clientIp(req.socket.remoteAddress, headerValue(req.headers['x-forwarded-for']), config.trustedProxies),
        userAgent: req.headers['user-agent'] ?? null,
      },
      cookies: null,
      setHeader: null,
    };
  };

  const onConnection = getWSConnectionHandler({ wss, router: appRouter, createContext });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/trpc') return refuse(socket, 404, 'Not Found');
    // Browsers always send Origin; a foreign one with the user's cookies is cross-site WebSocket hijacking.
    const origin = req.headers.origin;
    if (origin && !originAllowed(origin, req.headers.host, config.allowedOrigins)) {
      log.warn({ origin }, 'websocket refused: origin not allowed');
      return refuse(socket, 403, 'Forbidden');
    }
    wss.handleUpgrade(req, socket, head, (client) => {
      guardSocket(client, { maxBatchSize: config.maxBatchSize, messagesPerSecond: config.wsMessagesPerSecond });
      handleKeepAlive(client, 30_000, 10_000);
      onConnection(client, req);
    });
  });

  // A session ended anywhere (sign-out, revocation, expiry) closes its sockets as soon as the event
  // commits; a permission change closes the user's sockets so they reconnect with fresh capabilities.
  const unsubscribe = deps.bus.subscribe((event) => {
    if (event.type === 'session.ended') {
      for (const client of bySession.get(String(event.payload.sessionId)) ?? [])
        client.close(CLOSE_SESSION_ENDED, 'Session ended');
    } else if (event.type === 'access.changed') {
      for (const client of byUser.get(String(event.payload.userId)) ?? [])
        client.close(CLOSE_ACCESS_CHANGED, 'Permissions changed');
    }
  }, 'session');

  return {
    wss,
    announceReconnect() {
      const message = JSON.stringify({ id: null, method: 'reconnect' });
      for (const client of wss.clients) {
        if (client.readyState !== client.OPEN) continue;
        client.send(message);
        stopTrackedItems(client);
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}

/**
 * After "reconnect" the client resubscribes elsewhere from the last event id it has processed; an
 * event this socket still delivered meanwhile would reach it twice. So tracked subscription items
 * stop here (the new connection replays them); answers to calls in flight still go out.
 */
function stopTrackedItems(client: WebSocket): void {
  const send = client.send.bind(client);
  client.send = ((...args: Parameters<typeof client.send>) => {
    const [data] = args;
    if (typeof data === 'string' && isTrackedItem(data)) return;
    send(...args);
  }) as typeof client.send;
}

function isTrackedItem(message: string): boolean {
  try {
    const parsed = JSON.parse(message) as { result?: { type?: string; id?: unknown } };
    return parsed.result?.type === 'data' && parsed.result.id !== undefined;
  } catch {
    return false;
  }
}

/** Same origin as the server itself, or one of the configured origins. */
export function originAllowed(origin: string, host: string | undefined, allowed: string[]): boolean {
  if (allowed.includes(origin)) return true;
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
