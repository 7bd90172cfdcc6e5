import { z } from 'zod';
import { pageInput } from '../../shared/pagination';
import { emailSchema } from '../auth/schemas';
import { PARTNER_STATES } from './rules/onboarding';
import { bankAccountSchema, cinSchema, gstinSchema, ifscSchema, mobileSchema, panSchema, pincodeSchema } from './rules/schemas';
import { isGstStateCode } from './rules/validators';

export const BUSINESS_TYPES = ['BUYER', 'SELLER', 'TRADER', 'BROKER', 'SUB_BROKER', 'TRANSPORTER', 'CONTROLLER'] as const;

const text = (max: number, message = 'Required') => z.string().trim().min(1, message).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((v) => (v ? v : null));
const stateCode = z.string().trim().refine(isGstStateCode, 'Choose a valid state (GST state code)');
const TAN = /^[A-Z]{4}[0-9]{5}[A-Z]$/;

export const partnerIdInput = z.object({ id: z.string().uuid() });

export const listPartnersInput = pageInput.extend({
  q: z.string().trim().max(100).optional(),
  status: z.enum(PARTNER_STATES).optional(),
  businessType: z.enum(BUSINESS_TYPES).optional(),
  sort: z.enum(['legalName', 'number', 'createdAt', 'status']).default('createdAt'),
  dir: z.enum(['asc', 'desc']).default('desc'),
});

export const STATUS_ACTIONS = ['SUSPEND', 'REINSTATE', 'BLACKLIST', 'DEACTIVATE'] as const;
export const setStatusInput = z.object({
  id: z.string().uuid(),
  action: z.enum(STATUS_ACTIONS),
  reason: z.string().trim().min(5, 'Give a reason (at least 5 characters)').max(500),
});

export const versionInput = z.object({ id: z.string().uuid(), version: z.number().int().min(1).max(1_000_000) });
export const diffInput = z.object({
  id: z.string().uuid(),
  from: z.number().int().min(1).max(1_000_000),
  to: z.number().int().min(1).max(1_000_000),
});
export const asOfInput = z.object({ id: z.string().uuid(), at: z.string().datetime({ offset: true }) });

export const profileInput = z.object({
  legalName: text(200, 'Enter the legal name'),
  tradeName: optionalText(200),
  pan: panSchema,
  gstin: gstinSchema.nullable(),
  cin: cinSchema.nullable(),
  tan: z.string().trim().toUpperCase().regex(TAN, 'TAN must be 4 letters, 5 digits and a letter').nullable(),
});

export const addressInput = z.object({
  kind: z.enum(['REGISTERED', 'SHIP_TO']),
  label: optionalText(80),
  line1: text(200),
  line2: optionalText(200),
  city: text(80),
  stateCode,
  pincode: pincodeSchema,
});

export const branchInput = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{1,20}$/, 'Use up to 20 letters, digits or dashes'),
  name: text(120),
  isHeadOffice: z.boolean(),
  gstin: gstinSchema.nullable(),
  stateCode,
  line1: text(200),
  city: text(80),
  pincode: pincodeSchema,
  active: z.boolean().default(true),
});

export const bankAccountInput = z.object({
  accountName: text(120),
  accountNumber: bankAccountSchema,
  ifsc: ifscSchema,
  bankName: text(120),
  isPrimary: z.boolean(),
});

export const contactInput = z.object({
  name: text(120),
  designation: optionalText(80),
  email: emailSchema,
  mobile: mobileSchema,
  isPrimary: z.boolean(),
});

/** Each given section replaces that part of the aggregate; sections left out stay as they are. */
export const proposeChangeInput = z.object({
  profile: profileInput.optional(),
  addresses: z.array(addressInput).max(20).optional(),
  branches: z.array(branchInput).max(100).optional(),
  bankAccounts: z.array(bankAccountInput).max(10).optional(),
  contacts: z.array(contactInput).max(20).optional(),
  note: z.string().trim().max(500).optional(),
});
export type ProposeChangeInput = z.infer<typeof proposeChangeInput>;

export const CHANGE_REQUEST_STATES = ['PENDING', 'APPROVED', 'REJECTED', 'CANCELLED'] as const;
export const listChangeRequestsInput = pageInput.extend({
  partnerId: z.string().uuid().optional(),
  status: z.enum(CHANGE_REQUEST_STATES).optional(),
});
export const mineChangeRequestsInput = pageInput.extend({ status: z.enum(CHANGE_REQUEST_STATES).optional() });
export const changeRequestIdInput = z.object({ id: z.string().uuid() });
