import { can } from '../../platform/auth/permissions.ts';
import { auditEvent, type DocumentReadPolicy, defineModule } from '../../platform/module.ts';
import { loadSikapDemo } from './demo.ts';
import { expiryReminderJob } from './expiry.ts';
import { sikapEn } from './locales/en.ts';
import { sikapId } from './locales/id.ts';
import { qualificationSnapshotJob } from './qualification-snapshot.ts';
import { sikapPlugin } from './sikap.plugin.ts';
import { vendorOfEvidence } from './sikap.repository.ts';
import * as tables from './sikap.schema.ts';
import { sikapTasks } from './tasks.ts';

/**
 * Evidence of a profile (licences, deeds, KTP of owners and directors, tax returns, certificates, contracts):
 * encrypted at rest, readable by the vendor's own users and the LPSE verifiers. The Pokja of a tender the vendor
 * joins will read it through the tender engine's policy (to come).
 */
const evidenceRead: DocumentReadPolicy = async (db, actor, doc) => {
  if (!actor) return false;
  if (can(actor, 'sikap:read')) return true;
  const owner = await vendorOfEvidence(db, doc.id);
  return !!owner && owner.userId === actor.userId;
};

const MB = 1024 * 1024;
type SectionEvent = { section: string; [detail: string]: unknown };
const ownLink = () => '/sikap';
const verifyLink = (_id: string | null, p: { requestId?: unknown }) =>
  typeof p.requestId === 'string' ? `/verifikasi/sikap/${p.requestId}` : '/verifikasi/sikap';

/** SIKaP: the vendor's qualification profile, reused across tenders, with changes to verified data (R06, R04). */
export const sikapModule = defineModule({
  name: 'sikap',
  plugin: sikapPlugin,
  tables,
  locales: { id: sikapId, en: sikapEn },
  permissions: {
    'sikap:edit': {
      roles: ['PENYEDIA'],
      scope: 'own',
      description:
        "Keep the own vendor's SIKaP profile (licences, owners, tax, experts, equipment, experience); request changes to verified data",
    },
    'sikap:read': {
      roles: ['VERIFIKATOR', 'KEPALA_LPSE'],
      scope: 'global',
      description: "Read any vendor's full SIKaP profile and its evidence",
    },
    'sikap:verify': {
      roles: ['VERIFIKATOR'],
      scope: 'global',
      description: 'Approve or reject changes to verified vendor data (identity, deeds, directors) against originals',
    },
  },
  documentClasses: {
    sikap_bukti: { maxBytes: 10 * MB, mimes: ['application/pdf'], confidential: true, read: evidenceRead },
  },
  nav: [
    { href: '/sikap', labelKey: 'nav.sikap', permission: 'sikap:edit' },
    { href: '/verifikasi/sikap', labelKey: 'nav.sikapVerify', permission: 'sikap:verify' },
  ],
  auditEvents: {
    'sikap.section_saved': auditEvent<SectionEvent & { version: number }>({
      messageKey: 'audit.event.sikap.section_saved',
      link: ownLink,
    }),
    'sikap.change_requested': auditEvent<SectionEvent & { requestId: string }>({
      messageKey: 'audit.event.sikap.change_requested',
      link: verifyLink,
    }),
    'sikap.change_approved': auditEvent<SectionEvent & { requestId: string }>({
      messageKey: 'audit.event.sikap.change_approved',
      link: verifyLink,
    }),
    'sikap.change_rejected': auditEvent<SectionEvent & { requestId: string; reason: string }>({
      messageKey: 'audit.event.sikap.change_rejected',
      link: verifyLink,
    }),
    'sikap.qualification_snapshot': auditEvent<{ kode: string; deadline: string; vendors: number; passed: number }>({
      messageKey: 'audit.event.sikap.qualification_snapshot',
      link: (id) => (id ? `/kelola/tender/${id}` : null),
    }),
  },
  demo: loadSikapDemo,
  dashboard: sikapTasks,
  jobs: [expiryReminderJob, qualificationSnapshotJob],
});

// The public surface: the tender engine's participation check adds these to registration's `isEligibleToBid`.
export { type ProfileBlocker, profileBlockers } from './expiry.ts';
// The qualification check (issue 10 item 4): the pure function, the live check a participant sees before bidding,
// and the snapshot taken at the upload deadline that the evaluation reads.
export {
  buildSnapshot,
  checkQualification,
  type ProfileSnapshot,
  type QualificationRequirements,
  type QualificationResult,
  type RequirementResult,
} from './qualification.ts';
export {
  type QualificationSnapshotRow,
  qualificationFor,
  qualificationSnapshot,
  type TenderRequirements,
  takeQualificationSnapshots,
} from './qualification-snapshot.ts';
export { QualificationPanel, RunningWorkList } from './views/qualification.view.tsx';
// "Cek paket berjalan" (item 5): running tenders now, running contracts when the contracts module exists.
export { type RunningWork, runningWorkOf } from './workload.ts';
