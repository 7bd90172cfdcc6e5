import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';

/** DOMAIN §10: the one error vocabulary. Each domain code maps to one transport code. */
export const DOMAIN_ERROR_CODES = {
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_REQUEST: 'BAD_REQUEST',
  CONFLICT: 'CONFLICT',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
  TRADE_EXPIRED: 'CONFLICT',
  TRADE_CLOSED: 'CONFLICT',
  OFFER_EXPIRED: 'CONFLICT',
  STALE_VERSION: 'CONFLICT',
  NOT_YOUR_TURN: 'CONFLICT',
  DUPLICATE_OFFER: 'CONFLICT',
  INSUFFICIENT_QUANTITY: 'UNPROCESSABLE_CONTENT',
  PARAMETERS_OUT_OF_RANGE: 'UNPROCESSABLE_CONTENT',
  CERTIFICATE_MISMATCH: 'UNPROCESSABLE_CONTENT',
  LOCATION_MISMATCH: 'UNPROCESSABLE_CONTENT',
  ACCOUNT_LOCKED: 'FORBIDDEN',
  OTP_INVALID: 'BAD_REQUEST',
  OTP_EXPIRED: 'BAD_REQUEST',
  PASSWORD_POLICY: 'BAD_REQUEST',
  IDEMPOTENCY_MISMATCH: 'CONFLICT',
  PARTNER_NOT_ACTIVE: 'FORBIDDEN',
  KYC_EXPIRED: 'FORBIDDEN',
  SUB_USER_LIMIT: 'CONFLICT',
  FILE_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FILE_TYPE_NOT_ALLOWED: 'UNSUPPORTED_MEDIA_TYPE',
} as const satisfies Record<string, TRPC_ERROR_CODE_KEY>;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_CODES;

/** Field errors: dotted path → messages, e.g. `{ "template.0.min": ["must be below max"] }`. */
export type FieldErrors = Record<string, string[]>;

export type DomainErrorDetails = { fieldErrors?: FieldErrors; [key: string]: unknown };

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function fieldError(path: string, message: string): DomainError {
  return new DomainError('BAD_REQUEST', message, { fieldErrors: { [path]: [message] } });
}

/** Adds a message to a field, creating the list on first use. */
export function addFieldError(errors: FieldErrors, path: string, message: string): void {
  const list = errors[path] ?? [];
  list.push(message);
  errors[path] = list;
}
