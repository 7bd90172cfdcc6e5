import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors';
import { inspectUpload } from './inspect';

async function* chunks(...parts: Uint8Array[]) {
  for (const p of parts) yield p;
}
const drain = async (s: AsyncIterable<Uint8Array>) => {
  const out: Uint8Array[] = [];
  for await (const c of s) out.push(c);
  return Buffer.concat(out);
};
const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
  );

describe('inspectUpload', () => {
  it('sniffs the type from a head split over chunks, then passes every byte on with its SHA-256', async () => {
    const body = Buffer.concat([Buffer.from('%P'), Buffer.from('DF-1.4\n'), Buffer.alloc(70_000, 1)]);
    const inspected = await inspectUpload(
      chunks(body.subarray(0, 2), body.subarray(2, 9), body.subarray(9, 40_000), body.subarray(40_000)),
      100_000,
    );
    expect(inspected.type.mime).toBe('application/pdf');
    expect((await drain(inspected.stream)).equals(body)).toBe(true);
    expect(inspected.digest()).toEqual({ sha256: createHash('sha256').update(body).digest('hex'), size: body.length });
  });

  it('refuses a wrong type before yielding anything, and an oversize body in the head or later', async () => {
    expect(await codeOf(inspectUpload(chunks(Buffer.from('MZ\x90\x00')), 1000))).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(await codeOf(inspectUpload(chunks(), 1000))).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(await codeOf(inspectUpload(chunks(Buffer.from('%PDF-'), Buffer.alloc(2000)), 1000))).toBe('FILE_TOO_LARGE');
    const late = await inspectUpload(chunks(Buffer.from('%PDF-'), Buffer.alloc(70_000), Buffer.alloc(70_000)), 100_000);
    expect(await codeOf(drain(late.stream))).toBe('FILE_TOO_LARGE');
  });
});
