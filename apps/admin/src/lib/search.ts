/** URL search params of the admin tables, parsed with safe defaults for anything missing or malformed. */

const page = (value: unknown): number => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 && n <= 100_000 ? n : 1;
};
const text = (value: unknown, max = 80): string => (typeof value === 'string' ? value.slice(0, max) : '');
const oneOf = <T extends string>(value: unknown, options: readonly T[]): T | '' =>
  typeof value === 'string' && (options as readonly string[]).includes(value) ? (value as T) : '';

export const USER_KINDS = ['BACK_OFFICE', 'PARTNER'] as const;
export const USER_STATUSES = ['ACTIVE', 'INVITED', 'DISABLED'] as const;
export type UsersSearch = {
  page: number;
  q: string;
  kind: (typeof USER_KINDS)[number] | '';
  status: (typeof USER_STATUSES)[number] | '';
};
export function parseUsersSearch(search: Record<string, unknown>): UsersSearch {
  return {
    page: page(search.page),
    q: text(search.q),
    kind: oneOf(search.kind, USER_KINDS),
    status: oneOf(search.status, USER_STATUSES),
  };
}

export type SessionsSearch = { page: number; email: string };
export function parseSessionsSearch(search: Record<string, unknown>): SessionsSearch {
  return { page: page(search.page), email: text(search.email, 254) };
}

export type AuditSearch = {
  page: number;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  partnerId: string;
  from: string;
  to: string;
};
export function parseAuditSearch(search: Record<string, unknown>): AuditSearch {
  return {
    page: page(search.page),
    actor: text(search.actor, 254),
    action: text(search.action, 100),
    entityType: text(search.entityType, 64),
    entityId: text(search.entityId, 128),
    partnerId: text(search.partnerId, 36),
    from: text(search.from, 30),
    to: text(search.to, 30),
  };
}

export const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH'] as const;
export const SECURITY_EVENT_TYPES = [
  'SIGN_IN_FAILED',
  'ACCOUNT_LOCKED',
  'BRUTE_FORCE',
  'OTP_FAILED',
  'OTP_ABUSE',
  'RATE_LIMITED',
  'ACCESS_DENIED',
  'PASSWORD_CHANGED',
  'SESSIONS_REVOKED',
] as const;
export type SecuritySearch = {
  page: number;
  severity: (typeof SEVERITIES)[number] | '';
  type: (typeof SECURITY_EVENT_TYPES)[number] | '';
  state: 'open' | 'acknowledged' | '';
};
export function parseSecuritySearch(search: Record<string, unknown>): SecuritySearch {
  return {
    page: page(search.page),
    severity: oneOf(search.severity, SEVERITIES),
    type: oneOf(search.type, SECURITY_EVENT_TYPES),
    state: oneOf(search.state, ['open', 'acknowledged'] as const),
  };
}

export type OutboxSearch = { page: number; recipient: string; channel: 'EMAIL' | 'SMS' | '' };
export function parseOutboxSearch(search: Record<string, unknown>): OutboxSearch {
  return {
    page: page(search.page),
    recipient: text(search.recipient, 254),
    channel: oneOf(search.channel, ['EMAIL', 'SMS'] as const),
  };
}
