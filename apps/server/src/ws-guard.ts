import type { WebSocket } from 'ws';

export const CLOSE_POLICY = 1008;

export type GuardLimits = { maxBatchSize: number; messagesPerSecond: number; maxBufferedBytes?: number };

/** A reader that stopped reading may hold this much unsent data before it is dropped (it resumes by lastEventId). */
export const DEFAULT_MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
const STALL_MS = 5_000;

/** Why a message must be refused before tRPC sees it, or null. Pure, so it is tested on its own. */
export function refusal(raw: string, limits: GuardLimits, window: { start: number; count: number }, now: number): string | null {
  if (now - window.start >= 1000) {
    window.start = now;
    window.count = 0;
  }
  window.count += 1;
  if (window.count > limits.messagesPerSecond) return 'Too many messages';
  if (raw.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (Array.isArray(parsed) && parsed.length > limits.maxBatchSize) return 'Too many calls in one message';
    } catch {
      return 'Malformed message';
    }
  }
  return null;
}

/**
 * Wraps a socket so every incoming message passes the guard before any listener (tRPC's included)
 * sees it; a refused message closes the socket with 1008 and does no work.
 */
export function guardSocket(client: WebSocket, limits: GuardLimits): void {
  const window = { start: Date.now(), count: 0 };
  const maxBuffered = limits.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES;
  const send = client.send.bind(client);
  let stallCheck: NodeJS.Timeout | null = null;
  // Memory stays bounded for a reader that stopped reading: if its unsent backlog is still over the
  // cap a few seconds after crossing it, the socket is cut (a close frame would only queue behind the
  // backlog) and the client reconnects and resumes from its last event id. A busy but live reader
  // drains within that time and is left alone.
  client.send = ((...args: Parameters<typeof client.send>) => {
    send(...args);
    if (client.bufferedAmount > maxBuffered && !stallCheck) {
      stallCheck = setTimeout(() => {
        stallCheck = null;
        if (client.bufferedAmount > maxBuffered) client.terminate();
      }, STALL_MS);
      stallCheck.unref();
    }
  }) as typeof client.send;
  client.once('close', () => {
    if (stallCheck) clearTimeout(stallCheck);
  });
  const emit = client.emit.bind(client);
  client.emit = ((event: string | symbol, ...args: unknown[]) => {
    if (event === 'message') {
      const reason = refusal(String(args[0]), limits, window, Date.now());
      if (reason) {
        client.close(CLOSE_POLICY, reason);
        return false;
      }
    }
    return emit(event, ...args);
  }) as typeof client.emit;
}
