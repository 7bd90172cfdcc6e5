import { readFileSync } from 'node:fs';

/**
 * The bundled list of common/breached passwords (`common-passwords.txt`, 49,233 entries from
 * @zxcvbn-ts/language-common 4.1.3, MIT; see `common-passwords.LICENSE.txt`). Read from disk on
 * first use only, then kept in memory as a Set of NFKC-normalised, lower-cased entries.
 */
export const COMMON_PASSWORDS_FILE = new URL('./common-passwords.txt', import.meta.url);

/** One password per line; blank lines ignored; entries folded the way `checkPassword` folds input. */
export function parsePasswordList(text: string): Set<string> {
  const set = new Set<string>();
  for (const line of text.split('\n')) {
    const entry = line.replace(/\r$/, '');
    if (entry.length > 0) set.add(entry.normalize('NFKC').toLowerCase());
  }
  return set;
}

let cached: ReadonlySet<string> | undefined;

export function commonPasswords(): ReadonlySet<string> {
  cached ??= parsePasswordList(readFileSync(COMMON_PASSWORDS_FILE, 'utf8'));
  return cached;
}
