import type { RouterInputs, RouterOutputs } from '@kapas/api';

export { GST_STATE_CODES } from '../../../../../packages/api/src/modules/partners/rules/gst-state-codes';

export type Company = RouterOutputs['company']['get'];
export type Proposal = RouterInputs['company']['proposeChange'];
export type ListSection = 'addresses' | 'branches' | 'bankAccounts' | 'contacts';

export type FieldDef = {
  name: string;
  label: string;
  kind: 'text' | 'checkbox' | 'state' | 'select';
  options?: readonly string[];
  /** Empty text is sent as null (optional fields). */
  optional?: boolean;
};

/** The editable fields of each list section, in the order the form shows them. */
export const SECTIONS: Record<ListSection, { title: string; item: string; fields: FieldDef[] }> = {
  addresses: {
    title: 'Addresses',
    item: 'Address',
    fields: [
      { name: 'kind', label: 'Kind', kind: 'select', options: ['REGISTERED', 'SHIP_TO'] },
      { name: 'label', label: 'Label', kind: 'text', optional: true },
      { name: 'line1', label: 'Address line 1', kind: 'text' },
      { name: 'line2', label: 'Address line 2', kind: 'text', optional: true },
      { name: 'city', label: 'City', kind: 'text' },
      { name: 'stateCode', label: 'State', kind: 'state' },
      { name: 'pincode', label: 'Pincode', kind: 'text' },
    ],
  },
  branches: {
    title: 'Branches',
    item: 'Branch',
    fields: [
      { name: 'code', label: 'Code', kind: 'text' },
      { name: 'name', label: 'Name', kind: 'text' },
      { name: 'gstin', label: 'GSTIN', kind: 'text', optional: true },
      { name: 'line1', label: 'Address', kind: 'text' },
      { name: 'city', label: 'City', kind: 'text' },
      { name: 'stateCode', label: 'State', kind: 'state' },
      { name: 'pincode', label: 'Pincode', kind: 'text' },
      { name: 'isHeadOffice', label: 'Head office', kind: 'checkbox' },
      { name: 'active', label: 'Active', kind: 'checkbox' },
    ],
  },
  bankAccounts: {
    title: 'Bank accounts',
    item: 'Bank account',
    fields: [
      { name: 'accountName', label: 'Account name', kind: 'text' },
      { name: 'accountNumber', label: 'Account number', kind: 'text' },
      { name: 'ifsc', label: 'IFSC', kind: 'text' },
      { name: 'bankName', label: 'Bank', kind: 'text' },
      { name: 'isPrimary', label: 'Primary account', kind: 'checkbox' },
    ],
  },
  contacts: {
    title: 'Contacts',
    item: 'Contact',
    fields: [
      { name: 'name', label: 'Name', kind: 'text' },
      { name: 'designation', label: 'Designation', kind: 'text', optional: true },
      { name: 'email', label: 'Email', kind: 'text' },
      { name: 'mobile', label: 'Mobile', kind: 'text' },
      { name: 'isPrimary', label: 'Primary contact', kind: 'checkbox' },
    ],
  },
};

export type Draft = Record<string, string | boolean>;

/** A row of the live aggregate as form values (text fields as strings, flags as booleans). */
export function toDraft(section: ListSection, row: Record<string, unknown>): Draft {
  const out: Draft = {};
  for (const f of SECTIONS[section].fields) {
    const v = row[f.name];
    out[f.name] = f.kind === 'checkbox' ? v === true : typeof v === 'string' ? v : '';
  }
  return out;
}

export function emptyDraft(section: ListSection): Draft {
  const out: Draft = {};
  for (const f of SECTIONS[section].fields) out[f.name] = f.kind === 'checkbox' ? f.name === 'active' : (f.options?.[0] ?? '');
  return out;
}

/** Form values back to the API's shape: trimmed text, null for empty optional fields. */
export function fromDraft(section: ListSection, draft: Draft): Record<string, string | boolean | null> {
  const out: Record<string, string | boolean | null> = {};
  for (const f of SECTIONS[section].fields) {
    const v = draft[f.name];
    if (f.kind === 'checkbox') out[f.name] = v === true;
    else {
      const text = typeof v === 'string' ? v.trim() : '';
      out[f.name] = f.optional && text === '' ? null : text;
    }
  }
  return out;
}
