/**
 * The partner aggregate as plain data: what a version stores, what change requests compare and
 * what screens show. Row ids are left out on purpose: a version compares what the partner *is*,
 * and collections are matched by their natural keys (branch code, account number, email).
 */
export type ProfileFields = {
  legalName: string;
  tradeName: string | null;
  businessType: string;
  registrationType: string;
  pan: string | null;
  gstin: string | null;
  cin: string | null;
  tan: string | null;
  email: string | null;
  mobile: string | null;
};

export type AddressItem = {
  kind: string;
  label: string | null;
  line1: string;
  line2: string | null;
  city: string;
  stateCode: string;
  pincode: string;
};

export type BranchItem = {
  code: string;
  name: string;
  isHeadOffice: boolean;
  gstin: string | null;
  stateCode: string;
  line1: string;
  city: string;
  pincode: string;
  active: boolean;
};

export type BankAccountItem = {
  accountName: string;
  accountNumber: string;
  ifsc: string;
  bankName: string;
  isPrimary: boolean;
};

export type ContactItem = {
  name: string;
  designation: string | null;
  email: string;
  mobile: string;
  isPrimary: boolean;
};

export type PartnerSnapshot = {
  profile: ProfileFields;
  addresses: AddressItem[];
  branches: BranchItem[];
  bankAccounts: BankAccountItem[];
  contacts: ContactItem[];
};

/** The parts of the aggregate a change request may replace; profile fields are listed one by one. */
export const PROFILE_CHANGEABLE = ['legalName', 'tradeName', 'pan', 'gstin', 'cin', 'tan'] as const;
export type ProfileChangeable = (typeof PROFILE_CHANGEABLE)[number];
export const COLLECTIONS = ['addresses', 'branches', 'bankAccounts', 'contacts'] as const;
export type Collection = (typeof COLLECTIONS)[number];
export type ChangeKey = ProfileChangeable | Collection;

/** Change request payload: one entry per changed key, with the value it replaces (for the conflict check). */
export type Changes = Partial<Record<ChangeKey, { from: unknown; to: unknown }>>;

/** "XXXXXX1234": staff without partner:manage see only the last four digits. */
export function maskAccountNumber(accountNumber: string): string {
  const tail = accountNumber.slice(-4);
  return `${'X'.repeat(Math.max(0, accountNumber.length - 4))}${tail}`;
}

export function maskSnapshot(snapshot: PartnerSnapshot): PartnerSnapshot {
  return {
    ...snapshot,
    bankAccounts: snapshot.bankAccounts.map((b) => ({ ...b, accountNumber: maskAccountNumber(b.accountNumber) })),
  };
}

/** The current value of one change key in a snapshot. */
export function valueAt(snapshot: PartnerSnapshot, key: ChangeKey): unknown {
  if ((COLLECTIONS as readonly string[]).includes(key)) return snapshot[key as Collection];
  return snapshot.profile[key as ProfileChangeable];
}
