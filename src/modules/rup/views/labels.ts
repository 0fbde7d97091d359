import type { Translate } from '../../../platform/i18n/i18n.ts';
import type { MessageKey } from '../../../registry.ts';

/** Catalogue labels of the RUP codes (method, category, status, …); an unknown code is shown as it is. */
export function label(t: Translate, group: string, code: string | number | null | undefined): string {
  if (code === null || code === undefined || code === '') return '—';
  const key = `rup.${group}.${code}`;
  const text = t(key as MessageKey);
  return text === key ? String(code) : text;
}
