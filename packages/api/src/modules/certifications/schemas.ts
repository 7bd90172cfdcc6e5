import { z } from 'zod';
import { pageInput } from '../../shared/pagination';
import { CERTIFICATION_STATES } from './rules/state';

const uuid = z.string().uuid();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD');
const text = (max: number, message: string) => z.string().trim().min(1, message).max(max);

export const certificationFields = z.object({
  certificateType: z.string().trim().min(1, 'Choose a certificate type').max(40),
  body: text(120, 'Enter the certifying body'),
  number: text(80, 'Enter the certificate number'),
  productScope: z.string().trim().max(300).optional(),
  branchId: uuid.nullable().optional(),
  issuedOn: day,
  expiresOn: day,
  visibleInTrade: z.boolean().default(true),
});

export const createCertificationInput = certificationFields;
export const updateCertificationInput = certificationFields.extend({ id: uuid, version: z.number().int().min(1) });
export const setVisibleInput = z.object({ id: uuid, visibleInTrade: z.boolean() });
export const byIdInput = z.object({ id: uuid });
export const listCertificationsInput = pageInput.extend({
  status: z.enum(CERTIFICATION_STATES).optional(),
  /** Staff only: one partner's certifications. */
  partnerId: uuid.optional(),
});
export const certificationQueueInput = pageInput.extend({
  status: z.enum(CERTIFICATION_STATES).default('PENDING_VERIFICATION'),
});
export const verifyCertificationInput = z.object({
  id: uuid,
  version: z.number().int().min(1),
  notes: z.string().trim().max(1000).optional(),
});
export const decideWithNotesInput = z.object({
  id: uuid,
  version: z.number().int().min(1),
  notes: z.string().trim().min(3, 'Give a reason').max(1000),
});
