import { useSyncExternalStore } from 'react';

/** `idle` until something needs the live connection; `reconnecting` after a live one dropped. */
export type ConnectionState = 'idle' | 'connecting' | 'live' | 'reconnecting';

export type ConnectionStore = {
  get(): ConnectionState;
  subscribe(listener: () => void): () => void;
  opened(): void;
  closed(): void;
  idle(): void;
  /** How many times the connection came back after a drop (used to refresh data). */
  reconnects(): number;
};

export function createConnectionStore(): ConnectionStore {
  let state: ConnectionState = 'idle';
  let wasLive = false;
  let reconnectCount = 0;
  const listeners = new Set<() => void>();
  const set = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener();
  };
  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    opened() {
      if (wasLive) reconnectCount += 1;
      wasLive = true;
      set('live');
    },
    closed() {
      set(wasLive ? 'reconnecting' : 'connecting');
    },
    idle() {
      wasLive = false;
      set('idle');
    },
    reconnects: () => reconnectCount,
  };
}

export function useConnectionStateOf(store: ConnectionStore): ConnectionState {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
