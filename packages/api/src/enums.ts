/** Runtime constants shared with clients. Keep this file free of server dependencies. */
export { DOMAIN_ERROR_CODES, type DomainErrorCode } from './errors';
export { MASTER_KINDS, type MasterKind } from './modules/masters/kinds';
