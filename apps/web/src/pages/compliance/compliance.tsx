import { Card, hasCapability, LoadingState, PageHeader, Tabs, TabsContent, TabsList, TabsTrigger, useMe } from '@kapas/ui';
import { CertificationsPanel } from './certifications-panel';
import { DocumentsPanel } from './documents-panel';
import { KycPanel } from './kyc-panel';

/** Trader app "Compliance": company documents, certifications and annual KYC. */
export function CompliancePage() {
  const me = useMe();
  const partnerId = me.data?.partner?.id;
  if (!me.data || !partnerId) return <LoadingState />;
  const canManage = hasCapability(me.data, 'company:manage');
  return (
    <div>
      <PageHeader
        title="Compliance"
        description="Documents, certifications and KYC. Files are checked by content; up to 5 MB each."
      />
      <Tabs defaultValue="certifications">
        <TabsList>
          <TabsTrigger value="certifications" data-testid="tab-certifications">
            Certifications
          </TabsTrigger>
          <TabsTrigger value="documents" data-testid="tab-documents">
            Documents
          </TabsTrigger>
          <TabsTrigger value="kyc" data-testid="tab-kyc">
            KYC
          </TabsTrigger>
        </TabsList>
        <TabsContent value="certifications">
          <CertificationsPanel canManage={canManage} />
        </TabsContent>
        <TabsContent value="documents">
          <Card className="p-4">
            <h2 className="mb-3 text-base font-semibold text-slate-900">Company documents</h2>
            <DocumentsPanel
              ownerType="PARTNER"
              ownerId={partnerId}
              kinds={[
                'PAN_CARD',
                'GST_CERTIFICATE',
                'CANCELLED_CHEQUE',
                'INCORPORATION_CERTIFICATE',
                'ADDRESS_PROOF',
                'TRANSPORTER_DECLARATION',
                'AADHAAR',
                'OTHER',
              ]}
              canUpload={canManage}
              testId="company-documents"
            />
          </Card>
        </TabsContent>
        <TabsContent value="kyc">
          <KycPanel partnerId={partnerId} canManage={canManage} />
        </TabsContent>
      </Tabs>
    </div>
  );
}
