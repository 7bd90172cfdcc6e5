/** The hash chain lives in @kapas/db (the `audit:verify` command needs it without the API); one implementation. */
export {
  type AuditFields,
  type ChainRow,
  canonicalJson,
  chainHash,
  firstBrokenRow,
  GENESIS_HASH,
} from '@kapas/db';
