import { Check, Circle, X } from 'lucide-react';
import { cn } from '../lib/cn';
import { trpc } from '../trpc/trpc';

export type PasswordIdentity = { email?: string | null; name?: string | null };

type Hint = { id: string; label: string; state: 'met' | 'unmet' | 'server' };

function fold(value: string): string {
  return value.normalize('NFKC').toLowerCase();
}

function tokens(value: string, minLength: number): string[] {
  return fold(value)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => [...t].length >= minLength);
}

/**
 * The password policy (from `auth.passwordPolicy`) as a live checklist under a new-password field.
 * Length and composition are checked as the user types; the common-password list and the history
 * are checked by the server when the form is sent (those hints stay neutral).
 */
export function PasswordHints({
  password,
  identity,
  id,
  className,
}: {
  password: string;
  identity?: PasswordIdentity;
  id?: string;
  className?: string;
}) {
  const policy = trpc.auth.passwordPolicy.useQuery(undefined, { staleTime: 5 * 60_000 });
  if (!policy.data) return null;
  const p = policy.data;
  const normalized = password.normalize('NFKC');
  const folded = normalized.toLowerCase();
  const length = [...normalized].length;
  const met = (ok: boolean): Hint['state'] => (ok ? 'met' : 'unmet');
  const hints: Hint[] = [
    { id: 'min', label: `At least ${p.minLength} characters`, state: met(length >= p.minLength) },
    { id: 'max', label: `At most ${p.maxLength} characters`, state: met(length <= p.maxLength) },
  ];
  if (p.requireUpper) hints.push({ id: 'upper', label: 'An upper-case letter', state: met(/\p{Lu}/u.test(normalized)) });
  if (p.requireLower) hints.push({ id: 'lower', label: 'A lower-case letter', state: met(/\p{Ll}/u.test(normalized)) });
  if (p.requireDigit) hints.push({ id: 'digit', label: 'A digit', state: met(/\p{Nd}/u.test(normalized)) });
  if (p.requireSymbol) hints.push({ id: 'symbol', label: 'A symbol', state: met(/[^\p{L}\p{N}]/u.test(normalized)) });
  const email = identity?.email ? fold(identity.email.slice(0, Math.max(0, identity.email.lastIndexOf('@')))) : '';
  const name = identity?.name ?? '';
  if (email || name) {
    const containsEmail = [...email].length >= 3 && folded.includes(email);
    const containsName = tokens(name, 3).some((t) => folded.includes(t));
    hints.push({ id: 'identity', label: 'Not your email address or name', state: met(!containsEmail && !containsName) });
  }
  hints.push({ id: 'common', label: 'Not a common password (checked when you save)', state: 'server' });
  if (p.historySize > 0) {
    hints.push({
      id: 'history',
      label: `Not one of your last ${p.historySize} passwords (checked when you save)`,
      state: 'server',
    });
  }
  return (
    <ul id={id} className={cn('grid gap-1 text-xs', className)} aria-label="Password requirements" data-testid="password-hints">
      {hints.map((hint) => {
        // Nothing typed yet: every rule is shown as neutral.
        const shown = password ? hint.state : 'server';
        return (
          <li
            key={hint.id}
            data-state={hint.state}
            className={cn(
              'flex items-center gap-1.5',
              shown === 'met' ? 'text-emerald-700' : shown === 'unmet' ? 'text-slate-600' : 'text-slate-500',
            )}
          >
            {shown === 'met' ? (
              <Check className="size-3.5" aria-hidden />
            ) : shown === 'unmet' ? (
              <X className="size-3.5 text-red-500" aria-hidden />
            ) : (
              <Circle className="size-3" aria-hidden />
            )}
            <span>
              {hint.label}
              {shown === 'met' ? <span className="sr-only"> (met)</span> : null}
              {shown === 'unmet' ? <span className="sr-only"> (not met)</span> : null}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
