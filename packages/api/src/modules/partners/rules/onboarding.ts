/**
 * Partner lifecycle, DOMAIN §4, as a transition table. Only ACTIVE partners trade.
 *
 * Choices where the spec names a target but not its sources:
 * - REJECT is possible from PENDING_VERIFICATION (documents fail verification) as well as from
 *   PENDING_APPROVAL (the approver refuses).
 * - BLACKLIST applies to any partner that has been submitted and is not already closed.
 * - DEACTIVATE (→ INACTIVE) applies to partners that were once approved; a draft is simply
 *   abandoned or deleted.
 * - REJECTED, BLACKLISTED and INACTIVE are terminal: coming back means a new application.
 */
export const PARTNER_STATES = [
  'DRAFT',
  'PENDING_VERIFICATION',
  'PENDING_APPROVAL',
  'ACTIVE',
  'REJECTED',
  'SUSPENDED',
  'KYC_EXPIRED',
  'BLACKLISTED',
  'INACTIVE',
] as const;
export type PartnerState = (typeof PARTNER_STATES)[number];

export const PARTNER_EVENTS = [
  'SUBMIT',
  'VERIFY',
  'APPROVE',
  'REJECT',
  'SUSPEND',
  'REINSTATE',
  'EXPIRE_KYC',
  'RENEW_KYC',
  'BLACKLIST',
  'DEACTIVATE',
] as const;
export type PartnerEvent = (typeof PARTNER_EVENTS)[number];

type Table = Readonly<Record<PartnerState, Readonly<Partial<Record<PartnerEvent, PartnerState>>>>>;

export const PARTNER_TRANSITIONS: Table = {
  DRAFT: { SUBMIT: 'PENDING_VERIFICATION' },
  PENDING_VERIFICATION: { VERIFY: 'PENDING_APPROVAL', REJECT: 'REJECTED', BLACKLIST: 'BLACKLISTED' },
  PENDING_APPROVAL: { APPROVE: 'ACTIVE', REJECT: 'REJECTED', BLACKLIST: 'BLACKLISTED' },
  ACTIVE: { SUSPEND: 'SUSPENDED', EXPIRE_KYC: 'KYC_EXPIRED', BLACKLIST: 'BLACKLISTED', DEACTIVATE: 'INACTIVE' },
  SUSPENDED: { REINSTATE: 'ACTIVE', BLACKLIST: 'BLACKLISTED', DEACTIVATE: 'INACTIVE' },
  KYC_EXPIRED: { RENEW_KYC: 'ACTIVE', BLACKLIST: 'BLACKLISTED', DEACTIVATE: 'INACTIVE' },
  REJECTED: {},
  BLACKLISTED: {},
  INACTIVE: {},
};

/** CONFLICT-class (issue 4: "a clear CONFLICT-class error naming the current state"). */
export type PartnerTransitionError = {
  code: 'CONFLICT';
  state: PartnerState;
  event: PartnerEvent;
  message: string;
};

export type PartnerTransition = { ok: true; state: PartnerState } | { ok: false; error: PartnerTransitionError };

export function transition(state: PartnerState, event: PartnerEvent): PartnerTransition {
  const next = PARTNER_TRANSITIONS[state][event];
  if (next !== undefined) return { ok: true, state: next };
  return {
    ok: false,
    error: { code: 'CONFLICT', state, event, message: `Partner is ${state}; ${event} is not possible` },
  };
}

export function isTerminal(state: PartnerState): boolean {
  return Object.keys(PARTNER_TRANSITIONS[state]).length === 0;
}

export function canTrade(state: PartnerState): boolean {
  return state === 'ACTIVE';
}

/** The DOMAIN §10 code to refuse a trading action with, or null when the partner may trade. */
export function tradeBlockCode(state: PartnerState): 'KYC_EXPIRED' | 'PARTNER_NOT_ACTIVE' | null {
  if (canTrade(state)) return null;
  return state === 'KYC_EXPIRED' ? 'KYC_EXPIRED' : 'PARTNER_NOT_ACTIVE';
}
