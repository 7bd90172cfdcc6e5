import type { Senders } from '@kapas/api';
import type { DocumentStore } from '@kapas/integrations';

/** Everything the server needs to run, decided once at startup (from env.ts, or by a test). */
export type ServerConfig = {
  port: number;
  host: string;
  production: boolean;
  allowedOrigins: string[];
  secureCookies: boolean;
  /** Built SPAs to serve: `/` → web, `/admin` → admin. Missing folders are skipped. */
  staticRoots: { web: string | null; admin: string | null };
  maxBodyBytes: number;
  maxWsMessageBytes: number;
  maxBatchSize: number;
  wsMessagesPerSecond: number;
  publicUrl: string;
  trustedProxies: ReadonlySet<string>;
  rateLimitStore: 'memory' | 'postgres';
  senders: Senders;
  /** Serve `/dev/outbox` without sign-in (embedded channels with demo data only). */
  publicDevOutbox: boolean;
  /** How often background loops run (delivery queue, session sweep). */
  jobIntervalMs: number;
  /** Where uploaded documents are kept (local disk or S3-compatible); see uploads.ts. Default: a temp folder. */
  storage?: DocumentStore;
  /** HMAC key of signed download links (`/files/...`). Default: a development key. */
  fileLinkSecret?: string;
};

export function defaultOrigins(port: number): string[] {
  return [`http://localhost:${port}`, `http://127.0.0.1:${port}`, 'http://localhost:5173', 'http://localhost:5174'];
}

export const LIMITS = {
  maxBodyBytes: 1024 * 1024,
  maxWsMessageBytes: 64 * 1024,
  maxBatchSize: 20,
  wsMessagesPerSecond: 20,
} as const;
