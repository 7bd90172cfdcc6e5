import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Services accept either, so a caller can compose them inside its own transaction. */
export type DbOrTx = Database | Transaction;

export type DatabaseHandle = {
  db: Database;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /**
   * LISTEN on a channel across server instances (PostgreSQL only). `onNotify` also runs after
   * every (re)connect of the listening connection, since notifications sent meanwhile are lost.
   */
  listen?(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
};

export type OpenOptions = { url?: string | undefined; dataDir?: string | undefined; maxConnections?: number };

/** PostgreSQL via postgres.js when a URL is given, otherwise embedded PGlite (in memory when no dataDir). */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const sql = postgres(options.url, { max: options.maxConnections ?? 10, onnotice: () => {} });
    const db = drizzlePostgres(sql, { schema, casing: 'snake_case' });
    return {
      db,
      kind: 'postgres',
      close: () => sql.end({ timeout: 5 }),
      async listen(channel, onNotify) {
        const { unlisten } = await sql.listen(channel, onNotify, onNotify);
        return unlisten;
      },
    };
  }
  const client = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  const db = drizzlePglite(client, { schema, casing: 'snake_case' });
  return { db, kind: 'pglite', close: () => client.close() };
}

export function openPglite(client: PGlite): DatabaseHandle {
  const db = drizzlePglite(client, { schema, casing: 'snake_case' });
  return { db, kind: 'pglite', close: () => client.close() };
}
