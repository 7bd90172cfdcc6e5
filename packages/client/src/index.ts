export type { AppRouter, KapasErrorData, RouterInputs, RouterOutputs } from '@kapas/api';
export { DOMAIN_ERROR_CODES, type DomainErrorCode, MASTER_KINDS, type MasterKind } from '@kapas/api/enums';
export { createKapasClient, type KapasClient, type KapasClientOptions } from './create-client';
export { errorCode, fieldErrors, isKapasError, type KapasError } from './errors';
