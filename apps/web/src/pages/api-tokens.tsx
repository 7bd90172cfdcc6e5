import type { RouterInputs, RouterOutputs } from '@kapas/api';
import {
  Alert,
  Badge,
  Button,
  type Column,
  ConfirmDialog,
  Dialog,
  DialogClose,
  DialogContent,
  DialogFooter,
  errorMessage,
  FormField,
  formatAgo,
  formatDate,
  formatDateTime,
  Input,
  type Me,
  PageHeader,
  Select,
  toast,
  trpc,
} from '@kapas/ui';
import { Check, Copy, KeyRound, TriangleAlert } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { CapabilityPicker } from '../components/capability-picker';
import { FormDialogFooter } from '../components/form-dialog-footer';
import { PrimaryUserPage } from '../components/primary-user-page';
import { WholeListTable } from '../components/whole-list-table';
import { capabilityLabel, delegable } from '../lib/capabilities';
import { formErrors } from '../lib/errors';

type Token = RouterOutputs['apiTokens']['list'][number];
type Scopes = RouterInputs['apiTokens']['create']['scopes'];

const EXPIRY_OPTIONS = [7, 30, 90, 180, 365] as const;

function tokenState(token: Token, now = Date.now()): { label: string; tone: 'success' | 'neutral' | 'danger' } {
  if (token.revokedAt) return { label: 'Revoked', tone: 'danger' };
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= now) return { label: 'Expired', tone: 'neutral' };
  return { label: 'Active', tone: 'success' };
}

/** Primary users create scoped tokens for integrations (shown once), see when they were used, and revoke them. */
export function ApiTokensPage() {
  return (
    <PrimaryUserPage
      title="API tokens"
      capability="token:manage"
      refusal="Only your company's primary user can manage API tokens"
    >
      {(me) => <Tokens me={me} />}
    </PrimaryUserPage>
  );
}

function Tokens({ me }: { me: Me }) {
  const utils = trpc.useUtils();
  const list = trpc.apiTokens.list.useQuery();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<Token | null>(null);
  const revoke = trpc.apiTokens.revoke.useMutation({
    onSuccess: () => {
      setRevoking(null);
      toast.success('Token revoked; it stops working at once');
    },
    onError: (error) => toast.error(errorMessage(error)),
    onSettled: () => void utils.apiTokens.list.invalidate(),
  });

  const columns: Column<Token, never>[] = [
    { id: 'name', header: 'Name', cell: (t) => <span className="font-medium text-slate-900">{t.name}</span> },
    {
      id: 'scopes',
      header: 'Permissions',
      cell: (t) => (
        <div className="flex max-w-xs flex-wrap gap-1">
          {t.scopes.map((s) => (
            <Badge key={s} title={capabilityLabel(s)}>
              {s}
            </Badge>
          ))}
        </div>
      ),
    },
    { id: 'created', header: 'Created', cell: (t) => <span className="text-slate-600">{formatDate(t.createdAt)}</span> },
    { id: 'expires', header: 'Expires', cell: (t) => <span className="text-slate-600">{formatDate(t.expiresAt)}</span> },
    {
      id: 'lastUsed',
      header: 'Last used',
      cell: (t) => (
        <span className="text-slate-600" title={formatDateTime(t.lastUsedAt)}>
          {t.lastUsedAt ? formatAgo(t.lastUsedAt) : 'Never'}
        </span>
      ),
    },
    {
      id: 'status',
      header: 'Status',
      cell: (t) => {
        const state = tokenState(t);
        return <Badge tone={state.tone}>{state.label}</Badge>;
      },
    },
    {
      id: 'actions',
      header: <span className="sr-only">Actions</span>,
      className: 'text-right',
      cell: (t) =>
        tokenState(t).label === 'Active' ? (
          <Button variant="secondary" size="sm" onClick={() => setRevoking(t)} aria-label={`Revoke ${t.name}`}>
            Revoke
          </Button>
        ) : null,
    },
  ];

  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title="API tokens"
        description="Tokens let your own software use Kapas through the typed client, with only the permissions you choose."
        actions={
          <Button onClick={() => setCreating(true)}>
            <KeyRound aria-hidden />
            Create token
          </Button>
        }
      />
      <WholeListTable
        label="API tokens"
        columns={columns}
        query={list}
        rowKey={(t) => t.id}
        emptyTitle="No API tokens yet"
        rowClassName={(t) => (tokenState(t).label === 'Active' ? undefined : 'opacity-60')}
      />
      {creating ? <CreateTokenDialog options={delegable(me.capabilities)} onClose={() => setCreating(false)} /> : null}
      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(open) => !open && setRevoking(null)}
        title={`Revoke “${revoking?.name ?? ''}”?`}
        description="Software using this token stops working at once. This cannot be undone."
        confirmLabel="Revoke token"
        onConfirm={() => revoking && revoke.mutate({ id: revoking.id })}
        pending={revoke.isPending}
      />
    </div>
  );
}

