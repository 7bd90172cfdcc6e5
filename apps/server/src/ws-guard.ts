import type { WebSocket } from 'ws';

export const CLOSE_POLICY = 1008;

export type GuardLimits = { maxBatchSize: number; messagesPerSecond: number };

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
