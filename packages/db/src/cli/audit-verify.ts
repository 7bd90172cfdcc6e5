import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { verifyAuditChain } from '../audit-chain';
import { openDatabase } from '../client';
import { dbEnv } from '../env';

/**
 * `pnpm audit:verify`: walks the audit hash chain of DATABASE_URL (or of the embedded database in
 * KAPAS_DATA_DIR). Exit 0 when intact, 1 naming the first broken row, 2 when it cannot check.
 */
async function main(): Promise<number> {
  if (!dbEnv.DATABASE_URL && !existsSync(dbEnv.KAPAS_DATA_DIR)) {
    console.error(
      `audit verify: no database at ${resolve(dbEnv.KAPAS_DATA_DIR)}; set DATABASE_URL, or KAPAS_DATA_DIR to the server's data directory`,
    );
    return 2;
  }
  const handle = await openDatabase({ url: dbEnv.DATABASE_URL, dataDir: dbEnv.KAPAS_DATA_DIR });
  try {
    const result = await verifyAuditChain(handle.db);
    if (result.ok) {
      console.log(`audit chain OK: ${result.rows} rows verified (${handle.kind})`);
      return 0;
    }
    console.error(`audit chain BROKEN at row id ${result.firstBrokenId} (${result.rows} rows before it intact, ${handle.kind})`);
    return 1;
  } catch (error) {
    console.error(`audit verify failed: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  } finally {
    await handle.close();
  }
}

process.exitCode = await main();
