import { StandardSchemaV1Error, type TRPCError } from '@trpc/server';
import type { DefaultErrorShape } from '@trpc/server/unstable-core-do-not-import';
import { ZodError } from 'zod';
import { addFieldError, DomainError, type DomainErrorCode, type DomainErrorDetails, type FieldErrors } from './errors';

export type KapasErrorData = {
  code: DomainErrorCode;
  httpStatus: number;
  path?: string;
  requestId: string | null;
  fieldErrors?: FieldErrors;
  details?: Omit<DomainErrorDetails, 'fieldErrors'>;
};

type Issue = { message: string; path?: ReadonlyArray<PropertyKey | { key: PropertyKey }> | undefined };

export function issuesToFieldErrors(issues: readonly Issue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const path = (issue.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p));
    addFieldError(out, path.length ? path.join('.') : '_', issue.message);
  }
  return out;
}

const TRPC_TO_DOMAIN: Partial<Record<TRPCError['code'], DomainErrorCode>> = {
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  BAD_REQUEST: 'BAD_REQUEST',
  PARSE_ERROR: 'BAD_REQUEST',
  PAYLOAD_TOO_LARGE: 'BAD_REQUEST',
  METHOD_NOT_SUPPORTED: 'BAD_REQUEST',
};

/**
 * The single place where errors become client-visible shapes. Domain errors keep their code,
 * message and details; validation errors get field errors; anything else is INTERNAL with only
 * the request id as a correlation id — no message, stack, SQL or constraint name.
 */
export function formatError(shape: DefaultErrorShape, error: TRPCError, requestId: string | null) {
  const cause = error.cause;
  const base = { path: shape.data.path, httpStatus: shape.data.httpStatus, requestId };
  if (cause instanceof DomainError) {
    const { fieldErrors, ...details } = cause.details;
    const data: KapasErrorData = {
      ...base,
      code: cause.code,
      ...(fieldErrors ? { fieldErrors } : {}),
      ...(Object.keys(details).length ? { details } : {}),
    };
    return { ...shape, message: cause.message, data };
  }
  if (cause instanceof ZodError || cause instanceof StandardSchemaV1Error) {
    const data: KapasErrorData = { ...base, code: 'BAD_REQUEST', fieldErrors: issuesToFieldErrors(cause.issues) };
    return { ...shape, message: 'Some fields are invalid', data };
  }
  const known = TRPC_TO_DOMAIN[error.code];
  if (known && !cause) {
    return { ...shape, message: error.message, data: { ...base, code: known } satisfies KapasErrorData };
  }
  // A malformed body is the caller's mistake, though tRPC attaches the JSON parser's error as the cause.
  if (known && (error.code === 'PARSE_ERROR' || cause instanceof SyntaxError)) {
    return {
      ...shape,
      message: 'The request body is not valid JSON.',
      data: { ...base, code: 'BAD_REQUEST' } satisfies KapasErrorData,
    };
  }
  const data: KapasErrorData = { ...base, httpStatus: 500, code: 'INTERNAL' };
  return { ...shape, code: -32603, message: `Something went wrong on our side. Reference: ${requestId ?? 'n/a'}`, data };
}
