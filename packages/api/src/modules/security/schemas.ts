import { z } from 'zod';
import { lastEventIdInput } from '../../realtime/resume-input';
import { pageInput } from '../../shared/pagination';
import type { SecurityEventType, Severity } from './record';

export const SECURITY_EVENT_TYPES = [
  'SIGN_IN_FAILED',
  'ACCOUNT_LOCKED',
  'BRUTE_FORCE',
  'OTP_FAILED',
  'OTP_ABUSE',
  'RATE_LIMITED',
  'ACCESS_DENIED',
  'PASSWORD_CHANGED',
  'SESSIONS_REVOKED',
] as const satisfies readonly SecurityEventType[];

// Fails to compile when record.ts gains a type that is missing above.
const everyType: Exclude<SecurityEventType, (typeof SECURITY_EVENT_TYPES)[number]> extends never ? true : false = true;
void everyType;

export const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH'] as const satisfies readonly Severity[];

const instant = z.iso.datetime({ offset: true, message: 'Use an ISO date-time, e.g. 2026-01-31T10:00:00Z' });

/** `from` and `to` are inclusive. */
export const listSecurityEventsInput = pageInput
  .extend({
    type: z.enum(SECURITY_EVENT_TYPES).optional(),
    severity: z.enum(SEVERITIES).optional(),
    acknowledged: z.boolean().optional(),
    from: instant.optional(),
    to: instant.optional(),
  })
  .refine((f) => !f.from || !f.to || new Date(f.from) <= new Date(f.to), {
    message: 'The start must not be after the end',
    path: ['to'],
  });

export const acknowledgeInput = z.object({ id: z.string().uuid() });
export const onSecurityEventInput = z.object({ lastEventId: lastEventIdInput }).default({});

export type ListSecurityEventsInput = z.infer<typeof listSecurityEventsInput>;
