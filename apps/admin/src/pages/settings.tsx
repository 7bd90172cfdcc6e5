import type { RouterOutputs } from '@kapas/api';
import {
  Button,
  Card,
  cn,
  EmptyState,
  ErrorState,
  errorMessage,
  FormField,
  firstFieldErrors,
  Input,
  LoadingState,
  PageHeader,
  toast,
  trpc,
} from '@kapas/ui';
import { type FormEvent, useEffect, useState } from 'react';
import { formatRelative } from '../lib/format';
import { useCan } from '../lib/permissions';

type Setting = RouterOutputs['settings']['list'][number];

/** Key prefix → section title, in the order the sections are shown. */
const GROUPS: [title: string, prefixes: string[]][] = [
  ['Passwords', ['password']],
  ['Lockout', ['lockout']],
  ['Sign-in', ['auth']],
  ['Sessions', ['session']],
  ['Rate limits', ['rateLimit']],
  ['Sub-users', ['subUser']],
  ['Trade desk', ['trade', 'offer']],
  ['Documents', ['document']],
];

function groupOf(key: string): string {
  const prefix = key.split('.')[0] ?? key;
  return GROUPS.find(([, prefixes]) => prefixes.includes(prefix))?.[0] ?? 'Other';
}

/** Policy values (password rules, lockout, sessions, limits…), each edited and saved on its own row. */
export function SettingsPage() {
  const canEdit = useCan('settings:write');
  const list = trpc.settings.list.useQuery(undefined, { enabled: canEdit });

  const header = (
    <PageHeader
      title="Settings"
      description="Platform policy values. Each change is validated, audited and applies to every server within seconds."
    />
  );
  if (!canEdit) {
    return (
      <div className="mx-auto max-w-4xl">
        {header}
        <EmptyState title="Not available" description="You need the settings:write permission to view and change settings." />
      </div>
    );
  }
  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;

  const titles = [...GROUPS.map(([title]) => title), 'Other'];
  const groups = titles
    .map((title) => ({ title, items: list.data.filter((s) => groupOf(s.key) === title) }))
    .filter((g) => g.items.length);

  return (
    <div className="mx-auto max-w-4xl">
      {header}
      {groups.length === 0 ? (
        <Card>
          <EmptyState title="No settings" description="The server defines no editable settings." />
        </Card>
      ) : (
        <div className="grid gap-6">
          {groups.map((group) => (
            <Card key={group.title} aria-labelledby={`settings-${group.title}`} data-testid="settings-group">
              <h2
                id={`settings-${group.title}`}
                className="border-b border-slate-100 px-5 py-3 text-sm font-semibold text-slate-900"
              >
                {group.title}
              </h2>
              <ul className="divide-y divide-slate-100">
                {group.items.map((setting) => (
                  <SettingRow key={setting.key} setting={setting} />
                ))}
              </ul>
            </Card>
          ))}
        </div>
      )}
    </div>
  );
}

function display(setting: Setting): string {
  if (setting.value === null || setting.value === undefined) return 'Not set';
  if (typeof setting.value === 'boolean') return setting.value ? 'On' : 'Off';
  return typeof setting.value === 'number' ? setting.value.toLocaleString() : String(setting.value);
}

function SettingRow({ setting }: { setting: Setting }) {
  const initial = setting.value === null || setting.value === undefined ? '' : String(setting.value);
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    setDraft(initial);
    setError(undefined);
  }, [initial]);
  const utils = trpc.useUtils();
  const update = trpc.settings.update.useMutation({
    onSuccess: () => {
      toast.success(`Saved “${setting.label}”`);
      setError(undefined);
      void utils.settings.list.invalidate();
    },
    onError: (e) => setError(firstFieldErrors(e).value ?? errorMessage(e)),
  });

  const isBoolean = setting.kind === 'boolean';
  const dirty = draft !== initial;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isBoolean) {
      update.mutate({ key: setting.key, value: draft === 'true' });
      return;
    }
    const value = Number(draft);
    if (draft.trim() === '' || !Number.isInteger(value)) {
      setError('Enter a whole number');
      return;
    }
    update.mutate({ key: setting.key, value });
  };
  const range =
    setting.kind === 'integer' && setting.min !== undefined && setting.max !== undefined
      ? `From ${setting.min.toLocaleString()} to ${setting.max.toLocaleString()}`
      : undefined;

  return (
    <li className="px-5 py-4" data-testid="setting-row" data-key={setting.key}>
      <form
        onSubmit={submit}
        noValidate
        aria-label={setting.label}
        className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_14rem_auto] sm:items-start"
      >
        <div className="min-w-0">
          <p className="text-sm font-medium text-slate-900">{setting.label}</p>
          <p className="mt-0.5 text-xs text-slate-500">
            <span className="font-mono">{setting.key}</span> · Current:{' '}
            <span data-testid="setting-value">{display(setting)}</span> · Last changed{' '}
            <span title={setting.updatedAt ?? undefined} data-testid="setting-updated">
              {setting.updatedAt ? formatRelative(setting.updatedAt) : 'never'}
            </span>
          </p>
        </div>
        {isBoolean ? (
          <FormField label={<span className="sr-only">{setting.label}</span>} error={error}>
            <Switch checked={draft === 'true'} onChange={(on) => setDraft(String(on))} label={setting.label} />
          </FormField>
        ) : (
          <FormField label={<span className="sr-only">{setting.label}</span>} error={error} hint={range}>
            <Input
              type="number"
              inputMode="numeric"
              min={setting.min}
              max={setting.max}
              step={1}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
            />
          </FormField>
        )}
        <Button
          type="submit"
          size="sm"
          className="sm:mt-0.5"
          disabled={!dirty}
          loading={update.isPending}
          aria-label={`Save ${setting.label}`}
        >
          Save
        </Button>
      </form>
    </li>
  );
}

function Switch({
  checked,
  onChange,
  label,
  id,
  ...aria
}: {
  checked: boolean;
  onChange: (on: boolean) => void;
  label: string;
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  return (
    <button
      type="button"
      role="switch"
      id={id}
      aria-checked={checked}
      aria-label={label}
      onClick={() => onChange(!checked)}
      className="inline-flex w-fit items-center gap-2 rounded-md text-sm text-slate-700 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
      {...aria}
    >
      <span
        className={cn(
          'relative inline-flex h-5 w-9 shrink-0 rounded-full transition-colors',
          checked ? 'bg-brand-600' : 'bg-slate-300',
        )}
      >
        <span
          className={cn(
            'absolute top-0.5 size-4 rounded-full bg-white shadow transition-transform',
            checked ? 'translate-x-4.5' : 'translate-x-0.5',
          )}
        />
      </span>
      {checked ? 'On' : 'Off'}
    </button>
  );
}
