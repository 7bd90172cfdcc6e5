import { eq } from 'drizzle-orm';
import type { DbOrTx } from './client';
import { commissionStructures, commodities, financialYears, gstRates } from './schema';

/** GST took effect on 1 July 2017; these rates have applied since. */
const GST_START = '2017-07-01';

const GST_RATES = [
  { code: 'COTTON_RAW', description: 'Raw cotton, not carded or combed', hsnCode: '5201', rate: '5.00' },
  { code: 'COTTON_YARN', description: 'Cotton yarn, not put up for retail sale', hsnCode: '5205', rate: '5.00' },
  { code: 'COTTON_WASTE', description: 'Cotton waste (yarn waste, garnetted stock)', hsnCode: '5202', rate: '5.00' },
  { code: 'BROKERAGE', description: 'Brokerage and commission services (SAC)', hsnCode: '996111', rate: '18.00' },
];

const COMMISSIONS = [
  { code: 'STD_BUYER', name: 'Standard buyer brokerage', basis: 'PERCENT', rate: '0.5000', side: 'BUYER', cotton: true },
  { code: 'STD_SELLER', name: 'Standard seller brokerage', basis: 'PER_BALE', rate: '25.0000', side: 'SELLER', cotton: true },
  { code: 'FLAT_BOTH', name: 'Flat brokerage, both sides', basis: 'PERCENT', rate: '0.2500', side: 'BOTH', cotton: false },
];

/** The Indian financial year (1 April – 31 March) holding a date, e.g. 2026-27. */
function financialYear(startYear: number) {
  return {
    code: `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`,
    startsOn: `${startYear}-04-01`,
    endsOn: `${startYear + 1}-03-31`,
  };
}

/**
 * Financial years, GST rates and commission structures. Idempotent: inserts only what is missing and
 * makes this year current only when no year is, so an admin's later choices survive a restart.
 */
export async function seedOrgReference(tx: DbOrTx, now: Date): Promise<void> {
  const india = new Date(now.getTime() + 330 * 60_000); // the year turns on 1 April in India (UTC+05:30)
  const thisYear = india.getUTCMonth() >= 3 ? india.getUTCFullYear() : india.getUTCFullYear() - 1;
  const [current] = await tx.select({ id: financialYears.id }).from(financialYears).where(eq(financialYears.isCurrent, true));
  await tx
    .insert(financialYears)
    .values([
      { ...financialYear(thisYear - 1), isCurrent: false },
      { ...financialYear(thisYear), isCurrent: !current },
    ])
    .onConflictDoNothing({ target: financialYears.code });

  await tx
    .insert(gstRates)
    .values(GST_RATES.map((r) => ({ ...r, effectiveFrom: GST_START })))
    .onConflictDoNothing();

  const [cotton] = await tx.select({ id: commodities.id }).from(commodities).where(eq(commodities.code, 'COTTON'));
  await tx
    .insert(commissionStructures)
    .values(
      COMMISSIONS.map(({ cotton: forCotton, ...c }) => ({
        ...c,
        commodityId: forCotton ? (cotton?.id ?? null) : null,
        effectiveFrom: GST_START,
      })),
    )
    .onConflictDoNothing({ target: commissionStructures.code });
}
