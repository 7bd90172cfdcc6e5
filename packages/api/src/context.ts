import type { Capability } from '@kapas/auth';
import type { Database } from '@kapas/db';
import type { EventBus } from './realtime/bus';
import type { RateLimiter } from './shared/rate-limit';
import type { SettingsStore } from './shared/settings';

/** Who is calling. Loaded once per request (HTTP) or per connection (WebSocket). */
export type Actor = {
  userId: string;
  email: string;
  name: string;
  kind: 'BACK_OFFICE' | 'PARTNER';
  partnerId: string | null;
  isPrimary: boolean;
  /** Sub-users limited to some branches of their partner; null = all branches (primary users, staff). */
  branchIds: string[] | null;
  roles: string[];
  capabilities: ReadonlySet<Capability>;
  sessionId: string;
  mustChangePassword: boolean;
};

/** What a service needs from the outside world; the clock is injected so expiry can be tested. */
export type Deps = {
  db: Database;
  bus: EventBus;
  settings: SettingsStore;
  limiter: RateLimiter;
  clock: () => Date;
  /** Public base URL of the apps, for links in messages (e.g. `https://kapas.example.com`). */
  publicUrl: string;
  /** HMAC key for signed document download links (server secret from env.ts). */
  fileLinkSecret: string;
  /** Work that must not delay the response (e.g. so that a reset for an unknown email answers as fast as a known one). */
  background: (label: string, work: () => Promise<void>) => void;
};

export type RequestMeta = { requestId: string; ip: string | null; userAgent: string | null };

/** Lets sign-in/sign-out set the browser cookie; null on transports that cannot (WebSocket, in-process calls). */
export type SessionCookieJar = {
  set(token: string, expiresAt: Date): void;
  clear(): void;
};

export type Context = {
  deps: Deps;
  actor: Actor | null;
  meta: RequestMeta;
  cookies: SessionCookieJar | null;
  /** The raw session token of the caller, used only to end it on sign-out. */
  sessionToken: string | null;
  /** Sets an HTTP response header (e.g. Retry-After); null on WebSocket. */
  setHeader: ((name: string, value: string) => void) | null;
};
