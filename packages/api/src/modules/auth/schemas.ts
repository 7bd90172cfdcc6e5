import { z } from 'zod';

export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .email('Enter a valid email address')
  .transform((e) => e.toLowerCase());

/** Bounded so a huge body cannot make the hasher work; the policy's own limits apply when a password is set. */
const passwordInput = z.string().min(1, 'Enter your password').max(256, 'Passwords can have at most 128 characters');
const newPassword = z.string().min(1, 'Choose a new password').max(512);
const otpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'Enter the 6-digit code');
const linkToken = z.string().trim().min(10).max(200);

export const signInInput = z.object({
  email: emailSchema,
  password: passwordInput,
  /** Which app is signing in; a back-office account cannot use the trader app and vice versa. */
  audience: z.enum(['PARTNER', 'BACK_OFFICE']).optional(),
  /** `cookie` for the browser apps (HttpOnly cookie, no token in the body), `token` for the typed client. */
  transport: z.enum(['cookie', 'token']).default('cookie'),
});
export type SignInInput = z.infer<typeof signInInput>;

export const verifySignInInput = z.object({
  challengeId: z.string().min(10).max(100),
  code: otpCode,
  transport: z.enum(['cookie', 'token']).default('cookie'),
});
export type VerifySignInInput = z.infer<typeof verifySignInInput>;

export const changePasswordInput = z.object({ currentPassword: passwordInput, newPassword });
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

export const requestResetInput = z.object({ email: emailSchema });
export type RequestResetInput = z.infer<typeof requestResetInput>;

export const resetPasswordInput = z.union([
  z.object({ token: linkToken, newPassword }),
  z.object({ email: emailSchema, code: otpCode, newPassword }),
]);
export type ResetPasswordInput = z.infer<typeof resetPasswordInput>;

export const acceptInviteInput = z.object({ token: linkToken, password: newPassword });
