import { isMessageKey, type Translate } from '../../platform/i18n/i18n.ts';

/**
 * Why a bid failed to open, or what the LPSE's witness check found, as stored: a stable code, sometimes followed by
 * the library's detail after a colon. Shown explained in the reader's language, with the stored text kept beside it
 * for the record (the berita acara must say exactly what the system said).
 */
export function explainReason(t: Translate, raw: string | null | undefined): string {
  if (!raw) return '';
  const key = `bids.reason.${raw.split(':')[0]!.trim()}`;
  return isMessageKey(key) ? `${t(key)} (${raw})` : raw;
}
