import { hasCapability, PageHeader, Tabs, TabsContent, TabsList, TabsTrigger, useMe } from '@kapas/ui';
import { CertificationQueue } from './certification-queue';
import { DocumentQueue } from './document-queue';
import { KycDueList } from './kyc-due';
import { KycSubmissions } from './kyc-submissions';

/** Back-office "Compliance": the review queues (certifications, documents, KYC renewals) and the KYC due list. */
export function CompliancePage() {
  const me = useMe();
  const can = (c: string) => hasCapability(me.data, c);
  const first = can('certification:verify') ? 'certifications' : can('document:verify') ? 'documents' : 'kyc';
  return (
    <div>
      <PageHeader
        title="Compliance"
        description="Verify certifications and documents, review KYC renewals and chase KYC that falls due."
      />
      <Tabs defaultValue={first}>
        <TabsList>
          {can('certification:verify') ? (
            <TabsTrigger value="certifications" data-testid="tab-certifications">
              Certifications
            </TabsTrigger>
          ) : null}
          {can('document:verify') ? (
            <TabsTrigger value="documents" data-testid="tab-documents">
              Documents
            </TabsTrigger>
          ) : null}
          <TabsTrigger value="kyc" data-testid="tab-kyc">
            KYC
          </TabsTrigger>
        </TabsList>
        {can('certification:verify') ? (
          <TabsContent value="certifications">
            <CertificationQueue />
          </TabsContent>
        ) : null}
        {can('document:verify') ? (
          <TabsContent value="documents">
            <DocumentQueue />
          </TabsContent>
        ) : null}
        <TabsContent value="kyc" className="grid gap-4">
          {can('kyc:manage') ? <KycSubmissions /> : null}
          <KycDueList />
        </TabsContent>
      </Tabs>
    </div>
  );
}
