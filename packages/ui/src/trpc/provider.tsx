import type { AppRouter } from '@kapas/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createWSClient, httpBatchLink, splitLink, wsLink } from '@trpc/client';
import { createTRPCQueryUtils } from '@trpc/react-query';
import { createContext, type ReactNode, useContext } from 'react';
import { type ConnectionState, type ConnectionStore, createConnectionStore, useConnectionStateOf } from './connection';
import { trpc } from './trpc';

const ConnectionContext = createContext<ConnectionStore | null>(null);

function webSocketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/trpc`;
}

function isAuthError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('data' in error)) return false;
  const data = (error as { data: unknown }).data;
  if (typeof data !== 'object' || data === null || !('code' in data)) return false;
  const code = (data as { code: unknown }).code;
  return code === 'UNAUTHORIZED' || code === 'FORBIDDEN' || code === 'NOT_FOUND' || code === 'BAD_REQUEST';
}

/**
 * Everything a Kapas app talks to the API with, created once outside React so the router can
 * use it too (e.g. `utils.auth.me.ensureData()` in a route's `beforeLoad`).
 */
export function createKapasClients() {
  const connection = createConnectionStore();
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !isAuthError(error) && count < 2,
      },
      mutations: { retry: false },
    },
  });
  // Lazy: the socket opens only while a subscription runs (i.e. after sign-in), so the
  // handshake carries the session cookie; it closes shortly after the last one ends.
  const wsClient = createWSClient({
    url: webSocketUrl,
    lazy: { enabled: true, closeMs: 500 },
    retryDelayMs: (attempt) => Math.min(250 * 2 ** attempt, 5_000),
  });
  wsClient.connectionState.subscribe({
    next: ({ state }) => {
      if (state === 'pending') connection.opened();
      else if (state === 'connecting') connection.closed();
      else connection.idle();
    },
  });
  const trpcClient = trpc.createClient({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: wsLink({ client: wsClient }),
        false: httpBatchLink({
          url: '/trpc',
          maxItems: 20,
          fetch: (input, init) => fetch(input, { ...init, credentials: 'same-origin' }),
        }),
      }),
    ],
  });
  const utils = createTRPCQueryUtils<AppRouter>({ queryClient, client: trpcClient });
  return { queryClient, trpcClient, connection, utils };
}

export type KapasClients = ReturnType<typeof createKapasClients>;

/** tRPC + TanStack Query for a Kapas app: batched HTTP for queries, one WebSocket for live updates. */
export function KapasProvider({ clients, children }: { clients: KapasClients; children: ReactNode }) {
  const { queryClient, trpcClient, connection } = clients;
  return (
    <ConnectionContext.Provider value={connection}>
      <trpc.Provider client={trpcClient} queryClient={queryClient}>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </trpc.Provider>
    </ConnectionContext.Provider>
  );
}

export function useConnectionStore(): ConnectionStore {
  const store = useContext(ConnectionContext);
  if (!store) throw new Error('useConnectionStore must be used inside <KapasProvider>');
  return store;
}

/** The live connection's state: `idle`, `connecting`, `live` or `reconnecting`. */
export function useConnectionState(): ConnectionState {
  return useConnectionStateOf(useConnectionStore());
}
