import {
  Alert,
  Badge,
  Button,
  Card,
  ErrorState,
  formatDateTime,
  hasCapability,
  LoadingState,
  PageHeader,
  trpc,
  useMe,
} from '@kapas/ui';
import { Pencil } from 'lucide-react';
import { type ReactNode, useState } from 'react';
import { ListEditor } from './list-editor';
import { MyChangeRequests } from './my-change-requests';
import { ProfileEditor } from './profile-editor';
import { type Company, type ListSection, SECTIONS } from './sections';

type Editing = 'profile' | ListSection | null;

/** The partner's own profile, read-only; every change is proposed per section (DOMAIN §4 change requests). */
export function CompanyPage() {
  const me = useMe();
  const company = trpc.company.get.useQuery();
  const [editing, setEditing] = useState<Editing>(null);
  // Sub-users limited to some branches are refused by the server; the form shows its message.
  const canChange = hasCapability(me.data, 'company:manage');

  if (company.isPending) return <LoadingState />;
  if (company.isError) return <ErrorState error={company.error} onRetry={() => void company.refetch()} />;
  const c = company.data;
  const p = c.partner;

  const editButton = (section: Exclude<Editing, null>) =>
    canChange && editing !== section ? (
      <Button variant="secondary" size="sm" onClick={() => setEditing(section)} data-testid={`propose-${section}`}>
        <Pencil aria-hidden /> Propose a change
      </Button>
    ) : null;

  return (
    <div className="mx-auto grid max-w-5xl gap-4">
      <PageHeader
        title={p.tradeName ?? p.legalName}
        description={`${p.number ?? ''} · ${p.businessType.toLowerCase()} · version ${c.latestVersion}`}
        actions={<Badge tone={p.status === 'ACTIVE' ? 'success' : 'warning'}>{p.status.toLowerCase().replace('_', ' ')}</Badge>}
      />
      {c.openChangeRequests.length ? (
        <Alert>
          {c.openChangeRequests.length} change request(s) are waiting for approval. Your profile shows the approved values until
          then.
        </Alert>
      ) : null}
      <Section title="Company details" action={editButton('profile')}>
        {editing === 'profile' ? (
          <ProfileEditor company={c} onDone={() => setEditing(null)} />
        ) : (
          <dl className="grid gap-3 sm:grid-cols-3" data-testid="company-profile">
            <Fact label="Legal name" value={p.legalName} />
            <Fact label="Trade name" value={p.tradeName} />
            <Fact label="PAN" value={p.pan} />
            <Fact label="GSTIN" value={p.gstin} testId="company-gstin" />
            <Fact label="CIN" value={p.cin} />
            <Fact label="TAN" value={p.tan} />
            <Fact label="KYC verified" value={formatDateTime(c.kyc.verifiedAt)} />
            <Fact label="KYC due" value={formatDateTime(c.kyc.dueAt)} />
          </dl>
        )}
      </Section>
      {(Object.keys(SECTIONS) as ListSection[]).map((section) => (
        <Section key={section} title={SECTIONS[section].title} action={editButton(section)}>
          {editing === section ? (
            <ListEditor section={section} rows={rowsOf(c, section)} onDone={() => setEditing(null)} />
          ) : (
            <ReadOnlyList company={c} section={section} />
          )}
        </Section>
      ))}
      <MyChangeRequests canChange={canChange} />
    </div>
  );
}

function rowsOf(c: Company, section: ListSection): Record<string, unknown>[] {
  return c[section] as unknown as Record<string, unknown>[];
}

function ReadOnlyList({ company, section }: { company: Company; section: ListSection }) {
  const rows = rowsOf(company, section);
  if (rows.length === 0) return <p className="text-sm text-slate-500">None on record.</p>;
  const fields = SECTIONS[section].fields;
  return (
    <ul className="grid gap-2" data-testid={`company-${section}`}>
      {rows.map((row) => (
        <li key={String(row.id)} className="rounded-lg border border-slate-100 p-3 text-sm">
          {fields
            .filter((f) => f.kind !== 'checkbox')
            .map((f) => row[f.name])
            .filter((v) => typeof v === 'string' && v !== '')
            .join(' · ')}
          {fields
            .filter((f) => f.kind === 'checkbox' && f.name !== 'active' && row[f.name] === true)
            .map((f) => (
              <Badge key={f.name} className="ml-2">
                {f.label.toLowerCase()}
              </Badge>
            ))}
          {row.active === false ? <Badge className="ml-2">inactive</Badge> : null}
        </li>
      ))}
    </ul>
  );
}

function Section({ title, action, children }: { title: string; action: ReactNode; children: ReactNode }) {
  return (
    <Card className="p-4">
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 className="text-base font-semibold text-slate-900">{title}</h2>
        {action}
      </div>
      {children}
    </Card>
  );
}

function Fact({ label, value, testId }: { label: string; value: string | null; testId?: string }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900" data-testid={testId}>
        {value ?? '—'}
      </dd>
    </div>
  );
}
