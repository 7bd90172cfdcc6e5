import type { RouterOutputs } from '@kapas/api';
import {
  Alert,
  Badge,
  Button,
  Card,
  errorMessage,
  LoadingState,
  PageHeader,
  Tabs,
  TabsContent,
  TabsList,
  TabsTrigger,
  trpc,
} from '@kapas/ui';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { formatDateTime, humanize } from '../../lib/format';
import { useCan } from '../../lib/permissions';
import { ChangeRequestsTab } from './change-requests-tab';
import { EMPTY_PARTNERS_SEARCH, partnerStatusTone } from './search';
import { Facts, SimpleTable } from './simple-table';
import { ACTION_LABEL, ACTIONS_BY_STATUS, type StatusAction, StatusDialog } from './status-dialog';
import { VersionsTab } from './versions-tab';

type View = RouterOutputs['partners']['get'];

export function PartnerDetailPage() {
  const { id } = useParams({ from: '/app/partners/$id' });
  const partner = trpc.partners.get.useQuery({ id });
  const canManage = useCan('partner:manage');
  const [action, setAction] = useState<StatusAction | null>(null);

  if (partner.isPending) return <LoadingState />;
  if (partner.isError) return <Alert>{errorMessage(partner.error)}</Alert>;
  const v = partner.data;
  const p = v.partner;
  const actions = canManage ? (ACTIONS_BY_STATUS[p.status] ?? []) : [];

  return (
    <div className="mx-auto max-w-6xl">
      <p className="mb-2 text-sm">
        <Link to="/partners" search={EMPTY_PARTNERS_SEARCH} className="text-brand-700 hover:underline">
          ← Partners
        </Link>
      </p>
      <PageHeader
        title={
          <span className="flex items-center gap-3">
            {p.tradeName ?? p.legalName}
            <Badge tone={partnerStatusTone(p.status)} data-testid="partner-status">
              {humanize(p.status)}
            </Badge>
          </span>
        }
        description={`${p.number ?? 'No number yet'} · ${humanize(p.businessType)} · ${p.legalName}`}
        actions={actions.map((a) => (
          <Button
            key={a}
            variant={a === 'REINSTATE' ? 'default' : a === 'SUSPEND' ? 'secondary' : 'destructive'}
            onClick={() => setAction(a)}
            data-testid={`status-${a.toLowerCase()}`}
          >
            {ACTION_LABEL[a]}
          </Button>
        ))}
      />
      {p.statusReason ? <Alert>Status reason: {p.statusReason}</Alert> : null}
      <Tabs defaultValue="overview" className="mt-4">
        <TabsList aria-label="Partner sections">
          <TabsTrigger value="overview">Overview</TabsTrigger>
          <TabsTrigger value="branches">Branches ({v.branches.length})</TabsTrigger>
          <TabsTrigger value="bank">Bank ({v.bankAccounts.length})</TabsTrigger>
          <TabsTrigger value="contacts">Contacts ({v.contacts.length})</TabsTrigger>
          <TabsTrigger value="users">Users ({v.users.length})</TabsTrigger>
          <TabsTrigger value="versions">Versions ({v.latestVersion})</TabsTrigger>
          <TabsTrigger value="changes" data-testid="tab-changes">
            Change requests
          </TabsTrigger>
        </TabsList>
        <TabsContent value="overview">
          <Overview view={v} />
        </TabsContent>
        <TabsContent value="branches">
          <SimpleTable
            label="Branches"
            rows={v.branches}
            rowKey={(b) => b.id}
            empty="No branches"
            columns={[
              { header: 'Code', cell: (b) => <span className="font-mono text-xs">{b.code}</span> },
              { header: 'Name', cell: (b) => (b.isHeadOffice ? `${b.name} (head office)` : b.name) },
              { header: 'GSTIN', cell: (b) => <span className="font-mono text-xs">{b.gstin ?? '—'}</span> },
              { header: 'Place', cell: (b) => `${b.line1}, ${b.city} ${b.pincode} (state ${b.stateCode})` },
              { header: 'Status', cell: (b) => (b.active ? 'Active' : 'Inactive') },
            ]}
          />
        </TabsContent>
        <TabsContent value="bank">
          <SimpleTable
            label="Bank accounts"
            rows={v.bankAccounts}
            rowKey={(b) => b.id}
            empty="No bank accounts"
            columns={[
              { header: 'Account', cell: (b) => <span className="font-mono text-xs">{b.accountNumber}</span> },
              { header: 'Name', cell: (b) => b.accountName },
              { header: 'Bank / IFSC', cell: (b) => `${b.bankName} · ${b.ifsc}` },
              { header: 'Primary', cell: (b) => (b.isPrimary ? 'Yes' : '') },
              { header: 'Verified', cell: (b) => formatDateTime(b.verifiedAt) },
            ]}
          />
        </TabsContent>
        <TabsContent value="contacts">
          <SimpleTable
            label="Contacts"
            rows={v.contacts}
            rowKey={(c) => c.id}
            empty="No contacts"
            columns={[
              { header: 'Name', cell: (c) => (c.isPrimary ? `${c.name} (primary)` : c.name) },
              { header: 'Designation', cell: (c) => c.designation ?? '—' },
              { header: 'Email', cell: (c) => c.email },
              { header: 'Mobile', cell: (c) => c.mobile },
            ]}
          />
        </TabsContent>
        <TabsContent value="users">
          <SimpleTable
            label="Users"
            rows={v.users}
            rowKey={(u) => u.id}
            empty="No users yet"
            columns={[
              {
                header: 'User',
                cell: (u) => (
                  <Link to="/users/$id" params={{ id: u.id }} className="hover:underline">
                    {u.name} <span className="text-xs text-slate-500">{u.email}</span>
                  </Link>
                ),
              },
              { header: 'Kind', cell: (u) => (u.isPrimary ? 'Primary' : 'Sub-user') },
              { header: 'Branches', cell: (u) => (u.branchIds?.length ? `${u.branchIds.length} branch(es)` : 'All') },
              { header: 'Status', cell: (u) => humanize(u.status) },
              { header: 'Last sign-in', cell: (u) => formatDateTime(u.lastSignInAt) },
            ]}
          />
        </TabsContent>
        <TabsContent value="versions">
          <VersionsTab partnerId={id} />
        </TabsContent>
        <TabsContent value="changes">
          <ChangeRequestsTab partnerId={id} />
        </TabsContent>
      </Tabs>
      <StatusDialog partnerId={id} action={action} onClose={() => setAction(null)} />
    </div>
  );
}

