import { rm } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../client';
import { dbEnv } from '../env';
import { migrate } from '../migrate';
import { seed } from '../seed';

/** Drops everything and starts again from migrations and the demo seed. */
if (dbEnv.DATABASE_URL) {
  const handle = await openDatabase({ url: dbEnv.DATABASE_URL });
  await handle.db.execute(sql`DROP SCHEMA public CASCADE; CREATE SCHEMA public; DROP SCHEMA IF EXISTS drizzle CASCADE;`);
  await handle.close();
} else {
  await rm(dbEnv.KAPAS_DATA_DIR, { recursive: true, force: true });
}
const handle = await openDatabase({ url: dbEnv.DATABASE_URL, dataDir: dbEnv.KAPAS_DATA_DIR });
await migrate(handle);
console.table(await seed(handle.db, { demo: true }));
await handle.close();
