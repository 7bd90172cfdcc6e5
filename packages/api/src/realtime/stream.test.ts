import { events } from '@kapas/db';
import { isTrackedEnvelope } from '@trpc/server';
import { max } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../context';
import { transact } from '../shared/transact';
import { createTestDeps } from '../testing';
import { appendEvent } from './outbox';
import { type StreamedEvent, streamEvents } from './stream';

let deps: Deps;
let close: () => Promise<void>;
beforeAll(async () => {
  const t = await createTestDeps();
  deps = t.deps;
  close = () => t.handle.close();
});
afterAll(() => close());

/** Commits one event and returns its id (nothing else writes events in this file). */
async function emit(n: number): Promise<number> {
  await transact(deps, (tx) => appendEvent(tx, { audience: 'ALL_SIGNED_IN', topic: 'test', type: 'tick', payload: { n } }));
  const [row] = await deps.db.select({ id: max(events.id) }).from(events);
  return Number(row?.id);
}

/** The event inside a tracked envelope `[id, data, symbol]`. */
function eventOf(result: IteratorResult<unknown>): StreamedEvent {
  if (!isTrackedEnvelope(result.value)) throw new Error('expected a tracked item');
  return result.value[1] as StreamedEvent;
}

async function take(iterator: AsyncGenerator<unknown>, count: number): Promise<number[]> {
  const ids: number[] = [];
  while (ids.length < count) {
    const { value, done } = await iterator.next();
    if (done) break;
    if (!isTrackedEnvelope(value)) throw new Error('expected a tracked item');
    ids.push((value[1] as StreamedEvent).id);
  }
  return ids;
}

describe('streamEvents: listen, replay, then stream', () => {
  it('replays after lastEventId and continues live with no gap and no duplicate, even for events committed during the replay', async () => {
    const first = await emit(1);
    const earlier = [await emit(2), await emit(3)];
    const controller = new AbortController();
    const stream = streamEvents({
      db: deps.db,
      bus: deps.bus,
      topic: 'test',
      lastEventId: first,
      accept: () => true,
      signal: controller.signal,
    });
    // Start the generator (it attaches its listener, then starts replaying) and commit more while it replays.
    const firstItem = stream.next() as Promise<IteratorResult<unknown>>;
    const during = [await emit(4), await emit(5)];
    const ids = [eventOf(await firstItem).id, ...(await take(stream, 3))];
    expect(ids).toEqual([...earlier, ...during]);
    const later = await emit(6);
    expect(await take(stream, 1)).toEqual([later]);
    controller.abort();
    expect((await stream.next()).done).toBe(true);
    expect(deps.bus.listenerCount).toBe(0);
  });

  it('never delivers an event from a rolled-back transaction', async () => {
    const controller = new AbortController();
    const stream = streamEvents({
      db: deps.db,
      bus: deps.bus,
      topic: 'test',
      lastEventId: null,
      accept: () => true,
      signal: controller.signal,
    });
    const next = stream.next();
    await expect(
      transact(deps, async (tx) => {
        await appendEvent(tx, { audience: 'ALL_SIGNED_IN', topic: 'test', type: 'tick', payload: { n: 'rolled back' } });
        throw new Error('abort the transaction');
      }),
    ).rejects.toThrow('abort the transaction');
    const committed = await emit(7);
    expect(eventOf(await next)).toMatchObject({ id: committed, payload: { n: 7 } });
    controller.abort();
    await stream.next();
  });

  it('applies the accept filter to replayed and live events alike', async () => {
    const start = await emit(100);
    await emit(101);
    const controller = new AbortController();
    const stream = streamEvents({
      db: deps.db,
      bus: deps.bus,
      topic: 'test',
      lastEventId: start,
      accept: (e) => (e.payload.n as number) % 2 === 0,
      signal: controller.signal,
    });
    const replayed = stream.next();
    await emit(103);
    const even = await emit(104);
    expect(eventOf(await replayed).id).toBe(even);
    controller.abort();
    await stream.next();
  });
});
