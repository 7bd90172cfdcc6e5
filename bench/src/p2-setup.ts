import type { Sql } from 'postgres';

/** P2/P1 setup: negotiations created through the API (trade by the buyer, offer by the seller), as users would. */

export type Negotiation = { tradeId: string; offerId: string; version: number; turn: 'BUYER' | 'SELLER' };

/** One non-batched tRPC call over HTTP; throws with the error body on failure. */
export async function trpc(
  url: string,
  token: string,
  path: string,
  input: unknown,
  method: 'POST' | 'GET' = 'POST',
): Promise<unknown> {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const res =
    method === 'GET'
      ? // No input means no `input` parameter: `?input=undefined` is not JSON and the server refuses it.
        await fetch(`${url}/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`, {
          headers,
        })
      : await fetch(`${url}/trpc/${path}`, { method, headers, body: JSON.stringify(input) });
  const body = (await res.json()) as { result?: { data?: unknown }; error?: unknown };
  if (!res.ok || body.error) throw new Error(`${path}: ${res.status} ${JSON.stringify(body.error)}`);
  return body.result?.data;
}

export const counterPrice = (step: number) => String(52_000 + (step % 900));

type Item = { id: string; code: string };

export async function tradeTerms(url: string, token: string) {
  const commodities = (await trpc(url, token, 'masters.commodities', { includeInactive: false }, 'GET')) as Item[];
  const items = async (kind: string) => ((await trpc(url, token, 'masters.items', { kind }, 'GET')) as { items: Item[] }).items;
  const [delivery] = await items('DELIVERY_TERM');
  const [payment] = await items('PAYMENT_TERM');
  const [state] = (await trpc(url, token, 'masters.locations', undefined, 'GET')) as Item[];
  const commodity = commodities.find((c) => c.code === 'COTTON') ?? commodities[0];
  if (!commodity || !delivery || !payment || !state) throw new Error('seed data lacks commodity, terms or states');
  return { commodityId: commodity.id, deliveryStateId: state.id, deliveryTermId: delivery.id, paymentTermId: payment.id };
}

/**
 * `n` negotiations fast: one made through the API, then cloned row for row in SQL (trade, offer
 * and its versions, with fresh ids and numbers). The API path alone takes minutes for 1,000 on a
 * shared 2-core machine; the clones are indistinguishable to the server.
 */
export async function cloneNegotiations(
  url: string,
  tokens: Record<'BUYER' | 'SELLER', string>,
  sql: Sql,
  n: number,
): Promise<Negotiation[]> {
  const [first] = await createNegotiations(url, tokens, 1, 1);
  if (!first) throw new Error('no negotiation');
  const rows = await sql<{ trade_id: string; offer_id: string }[]>`
    WITH g AS (SELECT i, gen_random_uuid() AS trade_id, gen_random_uuid() AS offer_id FROM generate_series(2, ${n}) AS i),
    t AS (
      INSERT INTO trades SELECT (jsonb_populate_record(NULL::trades,
        to_jsonb(src) || jsonb_build_object('id', g.trade_id, 'number', 'TR-BENCH-' || g.i))).*
      FROM trades src, g WHERE src.id = ${first.tradeId}
    ),
    o AS (
      INSERT INTO offers SELECT (jsonb_populate_record(NULL::offers,
        to_jsonb(src) || jsonb_build_object('id', g.offer_id, 'trade_id', g.trade_id, 'number', 'OF-BENCH-' || g.i))).*
      FROM offers src, g WHERE src.id = ${first.offerId}
    ),
    v AS (
      INSERT INTO offer_versions SELECT (jsonb_populate_record(NULL::offer_versions,
        to_jsonb(src) || jsonb_build_object('id', gen_random_uuid(), 'offer_id', g.offer_id))).*
      FROM offer_versions src, g WHERE src.offer_id = ${first.offerId}
    )
    SELECT trade_id, offer_id FROM g ORDER BY i`;
  return [first, ...rows.map((r) => ({ tradeId: r.trade_id, offerId: r.offer_id, version: first.version, turn: first.turn }))];
}

/** `n` posted trades, each with the seller's offer waiting for the buyer; `concurrency` at a time. */
export async function createNegotiations(
  url: string,
  tokens: Record<'BUYER' | 'SELLER', string>,
  n: number,
  concurrency = 8,
): Promise<Negotiation[]> {
  const terms = await tradeTerms(url, tokens.BUYER);
  const out: Negotiation[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const trade = (await trpc(url, tokens.BUYER, 'trades.create', {
          ...terms,
          quantity: '100000',
          targetPrice: '52000',
          post: true,
          notes: `bench ${i}`,
        })) as { id: string };
        const offer = (await trpc(url, tokens.SELLER, 'offers.submit', {
          tradeId: trade.id,
          price: '53000',
          quantity: '100',
          idempotencyKey: `bench-submit-${i}`,
        })) as { id: string; version: number };
        out[i] = { tradeId: trade.id, offerId: offer.id, version: offer.version, turn: 'BUYER' };
        if ((i + 1) % 100 === 0) console.log(`  ${i + 1}/${n} negotiations`);
      }
    }),
  );
  return out;
}
