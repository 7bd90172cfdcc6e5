import { createKapasClient, type KapasClient } from '@kapas/client';
import { DEMO_PASSWORD, latestCodeFor, type TestServer } from '../src/testing';

/**
 * Signs in like `signInAs` but keeps the raw token next to the client: the upload and file routes
 * are plain HTTP, not tRPC. (A property assigned onto the tRPC proxy reads back as a proxy.)
 */
export async function signInWithToken(server: TestServer, email: string): Promise<{ client: KapasClient; token: string }> {
  const anonymous = createKapasClient({ url: server.url });
  let result = await anonymous.auth.signIn.mutate({ email, password: DEMO_PASSWORD, transport: 'token' });
  if (result.status === 'OTP_REQUIRED') {
    const code = await latestCodeFor(server.handle.db, email);
    result = await anonymous.auth.verifySignIn.mutate({ challengeId: result.challengeId, code, transport: 'token' });
  }
  if (!result.token) throw new Error('no token returned');
  return { client: createKapasClient({ url: server.url, token: result.token }), token: result.token };
}

export type UploadBody = NonNullable<Parameters<typeof fetch>[1]>['body'];

export const PDF_BYTES = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** Streams bytes to an upload URL from `documents.createUpload` as `token`'s user. */
export async function postUpload(
  server: TestServer,
  token: string,
  uploadUrl: string,
  body: UploadBody,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${server.url}${uploadUrl}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', ...headers },
    body,
    duplex: 'half',
  } as RequestInit);
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown> & { error?: { code: string; message: string } },
  };
}
