/** The chain walk is shared with the `pnpm audit:verify` command, so it lives in @kapas/db. */
export { type VerifyResult, verifyAuditChain } from '@kapas/db';
