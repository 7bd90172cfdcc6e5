/** What each capability lets a partner user do, in words a trader understands. */
export const CAPABILITY_LABELS: Record<string, string> = {
  'master:read': 'View commodities and trade terms',
  'master:write': 'Edit commodities and trade terms',
  'user:manage': 'Manage users',
  'role:manage': 'Manage roles',
  'session:revoke': 'End other users’ sessions',
  'audit:read': 'Read the audit log',
  'partner:read': 'View partners',
  'partner:approve': 'Approve partners',
  'certification:verify': 'Verify certifications',
  'trade:read': 'View trades',
  'trade:create': 'Post trades',
  'offer:create': 'Make offers',
  'negotiation:respond': 'Respond in negotiations',
  'contract:read': 'View contracts',
  'subuser:manage': 'Manage sub-users',
  'token:manage': 'Manage API tokens',
};

/** Only a partner's primary user may hold these; they are never delegated to sub-users or tokens. */
export const PRIMARY_ONLY: readonly string[] = ['subuser:manage', 'token:manage'];

export function capabilityLabel(capability: string): string {
  return CAPABILITY_LABELS[capability] ?? capability;
}

/** The capabilities a primary user can hand on: their own, minus the primary-only ones. */
export function delegable(capabilities: readonly string[]): string[] {
  return capabilities.filter((c) => !PRIMARY_ONLY.includes(c));
}
