import { type DbOrTx, securityEvents } from '@kapas/db';
import { appendEvent } from '../../realtime/outbox';

export type SecurityEventType =
  | 'SIGN_IN_FAILED'
  | 'ACCOUNT_LOCKED'
  | 'BRUTE_FORCE'
  | 'OTP_FAILED'
  | 'OTP_ABUSE'
  | 'RATE_LIMITED'
  | 'ACCESS_DENIED'
  | 'PASSWORD_CHANGED'
  | 'SESSIONS_REVOKED';

export type Severity = 'LOW' | 'MEDIUM' | 'HIGH';

export type SecurityEventInput = {
  type: SecurityEventType;
  severity: Severity;
  userId?: string | null;
  partnerId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
};

export const SECURITY_TOPIC = 'security';

/** Records a security event (never a secret in `details`) and pushes it to back-office dashboards. */
export async function recordSecurityEvent(tx: DbOrTx, now: Date, input: SecurityEventInput): Promise<void> {
  const [row] = await tx
    .insert(securityEvents)
    .values({
      at: now.toISOString(),
      type: input.type,
      severity: input.severity,
      userId: input.userId ?? null,
      partnerId: input.partnerId ?? null,
      ip: input.ip ?? null,
      details: input.details ?? {},
    })
    .returning({ id: securityEvents.id });
  await appendEvent(tx, {
    audience: 'BACK_OFFICE',
    topic: SECURITY_TOPIC,
    type: input.type,
    payload: { id: row!.id, severity: input.severity },
  });
}
