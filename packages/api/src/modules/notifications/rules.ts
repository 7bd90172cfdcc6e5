/** Per kind, how a user wants the email copy of a notification (DOMAIN §7). */
export const NOTIFICATION_MODES = ['INSTANT', 'DIGEST', 'OFF'] as const;
export type NotificationMode = (typeof NOTIFICATION_MODES)[number];

/** A stored preference, or INSTANT when the user never chose (or the value is unknown). */
export function deliveryModeOf(stored: string | undefined): NotificationMode {
  return (NOTIFICATION_MODES as readonly string[]).includes(stored ?? '') ? (stored as NotificationMode) : 'INSTANT';
}

/** Notification kinds a user can set a preference for, with a label for the preferences screen. */
export const NOTIFICATION_KINDS: ReadonlyArray<{ kind: string; label: string }> = [
  { kind: 'approval.requested', label: 'New approval requests (staff)' },
  { kind: 'approval.decided', label: 'Decisions on your requests' },
  { kind: 'approval.expired', label: 'Your requests that expired' },
  { kind: 'kyc.reminder', label: 'KYC reminders' },
  { kind: 'certification.expiring', label: 'Certification expiry' },
  { kind: 'offer.received', label: 'Offers received' },
  { kind: 'offer.countered', label: 'Counter-offers' },
  { kind: 'offer.accepted', label: 'Accepted offers' },
  { kind: 'trade.matched', label: 'Matches for your trades and lots' },
];

/** One line per notification in the digest email, oldest first. */
export function digestLines(items: ReadonlyArray<{ title: string; body: string; createdAt: string }>): string {
  return items.map((i) => `- ${i.createdAt.slice(0, 16).replace('T', ' ')} UTC: ${i.title}\n  ${i.body}`).join('\n');
}
