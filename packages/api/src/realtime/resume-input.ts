import { z } from 'zod';

/**
 * The id of the last event a subscriber saw. Coerced because the client's reconnect hands back the
 * tracked id as a string; a strict number would fail the resume and end the subscription.
 */
export const lastEventIdInput = z.coerce.number().int().min(0).nullish();
