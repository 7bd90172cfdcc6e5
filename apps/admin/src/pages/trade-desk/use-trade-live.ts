import { trpc, useConnectionState } from '@kapas/ui';
import { useEffect, useRef } from 'react';

/**
 * Keeps one trade's staff page live: back-office events about this trade (offer made, countered,
 * accepted …, trade closed) refetch it, a burst of them once; after a reconnect it is refetched too.
 */
export function useTradeLive(tradeId: string): void {
  const utils = trpc.useUtils();
  const connection = useConnectionState();
  const previous = useRef(connection);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  trpc.tradeDesk.onBackOffice.useSubscription(
    {},
    {
      onData: (event) => {
        if (event.data.payload.tradeId !== tradeId) return;
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => void utils.trades.get.invalidate({ id: tradeId }), 300);
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
    if (previous.current === 'reconnecting' && connection === 'live') void utils.trades.get.invalidate({ id: tradeId });
    previous.current = connection;
  }, [connection, tradeId, utils]);
}
