import { router } from '../../trpc';

export const partnersRouter = router({});
export const companyRouter = router({});
export const changeRequestsRouter = router({});
