import type { Db } from '../../platform/db/database.ts';
import { auditEvent, defineModule } from '../../platform/module.ts';
import { loadRupDemo } from './demo.ts';
import { rupEn } from './locales/en.ts';
import { rupId } from './locales/id.ts';
import { cachedPublic } from './public-cache.ts';
import { rupPlugin } from './rup.plugin.ts';
import { latestAnnouncedPlans } from './rup.repository.ts';
import * as tables from './rup.schema.ts';
import { rupTasks } from './tasks.ts';

type PlanEvent = { kode: number; nama: string; pagu: string };
const planLink = (_id: string | null, p: { kode: number }) => `/kelola/rup/${p.kode}`;

/** Procurement plans (RUP): PA/KPA plan and announce, the public sees them on the portal (R10, R02). */
export const rupModule = defineModule({
  name: 'rup',
  plugin: rupPlugin,
  tables,
  locales: { id: rupId, en: rupEn },
  permissions: {
    'rup:manage': {
      roles: ['PA', 'KPA'],
      scope: 'agency',
      description: "Draft, announce, revise (kaji ulang) and import the agency's procurement plans (R10)",
    },
    'rup:read': {
      roles: ['PA', 'KPA', 'PPK'],
      scope: 'agency',
      description: "See the agency's procurement plans, drafts included (the PPK prepares the packages)",
    },
  },
  nav: [
    { href: '/rup', labelKey: 'nav.rup' },
    { href: '/kelola/rup', labelKey: 'nav.rupManage', permission: 'rup:read' },
  ],
  auditEvents: {
    'rup.created': auditEvent<PlanEvent>({ messageKey: 'audit.event.rup.created', link: planLink }),
    'rup.updated': auditEvent<PlanEvent>({ messageKey: 'audit.event.rup.updated', link: planLink }),
    'rup.announced': auditEvent<PlanEvent>({ messageKey: 'audit.event.rup.announced', link: planLink }),
    'rup.withdrawn': auditEvent<{ kode: number; nama: string; alasan: string }>({
      messageKey: 'audit.event.rup.withdrawn',
      link: planLink,
    }),
    'rup.revised': auditEvent<{
      kode: number;
      nama: string;
      jenis: string;
      alasan: string;
      kodeBaru: string;
      revisionId: string;
    }>({ messageKey: 'audit.event.rup.revised', link: planLink }),
    'rup.imported': auditEvent<{
      file: string;
      agencyId: string;
      created: number;
      updated: number;
      unchanged: number;
      kodes: number[];
    }>({ messageKey: 'audit.event.rup.imported', link: () => '/kelola/rup' }),
  },
  dashboard: rupTasks,
  demo: loadRupDemo,
});

export { checkMethod, JENIS, type Jenis, METHOD_RULES, METODE, type Metode } from './methods.ts';
export { parseRupiah } from './money.ts';

/**
 * The newest announced plans for the portal's home page, from the public cache (the home page is the most visited
 * page; announcing a plan clears the cache, so a new plan shows at once).
 */
export function latestPlansForPortal(db: Db, now: Date, limit = 5) {
  return cachedPublic(`latest:${limit}`, now, () => latestAnnouncedPlans(db, limit));
}
