import type { KapasClient } from '@kapas/client';
import { expect } from 'vitest';
import type { TestServer } from '../../src/testing';
import { failure } from '../helpers';

/**
 * R9: the world every tenant case runs in. The attacker is partner A (a TRADER, so it may act on
 * both sides); the victims are partner B's users (a BUYER and a SELLER partner), who own the records.
 */
export type TenantWorld = {
  server: TestServer;
  attacker: KapasClient;
  attackerPartnerId: string;
  victimBuyer: KapasClient;
  victimBuyerPartnerId: string;
  victimSeller: KapasClient;
  victimSellerPartnerId: string;
  admin: KapasClient;
};

/** Ids of the victims' records a module creates in `setup`, by name. */
export type VictimRecords = Record<string, string>;

export type TenantCase = {
  /** The procedure path exactly as in ACCESS_RULES, e.g. 'trades.get'. */
  path: string;
  /** Calls the procedure as the attacker against the victims' records and asserts it learned nothing. */
  run(world: TenantWorld, records: VictimRecords): Promise<void>;
};

export type TenantModule = {
  name: string;
  /** Creates the victims' records (through the API, as the victims) and returns their ids. */
  setup(world: TenantWorld): Promise<VictimRecords>;
  cases: TenantCase[];
};

/** The call must fail with NOT_FOUND or FORBIDDEN (never reveal that the record exists). */
export async function expectDenied(call: Promise<unknown>): Promise<void> {
  const f = await failure(call);
  expect(['NOT_FOUND', 'FORBIDDEN']).toContain(f.code);
}

/** A list answered to the attacker must not contain any of the given ids. */
export function expectNoneOf(rows: ReadonlyArray<{ id: string }>, ids: ReadonlyArray<string | undefined>): void {
  const seen = new Set(rows.map((r) => r.id));
  for (const id of ids) if (id) expect(seen.has(id)).toBe(false);
}
