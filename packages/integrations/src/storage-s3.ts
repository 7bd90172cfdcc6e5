import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import {
  bodyIterable,
  CONTENT_TYPE_PATTERN,
  type DocumentBody,
  type DocumentStore,
  InvalidStorageKeyError,
  isValidStorageKey,
  limitBytes,
  type PutOptions,
  type StoredDocument,
} from './storage';

export type S3StoreOptions = {
  bucket: string;
  region: string;
  /** e.g. http://minio:9000, https://storage.googleapis.com (GCS interoperability); unset = AWS. */
  endpoint?: string;
  /** Path-style URLs (`endpoint/bucket/key`): needed by MinIO and most S3-compatible servers. */
  forcePathStyle?: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Prepended to every key, e.g. `documents/`. */
  prefix?: string;
  /** Injected by tests; built from the options otherwise. */
  client?: S3Client;
};

/** Hard cap for buffering when no per-call limit is given (documents are small, DOMAIN §4: 5 MB). */
const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

function isNotFound(error: unknown): boolean {
  if (error instanceof S3ServiceException) {
    return error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata.httpStatusCode === 404;
  }
  return false;
}

/**
 * Documents in an S3-compatible bucket (AWS S3, MinIO, GCS interoperability). A PUT needs a known
 * length, and documents are a few MB at most, so the body is collected in memory (bounded by
 * `maxBytes`) and sent in one request; no multipart upload. Checksums beyond what a request
 * requires are off, because GCS and older MinIO reject the newer flexible-checksum headers.
 */
export class S3Store implements DocumentStore {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;

  constructor(options: S3StoreOptions) {
    this.bucket = options.bucket;
    this.prefix = options.prefix ?? '';
    this.client =
      options.client ??
      new S3Client({
        region: options.region,
        endpoint: options.endpoint,
        forcePathStyle: options.forcePathStyle ?? false,
        credentials: options.credentials,
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      });
  }

  private objectKey(key: string): string {
    if (!isValidStorageKey(key)) throw new InvalidStorageKeyError('Invalid storage key');
    return `${this.prefix}${key}`;
  }

  async put(key: string, body: DocumentBody, options: PutOptions): Promise<{ size: number }> {
    const Key = this.objectKey(key);
    if (!CONTENT_TYPE_PATTERN.test(options.contentType)) throw new Error('Invalid content type');
    const chunks: Uint8Array[] = [];
    for await (const chunk of limitBytes(bodyIterable(body), options.maxBytes ?? DEFAULT_MAX_BYTES)) chunks.push(chunk);
    const data = Buffer.concat(chunks);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key,
        Body: data,
        ContentType: options.contentType,
        ContentLength: data.byteLength,
      }),
    );
    return { size: data.byteLength };
  }

  async get(key: string): Promise<StoredDocument | null> {
    const Key = this.objectKey(key);
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key }));
      if (!out.Body) return null;
      // In Node the SDK hands back the HTTP response stream; elsewhere, a web stream.
      const stream =
        out.Body instanceof Readable
          ? out.Body
          : Readable.fromWeb(out.Body.transformToWebStream() as unknown as NodeReadableStream<Uint8Array>);
      return {
        stream,
        contentType: out.ContentType ?? 'application/octet-stream',
        size: out.ContentLength ?? 0,
      };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    const Key = this.objectKey(key);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async delete(key: string): Promise<boolean> {
    const existed = await this.exists(key);
    if (existed) await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
    return existed;
  }
}
