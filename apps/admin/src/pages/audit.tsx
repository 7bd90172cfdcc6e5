import type { RouterOutputs } from '@kapas/api';
import {
  Alert,
  Badge,
  Button,
  type Column,
  DataTable,
  Drawer,
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
import { keepPreviousData } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { Download, ShieldCheck } from 'lucide-react';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { formatDateTime } from '../lib/format';
import type { AuditSearch } from '../lib/search';

type Entry = RouterOutputs['audit']['list']['items'][number];
type VerifyResult = RouterOutputs['audit']['verify'];

const PAGE_SIZE = 25;

/** `datetime-local` value (local time) → ISO instant, or undefined when empty or invalid. */
function toIso(local: string): string | undefined {
  if (!local) return undefined;
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

function filtersOf(search: AuditSearch) {
  const from = toIso(search.from);
  const to = toIso(search.to);
  return {
    ...(search.actor ? { actorEmail: search.actor } : {}),
    ...(search.action ? { action: search.action } : {}),
    ...(search.entityType ? { entityType: search.entityType } : {}),
    ...(search.entityId ? { entityId: search.entityId } : {}),
    ...(/^[0-9a-f-]{36}$/i.test(search.partnerId) ? { partnerId: search.partnerId } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

export function AuditPage() {
  const search = useSearch({ from: '/app/audit' });
  const navigate = useNavigate({ from: '/audit' });
  const [openId, setOpenId] = useState<number | null>(null);
  const setSearch = useCallback(
    (patch: Partial<AuditSearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  );
  const filters = filtersOf(search);
  const list = trpc.audit.list.useQuery(
    { page: search.page, pageSize: PAGE_SIZE, ...filters },
    { placeholderData: keepPreviousData },
  );

  const columns: Column<Entry, never>[] = [
    {
      id: 'at',
      header: 'Time',
      className: 'whitespace-nowrap',
      cell: (e) => (
        <button
          type="button"
          className="text-left text-brand-700 hover:underline focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
          onClick={() => setOpenId(e.id)}
          aria-label={`Details of entry ${e.id}`}
        >
          {formatDateTime(e.at)}
        </button>
      ),
    },
    {
      id: 'actor',
      header: 'Actor',
      cell: (e) =>
        e.actorEmail ? (
          <div className="leading-tight">
            <div className="text-slate-900">{e.actorName ?? e.actorEmail}</div>
            <div className="text-xs text-slate-500">
              {e.actorEmail}
              {e.actorRole ? ` · ${e.actorRole}` : ''}
            </div>
          </div>
        ) : (
          <span className="text-slate-400">System / anonymous</span>
        ),
    },
    { id: 'action', header: 'Action', cell: (e) => <span className="font-mono text-xs">{e.action}</span> },
    {
      id: 'entity',
      header: 'Entity',
      cell: (e) => (
        <span className="text-xs">
          {e.entityType}
          {e.entityId ? <span className="block font-mono text-slate-500">{e.entityId}</span> : null}
        </span>
      ),
    },
    { id: 'ip', header: 'IP', cell: (e) => <span className="font-mono text-xs">{e.ip ?? '—'}</span> },
  ];

  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title="Audit log"
        description="Every change, sign-in and intervention, newest first. Rows are chained by hash so tampering shows."
        actions={
          <>
            <VerifyButton onOpen={setOpenId} />
            <ExportButton filters={filters} />
          </>
        }
      />
      <Filters search={search} onApply={(patch) => setSearch({ ...patch, page: 1 })} />
      <DataTable<Entry, never>
        label="Audit entries"
        columns={columns}
        rows={list.data?.items}
        rowKey={(e) => String(e.id)}
        total={list.data?.total ?? 0}
        page={search.page}
        pageSize={PAGE_SIZE}
        onPageChange={(page) => setSearch({ page })}
        isLoading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        emptyTitle="No audit entries match these filters"
      />
      <Drawer
        open={openId !== null}
        onOpenChange={(open) => (open ? undefined : setOpenId(null))}
        title={`Audit entry ${openId ?? ''}`}
      >
        {openId !== null ? <EntryDetail id={openId} /> : null}
      </Drawer>
    </div>
  );
}

type FilterDraft = Omit<AuditSearch, 'page'>;

function Filters({ search, onApply }: { search: AuditSearch; onApply: (patch: FilterDraft) => void }) {
  const [draft, setDraft] = useState<FilterDraft>(search);
  const [errors, setErrors] = useState<Partial<Record<keyof FilterDraft, string>>>({});
  useEffect(() => setDraft(search), [search]);
  const field = (key: keyof FilterDraft) => ({
    value: draft[key],
    onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value })),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (draft.partnerId && !/^[0-9a-f-]{36}$/i.test(draft.partnerId.trim())) found.partnerId = 'Enter a partner id (UUID)';
    if (draft.from && draft.to && new Date(draft.from) > new Date(draft.to)) found.to = 'The end must be after the start';
    setErrors(found);
    if (Object.keys(found).length) return;
    onApply({
      actor: draft.actor.trim(),
      action: draft.action.trim(),
      entityType: draft.entityType.trim(),
      entityId: draft.entityId.trim(),
      partnerId: draft.partnerId.trim(),
      from: draft.from,
      to: draft.to,
    });
  };
  const clear = () => onApply({ actor: '', action: '', entityType: '', entityId: '', partnerId: '', from: '', to: '' });
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label="Audit filters"
      className="mb-4 grid gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-4"
    >
      <FormField label="Actor email">
        <Input type="email" placeholder="name@kapas.local" {...field('actor')} />
      </FormField>
      <FormField label="Action" hint="Prefix, e.g. auth.">
        <Input placeholder="auth." {...field('action')} />
      </FormField>
      <FormField label="Entity type">
        <Input placeholder="user" {...field('entityType')} />
      </FormField>
      <FormField label="Entity id">
        <Input {...field('entityId')} />
      </FormField>
      <FormField label="Partner id" error={errors.partnerId}>
        <Input {...field('partnerId')} />
      </FormField>
      <FormField label="From">
        <Input type="datetime-local" {...field('from')} />
      </FormField>
      <FormField label="To" error={errors.to}>
        <Input type="datetime-local" {...field('to')} />
      </FormField>
      <div className="flex items-end gap-2">
        <Button type="submit">Apply filters</Button>
        <Button type="button" variant="ghost" onClick={clear}>
          Clear
        </Button>
      </div>
    </form>
  );
}

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <p className="text-sm text-slate-400">None</p>;
  return (
    <pre className="overflow-x-auto rounded-md bg-slate-50 p-3 font-mono text-xs text-slate-800">
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

function EntryDetail({ id }: { id: number }) {
  const entry = trpc.audit.get.useQuery({ id });
  if (entry.isPending) return <LoadingState />;
  if (entry.isError) return <ErrorState error={entry.error} onRetry={() => void entry.refetch()} />;
  const e = entry.data;
  const rows: [string, string | null][] = [
    ['Time', formatDateTime(e.at)],
    ['Action', e.action],
    ['Entity', `${e.entityType}${e.entityId ? ` · ${e.entityId}` : ''}`],
    ['Actor', e.actorEmail ? `${e.actorName ?? ''} <${e.actorEmail}>` : 'System / anonymous'],
    ['Actor role', e.actorRole],
    ['Partner', e.partnerId],
    ['IP address', e.ip],
    ['User agent', e.userAgent],
    ['Request id', e.requestId],
    ['Session id', e.sessionId],
  ];
  return (
    <div className="grid gap-5" data-testid="audit-detail">
      <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-2 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="break-all text-slate-900">{value ?? '—'}</dd>
          </div>
        ))}
      </dl>
      <section>
        <h3 className="mb-2 text-sm font-semibold text-slate-900">Old values</h3>
        <Json value={e.oldValues} />
      </section>
      <section>
        <h3 className="mb-2 text-sm font-semibold text-slate-900">New values</h3>
        <Json value={e.newValues} />
      </section>
      <section className="grid gap-1 text-xs text-slate-500">
        <div>
          Previous hash: <span className="font-mono break-all">{e.prevHash}</span>
        </div>
        <div>
          Hash: <span className="font-mono break-all">{e.hash}</span>
        </div>
      </section>
    </div>
  );
}

