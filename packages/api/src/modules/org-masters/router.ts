import { router } from '../../trpc';

export const orgMastersRouter = router({});
