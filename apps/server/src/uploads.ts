import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { getConnInfo } from '@hono/node-server/conninfo';
import {
  asciiFileName,
  claimUploadIntent,
  type Deps,
  DomainError,
  type DomainErrorCode,
  fileForDownload,
  inspectUpload,
  loadActor,
  recordUploadedVersion,
  sanitiseFileName,
  verifyFileSignature,
} from '@kapas/api';
import { FileTooLargeError, LocalDiskStore } from '@kapas/integrations';
import type { Context, Hono } from 'hono';
import { clientIp } from './client-ip';
import type { ServerConfig } from './config';
import { bearerToken, readCookie, sessionCookieName } from './cookies';
import type { Logger } from './logger';

/**
 * Document files over plain HTTP, outside tRPC (bodies are streams, not JSON):
 *  - POST /uploads/:token  raw body (+ optional `x-file-name`), to a one-time URL from
 *    `documents.createUpload`; typed by content, size-limited while streaming, stored under a
 *    random key. Not under the app's 1 MB JSON body limit (that applies to /trpc only).
 *  - GET /files/:versionId?expires&sig  a signed link from `documents.downloadLink`.
 * Errors use the API's shape: `{ error: { code, message, data: { code } } }`.
 */
const HTTP_STATUS: Partial<Record<DomainErrorCode, 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429>> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STALE_VERSION: 409,
  FILE_TOO_LARGE: 413,
  FILE_TYPE_NOT_ALLOWED: 415,
  TOO_MANY_REQUESTS: 429,
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

function errorResponse(c: Context, error: unknown, log: Logger): Response {
  const domain =
    error instanceof DomainError
      ? error
      : error instanceof FileTooLargeError
        ? new DomainError('FILE_TOO_LARGE', error.message)
        : null;
  if (!domain) {
    const requestId = c.get('requestId');
    log.error({ err: error, requestId }, 'upload failed');
    return c.json({ error: { code: 'INTERNAL', message: 'Something went wrong.', data: { code: 'INTERNAL', requestId } } }, 500);
  }
  // The unread rest of a refused body must not be taken for the next request on this connection.
  c.header('Connection', 'close');
  const status = HTTP_STATUS[domain.code] ?? 400;
  return c.json({ error: { code: domain.code, message: domain.message, data: { code: domain.code } } }, status);
}

export function mountUploads(app: Hono, deps: Deps, config: ServerConfig, log: Logger): void {
  const cookieName = sessionCookieName(config.secureCookies);
  const store = config.storage ?? new LocalDiskStore(join(tmpdir(), 'kapas-documents'));

  app.post('/uploads/:token', async (c) => {
    let storedKey: string | null = null;
    try {
      const token = bearerToken(c.req.header('authorization')) ?? readCookie(c.req.header('cookie'), cookieName);
      // Signed out, only a link issued to an onboarding applicant (bound to no user) can be used.
      const actor = await loadActor(deps, token);
      const maxBytes = await deps.settings.number('document.maxBytes', DEFAULT_MAX_BYTES);
      const declared = Number(c.req.header('content-length'));
      // Refused before the intent is used, so the same link works for a smaller file.
      if (Number.isFinite(declared) && declared > maxBytes) {
        throw new DomainError('FILE_TOO_LARGE', `The file is larger than the ${Math.floor(maxBytes / 1024)} KB allowed.`);
      }
      const { documentId } = await claimUploadIntent(deps, actor, c.req.param('token')).catch((error: unknown) => {
        throw actor ? error : new DomainError('UNAUTHORIZED', 'Please sign in to continue.');
      });
      const body = c.req.raw.body;
      if (!body) throw new DomainError('FILE_TYPE_NOT_ALLOWED', 'The file is empty.');
      const upload = await inspectUpload(Readable.fromWeb(body as NodeReadableStream<Uint8Array>), maxBytes);
      const storageKey = `documents/${randomUUID()}`;
      storedKey = storageKey;
      await store.put(storageKey, upload.stream, { contentType: upload.type.mime, maxBytes });
      const { sha256, size } = upload.digest();
      const meta = {
        requestId: c.get('requestId'),
        ip: clientIp(getConnInfo(c).remote.address, c.req.header('x-forwarded-for'), config.trustedProxies),
        userAgent: c.req.header('user-agent') ?? null,
      };
      const rawName = c.req.header('x-file-name');
      const result = await recordUploadedVersion({ deps, actor, meta }, documentId, {
        storageKey,
        mimeType: upload.type.mime,
        sizeBytes: size,
        sha256,
        fileName: sanitiseFileName(rawName ? safeDecode(rawName) : null, upload.type.extension),
      });
      storedKey = null;
      return c.json(result, 201);
    } catch (error) {
      // Nothing stays behind for a refused or failed upload (the local store never renames a partial file).
      if (storedKey) await store.delete(storedKey).catch(() => false);
      return errorResponse(c, error, log);
    }
  });

  app.get('/files/:id', async (c) => {
    const id = c.req.param('id');
    c.header('cache-control', 'private, no-store');
    if (
      !UUID.test(id) ||
      !verifyFileSignature(deps.fileLinkSecret, id, c.req.query('expires'), c.req.query('sig'), deps.clock())
    ) {
      return c.body(null, 403);
    }
    const file = await fileForDownload(deps.db, id);
    const stored = file ? await store.get(file.storageKey) : null;
    if (!file || !stored) return c.body(null, 404);
    return c.body(Readable.toWeb(stored.stream) as ReadableStream, 200, {
      'content-type': file.mimeType,
      'content-length': String(stored.size),
      'content-disposition': `attachment; filename="${asciiFileName(file.fileName)}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    });
  });
}

/** Browsers send non-ASCII names percent-encoded (headers are Latin-1). */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
