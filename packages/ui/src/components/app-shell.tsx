import type { RouterOutputs } from '@kapas/client';
import { LogOut, Sprout } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button } from './button';
import { ConnectionIndicator } from './connection-indicator';

export type Me = NonNullable<RouterOutputs['auth']['me']>;

export type AppShellProps = {
  productName: string;
  me: Me;
  onSignOut: () => void;
  signingOut?: boolean;
  /** Navigation links (the app renders its router's links). */
  nav: ReactNode;
  /** Extra header controls before the signed-in user (e.g. the notification bell). */
  headerExtra?: ReactNode;
  children: ReactNode;
};

function roleLabel(role: string): string {
  return role
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** Header (product, live indicator, who is signed in, sign-out), side navigation and the page. */
export function AppShell({ productName, me, onSignOut, signingOut, nav, headerExtra, children }: AppShellProps) {
  const roles = me.roles.map(roleLabel).join(', ') || (me.kind === 'PARTNER' ? 'Partner user' : 'Back office');
  return (
    <div className="flex min-h-full flex-col">
      <header className="sticky top-0 z-30 flex h-14 items-center gap-4 border-b border-slate-200 bg-white px-4 sm:px-6">
        <div className="flex items-center gap-2 font-semibold text-slate-900">
          <span className="flex size-7 items-center justify-center rounded-md bg-brand-600 text-white">
            <Sprout className="size-4" aria-hidden />
          </span>
          {productName}
        </div>
        <ConnectionIndicator className="ml-2" />
        <div className="ml-auto flex items-center gap-4">
          {headerExtra}
          <div className="hidden text-right leading-tight sm:block" data-testid="signed-in-user">
            <div className="text-sm font-medium text-slate-900">{me.name}</div>
            <div className="text-xs text-slate-500">
              {me.partner ? <span data-testid="partner-name">{me.partner.name} · </span> : null}
              <span data-testid="user-role">{roles}</span>
            </div>
          </div>
          <Button variant="ghost" size="sm" onClick={onSignOut} loading={signingOut ?? false}>
            <LogOut aria-hidden />
            Sign out
          </Button>
        </div>
      </header>
      <div className="flex flex-1">
        <nav aria-label="Main" className="hidden w-56 shrink-0 border-r border-slate-200 bg-white p-3 md:block">
          {nav}
        </nav>
        <main className="min-w-0 flex-1 p-4 sm:p-8">{children}</main>
      </div>
    </div>
  );
}

export const navLinkClass =
  'flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 [&.active]:bg-brand-50 [&.active]:text-brand-700 [&_svg]:size-4';

export function NavSection({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <div className="mb-4">
      {title ? <div className="px-3 pb-1 text-xs font-semibold tracking-wide text-slate-400 uppercase">{title}</div> : null}
      <div className="grid gap-0.5">{children}</div>
    </div>
  );
}
