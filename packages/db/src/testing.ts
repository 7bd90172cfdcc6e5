import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { type DatabaseHandle, openDatabase } from './client';
import { dbEnv } from './env';
import { migrate } from './migrate';
import { seed } from './seed';

/**
 * A fresh, migrated and seeded database for one test file: a new PostgreSQL database on the server
 * named by TEST_DATABASE_URL (dropped on close), or an in-memory PGlite when it is unset.
 */
export async function createTestDatabase(options: { demo?: boolean } = {}): Promise<DatabaseHandle> {
  const handle = await openFreshDatabase();
  await migrate(handle);
  await seed(handle.db, { demo: options.demo ?? true });
  return handle;
}

/** An empty database (not migrated): PostgreSQL on TEST_DATABASE_URL (dropped on close), else in-memory PGlite. */
export async function openFreshDatabase(): Promise<DatabaseHandle> {
  const serverUrl = dbEnv.TEST_DATABASE_URL;
  if (!serverUrl) return openDatabase({});
  const name = `kapas_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), maxConnections: 20 });
  return {
    ...handle,
    async close() {
      await handle.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end({ timeout: 5 });
    },
  };
}
