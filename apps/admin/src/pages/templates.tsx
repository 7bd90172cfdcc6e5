import type { RouterOutputs } from '@kapas/api';
import {
  Alert,
  Badge,
  Button,
  Card,
  cn,
  EmptyState,
  ErrorState,
  errorMessage,
  FormField,
  firstFieldErrors,
  Input,
  inputClass,
  LoadingState,
  PageHeader,
  toast,
  trpc,
} from '@kapas/ui';
import { Mail, MessageSquare } from 'lucide-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { formatRelative, humanize } from '../lib/format';
import { useCan } from '../lib/permissions';

type Template = RouterOutputs['templates']['list'][number];

const keyOf = (t: Pick<Template, 'code' | 'channel'>) => `${t.code}:${t.channel}`;

/** Values the preview puts in place of each placeholder; anything else shows as `[name]`. */
const SAMPLE_VALUES: Record<string, string> = {
  name: 'Asha Patel',
  code: '482913',
  link: 'https://kapas.example/reset-password?token=sample',
  inviter: 'Ravi Kumar',
  partner: 'Shree Cotton Traders',
};

/** Friendlier names for the codes; an unknown code falls back to a humanized one. */
const TITLES: Record<string, string> = {
  SIGN_IN_OTP: 'Sign-in code',
  PASSWORD_RESET: 'Password reset',
  INVITE: 'Invitation',
  PASSWORD_CHANGED: 'Password changed',
  VERIFY_EMAIL_OTP: 'Email verification code',
  VERIFY_MOBILE_OTP: 'Mobile verification code',
};
const titleOf = (code: string) => TITLES[code] ?? humanize(code);

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}\}/g;

function preview(text: string): string {
  return text.replace(PLACEHOLDER, (_m, name: string) => SAMPLE_VALUES[name] ?? `[${name}]`);
}

/** Emails and SMS the platform sends: pick one, edit it with its placeholders, preview it, save it. */
export function TemplatesPage() {
  const canEdit = useCan('settings:write');
  const list = trpc.templates.list.useQuery(undefined, { enabled: canEdit });
  const [selected, setSelected] = useState<string | null>(null);

  const header = (
    <PageHeader
      title="Message templates"
      description="The emails and text messages Kapas sends. Placeholders in {{double braces}} are filled in when a message goes out."
    />
  );
  if (!canEdit) {
    return (
      <div className="mx-auto max-w-6xl">
        {header}
        <EmptyState title="Not available" description="You need the settings:write permission to edit message templates." />
      </div>
    );
  }
  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;

  const current = list.data.find((t) => keyOf(t) === selected) ?? list.data[0];

  return (
    <div className="mx-auto max-w-6xl">
      {header}
      {!current ? (
        <Card>
          <EmptyState title="No templates" description="The server defines no message templates." />
        </Card>
      ) : (
        <div className="grid gap-6 lg:grid-cols-[18rem_minmax(0,1fr)]">
          <Card className="self-start overflow-hidden">
            <ul aria-label="Templates" className="divide-y divide-slate-100">
              {list.data.map((t) => {
                const active = keyOf(t) === keyOf(current);
                return (
                  <li key={keyOf(t)}>
                    <button
                      type="button"
                      aria-current={active ? 'true' : undefined}
                      aria-label={`${t.code} ${t.channel === 'EMAIL' ? 'email' : 'SMS'}`}
                      onClick={() => setSelected(keyOf(t))}
                      className={cn(
                        'flex w-full items-center gap-2 px-4 py-2.5 text-left text-sm hover:bg-slate-50 focus-visible:bg-slate-50 focus-visible:outline-none',
                        active && 'bg-brand-50 hover:bg-brand-50',
                      )}
                    >
                      {t.channel === 'EMAIL' ? (
                        <Mail className="size-4 shrink-0 text-slate-400" aria-hidden />
                      ) : (
                        <MessageSquare className="size-4 shrink-0 text-slate-400" aria-hidden />
                      )}
                      <span className="min-w-0 flex-1">
                        <span className="block truncate font-medium text-slate-900">{titleOf(t.code)}</span>
                        <span className="block truncate font-mono text-xs text-slate-500">
                          {t.code} · {t.channel}
                        </span>
                      </span>
                      {t.customised ? <Badge tone="brand">Customised</Badge> : null}
                    </button>
                  </li>
                );
              })}
            </ul>
          </Card>
          <TemplateEditor key={keyOf(current)} template={current} />
        </div>
      )}
    </div>
  );
}

type Field = 'subject' | 'body';

