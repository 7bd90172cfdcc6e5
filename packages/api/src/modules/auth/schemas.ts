import { z } from 'zod';

export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .email('Enter a valid email address')
  .transform((e) => e.toLowerCase());

export const signInInput = z.object({
  email: emailSchema,
  // Bounded so a huge body cannot make the hasher work; policy limits are enforced at set time.
  password: z.string().min(1, 'Enter your password').max(256),
  /** Which app is signing in; a back-office account cannot use the trader app and vice versa. */
  audience: z.enum(['PARTNER', 'BACK_OFFICE']).optional(),
  /** `cookie` for the browser apps (HttpOnly cookie, no token in the body), `token` for the typed client. */
  transport: z.enum(['cookie', 'token']).default('cookie'),
});
export type SignInInput = z.infer<typeof signInInput>;
