import { router } from '../../trpc';

export const approvalsRouter = router({});
