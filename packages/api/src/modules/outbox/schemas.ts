import { z } from 'zod';
import { pageInput } from '../../shared/pagination';

export const listOutboxInput = pageInput.extend({
  /** Case-insensitive substring of the recipient address or number. */
  recipient: z.string().trim().min(1).max(254).optional(),
  channel: z.enum(['EMAIL', 'SMS']).optional(),
});

export type ListOutboxInput = z.infer<typeof listOutboxInput>;
