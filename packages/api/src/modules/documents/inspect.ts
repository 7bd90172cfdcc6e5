import { createHash } from 'node:crypto';
import { DomainError } from '../../errors';
import { type AllowedFileType, SNIFF_BYTES, sniffFileType } from './rules/sniff';

export type InspectedUpload = {
  type: AllowedFileType;
  /** The whole body again (the sniffed head first), counted and hashed while it flows. */
  stream: AsyncGenerator<Uint8Array>;
  /** Valid once `stream` has been read to the end. */
  digest(): { sha256: string; size: number };
};

const tooLarge = (maxBytes: number) =>
  new DomainError('FILE_TOO_LARGE', `The file is larger than the ${Math.floor(maxBytes / 1024)} KB allowed.`, { maxBytes });

/**
 * Reads the first bytes of an upload to decide its type by content before anything is written,
 * then passes the body on while counting (abort past `maxBytes`) and computing its SHA-256.
 */
export async function inspectUpload(source: AsyncIterable<Uint8Array>, maxBytes: number): Promise<InspectedUpload> {
  const iterator = source[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headBytes = 0;
  let done = false;
  while (headBytes < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    headBytes += next.value.byteLength;
    if (headBytes > maxBytes) throw tooLarge(maxBytes);
  }
  const type = sniffFileType(Buffer.concat(head));
  if (!type) {
    throw new DomainError('FILE_TYPE_NOT_ALLOWED', 'Only PDF, JPEG, PNG, DOCX and XLSX files are accepted (checked by content).');
  }
  const hash = createHash('sha256');
  let size = 0;
  async function* stream(): AsyncGenerator<Uint8Array> {
    const pass = (chunk: Uint8Array) => {
      size += chunk.byteLength;
      if (size > maxBytes) throw tooLarge(maxBytes);
      hash.update(chunk);
      return chunk;
    };
    for (const chunk of head) yield pass(chunk);
    while (!done) {
      const next = await iterator.next();
      if (next.done) break;
      yield pass(next.value);
    }
  }
  let digest: { sha256: string; size: number } | null = null;
  return {
    type,
    stream: stream(),
    digest() {
      digest ??= { sha256: hash.digest('hex'), size };
      return digest;
    },
  };
}
