/**
 * Input generation for R15: from each procedure's zod schema (through its JSON Schema) build
 * plausible inputs, then break them in the ways clients and attackers do (wrong types, missing
 * and extra keys, huge and hostile strings, out-of-range numbers), plus fast-check `anything()`.
 */
import { appRouter } from '@kapas/api';
import fc from 'fast-check';
import { z } from 'zod';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  prefixItems?: Schema[];
  enum?: Json[];
  const?: Json;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  additionalProperties?: Schema | boolean;
};

export type ProcedureInfo = { path: string; type: 'query' | 'mutation' | 'subscription'; schema: z.ZodType | null };

type ProcedureDef = { _def: { type: ProcedureInfo['type']; inputs: unknown[] } };

/** Every procedure of the router with its input schema (read from the router, so new ones are included). */
export function procedures(): ProcedureInfo[] {
  const all = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;
  return Object.entries(all).map(([path, p]) => {
    const input = p._def.inputs.find((i): i is z.ZodType => i instanceof z.ZodType) ?? null;
    return { path, type: p._def.type, schema: input };
  });
}

/** A deterministic pseudo-random source so a failure can be replayed. */
export function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE = [
  "'; DROP TABLE users; --",
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '\u0000\uFFFF\uD800',
  '__proto__',
  '9'.repeat(400),
  '-1e309',
  'NaN',
  ' ',
];

function uuid(r: () => number): string {
  const h = () => Math.floor(r() * 16).toString(16);
  const s = Array.from({ length: 32 }, h).join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-a${s.slice(17, 20)}-${s.slice(20, 32)}`;
}

function stringFor(s: Schema, r: () => number): string {
  if (s.format === 'uuid') return uuid(r);
  if (s.format === 'email') return `fuzz${Math.floor(r() * 1e6)}@example.com`;
  if (s.format === 'date-time') return new Date(Date.UTC(2026, 0, 1) + Math.floor(r() * 1e10)).toISOString();
  if (s.format === 'date') return '2026-07-01';
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? min + 12, min + 40);
  const len = min + Math.floor(r() * (max - min + 1));
  return Array.from({ length: len }, () => 'abcdefghXYZ0123456789.-'[Math.floor(r() * 23)]).join('');
}

/** A value that satisfies the JSON Schema as far as a generator can without knowing refinements. */
export function valid(s: Schema, r: () => number, depth = 0): Json {
  if (depth > 6) return null;
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[Math.floor(r() * s.enum.length)]!;
  const options = s.anyOf ?? s.oneOf;
  if (options?.length) return valid(options[Math.floor(r() * options.length)]!, r, depth + 1);
  if (s.allOf?.length) return valid(s.allOf[0]!, r, depth + 1);
  const type = Array.isArray(s.type) ? s.type[Math.floor(r() * s.type.length)] : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, Json> = {};
      for (const [key, prop] of Object.entries(s.properties ?? {})) {
        if (s.required?.includes(key) || r() < 0.5) out[key] = valid(prop, r, depth + 1);
      }
      return out;
    }
    case 'array': {
      if (s.prefixItems) return s.prefixItems.map((p) => valid(p, r, depth + 1));
      const min = s.minItems ?? 0;
      const n = min + Math.floor(r() * (Math.min(s.maxItems ?? min + 3, min + 3) - min + 1));
      return Array.from({ length: n }, () => (s.items ? valid(s.items, r, depth + 1) : null));
    }
    case 'string':
      return stringFor(s, r);
    case 'integer':
    case 'number': {
      const lo = s.minimum ?? -1000;
      const hi = s.maximum ?? 100_000;
      const x = lo + r() * (Math.min(hi, lo + 1e6) - lo);
      return type === 'integer' ? Math.round(x) : Math.round(x * 100) / 100;
    }
    case 'boolean':
      return r() < 0.5;
    case 'null':
      return null;
    default:
      return r() < 0.5 ? null : stringFor({}, r);
  }
}

/** A copy of `value` with one thing broken: a key removed, a type swapped, a hostile or huge value. */
export function mutate(value: Json, r: () => number): Json {
  const breakers: Array<() => Json> = [
    () => HOSTILE[Math.floor(r() * HOSTILE.length)]!,
    () => -1 * 10 ** Math.floor(r() * 20),
    () => Number.MAX_SAFE_INTEGER,
    () => [],
    () => ({}),
    () => null,
    () => true,
    () => 'x'.repeat(20_000),
    () => ({ __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } }) as unknown as Json,
    () => Array.from({ length: 500 }, () => 1),
  ];
  const breaker = () => breakers[Math.floor(r() * breakers.length)]!();
  if (value === null || typeof value !== 'object') return breaker();
  const copy: Json = Array.isArray(value) ? [...value] : { ...value };
  const keys = Object.keys(copy);
  if (!keys.length || r() < 0.15) {
    if (Array.isArray(copy)) copy.push(breaker());
    else copy[`extra${Math.floor(r() * 100)}`] = breaker();
    return copy;
  }
  const key = keys[Math.floor(r() * keys.length)]!;
  const target = copy as Record<string, Json>;
  const roll = r();
  if (roll < 0.2) delete target[key];
  else if (roll < 0.5 && target[key] !== null && typeof target[key] === 'object') target[key] = mutate(target[key], r);
  else target[key] = breaker();
  return copy;
}

export function jsonSchemaOf(schema: z.ZodType | null): Schema {
  if (!schema) return {};
  try {
    return z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as Schema;
  } catch {
    return {};
  }
}

/** The inputs tried on one procedure: edge values, plausible ones, broken ones and arbitrary JSON. */
export function fuzzInputs(schema: z.ZodType | null, seed: number, counts = { valid: 3, mutated: 6, arbitrary: 4 }): unknown[] {
  const r = randomSource(seed);
  const js = jsonSchemaOf(schema);
  const plausible = Array.from({ length: counts.valid }, () => valid(js, r));
  const broken = Array.from({ length: counts.mutated }, (_, i) => mutate(plausible[i % plausible.length] ?? {}, r));
  const arbitrary = fc.sample(fc.jsonValue({ maxDepth: 3 }), { numRuns: counts.arbitrary, seed });
  return [undefined, null, {}, 'x', ...plausible, ...broken, ...arbitrary];
}
