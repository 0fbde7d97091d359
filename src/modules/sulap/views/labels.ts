import type { Translate } from '../../../platform/i18n/i18n.ts';
import type { MessageKey } from '../../../registry.ts';

/** Catalogue labels of SULAP codes (item, status, decision…); an unknown code is shown as it is. */
export function label(t: Translate, group: string, code: string | null | undefined): string {
  if (!code) return '—';
  const key = `sulap.${group}.${code}`;
  const text = t(key as MessageKey);
  return text === key ? code : text;
}

export const itemLabel = (t: Translate, key: string) => label(t, 'item', key);
