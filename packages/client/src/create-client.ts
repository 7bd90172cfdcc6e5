import type { AppRouter } from '@kapas/api';
import { createTRPCClient, createWSClient, httpBatchLink, splitLink, type TRPCClient, wsLink } from '@trpc/client';

export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocket;

export type KapasClientOptions = {
  /** Base URL of the Kapas server, e.g. `http://localhost:3000`. */
  url: string;
  /** An API or session token sent as `Authorization: Bearer` and over WebSocket `connectionParams`. */
  token?: string | (() => string | null | undefined);
  /** Custom fetch (defaults to the global one). */
  fetch?: typeof fetch;
  /** WebSocket implementation; Node 20 has none built in (the `node` entry passes `ws`). */
  WebSocket?: WebSocketConstructor;
  /** Browser apps use the session cookie instead of a token. */
  credentials?: RequestCredentials;
  /** Called when the live connection opens or closes, e.g. for a connection indicator. */
  onConnectionChange?: (state: 'connecting' | 'open' | 'closed') => void;
};

export type KapasClient = TRPCClient<AppRouter>;

/**
 * The typed Kapas client: queries and mutations over batched HTTP, subscriptions over one
 * WebSocket that reconnects by itself (subscriptions resume from the last event id they saw).
 */
export function createKapasClient(options: KapasClientOptions): KapasClient {
  const base = options.url.replace(/\/+$/, '');
  const currentToken = () => (typeof options.token === 'function' ? options.token() : options.token) ?? null;
  const WebSocketImpl = options.WebSocket ?? (globalThis.WebSocket as WebSocketConstructor | undefined);

  const baseFetch = options.fetch ?? fetch;
  const { credentials } = options;
  const http = httpBatchLink({
    url: `${base}/trpc`,
    maxItems: 20,
    fetch: credentials ? (input, init) => baseFetch(input, { ...init, credentials } as RequestInit) : baseFetch,
    headers: () => {
      const token = currentToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
  });

  if (!WebSocketImpl) return createTRPCClient<AppRouter>({ links: [http] });

  const ws = createWSClient({
    url: `${base.replace(/^http/, 'ws')}/trpc`,
    WebSocket: WebSocketImpl as unknown as typeof WebSocket,
    lazy: { enabled: true, closeMs: 1_000 },
    retryDelayMs: (attempt) => Math.min(250 * 2 ** attempt, 5_000),
    connectionParams: () => {
      const token = currentToken();
      return token ? { token } : {};
    },
    onOpen: () => options.onConnectionChange?.('open'),
    onClose: () => options.onConnectionChange?.('closed'),
  });

  return createTRPCClient<AppRouter>({
    links: [splitLink({ condition: (op) => op.type === 'subscription', true: wsLink({ client: ws }), false: http })],
  });
}
