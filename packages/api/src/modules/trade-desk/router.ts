import { router } from '../../trpc';

export const tradesRouter = router({});
export const lotsRouter = router({});
export const offersRouter = router({});
export const contractsRouter = router({});
export const tradeDeskRouter = router({});
