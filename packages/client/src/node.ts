import WebSocket from 'ws';
import {
  createKapasClient as createUniversal,
  type KapasClient,
  type KapasClientOptions,
  type WebSocketConstructor,
} from './create-client';

export * from './index';

/** Node entry: same client, with the `ws` package as WebSocket (Node 20 has no global one). */
export function createKapasClient(options: KapasClientOptions): KapasClient {
  return createUniversal({ WebSocket: WebSocket as unknown as WebSocketConstructor, ...options });
}
