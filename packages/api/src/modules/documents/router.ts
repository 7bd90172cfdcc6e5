import { router } from '../../trpc';

export const documentsRouter = router({});
