import { z } from 'zod';
import { pageInput } from '../../shared/pagination';

const instant = z.iso.datetime({ offset: true, message: 'Use an ISO date-time, e.g. 2026-01-31T10:00:00Z' });

/** Filters shared by the audit list and its CSV export. `from` and `to` are inclusive. */
export const auditFilters = z.object({
  actorUserId: z.string().uuid().optional(),
  /** Matches the actor's email exactly, ignoring case. */
  actorEmail: z.string().trim().toLowerCase().min(3).max(254).optional(),
  partnerId: z.string().uuid().optional(),
  /** Prefix match: `auth.` finds every sign-in related action. */
  action: z.string().trim().min(1).max(100).optional(),
  entityType: z.string().trim().min(1).max(64).optional(),
  entityId: z.string().trim().min(1).max(128).optional(),
  from: instant.optional(),
  to: instant.optional(),
});

function rangeInOrder(f: { from?: string | undefined; to?: string | undefined }): boolean {
  return !f.from || !f.to || new Date(f.from) <= new Date(f.to);
}
const rangeError = { message: 'The start must not be after the end', path: ['to'] };

export const listAuditInput = pageInput.extend(auditFilters.shape).refine(rangeInOrder, rangeError);
export const exportAuditInput = auditFilters.refine(rangeInOrder, rangeError);
export const auditByIdInput = z.object({ id: z.number().int().positive() });

export type AuditFilters = z.infer<typeof auditFilters>;
export type ListAuditInput = z.infer<typeof listAuditInput>;

/** At most this many rows in one CSV export (newest first); narrow the filters for more. */
export const EXPORT_MAX_ROWS = 10_000;
