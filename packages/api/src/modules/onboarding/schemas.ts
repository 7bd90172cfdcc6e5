/**
 * Inputs of the onboarding wizard, one schema per step, built from the partner validators so the
 * trader app's form and the API reject with the same message. Browser-safe (zod and pure rules
 * only): the web and admin apps import this file directly.
 */
import { z } from 'zod';
import { pageInput } from '../../shared/pagination';
import {
  aadhaarSchema,
  bankAccountSchema,
  cinSchema,
  gstinMatchesPan,
  gstinSchema,
  ifscSchema,
  mobileSchema,
  panSchema,
  pincodeSchema,
} from '../partners/rules/schemas';
import { isGstStateCode } from '../partners/rules/validators';
import { branchErrors, contactErrors } from './rules';

export const ONBOARDING_STEPS = ['company', 'contacts', 'tax', 'addresses', 'bank', 'consents'] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

export const BUSINESS_TYPES = ['BUYER', 'SELLER', 'TRADER', 'BROKER', 'SUB_BROKER', 'TRANSPORTER', 'CONTROLLER'] as const;
export const REGISTRATION_TYPES = ['COMPANY', 'INDIVIDUAL'] as const;

const text = (label: string, max = 120) =>
  z.string().trim().min(2, `${label} needs at least 2 characters`).max(max, `${label} can have at most ${max} characters`);

export const applicantEmailSchema = z
  .string()
  .trim()
  .max(254)
  .email('Enter a valid email address')
  .transform((e) => e.toLowerCase());

const stateCode = z
  .string()
  .trim()
  .refine((v) => isGstStateCode(v), 'Choose a state');

const tanSchema = z
  .string()
  .transform((v) => v.trim().toUpperCase())
  .refine((v) => /^[A-Z]{4}[0-9]{5}[A-Z]$/.test(v), 'TAN must be 4 letters, 5 digits and a letter, e.g. MUMA12345B');

/** What an applicant types on the first screen; creates the draft. */
export const startInput = z.object({
  applicantName: text('Name', 100),
  email: applicantEmailSchema,
  mobile: mobileSchema,
  businessType: z.enum(BUSINESS_TYPES),
  registrationType: z.enum(REGISTRATION_TYPES),
  legalName: text('Legal name', 200),
});
export type StartInput = z.infer<typeof startInput>;

export const companyStep = z.object({
  legalName: text('Legal name', 200),
  tradeName: text('Trade name', 200).nullish(),
  businessType: z.enum(BUSINESS_TYPES),
  registrationType: z.enum(REGISTRATION_TYPES),
});

export const contactSchema = z.object({
  name: text('Name', 100),
  designation: z.string().trim().max(100).nullish(),
  email: applicantEmailSchema,
  mobile: mobileSchema,
  isPrimary: z.boolean(),
});

export const contactsStep = z
  .object({ contacts: z.array(contactSchema).min(1, 'Add at least one contact').max(10) })
  .superRefine((value, ctx) => {
    for (const [path, messages] of Object.entries(contactErrors(value.contacts))) {
      for (const message of messages) ctx.addIssue({ code: 'custom', message, path: path.split('.') });
    }
  });

/** GSTIN is checked against the PAN here; "mandatory for BUYER/SELLER/TRADER" needs the business type (server, rules.ts). */
export const taxStep = z
  .object({
    pan: panSchema,
    gstin: gstinSchema.nullish(),
    cin: cinSchema.nullish(),
    tan: tanSchema.nullish(),
    /** Individuals only; the API keeps only a masked form. */
    aadhaar: aadhaarSchema.nullish(),
  })
  .superRefine(gstinMatchesPan);

export const addressSchema = z.object({
  line1: text('Address', 200),
  line2: z.string().trim().max(200).nullish(),
  city: text('City', 80),
  stateCode,
  pincode: pincodeSchema,
});

export const branchSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{2,16}$/, 'Code: 2–16 letters, digits or dashes'),
  name: text('Branch name', 120),
  isHeadOffice: z.boolean(),
  gstin: gstinSchema.nullish(),
  stateCode,
  line1: text('Address', 200),
  city: text('City', 80),
  pincode: pincodeSchema,
});

export const addressesStep = z
  .object({
    registered: addressSchema,
    shipTo: z.array(addressSchema.extend({ label: z.string().trim().max(60).nullish() })).max(10),
    branches: z.array(branchSchema).min(1, 'Add at least the head office').max(50),
  })
  .superRefine((value, ctx) => {
    for (const [path, messages] of Object.entries(branchErrors(value.branches, null))) {
      for (const message of messages) ctx.addIssue({ code: 'custom', message, path: path.split('.') });
    }
  });

export const bankStep = z.object({
  accountName: text('Account name', 120),
  accountNumber: bankAccountSchema,
  ifsc: ifscSchema,
  bankName: text('Bank name', 120),
});

export const consentsStep = z.object({
  terms: z.literal(true, 'Accept the terms to continue'),
  privacy: z.literal(true, 'Accept the privacy notice to continue'),
  marketing: z.boolean(),
});

export const STEP_SCHEMAS = {
  company: companyStep,
  contacts: contactsStep,
  tax: taxStep,
  addresses: addressesStep,
  bank: bankStep,
  consents: consentsStep,
} as const;

/** The applicant proves who they are with the resume token; staff and sub-brokers name the application. */
export const applicationRef = z.union([
  z.object({ resumeToken: z.string().trim().min(32).max(64) }),
  z.object({ applicationId: z.string().uuid() }),
]);
export type ApplicationRef = z.infer<typeof applicationRef>;

export const refInput = z.object({ ref: applicationRef });

const save = <S extends OnboardingStep, T extends z.ZodType>(step: S, data: T) =>
  z.object({ ref: applicationRef, step: z.literal(step), data });

export const saveStepInput = z.discriminatedUnion('step', [
  save('company', companyStep),
  save('contacts', contactsStep),
  save('tax', taxStep),
  save('addresses', addressesStep),
  save('bank', bankStep),
  save('consents', consentsStep),
]);
export type SaveStepInput = z.infer<typeof saveStepInput>;

export const verifyCodeInput = z.object({
  ref: applicationRef,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Enter the 6-digit code'),
});

export const PARTNER_STATUSES = [
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

export const draftsInput = pageInput.extend({
  status: z.enum(PARTNER_STATUSES).optional(),
  search: z.string().trim().max(100).optional(),
});
