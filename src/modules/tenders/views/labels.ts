import type { Translate } from '../../../platform/i18n/i18n.ts';
import type { MessageKey } from '../../../registry.ts';

/** Catalogue label of a code (`<prefix>.<code>`), or the code itself when the catalogue has none. */
export function label(t: Translate, prefix: string, code: string | number | null | undefined): string {
  if (code === null || code === undefined || code === '') return '—';
  const key = `${prefix}.${code}`;
  const text = t(key as MessageKey);
  return text === key ? String(code) : text;
}
