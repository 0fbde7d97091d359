import type { z } from 'zod';
import { isMessageKey, type Translate } from '../i18n/i18n.ts';

export type FormValues = Record<string, string>;
export type FormErrors = Record<string, string>;
export interface FormState {
  values: FormValues;
  errors: FormErrors;
}

/** Flattens a urlencoded body to strings (repeated fields keep their last value) for redisplay. */
export function formValues(body: unknown): FormValues {
  const out: FormValues = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) {
      if (k === '_csrf') continue;
      const last = Array.isArray(v) ? v[v.length - 1] : v;
      if (typeof last === 'string') out[k] = last;
    }
  }
  return out;
}

/**
 * Validates a form with the same zod schema the API uses. Schema messages are catalogue keys, so the error summary
 * speaks the page's language; the first problem per field wins, as GOV.UK's pattern asks.
 */
export function parseForm<S extends z.ZodType>(
  schema: S,
  body: unknown,
  t: Translate,
): { ok: true; data: z.infer<S> } | { ok: false; state: FormState } {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FormErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '_form');
    if (errors[field]) continue;
    const message = isMessageKey(issue.message) ? t(issue.message) : t('validation.invalid');
    // "Wajib diisi" three times in a summary helps nobody: name the field when the catalogue knows its label.
    const labelKey = `label.${field}`;
    errors[field] = isMessageKey(labelKey)
      ? `${t(labelKey)}: ${message.charAt(0).toLowerCase()}${message.slice(1)}`
      : message;
  }
  return { ok: false, state: { values: formValues(body), errors } };
}

export const hasErrors = (state?: FormState) => !!state && Object.keys(state.errors).length > 0;
