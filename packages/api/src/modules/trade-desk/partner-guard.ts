/** Whether a partner may trade now (DOMAIN §1, §4): right business type, ACTIVE, KYC current. */
import { type DbOrTx, partners } from '@kapas/db';
import { eq } from 'drizzle-orm';
import { DomainError } from '../../errors';
import { type PartnerState, tradeBlockCode } from '../partners/rules/onboarding';

/** The partner may trade (ACTIVE, KYC current) and is of a type that may do this. */
export async function assertTradingPartner(db: DbOrTx, partnerId: string, types: readonly string[], what: string) {
  const [p] = await db.select().from(partners).where(eq(partners.id, partnerId));
  if (!p) throw new DomainError('NOT_FOUND', 'Partner not found.');
  if (!types.includes(p.businessType)) throw new DomainError('FORBIDDEN', `Only ${what}.`);
  const block = tradeBlockCode(p.status as PartnerState);
  if (block === 'KYC_EXPIRED') throw new DomainError('KYC_EXPIRED', 'Your KYC has expired; renew it to trade again.');
  if (block) throw new DomainError('PARTNER_NOT_ACTIVE', `Your partner account is ${p.status}; only active partners can trade.`);
  return p;
}