type CreateErrors = { name?: string; scopes?: string; expiresInDays?: string };

function CreateTokenDialog({ options, onClose }: { options: string[]; onClose: () => void }) {
  const utils = trpc.useUtils();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(() => options.filter((c) => c.endsWith(':read')));
  const [expiresInDays, setExpiresInDays] = useState(90);
  const [errors, setErrors] = useState<CreateErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const create = trpc.apiTokens.create.useMutation({
    onSuccess: () => void utils.apiTokens.list.invalidate(),
    onError: (error) => {
      const { fields, form } = formErrors(error, ['name', 'scopes', 'expiresInDays'] as const);
      setErrors(fields);
      setFormError(form);
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const found: CreateErrors = {};
    if (name.trim().length < 2) found.name = 'Give the token a name';
    if (scopes.length === 0) found.scopes = 'Choose at least one permission';
    setErrors(found);
    if (Object.keys(found).length) return;
    create.mutate({ name: name.trim(), scopes: scopes as Scopes, expiresInDays });
  };

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      {create.data ? (
        <DialogContent
          title="Copy your new token"
          description={`“${create.data.view.name}” expires on ${formatDate(create.data.view.expiresAt)}.`}
          onInteractOutside={(e) => e.preventDefault()}
        >
          <ShowOnce token={create.data.token} />
          <DialogFooter>
            <DialogClose asChild>
              <Button>I have stored it safely</Button>
            </DialogClose>
          </DialogFooter>
        </DialogContent>
      ) : (
        <DialogContent
          title="Create an API token"
          description="The token can do only what you choose here, and never more than you can."
        >
          <form onSubmit={submit} noValidate className="grid gap-4" aria-label="Create an API token">
            {formError ? <Alert>{formError}</Alert> : null}
            <FormField label="Name" error={errors.name} hint="Where it is used, e.g. “ERP sync”">
              <Input name="name" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
            </FormField>
            <CapabilityPicker legend="Permissions" options={options} value={scopes} onChange={setScopes} error={errors.scopes} />
            <FormField label="Expires after" error={errors.expiresInDays}>
              <Select name="expiresInDays" value={expiresInDays} onChange={(e) => setExpiresInDays(Number(e.target.value))}>
                {EXPIRY_OPTIONS.map((days) => (
                  <option key={days} value={days}>
                    {days} days
                  </option>
                ))}
              </Select>
            </FormField>
            <FormDialogFooter submitLabel="Create token" pending={create.isPending} />
          </form>
        </DialogContent>
      )}
    </Dialog>
  );
}

function ShowOnce({ token }: { token: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
      toast.success('Token copied');
    } catch {
      toast.error('Could not copy: select the token and copy it yourself');
    }
  };
  return (
    <div className="grid gap-3">
      <Alert className="flex items-start gap-2">
        <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
        <span>This is the only time the token is shown. Store it in a secret manager now — Kapas keeps only a hash of it.</span>
      </Alert>
      <div className="flex gap-2">
        <Input
          readOnly
          value={token}
          aria-label="New API token"
          data-testid="new-api-token"
          className="font-mono text-xs"
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button variant="secondary" onClick={() => void copy()} aria-label="Copy token">
          {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </div>
    </div>
  );
}
