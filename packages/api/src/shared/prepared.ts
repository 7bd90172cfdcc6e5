/**
 * Prepared statements for the hottest reads (QUALITY P1, P1b). Drizzle builds a query's SQL anew on
 * every call — for a wide select with joins that costs more CPU than PostgreSQL spends answering it —
 * and sends it unnamed, so PostgreSQL parses and plans it every time. A statement prepared once per
 * database handle, with placeholders for what varies, is built once and stays prepared on each
 * connection (postgres.js names it). What it reads is unchanged: nothing here is a cache of data.
 */
import type { DbOrTx } from '@kapas/db';

/** `build` runs once per database handle and variant key; later calls reuse its statement. */
export function preparedVariants<K extends string, T>(build: (db: DbOrTx, variant: K) => T): (db: DbOrTx, variant: K) => T {
  const cache = new WeakMap<DbOrTx, Map<K, T>>();
  return (db, variant) => {
    let byVariant = cache.get(db);
    if (!byVariant) {
      byVariant = new Map();
      cache.set(db, byVariant);
    }
    let statement = byVariant.get(variant);
    if (statement === undefined) {
      statement = build(db, variant);
      byVariant.set(variant, statement);
    }
    return statement;
  };
}

/** `build` runs once per database handle; later calls reuse its statement. */
export function preparedPer<T>(build: (db: DbOrTx) => T): (db: DbOrTx) => T {
  const statement = preparedVariants((db: DbOrTx, _variant: '') => build(db));
  return (db) => statement(db, '');
}
