import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileTooLargeError, InvalidStorageKeyError } from './storage';
import { S3Store } from './storage-s3';

/**
 * A tiny in-memory S3 speaking just enough of the REST API (path style: PUT/GET/HEAD/DELETE on
 * /bucket/key). It checks what the SDK sends, not AWS's signature; the store has NOT been run
 * against a real AWS, MinIO or GCS bucket here (no network).
 */
const objects = new Map<string, { body: Buffer; contentType: string }>();
const seen: Array<{ method: string; url: string; authorization: string | undefined }> = [];
let server: Server;
let store: S3Store;

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
    const path = decodeURIComponent((req.url ?? '').split('?')[0]!);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const found = objects.get(path);
      if (req.method === 'PUT') {
        objects.set(path, { body: Buffer.concat(chunks), contentType: String(req.headers['content-type']) });
        res.writeHead(200, { etag: '"x"' }).end();
      } else if (!found) {
        res.writeHead(404, { 'content-type': 'application/xml' });
        res.end(req.method === 'HEAD' ? undefined : '<Error><Code>NoSuchKey</Code><Message>missing</Message></Error>');
      } else if (req.method === 'GET' || req.method === 'HEAD') {
        res.writeHead(200, { 'content-type': found.contentType, 'content-length': found.body.byteLength });
        res.end(req.method === 'GET' ? found.body : undefined);
      } else if (req.method === 'DELETE') {
        objects.delete(path);
        res.writeHead(204).end();
      } else res.writeHead(405).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  store = new S3Store({
    bucket: 'docs',
    region: 'us-east-1',
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    forcePathStyle: true,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test-secret' },
    prefix: 'kapas/',
  });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('S3Store against a fake S3 endpoint', () => {
  it('puts, heads, gets and deletes with path-style URLs and signed requests', async () => {
    expect(
      await store.put('a/b-1', Readable.from([Buffer.from('hello '), Buffer.from('s3')]), { contentType: 'application/pdf' }),
    ).toEqual({
      size: 8,
    });
    expect(objects.get('/docs/kapas/a/b-1')?.contentType).toBe('application/pdf');
    expect(await store.exists('a/b-1')).toBe(true);
    const got = await store.get('a/b-1');
    expect(got?.contentType).toBe('application/pdf');
    expect(got?.size).toBe(8);
    expect(await text(got!.stream)).toBe('hello s3');
    expect(await store.delete('a/b-1')).toBe(true);
    expect(await store.exists('a/b-1')).toBe(false);
    expect(await store.get('a/b-1')).toBeNull();
    expect(await store.delete('a/b-1')).toBe(false);
    expect(seen.every((r) => r.authorization?.startsWith('AWS4-HMAC-SHA256 Credential=test/'))).toBe(true);
  });

  it('refuses an oversize body before sending anything, and bad keys', async () => {
    const before = seen.length;
    await expect(store.put('big', new Uint8Array(2048), { contentType: 'image/png', maxBytes: 1024 })).rejects.toBeInstanceOf(
      FileTooLargeError,
    );
    await expect(store.put('../x', new Uint8Array(1), { contentType: 'image/png' })).rejects.toBeInstanceOf(
      InvalidStorageKeyError,
    );
    expect(seen.length).toBe(before);
  });
});
