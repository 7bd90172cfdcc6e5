import { fileURLToPath } from 'node:url';
import { dbEnv, migrate, openDatabase, seed, settings } from '@kapas/db';
import { defaultOrigins, LIMITS, type ServerConfig } from './config';
import { env } from './env';
import { createLogger } from './logger';
import { sendersFrom } from './senders';
import { startServer } from './server';
import { documentStoreFrom } from './storage';

const log = createLogger(env.LOG_LEVEL);
const started = performance.now();
const staticRoot = (app: string) => fileURLToPath(new URL(`../../${app}/dist`, import.meta.url));

const senders = sendersFrom(env);
const config: ServerConfig = {
  port: env.PORT,
  host: env.HOST,
  production: env.NODE_ENV === 'production',
  allowedOrigins: env.KAPAS_ALLOWED_ORIGINS?.split(',').map((o) => o.trim()) ?? defaultOrigins(env.PORT),
  secureCookies: env.KAPAS_SECURE_COOKIES,
  staticRoots: { web: staticRoot('web'), admin: staticRoot('admin') },
  ...LIMITS,
  publicUrl: env.KAPAS_PUBLIC_URL ?? `http://localhost:${env.PORT}`,
  trustedProxies: new Set(
    env.KAPAS_TRUSTED_PROXIES.split(',')
      .map((p) => p.trim())
      .filter(Boolean),
  ),
  rateLimitStore: env.KAPAS_RATE_LIMIT_STORE,
  senders,
  publicDevOutbox: senders.embedded && env.KAPAS_DEMO_SEED,
  jobIntervalMs: 2_000,
  storage: documentStoreFrom(env, dbEnv.KAPAS_DATA_DIR),
  fileLinkSecret: env.KAPAS_FILE_LINK_SECRET,
};

const handle = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATABASE_URL ? undefined : dbEnv.KAPAS_DATA_DIR });
await migrate(handle);
const signIns = await seed(handle.db, { demo: env.KAPAS_DEMO_SEED });
// The admin app's dev outbox exists only while the embedded channels deliver the messages.
const embedded = { key: 'delivery.embedded', value: config.senders.embedded };
await handle.db
  .insert(settings)
  .values(embedded)
  .onConflictDoUpdate({ target: settings.key, set: { value: embedded.value } });
const server = await startServer(handle, config, log);

log.info({ url: server.url, database: handle.kind, startupMs: Math.round(performance.now() - started) }, 'Kapas is ready');
console.log(`\n  Kapas is running on ${server.url}\n    trader app: ${server.url}/\n    admin app:  ${server.url}/admin/\n`);
if (config.publicDevOutbox)
  console.log(`    dev outbox: ${server.url}/dev/outbox  (sign-in codes and links; staff sign-in always asks for a code)\n`);
if (signIns.length) {
  console.log('  Demo sign-ins:');
  for (const s of signIns)
    console.log(`    ${s.app === 'admin' ? 'admin' : 'web  '}  ${s.email.padEnd(36)} ${s.password}   (${s.who})`);
  console.log('');
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down');
  await server.close();
  await handle.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
