import type { AppRouter, KapasErrorData } from '@kapas/api';
import { TRPCClientError } from '@trpc/client';

export type KapasError = TRPCClientError<AppRouter> & { data: KapasErrorData | undefined };

/** Narrows an unknown error to a Kapas API error carrying `data.code` (a DOMAIN §10 code) and field errors. */
export function isKapasError(error: unknown): error is KapasError {
  return error instanceof TRPCClientError;
}

export function errorCode(error: unknown): KapasErrorData['code'] | null {
  return isKapasError(error) ? (error.data?.code ?? null) : null;
}

export function fieldErrors(error: unknown): Record<string, string[]> {
  return isKapasError(error) ? (error.data?.fieldErrors ?? {}) : {};
}
