import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { type Deps, EVENTS_CHANNEL, EventBus, SettingsStore } from '@kapas/api';
import type { DatabaseHandle } from '@kapas/db';
import { createApp } from './app';
import type { ServerConfig } from './config';
import type { Logger } from './logger';
import { attachWebSockets, type WebSocketHub } from './ws';

export type RunningServer = {
  url: string;
  port: number;
  deps: Deps;
  hub: WebSocketHub;
  /** Graceful: stop accepting, ask WebSocket clients to reconnect, drain, then close. */
  close(): Promise<void>;
};

export async function startServer(handle: DatabaseHandle, config: ServerConfig, log: Logger): Promise<RunningServer> {
  const bus = new EventBus(handle.db);
  await bus.start();
  // Other instances sharing the database announce their commits over LISTEN/NOTIFY.
  const unlisten = handle.listen ? await handle.listen(EVENTS_CHANNEL, () => void bus.poke()) : null;
  const deps: Deps = { db: handle.db, bus, settings: new SettingsStore(handle.db), clock: () => new Date() };
  let ready = false;
  const app = createApp({ deps, config, log, isReady: () => ready });
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  const hub = attachWebSockets(server, { deps, config, log });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  ready = true;
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}`,
    port,
    deps,
    hub,
    async close() {
      ready = false;
      hub.announceReconnect();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 2_000).unref();
      });
      await hub.close();
      await unlisten?.();
    },
  };
}
