/**
 * Differences between two JSON values as a flat list of {path, from, to}. Objects are compared key
 * by key; arrays of objects are matched by a natural key (branch `code`, bank `accountNumber`,
 * contact `email`) so that reordering is no change and an edited branch shows as field edits,
 * not as a removal plus an addition. Arrays without such a key are compared by position.
 */
export type DiffEntry = { path: string; from: unknown; to: unknown };

const NATURAL_KEYS = ['code', 'accountNumber', 'email'] as const;

type Json = unknown;

function isPlainObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The first natural key that identifies every item on both sides (it may repeat across sides: that is a match). */
function keyedArrays(a: readonly Json[], b: readonly Json[]): string | null {
  if (a.length + b.length === 0) return null;
  const identifies = (xs: readonly Json[], key: string) =>
    xs.every((x) => isPlainObject(x) && typeof x[key] === 'string') &&
    new Set(xs.map((x) => (x as Record<string, Json>)[key])).size === xs.length;
  return NATURAL_KEYS.find((key) => identifies(a, key) && identifies(b, key)) ?? null;
}

function walk(path: string, from: Json, to: Json, out: DiffEntry[]): void {
  if (Object.is(from, to)) return;
  if (isPlainObject(from) && isPlainObject(to)) {
    const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])].sort();
    for (const k of keys) walk(path ? `${path}.${k}` : k, from[k] ?? null, to[k] ?? null, out);
    return;
  }
  if (Array.isArray(from) && Array.isArray(to)) {
    const key = keyedArrays(from, to);
    if (key) {
      const byKey = (xs: readonly Json[]) => new Map(xs.map((x) => [String((x as Record<string, Json>)[key]), x]));
      const a = byKey(from);
      const b = byKey(to);
      const ids = [...new Set([...a.keys(), ...b.keys()])];
      for (const id of ids) walk(`${path}[${id}]`, a.get(id) ?? null, b.get(id) ?? null, out);
      return;
    }
    const n = Math.max(from.length, to.length);
    for (let i = 0; i < n; i++) walk(`${path}[${i}]`, i < from.length ? from[i] : null, i < to.length ? to[i] : null, out);
    return;
  }
  if (from === null && to === null) return;
  out.push({ path, from: from ?? null, to: to ?? null });
}

export function diff(from: Json, to: Json): DiffEntry[] {
  const out: DiffEntry[] = [];
  walk('', from ?? null, to ?? null, out);
  return out;
}
