import { type MessageKey, registry } from '../../registry.ts';

export type Locale = 'id' | 'en';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(registry().catalogues.id, key);
}

/**
 * Looks a message up in the locale's catalogue (composed from every module's) and fills `{name}` placeholders.
 */
export function translator(locale: Locale): Translate {
  return (key, params) => {
    const { catalogues } = registry();
    const template = catalogues[locale][key] ?? catalogues.id[key] ?? key;
    return params ? template.replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m)) : template;
  };
}

export function parseLocale(value: unknown): Locale | undefined {
  return value === 'id' || value === 'en' ? value : undefined;
}

const TZ = 'Asia/Makassar';

/** Times are stored in UTC and always shown in WITA, the regency's zone. */
export function formatDateTime(d: Date | null | undefined, locale: Locale): string {
  if (!d) return '—';
  const s = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    timeZone: TZ,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(d);
  return `${s} WITA`;
}

export function formatDate(d: Date | string | null | undefined, locale: Locale): string {
  if (!d) return '—';
  const date = typeof d === 'string' ? new Date(`${d.slice(0, 10)}T00:00:00+08:00`) : d;
  return new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    timeZone: TZ,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(date);
}

/** Money is integer rupiah: `Rp 1.250.000.000`. */
export function formatRupiah(amount: bigint | number): string {
  const digits = BigInt(amount).toString();
  const negative = digits.startsWith('-');
  const body = (negative ? digits.slice(1) : digits).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}Rp ${body}`;
}
