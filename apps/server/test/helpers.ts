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
