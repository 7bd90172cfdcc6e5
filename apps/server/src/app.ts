import { getConnInfo } from '@hono/node-server/conninfo';
import { trpcServer } from '@hono/trpc-server';
import { appRouter, type Context, type Deps, loadActor } from '@kapas/api';
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { clientIp } from './client-ip';
import type { ServerConfig } from './config';
import { bearerToken, readCookie, sessionCookieJar, sessionCookieName } from './cookies';
import { mountDevOutbox } from './dev-outbox';
import type { Logger } from './logger';
import { mountSpa } from './spa';
import { mountUploads } from './uploads';

export type AppOptions = { deps: Deps; config: ServerConfig; log: Logger; isReady: () => boolean };

export function createApp({ deps, config, log, isReady }: AppOptions): Hono {
  const app = new Hono();
  const cookieName = sessionCookieName(config.secureCookies);

  app.use(requestId({ limitLength: 64 }));
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    const ms = Math.round((performance.now() - started) * 10) / 10;
    log.info({ requestId: c.get('requestId'), method: c.req.method, path: c.req.path, status: c.res.status, ms }, 'request');
  });
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
      strictTransportSecurity: config.production ? 'max-age=31536000; includeSubDomains' : false,
    }),
  );
  app.use('/trpc/*', cors({ origin: (origin) => (config.allowedOrigins.includes(origin) ? origin : null), credentials: true }));
  app.use(
    '/trpc/*',
    bodyLimit({
      maxSize: config.maxBodyBytes,
      // The rest of the body is never read, so the connection cannot be reused.
      onError: (c) => {
        c.header('Connection', 'close');
        return c.json({ error: { message: 'Request body is too large', data: { code: 'BAD_REQUEST' } } }, 413);
      },
    }),
  );

  app.get('/health', (c) => c.json({ ok: true }));
  app.get('/ready', async (c) => {
    if (!isReady()) return c.json({ ready: false, reason: 'starting' }, 503);
    try {
      await deps.db.execute(sql`select 1`);
      return c.json({ ready: true });
    } catch {
      return c.json({ ready: false, reason: 'database unreachable' }, 503);
    }
  });

  app.use(
    '/trpc/*',
    trpcServer({
      router: appRouter,
      endpoint: '/trpc',
      maxBatchSize: config.maxBatchSize,
      createContext: async (_opts, c): Promise<Context> => {
        const token = bearerToken(c.req.header('authorization')) ?? readCookie(c.req.header('cookie'), cookieName);
        return {
          deps,
          actor: await loadActor(deps, token),
          sessionToken: token,
          meta: {
            requestId: c.get('requestId'),
            ip: clientIp(getConnInfo(c).remote.address, c.req.header('x-forwarded-for'), config.trustedProxies),
            userAgent: c.req.header('user-agent') ?? null,
          },
          cookies: sessionCookieJar(config.secureCookies, (value) => c.header('Set-Cookie', value, { append: true })),
          setHeader: (name, value) => c.header(name, value),
        };
      },
      onError: ({ error, path, ctx }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR')
          log.error({ err: error.cause ?? error, path, requestId: ctx?.meta.requestId }, 'procedure failed');
      },
    }),
  );

  mountUploads(app, deps, config, log);
  if (config.publicDevOutbox) mountDevOutbox(app, deps.db);
  if (config.staticRoots.admin) mountSpa(app, '/admin', config.staticRoots.admin);
  if (config.staticRoots.web) mountSpa(app, '/', config.staticRoots.web);
  return app;
}