function Overview({ view }: { view: View }) {
  const p = view.partner;
  return (
    <div className="grid gap-4">
      <Card className="p-4">
        <Facts
          items={[
            ['Legal name', p.legalName],
            ['Trade name', p.tradeName],
            ['Registration', humanize(p.registrationType)],
            ['PAN', p.pan],
            ['GSTIN', p.gstin],
            ['CIN', p.cin],
            ['TAN', p.tan],
            ['Email', p.email],
            ['Mobile', p.mobile],
            ['Channel', humanize(p.channel)],
            ['Created', formatDateTime(p.createdAt)],
            ['Approved', formatDateTime(p.approvedAt)],
            ['KYC verified', formatDateTime(view.kyc.verifiedAt)],
            ['KYC due', formatDateTime(view.kyc.dueAt)],
            ['Certifications', String(view.certificationsCount)],
          ]}
        />
      </Card>
      <Card className="p-4">
        <h2 className="mb-2 text-sm font-semibold text-slate-900">Addresses</h2>
        {view.addresses.length === 0 ? (
          <p className="text-sm text-slate-500">No addresses.</p>
        ) : (
          <ul className="grid gap-1 text-sm">
            {view.addresses.map((a) => (
              <li key={a.id}>
                <Badge>{humanize(a.kind)}</Badge> {[a.label, a.line1, a.line2, a.city, a.pincode].filter(Boolean).join(', ')}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {view.openChangeRequests.length ? (
        <Alert>
          {view.openChangeRequests.length} change request(s) waiting for approval:{' '}
          {view.openChangeRequests.map((c) => c.keys.map(humanize).join(', ')).join('; ')}
        </Alert>
      ) : null}
    </div>
  );
}
