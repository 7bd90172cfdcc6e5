/**
 * Admin-editable policy values (DOMAIN "(setting)"): each key's type and bounds, so an edit is
 * validated before it can weaken the policy into nonsense (e.g. a 3-character minimum password).
 */
export type SettingDefinition =
  | { key: string; kind: 'integer'; min: number; max: number; label: string }
  | { key: string; kind: 'boolean'; label: string };

const int = (key: string, min: number, max: number, label: string): SettingDefinition => ({
  key,
  kind: 'integer',
  min,
  max,
  label,
});
const bool = (key: string, label: string): SettingDefinition => ({ key, kind: 'boolean', label });

export const SETTING_DEFINITIONS: SettingDefinition[] = [
  int('password.minLength', 12, 64, 'Minimum password length'),
  int('password.maxLength', 64, 128, 'Maximum password length'),
  bool('password.requireUpper', 'Require an upper-case letter'),
  bool('password.requireLower', 'Require a lower-case letter'),
  bool('password.requireDigit', 'Require a digit'),
  bool('password.requireSymbol', 'Require a symbol'),
  int('password.historySize', 1, 24, 'Previous passwords that cannot be reused'),
  int('password.maxAgeDays', 0, 365, 'Force a password change after (days, 0 = never)'),
  int('lockout.threshold', 3, 20, 'Failed sign-ins before a lock'),
  int('lockout.baseMinutes', 1, 240, 'First lock length (minutes, doubles on repeat)'),
  bool('auth.partnerOtp', 'Ask partner users for a one-time code at sign-in'),
  int('session.idleMinutes', 5, 240, 'Idle timeout (minutes)'),
  int('session.absoluteHours', 1, 72, 'Absolute session lifetime (hours)'),
  int('session.warningMinutes', 1, 30, 'Warn before the idle timeout (minutes)'),
  int('rateLimit.signInPerMinute', 1, 1_000_000, 'Sign-ins per minute per account and per IP'),
  int('rateLimit.signInPerHour', 1, 1_000_000, 'Sign-ins per hour per account and per IP'),
  int('rateLimit.passwordResetPerHour', 1, 1_000_000, 'Password-reset requests per hour per email'),
  int('rateLimit.registrationPerHour', 1, 1_000_000, 'Registrations per hour per IP'),
  int('rateLimit.apiPerUserPerMinute', 10, 1_000_000, 'API calls per minute per user'),
  int('rateLimit.apiPerPartnerPerMinute', 10, 10_000_000, 'API calls per minute per partner'),
  int('subUser.max', 0, 20, 'Sub-users per partner'),
  int('trade.validityDays', 1, 90, 'Default trade validity (days)'),
  int('offer.validityHours', 1, 720, 'Default offer validity (hours)'),
  int('offer.inactivityHours', 1, 720, 'Offer expires after inactivity (hours)'),
  int('document.maxBytes', 1024, 50 * 1024 * 1024, 'Largest document upload (bytes)'),
  int('document.linkMinutes', 1, 1440, 'Document download links valid for (minutes)'),
  int('approval.expiryDays', 1, 365, 'Pending approval requests expire after (days)'),
  int('approval.requiredApprovals', 1, 5, 'Approvers needed for onboarding and high-risk changes'),
  bool('approval.subUsers', 'Sub-user invitations need back-office approval'),
  int('approval.highValueTradeInr', 0, 2_000_000_000, 'Trades above this value need approval (INR, 0 = never)'),
  int('certification.expiringDays', 1, 365, 'A certification is "expiring" within (days)'),
  int('kyc.graceDays', 1, 365, 'KYC overdue days before the partner is KYC_EXPIRED'),
  int('matching.weightQuality', 0, 100, 'Matching weight: quality (%)'),
  int('matching.weightPrice', 0, 100, 'Matching weight: price (%)'),
  int('matching.weightLocation', 0, 100, 'Matching weight: location (%)'),
  int('matching.weightTerms', 0, 100, 'Matching weight: terms (%)'),
  int('matching.labelBest', 1, 100, 'Score for the "Best" label'),
  int('matching.labelGood', 1, 100, 'Score for the "Good" label'),
  int('matching.labelAverage', 1, 100, 'Score for the "Average" label'),
  int('matching.preMatchNotify', 0, 100, 'Sellers notified when a trade is posted'),
  int('notification.perUserPerMinute', 1, 600, 'Match notifications per user per minute'),
];

/** Null when the value fits the definition, otherwise the message for the field. */
export function settingValueError(definition: SettingDefinition, value: unknown): string | null {
  if (definition.kind === 'boolean') return typeof value === 'boolean' ? null : 'Choose on or off';
  if (typeof value !== 'number' || !Number.isInteger(value)) return 'Enter a whole number';
  if (value < definition.min || value > definition.max) return `Enter a number from ${definition.min} to ${definition.max}`;
  return null;
}
