import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Shared column builders so every table spells ids, versions and times the same way. */
export const id = () => uuid('id').primaryKey().defaultRandom();
export const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow();
export const version = () => integer('version').notNull().default(1);
export const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
