import { procedure, router } from '../../trpc';
import { auditByIdInput, exportAuditInput, listAuditInput } from './schemas';
import * as audit from './service';

// Who may call what is declared in authorization.ts (audit:read, back office).
const read = procedure;

export const auditRouter = router({
  /** Filtered audit entries, newest first, one page at a time (no old/new values). */
  list: read.input(listAuditInput).query(({ ctx, input }) => audit.listAudit(ctx.deps.db, input)),
  /** One entry with its old and new values and its chain hashes. */
  get: read.input(auditByIdInput).query(({ ctx, input }) => audit.getAudit(ctx.deps.db, input.id)),
  /** The newest 10,000 entries matching the filters as CSV text (the export is audited). */
  exportCsv: read.input(exportAuditInput).mutation(({ ctx, input }) => audit.exportAuditCsv(ctx, input)),
  /** Walks the hash chain: `{ ok: true, rows }` or `{ ok: false, firstBrokenId }`. */
  verify: read.query(({ ctx }) => audit.verifyChain(ctx.deps.db)),
});
