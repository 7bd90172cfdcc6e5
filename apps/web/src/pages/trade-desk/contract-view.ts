/** Reading the contract's JSON snapshots (shape owned by the API; unknown keys are shown as they are). */
export function snapshotName(snapshot: Record<string, unknown> | null | undefined): string {
  const name = snapshot?.tradeName ?? snapshot?.legalName ?? snapshot?.name;
  return typeof name === 'string' ? name : '—';
}

/** Flat "label: value" rows of a snapshot or terms object, skipping ids and nested objects. */
export function snapshotRows(snapshot: Record<string, unknown> | null | undefined): [string, string][] {
  if (!snapshot) return [];
  return Object.entries(snapshot)
    .filter(([k, v]) => !/Id$/.test(k) && v !== null && v !== undefined && typeof v !== 'object')
    .map(([k, v]) => [humanKey(k), String(v)]);
}

const ACRONYMS: Record<string, string> = { pan: 'PAN', gstin: 'GSTIN', cin: 'CIN', tan: 'TAN' };

export function humanKey(key: string): string {
  const acronym = ACRONYMS[key.toLowerCase()];
  if (acronym) return acronym;
  const spaced = key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1).toLowerCase();
}
