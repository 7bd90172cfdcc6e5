import { openDatabase } from '../client';
import { dbEnv } from '../env';
import { migrate } from '../migrate';
import { seed } from '../seed';

const handle = await openDatabase({ url: dbEnv.DATABASE_URL, dataDir: dbEnv.KAPAS_DATA_DIR });
await migrate(handle);
const signIns = await seed(handle.db, { demo: true });
await handle.close();
console.table(signIns);
