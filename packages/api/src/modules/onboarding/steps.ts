import {
  bankAccounts,
  branches,
  type DbOrTx,
  onboardingApplications,
  partnerAddresses,
  partnerContacts,
  partners,
} from '@kapas/db';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { DomainError } from '../../errors';
import { isUniqueViolation } from '../../shared/db-errors';
import { transact } from '../../shared/transact';
import { appendAudit } from '../audit/append';
import { type DraftView, loadDraft } from './aggregate';
import { assertTaxIdsFree, takenContactErrors } from './duplicates';
import { assertDraft, type PartnerRow, resolveApplication } from './resolve';
import { branchErrors, canonicalMobile, maskAadhaar, taxErrors } from './rules';
import { ONBOARDING_STEPS, type SaveStepInput, type STEP_SCHEMAS } from './schemas';
import type { Caller } from './service';

type StepData<S extends keyof typeof STEP_SCHEMAS> = z.infer<(typeof STEP_SCHEMAS)[S]>;

function reject(fieldErrors: Record<string, string[]>): void {
  if (Object.keys(fieldErrors).length) throw new DomainError('BAD_REQUEST', 'Some fields are invalid', { fieldErrors });
}

/** Checks that need the database or other steps (the zod schema has already checked each field). */
async function precheck(db: DbOrTx, partner: PartnerRow, input: SaveStepInput): Promise<void> {
  switch (input.step) {
    case 'company':
      return;
    case 'tax': {
      reject(taxErrors(input.data, partner));
      await assertTaxIdsFree(db, partner.id, {
        pan: input.data.pan,
        gstins: input.data.gstin ? [{ path: 'gstin', gstin: input.data.gstin }] : [],
      });
      return;
    }
    case 'contacts': {
      const errors: Record<string, string[]> = {};
      for (const [i, contact] of input.data.contacts.entries()) {
        Object.assign(
          errors,
          await takenContactErrors(
            db,
            {
              email: contact.email,
              mobile: canonicalMobile(contact.mobile),
              emailPath: `contacts.${i}.email`,
              mobilePath: `contacts.${i}.mobile`,
            },
            partner.id,
          ),
        );
      }
      if (Object.keys(errors).length) {
        throw new DomainError('CONFLICT', 'A contact is already registered with another partner.', { fieldErrors: errors });
      }
      return;
    }
    case 'addresses': {
      reject(branchErrors(input.data.branches, partner.pan));
      const gstins = input.data.branches.flatMap((b, i) => (b.gstin ? [{ path: `branches.${i}.gstin`, gstin: b.gstin }] : []));
      await assertTaxIdsFree(db, partner.id, { gstins });
      return;
    }
    case 'bank':
    case 'consents':
      return;
  }
}

async function write(tx: DbOrTx, partner: PartnerRow, input: SaveStepInput, now: Date): Promise<void> {
  const partnerId = partner.id;
  const at = now.toISOString();
  switch (input.step) {
    case 'company': {
      const d: StepData<'company'> = input.data;
      await tx
        .update(partners)
        .set({ ...d, tradeName: d.tradeName ?? null, updatedAt: at })
        .where(eq(partners.id, partnerId));
      return;
    }
    case 'tax': {
      const d: StepData<'tax'> = input.data;
      await tx
        .update(partners)
        .set({
          pan: d.pan,
          gstin: d.gstin ?? null,
          cin: d.cin ?? null,
          tan: d.tan ?? null,
          aadhaarMasked: d.aadhaar ? maskAadhaar(d.aadhaar) : null,
          updatedAt: at,
        })
        .where(eq(partners.id, partnerId));
      return;
    }
    case 'contacts': {
      await tx.delete(partnerContacts).where(eq(partnerContacts.partnerId, partnerId));
      await tx.insert(partnerContacts).values(
        input.data.contacts.map((c) => ({
          partnerId,
          name: c.name,
          designation: c.designation ?? null,
          email: c.email,
          mobile: canonicalMobile(c.mobile),
          isPrimary: c.isPrimary,
          createdAt: at,
        })),
      );
      return;
    }
    case 'addresses': {
      const d: StepData<'addresses'> = input.data;
      await tx.delete(partnerAddresses).where(eq(partnerAddresses.partnerId, partnerId));
      await tx.delete(branches).where(eq(branches.partnerId, partnerId));
      await tx.insert(partnerAddresses).values([
        { partnerId, kind: 'REGISTERED', ...d.registered, line2: d.registered.line2 ?? null, createdAt: at },
        ...d.shipTo.map((a) => ({
          partnerId,
          kind: 'SHIP_TO',
          ...a,
          line2: a.line2 ?? null,
          label: a.label ?? null,
          createdAt: at,
        })),
      ]);
      await tx.insert(branches).values(d.branches.map((b) => ({ partnerId, ...b, gstin: b.gstin ?? null, createdAt: at })));
      return;
    }
    case 'bank': {
      await tx.delete(bankAccounts).where(eq(bankAccounts.partnerId, partnerId));
      await tx.insert(bankAccounts).values({ partnerId, ...input.data, isPrimary: true, createdAt: at });
      return;
    }
    case 'consents': {
      const consents: Record<string, string> = { terms: at, privacy: at };
      if (input.data.marketing) consents.marketing = at;
      await tx.update(partners).set({ consents, updatedAt: at }).where(eq(partners.id, partnerId));
      return;
    }
  }
}

