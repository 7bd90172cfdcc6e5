import { useSyncExternalStore } from 'react';

/** How many feed events arrived since the trade-desk home was last shown (the nav badge). */
function createCounter() {
  let count = 0;
  const listeners = new Set<() => void>();
  const emit = () => {
    for (const listener of listeners) listener();
  };
  return {
    get: () => count,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    bump() {
      count += 1;
      emit();
    },
    reset() {
      if (count === 0) return;
      count = 0;
      emit();
    },
  };
}

export const feedCounter = createCounter();

export function useFeedCount(): number {
  return useSyncExternalStore(feedCounter.subscribe, feedCounter.get, feedCounter.get);
}
