/**
 * Whether a partner's users may sign in and act, by the partner's state (DOMAIN §4). ACTIVE and
 * KYC_EXPIRED partners' users may (KYC_EXPIRED ones sign in to renew KYC; they just cannot trade);
 * suspended, blacklisted, inactive, rejected or not yet approved partners' users may not.
 */
export const PARTNER_SIGN_IN_STATES: ReadonlySet<string> = new Set(['ACTIVE', 'KYC_EXPIRED']);

export function partnerMaySignIn(user: { kind: string }, partnerStatus: string | null): boolean {
  return user.kind !== 'PARTNER' || (partnerStatus !== null && PARTNER_SIGN_IN_STATES.has(partnerStatus));
}

/**
 * What a user whose password was right is told when their partner may not sign in. Only someone
 * who knows the password reaches this, so naming the state leaks nothing to a guesser.
 */
export function partnerRefusalMessage(partnerStatus: string | null): string {
  switch (partnerStatus) {
    case 'SUSPENDED':
      return 'Your company’s account is suspended. Contact Kapas support to have it reinstated.';
    case 'BLACKLISTED':
    case 'INACTIVE':
    case 'REJECTED':
      return 'Your company’s account is closed. Contact Kapas support if you think this is a mistake.';
    default:
      return 'Your company’s account is not active yet. You can sign in once it has been approved.';
  }
}
