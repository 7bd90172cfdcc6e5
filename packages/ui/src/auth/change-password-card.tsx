import { Card } from '../components/card';
import type { PasswordIdentity } from '../components/password-hints';
import { ChangePasswordForm } from './change-password-form';

/** The account page's "Change password" section. */
export function ChangePasswordCard({ identity }: { identity?: PasswordIdentity | undefined }) {
  return (
    <Card aria-labelledby="change-password-heading" className="p-5">
      <h2 id="change-password-heading" className="text-base font-semibold text-slate-900">
        Change password
      </h2>
      <p className="mt-1 mb-4 text-sm text-slate-500">Changing your password signs you out on every other device.</p>
      <div className="max-w-sm">
        <ChangePasswordForm {...(identity ? { identity } : {})} />
      </div>
    </Card>
  );
}