/** What the audit row keeps of a step: never the full Aadhaar or bank account number. */
function auditValues(input: SaveStepInput): unknown {
  if (input.step === 'tax') return { ...input.data, aadhaar: input.data.aadhaar ? maskAadhaar(input.data.aadhaar) : null };
  if (input.step === 'bank') return { ...input.data, accountNumber: `••••${input.data.accountNumber.slice(-4)}` };
  return input.data;
}

/** Field paths of a step's own checks, prefixed like the zod ones (`data.gstin`), so a form maps both alike. */
async function withDataPaths(work: Promise<void>): Promise<void> {
  try {
    await work;
  } catch (error) {
    if (!(error instanceof DomainError) || !error.details.fieldErrors) throw error;
    const fieldErrors = Object.fromEntries(Object.entries(error.details.fieldErrors).map(([k, v]) => [`data.${k}`, v]));
    throw new DomainError(error.code, error.message, { ...error.details, fieldErrors });
  }
}

function nextStep(step: string): string {
  const i = ONBOARDING_STEPS.indexOf(step as (typeof ONBOARDING_STEPS)[number]);
  return ONBOARDING_STEPS[Math.min(i + 1, ONBOARDING_STEPS.length - 1)] ?? 'company';
}

/** Saves one wizard step of a draft (replacing that step's rows) and moves the wizard on. */
export async function saveStep(c: Caller, input: SaveStepInput): Promise<DraftView> {
  const resolved = await resolveApplication(c.deps.db, c.actor, input.ref);
  assertDraft(resolved.partner);
  await withDataPaths(precheck(c.deps.db, resolved.partner, input));
  const now = c.deps.clock();
  try {
    await transact(c.deps, async (tx) => {
      // Re-read under a lock: the draft may have been submitted since it was resolved.
      const [partner] = await tx.select().from(partners).where(eq(partners.id, resolved.partner.id)).for('update');
      assertDraft(partner!);
      await write(tx, partner!, input, now);
      await tx
        .update(onboardingApplications)
        .set({ step: nextStep(input.step), updatedAt: now.toISOString() })
        .where(and(eq(onboardingApplications.id, resolved.app.id)));
      await appendAudit(
        tx,
        { actor: c.actor, meta: c.meta, now },
        {
          action: `partner.draft_step.${input.step}`,
          entityType: 'partner',
          entityId: partner!.id,
          partnerId: partner!.id,
          newValues: auditValues(input),
        },
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError('CONFLICT', 'Already registered with another partner.', {
        fieldErrors: { [input.step === 'tax' ? 'data.gstin' : 'data']: ['Already registered with another partner'] },
      });
    }
    throw error;
  }
  return loadDraft(c.deps.db, await resolveApplication(c.deps.db, c.actor, input.ref));
}
