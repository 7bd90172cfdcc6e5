import { trpc, useConnectionState } from '@kapas/ui';
import { useEffect, useRef } from 'react';

/**
 * Keeps the back-office trade-desk screens live: every event on `tradeDesk.onBackOffice` (trade
 * posted, offer made/countered/accepted …) refreshes the trade-desk queries; after a reconnect the
 * subscription resumes from the last event id and everything is refetched once more.
 */
export function useTradeDeskLive(): void {
  const utils = trpc.useUtils();
  const connection = useConnectionState();
  const previous = useRef(connection);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  trpc.tradeDesk.onBackOffice.useSubscription(
    {},
    {
      // A burst of events (an acceptance writes several) refreshes once, 300 ms after the last.
      onData: () => {
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => void utils.tradeDesk.invalidate(), 300);
      },
    },
  );
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  useEffect(() => {
    if (previous.current === 'reconnecting' && connection === 'live') void utils.tradeDesk.invalidate();
    previous.current = connection;
  }, [connection, utils]);
}
