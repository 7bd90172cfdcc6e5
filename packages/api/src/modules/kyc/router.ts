import { router } from '../../trpc';

export const kycRouter = router({});
