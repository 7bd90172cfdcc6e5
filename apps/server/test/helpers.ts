export { signInAs } from '../src/testing';

export async function failure(
  promise: Promise<unknown>,
): Promise<{ code: string | undefined; message: string; fieldErrors: Record<string, string[]> }> {
  try {
    await promise;
  } catch (e) {
    const err = e as Error & { data?: { code?: string; fieldErrors?: Record<string, string[]> } };
    return { code: err.data?.code, message: err.message, fieldErrors: err.data?.fieldErrors ?? {} };
  }
  throw new Error('expected the call to fail');
}

/** A raw tRPC POST, timed, with the per-request id removed so bodies can be compared. */
export async function timedPost(server: { url: string }, path: string, body: unknown) {
  const started = performance.now();
  const res = await fetch(`${server.url}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    body: text.replace(/"requestId":"[^"]*"/g, ''),
    ms: performance.now() - started,
  };
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
