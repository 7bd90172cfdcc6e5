import { skipToken } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useConnectionStore } from './provider';
import { trpc } from './trpc';

/**
 * Subscribes to `masters.onChange` and refreshes every masters query when something changes.
 * tRPC resumes the subscription from the last event id after a reconnect; on top of that,
 * everything is refetched once the connection is back, in case the backlog could not be replayed.
 */
export function useMastersLive(enabled = true): void {
  const utils = trpc.useUtils();
  const connection = useConnectionStore();
  const seenReconnects = useRef(connection.reconnects());

  trpc.masters.onChange.useSubscription(enabled ? {} : skipToken, {
    onData: () => {
      void utils.masters.invalidate();
    },
  });

  useEffect(
    () =>
      connection.subscribe(() => {
        if (connection.get() === 'live' && connection.reconnects() !== seenReconnects.current) {
          seenReconnects.current = connection.reconnects();
          void utils.masters.invalidate();
        }
      }),
    [connection, utils],
  );
}
