/**
 * Certification lifecycle, DOMAIN §4: PENDING_VERIFICATION → VERIFIED | REJECTED;
 * VERIFIED → EXPIRED (automatically at expiry) | SUSPENDED. A partner may edit a pending or a
 * rejected certification; editing a rejected one sends it back for verification.
 * EXPIRED and SUSPENDED are terminal: a renewed certificate is a new certification.
 */
export const CERTIFICATION_STATES = ['PENDING_VERIFICATION', 'VERIFIED', 'REJECTED', 'EXPIRED', 'SUSPENDED'] as const;
export type CertificationState = (typeof CERTIFICATION_STATES)[number];

export const CERTIFICATION_EVENTS = ['EDIT', 'VERIFY', 'REJECT', 'SUSPEND', 'EXPIRE'] as const;
export type CertificationEvent = (typeof CERTIFICATION_EVENTS)[number];

export const CERTIFICATION_TRANSITIONS: Readonly<
  Record<CertificationState, Readonly<Partial<Record<CertificationEvent, CertificationState>>>>
> = {
  PENDING_VERIFICATION: { EDIT: 'PENDING_VERIFICATION', VERIFY: 'VERIFIED', REJECT: 'REJECTED' },
  REJECTED: { EDIT: 'PENDING_VERIFICATION' },
  VERIFIED: { EXPIRE: 'EXPIRED', SUSPEND: 'SUSPENDED' },
  EXPIRED: {},
  SUSPENDED: {},
};

export type CertificationTransition =
  | { ok: true; state: CertificationState }
  | { ok: false; error: { code: 'CONFLICT'; state: CertificationState; event: CertificationEvent; message: string } };

export function isCertificationState(value: string): value is CertificationState {
  return (CERTIFICATION_STATES as readonly string[]).includes(value);
}

export function certificationTransition(state: CertificationState, event: CertificationEvent): CertificationTransition {
  const next = CERTIFICATION_TRANSITIONS[state][event];
  if (next !== undefined) return { ok: true, state: next };
  return {
    ok: false,
    error: { code: 'CONFLICT', state, event, message: `The certification is ${state}; ${event} is not possible.` },
  };
}
