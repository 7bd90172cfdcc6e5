import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLES, effectiveCapabilities } from './capabilities';

const now = new Date('2026-12-01T00:00:00Z');
const later = new Date('2026-12-02T00:00:00Z');
const earlier = new Date('2026-11-30T00:00:00Z');

describe('effectiveCapabilities', () => {
  it('adds live grants and removes live denials; a denial wins over a role', () => {
    const caps = effectiveCapabilities(
      ['master:read', 'master:write'],
      [
        { capability: 'audit:read', effect: 'GRANT', expiresAt: later },
        { capability: 'master:write', effect: 'DENY', expiresAt: null },
      ],
      now,
    );
    expect([...caps].sort()).toEqual(['audit:read', 'master:read']);
  });

  it('ignores expired grants and denials and unknown capability names', () => {
    const caps = effectiveCapabilities(
      ['master:read', 'not:a-capability'],
      [
        { capability: 'audit:read', effect: 'GRANT', expiresAt: earlier },
        { capability: 'master:read', effect: 'DENY', expiresAt: earlier },
      ],
      now,
    );
    expect([...caps]).toEqual(['master:read']);
  });
});

describe('DEFAULT_ROLES', () => {
  it('keeps the auditor read-only and support without permission changes', () => {
    const role = (code: string) => DEFAULT_ROLES.find((r) => r.code === code)!;
    expect(role('AUDITOR').capabilities.every((c) => c.endsWith(':read'))).toBe(true);
    expect(role('SUPPORT').capabilities).not.toContain('role:manage');
    expect(role('SUPPORT').capabilities).not.toContain('user:manage');
  });
});
