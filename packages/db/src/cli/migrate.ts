import { openDatabase } from '../client';
import { dbEnv } from '../env';
import { migrate } from '../migrate';

const handle = await openDatabase({ url: dbEnv.DATABASE_URL, dataDir: dbEnv.KAPAS_DATA_DIR });
await migrate(handle);
await handle.close();
console.log(`migrated (${handle.kind})`);
