import { z } from 'zod';
import { pageInput } from '../../shared/pagination';

const uuid = z.string().uuid();

export const kycDueInput = pageInput.extend({
  /** due-soon: due within `withinDays`; overdue: past due, not yet expired; expired: partner KYC_EXPIRED; all: any of these. */
  filter: z.enum(['all', 'due-soon', 'overdue', 'expired']).default('all'),
  withinDays: z.number().int().min(1).max(365).default(30),
  search: z.string().trim().max(80).optional(),
});
export const partnerIdInput = z.object({ partnerId: uuid });
export const historyInput = z.object({ partnerId: uuid.optional() });
export const submitRenewalInput = z.object({
  documentIds: z.array(uuid).min(1, 'Upload at least one KYC document').max(20),
  notes: z.string().trim().max(1000).optional(),
});
export const submissionsInput = pageInput.extend({ status: z.enum(['SUBMITTED', 'VERIFIED', 'REJECTED']).default('SUBMITTED') });
export const verifyKycInput = z.object({ recordId: uuid, notes: z.string().trim().max(1000).optional() });
export const rejectKycInput = z.object({ recordId: uuid, notes: z.string().trim().min(3, 'Say what is missing').max(1000) });
