/** Every capability the platform knows. Roles are bundles of these (DOMAIN §1). */
export const CAPABILITIES = [
  'master:read',
  'master:write',
  'settings:write',
  'user:manage',
  'role:manage',
  'session:revoke',
  'audit:read',
  'partner:read',
  'partner:approve',
  'certification:verify',
  'trade:read',
  'trade:create',
  'offer:create',
  'negotiation:respond',
  'negotiation:act-for',
  'contract:read',
  'subuser:manage',
  'token:manage',
  'partner:manage',
  'partner:register',
  'company:manage',
  'document:verify',
  'kyc:manage',
  'job:manage',
  'lot:create',
  'tradedesk:manage',
] as const;

export type Capability = (typeof CAPABILITIES)[number];

export function isCapability(value: string): value is Capability {
  return (CAPABILITIES as readonly string[]).includes(value);
}

const ALL = [...CAPABILITIES];
const PARTNER_CAPS: Capability[] = [
  'master:read',
  'trade:read',
  'trade:create',
  'offer:create',
  'negotiation:respond',
  'contract:read',
  'subuser:manage',
  'token:manage',
  'company:manage',
  'lot:create',
  'partner:register',
];

export type RoleDefinition = { code: string; name: string; scope: 'BACK_OFFICE' | 'PARTNER'; capabilities: Capability[] };

/** Seeded role bundles; editable later in the admin app. */
export const DEFAULT_ROLES: RoleDefinition[] = [
  { code: 'SUPER_ADMIN', name: 'Super admin', scope: 'BACK_OFFICE', capabilities: ALL },
  {
    code: 'ADMIN',
    name: 'Admin',
    scope: 'BACK_OFFICE',
    capabilities: ALL.filter((c) => c !== 'role:manage'),
  },
  {
    code: 'BACK_OFFICE_MANAGER',
    name: 'Back-office manager',
    scope: 'BACK_OFFICE',
    capabilities: [
      'master:read',
      'master:write',
      'partner:read',
      'partner:approve',
      'partner:manage',
      'kyc:manage',
      'trade:read',
      'contract:read',
      'negotiation:act-for',
      'tradedesk:manage',
      'audit:read',
    ],
  },
  {
    code: 'SALES',
    name: 'Sales',
    scope: 'BACK_OFFICE',
    capabilities: ['master:read', 'partner:read', 'partner:manage', 'trade:read', 'contract:read', 'tradedesk:manage'],
  },
  {
    code: 'OPERATIONS',
    name: 'Operations',
    scope: 'BACK_OFFICE',
    capabilities: ['master:read', 'master:write', 'partner:read', 'partner:manage', 'trade:read', 'contract:read', 'job:manage'],
  },
  { code: 'ACCOUNTS', name: 'Accounts', scope: 'BACK_OFFICE', capabilities: ['master:read', 'partner:read', 'contract:read'] },
  {
    code: 'COMPLIANCE',
    name: 'Compliance',
    scope: 'BACK_OFFICE',
    capabilities: [
      'master:read',
      'partner:read',
      'partner:approve',
      'certification:verify',
      'document:verify',
      'kyc:manage',
      'audit:read',
    ],
  },
  { code: 'SUPPORT', name: 'Support', scope: 'BACK_OFFICE', capabilities: ['master:read', 'partner:read', 'session:revoke'] },
  {
    code: 'AUDITOR',
    name: 'Auditor',
    scope: 'BACK_OFFICE',
    capabilities: ['master:read', 'audit:read', 'partner:read', 'trade:read'],
  },
  { code: 'PARTNER_PRIMARY', name: 'Partner primary user', scope: 'PARTNER', capabilities: PARTNER_CAPS },
];

export type Grant = { capability: string; effect: 'GRANT' | 'DENY'; expiresAt: Date | null };

/** Role capabilities plus unexpired grants, minus unexpired denials (a denial always wins). */
export function effectiveCapabilities(roleCapabilities: Iterable<string>, grants: Grant[], now: Date): Set<Capability> {
  const live = grants.filter((g) => g.expiresAt === null || g.expiresAt.getTime() > now.getTime());
  const result = new Set<Capability>();
  for (const c of roleCapabilities) if (isCapability(c)) result.add(c);
  for (const g of live) if (g.effect === 'GRANT' && isCapability(g.capability)) result.add(g.capability);
  for (const g of live) if (g.effect === 'DENY' && isCapability(g.capability)) result.delete(g.capability);
  return result;
}
