import { auditEvent, defineModule } from '../../platform/module.ts';
import { loadTendersDemo } from './demo.ts';
import { tendersEn } from './locales/en.ts';
import { tendersId } from './locales/id.ts';
import { tendersPlugin } from './tenders.plugin.ts';
import * as tables from './tenders.schema.ts';

type HolidayPayload = { date: string; name: string; kind: string; source: string };
type ScheduleChangePayload = {
  kode: string;
  reason: string;
  changes: { stage: string; from: [string, string]; to: [string, string] }[];
};

/**
 * The tender engine (issue 9): selection methods as versioned configuration bundles, the LPSE's holiday calendar,
 * working-day arithmetic in WITA, and each tender's schedule as data with its change history. The current stage is
 * derived from the Clock (`currentStages`); no job moves a tender.
 */
export const tendersModule = defineModule({
  name: 'tenders',
  plugin: tendersPlugin,
  tables,
  locales: { id: tendersId, en: tendersEn },
  permissions: {
    'holidays:manage': {
      roles: ['ADMIN_SISTEM', 'SEKRETARIAT'],
      scope: 'global',
      description: 'Keep the holiday calendar (libur nasional, cuti bersama) that tender schedules skip; CSV import',
    },
    'tenders:schedule': {
      roles: ['POKJA'],
      scope: 'agency',
      description:
        "Create a tender's schedule from its method's template and change it (never below the minimums, never shortening a started stage; every change kept with its reason)",
    },
  },
  nav: [{ href: '/admin/hari-libur', labelKey: 'nav.holidays', permission: 'holidays:manage' }],
  auditEvents: {
    'holiday.added': auditEvent<HolidayPayload>({
      messageKey: 'audit.event.holiday.added',
      link: () => '/admin/hari-libur',
    }),
    'holiday.removed': auditEvent<HolidayPayload>({
      messageKey: 'audit.event.holiday.removed',
      link: () => '/admin/hari-libur',
    }),
    'holiday.imported': auditEvent<{ count: number; source: string; dates: string[] }>({
      messageKey: 'audit.event.holiday.imported',
      link: () => '/admin/hari-libur',
    }),
    'tender.schedule_created': auditEvent<{ kode: string; bundle: string; stages: number }>({
      messageKey: 'audit.event.tender.schedule_created',
    }),
    'tender.schedule_changed': auditEvent<ScheduleChangePayload>({ messageKey: 'audit.event.tender.schedule_changed' }),
  },
  demo: loadTendersDemo,
});

// The public surface: the rest of the engine and other modules read methods, schedules and stages from here.
export type { Bundle, Stage } from './methods/bundle.ts';
export { bundleOf, currentBundles, latestBundle } from './methods/index.ts';
export {
  currentStages,
  nextStage,
  type ScheduleRow,
  scheduleTemplate,
  stageOfRole,
  stageWindow,
} from './schedule.ts';
export { holidaySetFrom, loadSchedule } from './tenders.repository.ts';
