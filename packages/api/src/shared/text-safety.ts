/**
 * PostgreSQL text cannot hold NUL, and a lone UTF-16 surrogate cannot be encoded as UTF-8: either
 * would reach the database as an internal error. Inputs carrying them are refused up front.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unstorable = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text);

/** The path of the first string (or object key) that cannot be stored, or null. */
export function unstorableTextPath(value: unknown, path = 'input', depth = 0): string | null {
  if (typeof value === 'string') return unstorable(value) ? path : null;
  if (depth > 20 || value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    if (unstorable(key)) return path;
    const found = unstorableTextPath(item, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}
