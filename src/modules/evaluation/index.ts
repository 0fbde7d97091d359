import { and, eq } from 'drizzle-orm';
import { auditEvent, type DocumentReadPolicy, defineModule } from '../../platform/module.ts';
import { vendors } from '../registration/registration.schema.ts';
import { tenderMembers } from '../tenders/tenders.schema.ts';
import { loadEvaluationDemo } from './demo.ts';
import { evaluationPlugin } from './evaluation.plugin.ts';
import * as tables from './evaluation.schema.ts';
import { evalBids, evalSanggah } from './evaluation.schema.ts';
import { awardHandoverJob } from './handover.ts';
import { evaluationEn } from './locales/en.ts';
import { evaluationId } from './locales/id.ts';
import { evaluationTasks } from './tasks.ts';

/** A sanggah's attachment: readable by the tender's bidders (answers are public to participants) and its Pokja. */
const sanggahAttachment: DocumentReadPolicy = async (db, actor, doc) => {
  if (!actor) return false;
  const [s] = await db
    .select({ tenderId: evalSanggah.tenderId })
    .from(evalSanggah)
    .where(eq(evalSanggah.documentId, doc.id));
  if (!s) return false;
  const [member] = await db
    .select({ u: tenderMembers.userId })
    .from(tenderMembers)
    .where(and(eq(tenderMembers.tenderId, s.tenderId), eq(tenderMembers.userId, actor.userId)));
  if (member) return true;
  const [bidder] = await db
    .select({ v: evalBids.vendorId })
    .from(evalBids)
    .innerJoin(vendors, eq(vendors.id, evalBids.vendorId))
    .where(and(eq(evalBids.tenderId, s.tenderId), eq(vendors.userId, actor.userId)));
  return !!bidder;
};

const manage = (id: string | null) => (id ? `/kelola/tender/${id}/evaluasi` : null);

/**
 * Evaluation, pembuktian, penetapan/pengumuman pemenang and sanggah (issue 12, items 1–4): the Pokja evaluates each
 * opened bid in the method's order and approves together; the winner is decided by the Pokja or, above the threshold,
 * the PA/KPA; the public result page shows the SPSE columns; sanggah in the masa sanggah blocks the award until
 * answered. Input seam: `recordOpenedBid`; output seam: `awardOf`.
 */
export const evaluationModule = defineModule({
  name: 'evaluation',
  plugin: evaluationPlugin,
  tables,
  locales: { id: evaluationId, en: evaluationEn },
  permissions: {
    'evaluation:evaluate': {
      roles: ['POKJA', 'PEJABAT_PENGADAAN'],
      scope: 'agency',
      description:
        "Evaluate a tender's bids, approve the evaluation together, invite to the pembuktian, negotiate, decide the winner below the threshold and answer sanggah (only the tender's Pokja members — a Pengadaan Langsung's Pejabat Pengadaan — in the schedule's stages)",
    },
    'evaluation:decide_above_threshold': {
      roles: ['PA', 'KPA'],
      scope: 'agency',
      description:
        "Decide the winner of a tender of the PA/KPA's agency whose pagu is above the threshold (Perpres 16/2018 Pasal 9), on the Pokja's approved evaluation",
    },
    'evaluation:answer_banding': {
      roles: ['PA', 'KPA'],
      scope: 'agency',
      description:
        "Answer a sanggah banding (construction tenders of the PA/KPA's agency) within the bundle's answer period",
    },
    'evaluation:sanggah': {
      roles: ['PENYEDIA'],
      scope: 'own',
      description: 'A bidder files a sanggah in the masa sanggah and reads every answer',
    },
  },
  documentClasses: {
    lampiran_sanggah: { maxBytes: 10 * 1024 * 1024, mimes: ['application/pdf'], read: sanggahAttachment },
  },
  auditEvents: {
    'evaluation.bid_recorded': auditEvent<{ vendor: string; hargaPenawaran: string; hargaTerkoreksi: string }>({
      messageKey: 'audit.event.evaluation.bid_recorded',
      link: manage,
    }),
    'evaluation.result_recorded': auditEvent<{
      kode: string;
      vendor: string;
      aspect: string;
      lulus: boolean;
      reason: string | null;
      failedItems: string[];
      version: number;
    }>({ messageKey: 'audit.event.evaluation.result_recorded', link: manage }),
    'evaluation.approved': auditEvent<{ kode: string; version: number; approved: number; of: number }>({
      messageKey: 'audit.event.evaluation.approved',
      link: manage,
    }),
    'evaluation.proof_invited': auditEvent<{ kode: string; vendor: string; waktu: string }>({
      messageKey: 'audit.event.evaluation.proof_invited',
      link: manage,
    }),
    'evaluation.proof_recorded': auditEvent<{
      kode: string;
      vendor: string;
      hadir: boolean;
      lulus: boolean;
      reason: string | null;
      version: number;
    }>({ messageKey: 'audit.event.evaluation.proof_recorded', link: manage }),
    'evaluation.negotiated': auditEvent<{ kode: string; vendor: string; harga: string }>({
      messageKey: 'audit.event.evaluation.negotiated',
      link: manage,
    }),
    'evaluation.award_decided': auditEvent<{
      kode: string;
      vendor: string;
      nilaiTerkoreksi: string;
      decidedAs: string;
    }>({
      messageKey: 'audit.event.evaluation.award_decided',
      link: (_id, p: { kode: string }) => `/tender/${p.kode}/hasil`,
    }),
    'evaluation.sanggah_filed': auditEvent<{ kode: string; vendor: string; sanggah: string }>({
      messageKey: 'audit.event.evaluation.sanggah_filed',
      link: manage,
    }),
    'evaluation.sanggah_answered': auditEvent<{ kode: string; sanggah: string; outcome: string; vendor: string }>({
      messageKey: 'audit.event.evaluation.sanggah_answered',
      link: manage,
    }),
    'evaluation.banding_filed': auditEvent<{ kode: string; vendor: string; jaminan: string }>({
      messageKey: 'audit.event.evaluation.banding_filed',
      link: (_id, p: { kode: string }) => `/tender/${p.kode}/sanggah`,
    }),
    'evaluation.banding_answered': auditEvent<{ kode: string; outcome: string }>({
      messageKey: 'audit.event.evaluation.banding_answered',
      link: (_id, p: { kode: string }) => `/tender/${p.kode}/sanggah`,
    }),
  },
  demo: loadEvaluationDemo,
  dashboard: evaluationTasks,
  jobs: [awardHandoverJob],
  nav: [{ href: '/kelola/evaluasi', labelKey: 'nav.evaluation', permission: 'evaluation:evaluate' }],
});

// The public surface.
export { AWARD_THRESHOLDS, awardAuthority } from './award-authority.ts';
export { type OpenedBid, recordOpenedBid } from './commands/opened-bid.ts';
export { correctedTotal } from './money.ts';
export { type Award, type AwardBlocker, awardOf, evaluationOutcome, recordedBidPrices } from './readers.ts';
export { JAMINAN_SANGGAH_BANDING_BP } from './sanggah-banding.ts';
