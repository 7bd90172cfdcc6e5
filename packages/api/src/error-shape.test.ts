import { TRPCError } from '@trpc/server';
import type { DefaultErrorShape } from '@trpc/server/unstable-core-do-not-import';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatError } from './error-shape';
import { DomainError } from './errors';

const shape: DefaultErrorShape = {
  message: 'original',
  code: -32603,
  data: { code: 'INTERNAL_SERVER_ERROR', httpStatus: 500, path: 'masters.createItem', stack: 'Error: at db.ts:12' },
};

describe('formatError', () => {
  it('hides the message, stack and SQL of unexpected errors behind a correlation id', () => {
    const cause = new Error('duplicate key value violates unique constraint "master_items_kind_code" on table master_items');
    const out = formatError(shape, new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause }), 'req-42');
    const text = JSON.stringify(out);
    expect(out.data.code).toBe('INTERNAL');
    expect(out.message).toContain('req-42');
    for (const leak of ['duplicate key', 'master_items', 'constraint', 'stack', 'db.ts']) expect(text).not.toContain(leak);
  });

  it('keeps a domain error code, message and field errors', () => {
    const cause = new DomainError('CONFLICT', 'Code X is already used.', { fieldErrors: { code: ['X is already used'] } });
    const out = formatError(shape, new TRPCError({ code: 'CONFLICT', message: cause.message, cause }), 'r');
    expect(out.message).toBe('Code X is already used.');
    expect(out.data).toMatchObject({ code: 'CONFLICT', fieldErrors: { code: ['X is already used'] } });
  });

  it('turns schema failures into BAD_REQUEST with dotted field paths', () => {
    const result = z.object({ items: z.array(z.object({ min: z.number() })) }).safeParse({ items: [{ min: 'x' }] });
    const out = formatError(shape, new TRPCError({ code: 'BAD_REQUEST', cause: result.error }), 'r');
    expect(out.data.code).toBe('BAD_REQUEST');
    expect(Object.keys(out.data.fieldErrors ?? {})).toEqual(['items.0.min']);
  });

  it('passes through plain transport errors such as UNAUTHORIZED without internals', () => {
    const out = formatError(shape, new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in' }), 'r');
    expect(out.data.code).toBe('UNAUTHORIZED');
    expect(JSON.stringify(out)).not.toContain('stack');
  });
});
