import type { Translate } from '../../platform/i18n/i18n.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** How long the oldest item has waited, in whole days (or hours within the first day): "3 hari", "5 hours". */
export function formatAge(since: Date, now: Date, t: Translate): string {
  const ms = Math.max(0, now.getTime() - since.getTime());
  if (ms >= DAY) {
    const days = Math.floor(ms / DAY);
    return t(days === 1 ? 'dashboard.age.day' : 'dashboard.age.days', { n: days });
  }
  if (ms >= HOUR) {
    const hours = Math.floor(ms / HOUR);
    return t(hours === 1 ? 'dashboard.age.hour' : 'dashboard.age.hours', { n: hours });
  }
  return t('dashboard.age.lessThanHour');
}
