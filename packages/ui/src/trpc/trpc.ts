import type { AppRouter } from '@kapas/client';
import { createTRPCReact } from '@trpc/react-query';

/** The typed tRPC hooks both apps use: `trpc.masters.items.useQuery(…)` and so on. */
export const trpc = createTRPCReact<AppRouter>();
