import { Sprout } from 'lucide-react';
import type { ReactNode } from 'react';

/** The centred card the sign-in, reset-password and accept-invite pages share. */
export function AuthLayout({
  title,
  subtitle,
  children,
  footer,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="flex min-h-full items-center justify-center bg-gradient-to-br from-brand-50 via-slate-50 to-white px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex flex-col items-center gap-3 text-center">
          <span className="flex size-11 items-center justify-center rounded-xl bg-brand-600 text-white shadow-sm">
            <Sprout className="size-6" aria-hidden />
          </span>
          <div>
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
            {subtitle ? <p className="mt-1 text-sm text-slate-500">{subtitle}</p> : null}
          </div>
        </div>
        {children}
        {footer ? <div className="mt-4 text-center text-xs text-slate-500">{footer}</div> : null}
      </div>
    </div>
  );
}

export const authCardClass = 'grid gap-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm';
