/**
 * Password policy engine (DOMAIN §5). Pure: the policy, the user's identity and the common-password
 * list are parameters; nothing here reads the clock, the environment or the database.
 */

export type PasswordPolicy = {
  minLength: number;
  maxLength: number;
  requireUpper: boolean;
  requireLower: boolean;
  requireDigit: boolean;
  requireSymbol: boolean;
  /** How many previous passwords (including the current one) cannot be reused. */
  historySize: number;
  /** Forced expiry in days, or null for none (the default). */
  maxAgeDays: number | null;
};

export const DEFAULT_PASSWORD_POLICY: Readonly<PasswordPolicy> = Object.freeze({
  minLength: 12,
  maxLength: 128,
  requireUpper: false,
  requireLower: false,
  requireDigit: false,
  requireSymbol: false,
  historySize: 5,
  maxAgeDays: null,
});

/** Admin settings are stored partially; missing keys take the defaults. */
export function resolvePasswordPolicy(settings: Partial<PasswordPolicy> = {}): PasswordPolicy {
  return { ...DEFAULT_PASSWORD_POLICY, ...settings };
}

export const PASSWORD_RULES = [
  'too_short',
  'too_long',
  'common',
  'contains_email',
  'contains_name',
  'contains_partner',
  'missing_upper',
  'missing_lower',
  'missing_digit',
  'missing_symbol',
] as const;

export type PasswordRule = (typeof PASSWORD_RULES)[number];
export type PasswordFailure = { rule: PasswordRule; message: string };

export type PasswordContext = {
  email: string;
  name: string;
  partnerName?: string | null;
  commonPasswords: ReadonlySet<string>;
};

/** The form in which passwords are hashed and measured (same as `hashPassword`). */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

/** Length in Unicode code points after NFKC normalisation (an emoji counts once). */
export function passwordLength(password: string): number {
  return [...normalizePassword(password)].length;
}

function fold(value: string): string {
  return value.normalize('NFKC').toLowerCase();
}

function tokens(value: string, minLength: number): string[] {
  return fold(value)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => [...t].length >= minLength);
}

function emailLocalPart(email: string): string {
  const at = email.lastIndexOf('@');
  return fold(at >= 0 ? email.slice(0, at) : email).trim();
}

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const DIGIT = /\p{Nd}/u;
const SYMBOL = /[^\p{L}\p{N}]/u;

/** Every rule the password breaks, in a stable order; an empty list means it is acceptable. */
export function checkPassword(password: string, policy: PasswordPolicy, context: PasswordContext): PasswordFailure[] {
  const failures: PasswordFailure[] = [];
  const normalized = normalizePassword(password);
  const folded = normalized.toLowerCase();
  const length = [...normalized].length;

  if (length < policy.minLength) {
    failures.push({ rule: 'too_short', message: `Use at least ${policy.minLength} characters.` });
  }
  if (length > policy.maxLength) {
    failures.push({ rule: 'too_long', message: `Use at most ${policy.maxLength} characters.` });
  }
  if (context.commonPasswords.has(folded)) {
    failures.push({ rule: 'common', message: 'This password is too common; choose another.' });
  }
  const local = emailLocalPart(context.email);
  if ([...local].length >= 3 && folded.includes(local)) {
    failures.push({ rule: 'contains_email', message: 'The password must not contain your email address.' });
  }
  if (tokens(context.name, 3).some((t) => folded.includes(t))) {
    failures.push({ rule: 'contains_name', message: 'The password must not contain your name.' });
  }
  if (context.partnerName && tokens(context.partnerName, 4).some((t) => folded.includes(t))) {
    failures.push({ rule: 'contains_partner', message: "The password must not contain your company's name." });
  }
  if (policy.requireUpper && !UPPER.test(normalized)) {
    failures.push({ rule: 'missing_upper', message: 'Include an upper-case letter.' });
  }
  if (policy.requireLower && !LOWER.test(normalized)) {
    failures.push({ rule: 'missing_lower', message: 'Include a lower-case letter.' });
  }
  if (policy.requireDigit && !DIGIT.test(normalized)) {
    failures.push({ rule: 'missing_digit', message: 'Include a digit.' });
  }
  if (policy.requireSymbol && !SYMBOL.test(normalized)) {
    failures.push({ rule: 'missing_symbol', message: 'Include a symbol (anything but a letter or digit).' });
  }
  return failures;
}

/** Checks a stored hash against a candidate password, e.g. `(hash, pw) => verifyPassword(hash, pw)`. */
export type VerifyHash = (storedHash: string, password: string) => Promise<boolean>;

/**
 * True when the candidate matches one of the last `historySize` hashes. `previousHashes` is
 * newest first and should include the current password's hash. Checked one at a time (argon2 at
 * 19 MiB each) and stops at the first match.
 */
export async function isReused(
  candidate: string,
  previousHashes: readonly string[],
  verify: VerifyHash,
  historySize: number = DEFAULT_PASSWORD_POLICY.historySize,
): Promise<boolean> {
  for (const hash of previousHashes.slice(0, Math.max(0, historySize))) {
    if (await verify(hash, candidate)) return true;
  }
  return false;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether a password changed at `changedAt` must be changed at `now`; never when `maxAgeDays` is null. */
export function passwordExpired(changedAt: Date, maxAgeDays: number | null, now: Date): boolean {
  if (maxAgeDays === null) return false;
  return now.getTime() - changedAt.getTime() >= maxAgeDays * DAY_MS;
}
