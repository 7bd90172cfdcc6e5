import type { AccessRule } from '../../authorization';

/** Who may call each procedure of this module (see authorization.ts). */
export const ORG_MASTERS_ACCESS: Record<string, AccessRule> = {};
