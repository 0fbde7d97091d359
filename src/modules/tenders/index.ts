import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { auditEvent, type DocumentReadPolicy, defineModule } from '../../platform/module.ts';
import { uploadHoldJob } from './commands/upload-hold.ts';
import { loadTendersDemo } from './demo.ts';
import { lifecycleAuditEvents, lifecyclePermissions } from './lifecycle.decl.ts';
import { tendersEn } from './locales/en.ts';
import { tendersId } from './locales/id.ts';
import { loadHighlights, type TenderHighlights } from './public.repository.ts';
import { cachedTenders } from './public-cache.ts';
import { tenderTasks } from './tasks.ts';
import { tendersPlugin } from './tenders.plugin.ts';
import * as tables from './tenders.schema.ts';

/** A Dokumen Pemilihan is public once its tender is announced (never the SULAP documents, which stay confidential). */
const announcedTenderDocument: DocumentReadPolicy = async (db, _actor, doc) => {
  const [row] = await db
    .select({ id: tables.tenders.id })
    .from(tables.tenderDocuments)
    .innerJoin(tables.tenders, eq(tables.tenders.id, tables.tenderDocuments.tenderId))
    .where(and(eq(tables.tenderDocuments.documentId, doc.id), isNotNull(tables.tenders.announcedAt)));
  return !!row;
};
const tenderLink = (id: string | null) => (id ? `/kelola/tender/${id}` : null);

type HolidayPayload = { date: string; name: string; kind: string; source: string };
type ScheduleChangePayload = {
  kode: string | null;
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
    'tenders:publish': {
      roles: ['POKJA', 'PEJABAT_PENGADAAN'],
      scope: 'agency',
      description:
        "Build a tender from a completed SULAP package and approve its announcement (only the Pokja members named in the package's SK; every member must approve; for a Pengadaan Langsung the package's Pejabat Pengadaan alone), and invite the chosen vendor of a Pengadaan/Penunjukan Langsung",
    },
    'tenders:schedule': {
      roles: ['POKJA', 'PEJABAT_PENGADAAN'],
      scope: 'agency',
      description:
        "Create a tender's schedule from its method's template and change it (never below the minimums, never shortening a started stage; every change kept with its reason)",
    },
    'tenders:participate': {
      roles: ['PENYEDIA'],
      scope: 'own',
      description:
        'A verified vendor joins an announced tender by accepting the Pakta Integritas (while participation is open) and asks questions during Pemberian Penjelasan',
    },
    'tenders:clarify': {
      roles: ['POKJA'],
      scope: 'agency',
      description:
        "See a tender's participants and answer their questions in Pemberian Penjelasan (only the tender's Pokja members)",
    },
    ...lifecyclePermissions,
  },
  nav: [
    { href: '/tender', labelKey: 'nav.tenders' },
    { href: '/kelola/tender', labelKey: 'nav.tendersManage', permission: 'tenders:publish' },
    { href: '/admin/hari-libur', labelKey: 'nav.holidays', permission: 'holidays:manage' },
    { href: '/admin/gangguan', labelKey: 'nav.outages', permission: 'outages:record' },
  ],
  documentClasses: {
    dokumen_pemilihan: { maxBytes: 20 * 1024 * 1024, mimes: ['application/pdf'], read: announcedTenderDocument },
  },
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
    'tender.schedule_created': auditEvent<{ kode: string | null; bundle: string; stages: number }>({
      messageKey: 'audit.event.tender.schedule_created',
    }),
    'tender.schedule_changed': auditEvent<ScheduleChangePayload>({ messageKey: 'audit.event.tender.schedule_changed' }),
    'tender.publication_requested': auditEvent<{ nama: string; bundle: string; members: string[]; startDate: string }>({
      messageKey: 'audit.event.tender.publication_requested',
      link: tenderLink,
    }),
    'tender.publication_approved': auditEvent<{ nama: string; approved: number; of: number }>({
      messageKey: 'audit.event.tender.publication_approved',
      link: tenderLink,
    }),
    'tender.announced': auditEvent<{ nama: string; kode: string; members: string[] }>({
      messageKey: 'audit.event.tender.announced',
      link: (_id, p: { kode: string }) => `/tender/${p.kode}`,
    }),
    'tender.vendor_invited': auditEvent<{ kode: string; vendor: string }>({
      messageKey: 'audit.event.tender.vendor_invited',
    }),
    'tender.joined': auditEvent<{ kode: string; vendor: string }>({
      messageKey: 'audit.event.tender.joined',
      link: tenderLink,
    }),
    'tender.question_asked': auditEvent<{ kode: string; question: string; anonymous: boolean }>({
      messageKey: 'audit.event.tender.question_asked',
      link: tenderLink,
    }),
    'tender.question_answered': auditEvent<{ kode: string; question: string }>({
      messageKey: 'audit.event.tender.question_answered',
      link: tenderLink,
    }),
    ...lifecycleAuditEvents,
  },
  demo: loadTendersDemo,
  dashboard: tenderTasks,
  jobs: [uploadHoldJob],
});

// The public surface: the rest of the engine and other modules read methods, schedules and stages from here.
export { type Bundle, type Official, officialOf, type Stage } from './methods/bundle.ts';
export { bundleOf, currentBundles, latestBundle } from './methods/index.ts';
export {
  type AnnouncedTender,
  type NoticeTender,
  participantUsersOf,
  pokjaUsersOf,
  type StageStart,
  stagesStartedBetween,
  tendersAnnouncedBetween,
  uploadStagesEndingBetween,
} from './notices.repository.ts';
export { blockingQuestions } from './participation.repository.ts';
export type { TenderHighlights } from './public.repository.ts';
export {
  currentStages,
  nextStage,
  type ScheduleRow,
  scheduleTemplate,
  stageOfRole,
  stageWindow,
} from './schedule.ts';
export { actsForTender, isTenderOfficial, type OfficialOfTender } from './tenders.policy.ts';
export { holidaySetFrom, loadSchedule } from './tenders.repository.ts';
export {
  JENIS_KONTRAK,
  type JenisKontrak,
  KUALIFIKASI_USAHA,
  type KualifikasiUsaha,
  type SyaratKualifikasi,
} from './tenders.schema.ts';

/**
 * For the portal's home page: the latest announcements (kode, nama, satker, HPS, current stages, link) and the number
 * of running tenders per current stage, at `now`. Cached for 30 s and cleared by every announcement.
 */
export function tenderHighlights(db: Db, now: Date, latest = 5): Promise<TenderHighlights> {
  return cachedTenders(`highlights:${latest}`, now, () => loadHighlights(db, now, latest));
}
export { type DemoTenderInput, insertDemoTender } from './demo-fixtures.ts';
