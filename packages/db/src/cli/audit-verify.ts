import { verifyAuditChain } from '../audit-chain';
import { openDatabase } from '../client';
import { dbEnv } from '../env';

/** `pnpm audit:verify`: walks the audit hash chain; exit 0 when intact, 1 naming the first broken row. */
const handle = await openDatabase({ url: dbEnv.DATABASE_URL, dataDir: dbEnv.KAPAS_DATA_DIR });
try {
  const result = await verifyAuditChain(handle.db);
  if (result.ok) {
    console.log(`audit chain OK: ${result.rows} rows verified (${handle.kind})`);
  } else {
    console.error(
      `audit chain BROKEN at row id ${result.firstBrokenId} (${result.rows} rows before it verified intact, ${handle.kind})`,
    );
    process.exitCode = 1;
  }
} catch (error) {
  console.error(`audit verify failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
} finally {
  await handle.close();
}