function TemplateEditor({ template }: { template: Template }) {
  const [subject, setSubject] = useState(template.subject ?? '');
  const [body, setBody] = useState(template.body);
  const [errors, setErrors] = useState<{ subject?: string; body?: string; form?: string }>({});
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const lastField = useRef<Field>('body');
  const pendingCursor = useRef<{ field: Field; at: number } | null>(null);
  const isEmail = template.channel === 'EMAIL';

  // After a chip inserted a placeholder, put the cursor right after it.
  useEffect(() => {
    const pending = pendingCursor.current;
    if (!pending) return;
    pendingCursor.current = null;
    const el = pending.field === 'subject' ? subjectRef.current : bodyRef.current;
    el?.focus();
    el?.setSelectionRange(pending.at, pending.at);
  });

  const utils = trpc.useUtils();
  const update = trpc.templates.update.useMutation({
    onSuccess: () => {
      toast.success(`Saved ${template.code} (${template.channel === 'EMAIL' ? 'email' : 'SMS'})`);
      setErrors({});
      void utils.templates.list.invalidate();
    },
    onError: (e) => {
      const fields = firstFieldErrors(e);
      const next = { ...(fields.subject ? { subject: fields.subject } : {}), ...(fields.body ? { body: fields.body } : {}) };
      setErrors(Object.keys(next).length ? next : { form: errorMessage(e) });
    },
  });

  const insert = (name: string) => {
    const field: Field = isEmail ? lastField.current : 'body';
    const el = field === 'subject' ? subjectRef.current : bodyRef.current;
    const value = field === 'subject' ? subject : body;
    const token = `{{${name}}}`;
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    const next = value.slice(0, start) + token + value.slice(end);
    pendingCursor.current = { field, at: start + token.length };
    if (field === 'subject') setSubject(next);
    else setBody(next);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!body.trim()) {
      setErrors({ body: 'The message cannot be empty' });
      return;
    }
    update.mutate({ code: template.code, channel: template.channel, subject: isEmail ? subject : null, body });
  };
  const dirty = body !== template.body || (isEmail && subject !== (template.subject ?? ''));

  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <Card className="p-5">
        <form onSubmit={submit} noValidate aria-label="Edit template" className="grid gap-4">
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="text-sm font-semibold text-slate-900">
              {titleOf(template.code)} · {isEmail ? 'Email' : 'SMS'}
            </h2>
            {template.customised ? <Badge tone="brand">Customised</Badge> : <Badge>Built-in</Badge>}
            <span className="ml-auto text-xs text-slate-500">
              Last changed {template.updatedAt ? formatRelative(template.updatedAt) : 'never'}
            </span>
          </div>
          {errors.form ? <Alert>{errors.form}</Alert> : null}
          {isEmail ? (
            <FormField label="Subject" error={errors.subject}>
              <Input
                ref={subjectRef}
                value={subject}
                maxLength={200}
                onChange={(e) => setSubject(e.target.value)}
                onFocus={() => {
                  lastField.current = 'subject';
                }}
              />
            </FormField>
          ) : null}
          <FormField label="Body" error={errors.body}>
            <textarea
              ref={bodyRef}
              value={body}
              rows={10}
              maxLength={5000}
              onChange={(e) => setBody(e.target.value)}
              onFocus={() => {
                lastField.current = 'body';
              }}
              className={cn(inputClass, 'h-auto py-2 font-mono text-xs leading-relaxed')}
            />
          </FormField>
          <fieldset>
            <legend className="mb-1.5 text-xs font-medium text-slate-700">Placeholders (click to insert at the cursor)</legend>
            <div className="flex flex-wrap gap-1.5">
              {template.variables.length ? (
                template.variables.map((name) => (
                  <button
                    key={name}
                    type="button"
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => insert(name)}
                    className="rounded-full bg-slate-100 px-2.5 py-0.5 font-mono text-xs text-slate-700 ring-1 ring-slate-200 ring-inset hover:bg-brand-50 hover:text-brand-700 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
                  >{`{{${name}}}`}</button>
                ))
              ) : (
                <span className="text-xs text-slate-500">This message takes no placeholders.</span>
              )}
            </div>
          </fieldset>
          <div className="flex justify-end gap-2">
            <Button
              type="button"
              variant="secondary"
              disabled={!dirty}
              onClick={() => {
                setSubject(template.subject ?? '');
                setBody(template.body);
                setErrors({});
              }}
            >
              Discard changes
            </Button>
            <Button type="submit" disabled={!dirty} loading={update.isPending}>
              Save template
            </Button>
          </div>
        </form>
      </Card>
      <Card className="self-start p-5" aria-label="Preview">
        <h2 className="mb-3 text-sm font-semibold text-slate-900">Preview with sample values</h2>
        <div className="rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm" data-testid="template-preview">
          {isEmail ? (
            <p className="mb-3 border-b border-slate-200 pb-2 font-medium text-slate-900">
              <span className="text-slate-500">Subject: </span>
              {preview(subject) || <span className="text-slate-400">(no subject)</span>}
            </p>
          ) : null}
          <p className="break-words whitespace-pre-wrap text-slate-800">{preview(body)}</p>
        </div>
        <p className="mt-2 text-xs text-slate-500">Unknown placeholders show as [name]; the server refuses them when you save.</p>
      </Card>
    </div>
  );
}
