/**
 * Signs in, prints the commodities with their quality templates, then follows master-data
 * changes live for a while. Run against `pnpm start`:  pnpm --filter @kapas/examples masters
 */
import { createKapasClient, errorCode } from '@kapas/client';
import { exampleEnv } from './env';

export type FollowOptions = {
  url: string;
  email: string;
  password: string;
  signal: AbortSignal;
  log?: (line: string) => void;
  onEvent?: (event: { id: number; type: string; payload: Record<string, unknown> }) => void;
};

export async function followMasters(options: FollowOptions): Promise<void> {
  const log = options.log ?? console.log;
  const anonymous = createKapasClient({ url: options.url });
  const { token, me } = await anonymous.auth.signIn.mutate({
    email: options.email,
    password: options.password,
    transport: 'token',
  });
  if (!token) throw new Error('The server did not return a token');
  log(`Signed in as ${me.name} (${me.partner?.name ?? me.kind})`);

  const kapas = createKapasClient({ url: options.url, token });
  for (const commodity of await kapas.masters.commodities.query()) {
    log(
      `${commodity.code} ${commodity.name}: ${commodity.qualityTemplate.map((p) => `${p.label} ${p.min ?? ''}–${p.max ?? ''} ${p.unit}`).join(', ')}`,
    );
  }
  const terms = await kapas.masters.items.query({ kind: 'PAYMENT_TERM' });
  log(`Payment terms: ${terms.items.map((t) => t.name).join(', ')}`);

  await new Promise<void>((resolve, reject) => {
    const subscription = kapas.masters.onChange.subscribe(
      {},
      {
        onStarted: () => log('Following master-data changes…'),
        onData: ({ data }) => {
          log(`#${data.id} ${data.type} ${JSON.stringify(data.payload)}`);
          options.onEvent?.(data);
        },
        onError: (error) => reject(new Error(`Subscription failed: ${errorCode(error) ?? error.message}`)),
      },
    );
    options.signal.addEventListener('abort', () => {
      subscription.unsubscribe();
      resolve();
    });
  });
  await kapas.auth.signOut.mutate();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await followMasters({
    url: exampleEnv.KAPAS_URL,
    email: exampleEnv.KAPAS_EMAIL,
    password: exampleEnv.KAPAS_PASSWORD,
    signal: AbortSignal.timeout(exampleEnv.KAPAS_FOLLOW_SECONDS * 1000),
  });
}
