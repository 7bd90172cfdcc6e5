import { procedure, router } from '../../trpc';
import { listOutboxInput } from './schemas';
import * as outbox from './service';

// Who may call what is declared in authorization.ts (user:manage, back office).
export const outboxRouter = router({
  /** Messages written by the embedded mail/SMS channels, newest first; NOT_FOUND when a real provider is configured. */
  list: procedure.input(listOutboxInput).query(({ ctx, input }) => outbox.listOutbox(ctx.deps, input)),
});
