import { createKapasClient, type KapasClient } from '@kapas/client';
import { DEMO_PASSWORD } from '../src/testing';

/** Signs a demo user in through the typed client and returns a client that carries their token. */
export async function signInAs(url: string, email: string): Promise<KapasClient & { token: string }> {
  const anonymous = createKapasClient({ url });
  const { token } = await anonymous.auth.signIn.mutate({ email, password: DEMO_PASSWORD, transport: 'token' });
  if (!token) throw new Error('no token returned');
  return Object.assign(createKapasClient({ url, token }), { token });
}

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
