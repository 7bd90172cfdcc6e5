import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileTooLargeError, InvalidStorageKeyError, isValidStorageKey, LocalDiskStore } from './storage';

let root: string;
let store: LocalDiskStore;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'kapas-store-'));
  store = new LocalDiskStore(join(root, 'docs'));
});

afterEach(() => rm(root, { recursive: true, force: true }));

describe('LocalDiskStore', () => {
  it('stores a stream and reads it back with its content type and size', async () => {
    const put = await store.put('kyc/p-1/doc-1', Readable.from(['hello ', 'world']), { contentType: 'application/pdf' });
    expect(put).toEqual({ size: 11 });
    const got = await store.get('kyc/p-1/doc-1');
    expect(got).not.toBeNull();
    expect(got!.contentType).toBe('application/pdf');
    expect(got!.size).toBe(11);
    expect(await text(got!.stream)).toBe('hello world');
  });

  it('accepts bytes and async iterables, and overwrites', async () => {
    await store.put('a', new TextEncoder().encode('one'), { contentType: 'text/plain; charset=utf-8' });
    async function* gen() {
      yield new TextEncoder().encode('two');
    }
    await store.put('a', gen(), { contentType: 'text/plain' });
    const got = await store.get('a');
    expect(await text(got!.stream)).toBe('two');
    expect(got!.contentType).toBe('text/plain');
  });

  it('lets a key and a key below it coexist', async () => {
    await store.put('a', new Uint8Array([1]), { contentType: 'application/octet-stream' });
    await store.put('a/b', new Uint8Array([2, 3]), { contentType: 'application/octet-stream' });
    expect((await store.get('a'))!.size).toBe(1);
    expect((await store.get('a/b'))!.size).toBe(2);
  });

  it('returns null for a missing key and deletes once', async () => {
    expect(await store.get('missing')).toBeNull();
    await store.put('x/y', new Uint8Array([1]), { contentType: 'image/png' });
    expect(await store.delete('x/y')).toBe(true);
    expect(await store.get('x/y')).toBeNull();
    expect(await store.delete('x/y')).toBe(false);
  });

  it('rejects keys outside [a-z0-9/-] or escaping the root, before touching the disk', async () => {
    const outside = join(root, 'outside');
    await writeFile(outside, 'secret');
    for (const bad of [
      '',
      '../outside',
      'a/../../outside',
      '/etc/passwd',
      'A',
      'a b',
      'a.pdf',
      'a//b',
      'a/',
      '/a',
      'a\\b',
      'ä',
      'a'.repeat(513),
    ]) {
      expect(isValidStorageKey(bad)).toBe(false);
      await expect(store.get(bad)).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(store.put(bad, new Uint8Array([1]), { contentType: 'text/plain' })).rejects.toBeInstanceOf(
        InvalidStorageKeyError,
      );
      await expect(store.delete(bad)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    }
    expect(await readdir(root)).toEqual(['outside']); // nothing was created
  });

  it('rejects a content type that could inject headers', async () => {
    await expect(store.put('a', new Uint8Array([1]), { contentType: 'text/html\r\nSet-Cookie: x=1' })).rejects.toThrow();
    await expect(store.put('a', new Uint8Array([1]), { contentType: '' })).rejects.toThrow();
  });

  it('leaves no partial file when the source stream fails', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('client went away'));
      },
    });
    await expect(store.put('broken', failing, { contentType: 'text/plain' })).rejects.toThrow('client went away');
    expect(await store.get('broken')).toBeNull();
    expect(await readdir(join(root, 'docs'))).toEqual([]);
  });

  it('aborts past maxBytes while streaming, keeping nothing, and reports existence', async () => {
    const chunks = [new Uint8Array(600), new Uint8Array(600)];
    await expect(
      store.put('big', Readable.from(chunks), { contentType: 'application/pdf', maxBytes: 1000 }),
    ).rejects.toBeInstanceOf(FileTooLargeError);
    expect(await store.exists('big')).toBe(false);
    expect(await readdir(join(root, 'docs'))).toEqual([]);
    await store.put('small', Readable.from(chunks), { contentType: 'application/pdf', maxBytes: 1200 });
    expect(await store.exists('small')).toBe(true);
  });
});
