import { Button, FormField, Select } from '@kapas/ui';
import { useState } from 'react';
import { blank, type StepProps, TextField } from './form-kit';
import { BUSINESS_TYPES, REGISTRATION_TYPES } from './schemas';
import { useStep } from './use-step';

export const BUSINESS_LABELS: Record<string, string> = {
  BUYER: 'Buyer (spinning or textile mill)',
  SELLER: 'Seller (ginner, mill with surplus)',
  TRADER: 'Trader (buys and sells)',
  BROKER: 'Broker',
  SUB_BROKER: 'Sub-broker',
  TRANSPORTER: 'Transporter',
  CONTROLLER: 'Controller (quality / weighment)',
};

export function SaveButton({ saving, label = 'Save and continue' }: { saving: boolean; label?: string }) {
  return (
    <div className="flex justify-end pt-2">
      <Button type="submit" loading={saving} data-testid="step-save">
        {label}
      </Button>
    </div>
  );
}

export function CompanyStep(props: StepProps) {
  const c = props.draft.company;
  const [legalName, setLegalName] = useState(c.legalName);
  const [tradeName, setTradeName] = useState(c.tradeName ?? '');
  const [businessType, setBusinessType] = useState(c.businessType as (typeof BUSINESS_TYPES)[number]);
  const [registrationType, setRegistrationType] = useState(c.registrationType as (typeof REGISTRATION_TYPES)[number]);
  const { errors, submit } = useStep('company', props, () => ({
    legalName,
    tradeName: blank(tradeName),
    businessType,
    registrationType,
  }));
  return (
    <form onSubmit={submit} noValidate className="grid gap-4 sm:grid-cols-2" aria-label="Company">
      <TextField
        label="Legal name"
        value={legalName}
        onChange={(e) => setLegalName(e.target.value)}
        error={errors.legalName}
        data-testid="company-legalName"
      />
      <TextField
        label="Trade name (optional)"
        value={tradeName}
        onChange={(e) => setTradeName(e.target.value)}
        error={errors.tradeName}
        data-testid="company-tradeName"
      />
      <FormField label="Business type" error={errors.businessType}>
        <Select
          value={businessType}
          onChange={(e) => setBusinessType(e.target.value as typeof businessType)}
          data-testid="company-businessType"
        >
          {BUSINESS_TYPES.map((t) => (
            <option key={t} value={t}>
              {BUSINESS_LABELS[t]}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField label="Registration type" error={errors.registrationType}>
        <Select value={registrationType} onChange={(e) => setRegistrationType(e.target.value as typeof registrationType)}>
          {REGISTRATION_TYPES.map((t) => (
            <option key={t} value={t}>
              {t === 'COMPANY' ? 'Company / firm' : 'Individual'}
            </option>
          ))}
        </Select>
      </FormField>
      <div className="sm:col-span-2">
        <SaveButton saving={props.saving} />
      </div>
    </form>
  );
}

export function TaxStep(props: StepProps) {
  const t = props.draft.tax;
  const individual = props.draft.company.registrationType === 'INDIVIDUAL';
  const [pan, setPan] = useState(t.pan ?? '');
  const [gstin, setGstin] = useState(t.gstin ?? '');
  const [cin, setCin] = useState(t.cin ?? '');
  const [tan, setTan] = useState(t.tan ?? '');
  const [aadhaar, setAadhaar] = useState('');
  const { errors, submit } = useStep('tax', props, () => ({
    pan,
    gstin: blank(gstin),
    cin: blank(cin),
    tan: blank(tan),
    aadhaar: individual ? blank(aadhaar) : null,
  }));
  return (
    <form onSubmit={submit} noValidate className="grid gap-4 sm:grid-cols-2" aria-label="Tax registration">
      <TextField
        label="PAN"
        value={pan}
        onChange={(e) => setPan(e.target.value)}
        error={errors.pan}
        placeholder="ABCDE1234F"
        data-testid="tax-pan"
      />
      <TextField
        label="GSTIN"
        value={gstin}
        onChange={(e) => setGstin(e.target.value)}
        error={errors.gstin}
        hint="Required for buyers, sellers and traders"
        placeholder="24ABCDE1234F1Z5"
        data-testid="tax-gstin"
      />
      {individual ? (
        <TextField
          label="Aadhaar"
          value={aadhaar}
          onChange={(e) => setAadhaar(e.target.value)}
          error={errors.aadhaar}
          hint={t.aadhaarMasked ? `On file: ${t.aadhaarMasked}` : 'We keep only the last 4 digits'}
          inputMode="numeric"
          data-testid="tax-aadhaar"
        />
      ) : (
        <TextField
          label="CIN (optional)"
          value={cin}
          onChange={(e) => setCin(e.target.value)}
          error={errors.cin}
          data-testid="tax-cin"
        />
      )}
      <TextField label="TAN (optional)" value={tan} onChange={(e) => setTan(e.target.value)} error={errors.tan} />
      <div className="sm:col-span-2">
        <SaveButton saving={props.saving} />
      </div>
    </form>
  );
}

export function BankStep(props: StepProps) {
  const b = props.draft.bank;
  const [accountName, setAccountName] = useState(b?.accountName ?? props.draft.company.legalName);
  const [accountNumber, setAccountNumber] = useState(b?.accountNumber ?? '');
  const [ifsc, setIfsc] = useState(b?.ifsc ?? '');
  const [bankName, setBankName] = useState(b?.bankName ?? '');
  const { errors, submit } = useStep('bank', props, () => ({ accountName, accountNumber, ifsc, bankName }));
  return (
    <form onSubmit={submit} noValidate className="grid gap-4 sm:grid-cols-2" aria-label="Bank account">
      <TextField
        label="Account holder name"
        value={accountName}
        onChange={(e) => setAccountName(e.target.value)}
        error={errors.accountName}
        data-testid="bank-accountName"
      />
      <TextField
        label="Account number"
        value={accountNumber}
        onChange={(e) => setAccountNumber(e.target.value)}
        error={errors.accountNumber}
        inputMode="numeric"
        data-testid="bank-accountNumber"
      />
      <TextField
        label="IFSC"
        value={ifsc}
        onChange={(e) => setIfsc(e.target.value)}
        error={errors.ifsc}
        placeholder="SBIN0001234"
        data-testid="bank-ifsc"
      />
      <TextField
        label="Bank name"
        value={bankName}
        onChange={(e) => setBankName(e.target.value)}
        error={errors.bankName}
        data-testid="bank-bankName"
      />
      <div className="sm:col-span-2">
        <SaveButton saving={props.saving} />
      </div>
    </form>
  );
}
