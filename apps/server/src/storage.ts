import { join } from 'node:path';
import { type DocumentStore, LocalDiskStore, S3Store } from '@kapas/integrations';
import type { ServerEnv } from './env';

/** The document store chosen by the environment: embedded local disk by default, or S3-compatible. */
export function documentStoreFrom(env: ServerEnv, dataDir: string): DocumentStore {
  if (env.KAPAS_STORAGE === 's3') {
    const credentials =
      env.KAPAS_S3_ACCESS_KEY_ID && env.KAPAS_S3_SECRET_ACCESS_KEY
        ? { accessKeyId: env.KAPAS_S3_ACCESS_KEY_ID, secretAccessKey: env.KAPAS_S3_SECRET_ACCESS_KEY }
        : undefined;
    return new S3Store({
      bucket: env.KAPAS_S3_BUCKET,
      region: env.KAPAS_S3_REGION,
      endpoint: env.KAPAS_S3_ENDPOINT,
      forcePathStyle: env.KAPAS_S3_FORCE_PATH_STYLE,
      credentials,
      prefix: env.KAPAS_S3_PREFIX,
    });
  }
  return new LocalDiskStore(env.KAPAS_DOCUMENTS_DIR ?? join(dataDir, 'documents'));
}
