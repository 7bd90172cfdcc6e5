import { isKapasError } from '@kapas/client';

/** The `details` an API error carries (e.g. `attemptsLeft`, `until`, `retryAfterSeconds`, `reasons`), or `{}`. */
export function errorDetails(error: unknown): Record<string, unknown> {
  if (!isKapasError(error)) return {};
  const details = (error.data as { details?: unknown } | undefined)?.details;
  return typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : {};
}

/** "in 2 minutes", "in 45 seconds" for a retry-after in seconds. */
export function inSeconds(seconds: number): string {
  if (seconds >= 90) return `in ${Math.ceil(seconds / 60)} minutes`;
  return `in ${Math.max(1, Math.round(seconds))} seconds`;
}

/** The message to show for an error from a sign-in-like form: adds the unlock or retry time when the API sent one. */
export function authErrorMessage(error: unknown, fallback: string): string {
  const details = errorDetails(error);
  const message = error instanceof Error && error.message ? error.message : fallback;
  if (typeof details.until === 'string') {
    const until = new Date(details.until);
    if (!Number.isNaN(until.getTime()) && !message.includes(until.toLocaleTimeString())) {
      return `${message} Try again after ${until.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}.`;
    }
  }
  if (typeof details.retryAfterSeconds === 'number' && !/\d/.test(message)) {
    return `${message} Try again ${inSeconds(details.retryAfterSeconds)}.`;
  }
  return message;
}

/** The reasons a PASSWORD_POLICY error names, as messages. */
export function passwordPolicyReasons(error: unknown): string[] {
  const reasons = errorDetails(error).reasons;
  if (!Array.isArray(reasons)) return [];
  return reasons
    .map((r) => (typeof r === 'object' && r !== null && 'message' in r ? String((r as { message: unknown }).message) : ''))
    .filter(Boolean);
}
