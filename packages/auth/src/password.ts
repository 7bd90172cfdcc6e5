import { hash, verify } from '@node-rs/argon2';

/** DOMAIN §5: argon2id, m = 19 MiB, t = 2, p = 1 (the OWASP minimum). */
export const ARGON2_PARAMS = {
  algorithm: 2 /* Algorithm.Argon2id (an ambient const enum) */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFKC'), ARGON2_PARAMS);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password.normalize('NFKC'));
  } catch {
    return false;
  }
}

/**
 * A hash of a random password, verified against when the user is unknown so that
 * "unknown user" costs the same time as "wrong password".
 */
let dummyHash: Promise<string> | undefined;
export function timingDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(`dummy-${crypto.randomUUID()}`);
  return dummyHash;
}

export type Argon2Params = { variant: string; memoryKiB: number; iterations: number; parallelism: number };

/** Reads the parameters out of a PHC string, e.g. `$argon2id$v=19$m=19456,t=2,p=1$...`. */
export function readHashParams(phc: string): Argon2Params | null {
  const match = /^\$(argon2(?:id|i|d))\$v=\d+\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(phc);
  if (!match) return null;
  const [, variant, m, t, p] = match;
  return { variant: variant!, memoryKiB: Number(m), iterations: Number(t), parallelism: Number(p) };
}