function ExportButton({ filters }: { filters: ReturnType<typeof filtersOf> }) {
  const exportCsv = trpc.audit.exportCsv.useMutation({
    onSuccess: (result) => {
      const url = URL.createObjectURL(new Blob([result.csv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = result.filename;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1_000);
      toast.success(
        result.truncated
          ? `Exported the newest ${result.rows} rows (narrow the filters for more)`
          : `Exported ${result.rows} rows`,
      );
    },
    onError: (error) => {
      const fields = firstFieldErrors(error);
      toast.error(Object.values(fields)[0] ?? errorMessage(error));
    },
  });
  return (
    <Button variant="secondary" onClick={() => exportCsv.mutate(filters)} loading={exportCsv.isPending}>
      <Download aria-hidden /> Export CSV
    </Button>
  );
}

function VerifyButton({ onOpen }: { onOpen: (id: number) => void }) {
  const utils = trpc.useUtils();
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const verify = async () => {
    setPending(true);
    setError(null);
    try {
      setResult(await utils.audit.verify.fetch(undefined, { staleTime: 0 }));
    } catch (e) {
      setResult(null);
      setError(e);
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="flex items-center gap-2">
      {result ? (
        result.ok ? (
          <Badge tone="success" data-testid="verify-result" role="status">
            Chain OK · {result.rows} rows
          </Badge>
        ) : (
          <Badge tone="danger" data-testid="verify-result" role="status">
            Broken at{' '}
            <button type="button" className="underline" onClick={() => onOpen(result.firstBrokenId)}>
              entry {result.firstBrokenId}
            </button>{' '}
            ({result.rows} rows intact before it)
          </Badge>
        )
      ) : null}
      {error ? <Alert className="py-1">{errorMessage(error)}</Alert> : null}
      <Button variant="secondary" onClick={() => void verify()} loading={pending}>
        <ShieldCheck aria-hidden /> Verify chain
      </Button>
    </div>
  );
}
