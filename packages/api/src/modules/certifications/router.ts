import { router } from '../../trpc';

export const certificationsRouter = router({});
