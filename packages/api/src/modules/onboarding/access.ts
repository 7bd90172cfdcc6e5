import type { AccessRule } from '../../authorization';

/** Who may call each procedure of this module (see authorization.ts). */
export const ONBOARDING_ACCESS: Record<string, AccessRule> = {};
