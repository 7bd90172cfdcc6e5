import { useEffect, useRef } from 'react';
import { useConnectionStore } from '../trpc/provider';
import { trpc } from '../trpc/trpc';

/**
 * Follows the caller's notification feed and refreshes the badge and lists on every event
 * (new notification, read elsewhere). After a reconnect everything is refetched once too.
 */
export function useNotificationsLive(): void {
  const utils = trpc.useUtils();
  const connection = useConnectionStore();
  const seenReconnects = useRef(connection.reconnects());
  trpc.notifications.onEvent.useSubscription(
    {},
    {
      onData: () => void utils.notifications.invalidate(),
    },
  );
  useEffect(
    () =>
      connection.subscribe(() => {
        if (connection.get() === 'live' && connection.reconnects() !== seenReconnects.current) {
          seenReconnects.current = connection.reconnects();
          void utils.notifications.invalidate();
        }
      }),
    [connection, utils],
  );
}
