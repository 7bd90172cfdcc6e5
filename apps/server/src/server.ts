import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { createDeps, type Deps, EVENTS_CHANNEL, MemoryRateLimiter, PostgresRateLimiter } from '@kapas/api';
import type { DatabaseHandle } from '@kapas/db';
import { createApp } from './app';
import type { ServerConfig } from './config';
import { startJobs } from './jobs';
import type { Logger } from './logger';
import { attachWebSockets, type WebSocketHub } from './ws';

export type RunningServer = {
  url: string;
  port: number;
  deps: Deps;
  hub: WebSocketHub;
  /** Resolves when work deferred past responses (e.g. reset emails) has finished. */
  drainBackground(): Promise<void>;
  /** Graceful: stop accepting, ask WebSocket clients to reconnect, drain, then close. */
  close(): Promise<void>;
};

export async function startServer(handle: DatabaseHandle, config: ServerConfig, log: Logger): Promise<RunningServer> {
  const deps = await createDeps({
    db: handle.db,
    publicUrl: config.publicUrl,
    fileLinkSecret: config.fileLinkSecret,
    limiter: config.rateLimitStore === 'postgres' ? new PostgresRateLimiter(handle.db) : new MemoryRateLimiter(),
    onBackgroundError: (label, err) => log.error({ err, label }, 'background work failed'),
  });
  // Other instances sharing the database announce their commits over LISTEN/NOTIFY.
  const unlisten = handle.listen ? await handle.listen(EVENTS_CHANNEL, () => void deps.bus.poke()) : null;
  const jobs = startJobs(deps, config, log);
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
    drainBackground: () => deps.drainBackground(),
    async close() {
      ready = false;
      hub.announceReconnect();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 2_000).unref();
      });
      await hub.close();
      await jobs.stop();
      await deps.drainBackground();
      await unlisten?.();
    },
  };
}
