import { z } from 'zod';

/**
 * Field schemas shared by forms and the API. Messages are catalogue keys (see forms.ts), translated when shown.
 */
export const requiredText = (max = 200) =>
  z.string({ error: 'validation.required' }).trim().min(1, 'validation.required').max(max, 'validation.tooLong');

export const optionalText = (max = 500) =>
  z
    .string()
    .trim()
    .max(max, 'validation.tooLong')
    .optional()
    .transform((v) => (v ? v : null));

export const emailField = () =>
  z
    .string({ error: 'validation.required' })
    .trim()
    .toLowerCase()
    .min(1, 'validation.required')
    .max(200, 'validation.tooLong')
    .pipe(z.email('validation.email'));

export const usernameField = () =>
  z
    .string({ error: 'validation.required' })
    .trim()
    .toLowerCase()
    .min(1, 'validation.required')
    .regex(/^[a-z0-9._-]{3,40}$/, 'validation.username');

const passwordField = () =>
  z
    .string({ error: 'validation.required' })
    .min(1, 'validation.required')
    .min(12, 'validation.passwordTooShort')
    .max(128, 'validation.passwordTooLong');

export const nipField = () =>
  z
    .string()
    .trim()
    .regex(/^(\d{18})?$/, 'validation.nip')
    .optional()
    .transform((v) => (v ? v : null));

export const uuidField = (message = 'validation.invalid') => z.string().trim().pipe(z.uuid(message));

export const dateField = () =>
  z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, 'validation.required')
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date')
    .refine(
      (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
      'validation.date',
    );

/** A new password typed twice, refused when equal to the User ID. */
export function withPasswordConfirmation<T extends z.ZodRawShape>(shape: T) {
  return z
    .object({ ...shape, password: passwordField(), passwordConfirm: z.string().optional() })
    .superRefine((v, ctx) => {
      const o = v as { password: string; passwordConfirm?: string; username?: string };
      if (o.passwordConfirm !== undefined && o.password !== o.passwordConfirm) {
        ctx.addIssue({ code: 'custom', path: ['passwordConfirm'], message: 'validation.passwordMismatch' });
      }
      if (o.username && o.password.toLowerCase() === o.username.toLowerCase()) {
        ctx.addIssue({ code: 'custom', path: ['password'], message: 'validation.passwordSameAsUsername' });
      }
    });
}
