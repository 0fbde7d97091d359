import { can } from '../../platform/auth/permissions.ts';
import { auditEvent, type DocumentReadPolicy, defineModule } from '../../platform/module.ts';
import { loadRegistrationDemoModule } from './demo.ts';
import { registrationEn } from './locales/en.ts';
import { registrationId } from './locales/id.ts';
import { registrationPlugin } from './registration.plugin.ts';
import { documentOwnedBy } from './registration.repository.ts';
import * as tables from './registration.schema.ts';
import { registrationTasks } from './tasks.ts';

// Identity documents (KTP, NPWP): only their owner, the Verifikator and the Kepala LPSE; the files plugin audits every
// read and every refusal.
const identityRead: DocumentReadPolicy = async (db, actor, doc) => {
  if (!actor) return false;
  if (can(actor, 'identity-documents:read')) return true;
  return doc.uploadedBy === actor.userId || (await documentOwnedBy(db, doc.id, actor.userId));
};
// Other registration documents: the uploader and the LPSE officers who handle registrations.
const registrationRead: DocumentReadPolicy = (_db, actor, doc) =>
  !!actor && (actor.userId === doc.uploadedBy || can(actor, 'registration:read'));

const MB = 1024 * 1024;
const PDF_OR_IMAGE = ['application/pdf', 'image/jpeg', 'image/png'] as const;
const PDF = ['application/pdf'] as const;

type Step = { number?: string; note?: string; [detail: string]: unknown };
const step = (messageKey: string) => auditEvent<Step>({ messageKey, link: (id) => (id ? `/verifikasi/${id}` : null) });

/** Registration and verification of SPSE users, deactivation and the blacklist (R16, R30–R36; Pasal 10, 23). */
export const registrationModule = defineModule({
  name: 'registration',
  plugin: registrationPlugin,
  tables,
  locales: { id: registrationId, en: registrationEn },
  permissions: {
    'registration:verify': {
      roles: ['VERIFIKATOR'],
      scope: 'global',
      description:
        'Check originals, approve, reject or send back registrations (Unit Registrasi dan Verifikasi, Pasal 10)',
    },
    'registration:read': {
      roles: ['VERIFIKATOR', 'KEPALA_LPSE'],
      scope: 'global',
      description: 'Read registrations, the user archive and their history (R36)',
    },
    'identity-documents:read': {
      roles: ['VERIFIKATOR', 'KEPALA_LPSE'],
      scope: 'global',
      description: 'Open identity documents (KTP, NPWP) of any registrant',
    },
    'accounts:deactivate': {
      roles: ['VERIFIKATOR'],
      scope: 'global',
      description: 'Deactivate and reactivate user accounts on request (R16)',
    },
    'blacklist:manage': {
      roles: ['VERIFIKATOR'],
      scope: 'global',
      description: 'Record blacklist entries (daftar hitam) from their decisions',
    },
    'vendor-profile:read': {
      roles: ['PENYEDIA'],
      scope: 'own',
      description: 'A verified vendor reads its own registered data, documents and eligibility (R36)',
    },
  },
  documentClasses: {
    ktp: { maxBytes: 5 * MB, mimes: PDF_OR_IMAGE, confidential: true, read: identityRead },
    npwp: { maxBytes: 5 * MB, mimes: PDF_OR_IMAGE, confidential: true, read: identityRead },
    akta_pendirian: { maxBytes: 20 * MB, mimes: PDF, read: registrationRead },
    akta_perubahan: { maxBytes: 20 * MB, mimes: PDF, read: registrationRead },
    izin_usaha: { maxBytes: 10 * MB, mimes: PDF, read: registrationRead },
    surat_tugas: { maxBytes: 10 * MB, mimes: PDF, read: registrationRead },
    referensi: { maxBytes: 10 * MB, mimes: PDF, read: registrationRead },
  },
  nav: [
    { href: '/daftar', labelKey: 'nav.registration' },
    { href: '/daftar-hitam', labelKey: 'nav.blacklist' },
    { href: '/verifikasi', labelKey: 'nav.verification', permission: 'registration:read' },
    { href: '/penyedia/profil', labelKey: 'nav.vendorProfile', permission: 'vendor-profile:read' },
  ],
  auditEvents: {
    'registration.created': step('audit.event.registration.created'),
    'registration.draft_saved': step('audit.event.registration.draft_saved'),
    'registration.submitted': step('audit.event.registration.submitted'),
    'registration.resubmitted': step('audit.event.registration.resubmitted'),
    'registration.originals_checked': step('audit.event.registration.originals_checked'),
    'registration.approved': step('audit.event.registration.approved'),
    'registration.rejected': step('audit.event.registration.rejected'),
    'registration.revision_requested': step('audit.event.registration.revision_requested'),
    'registration.resumed': step('audit.event.registration.resumed'),
    'registration.role_requested': step('audit.event.registration.role_requested'),
    'registration.email_confirmation_requested': auditEvent<{ email: string; kind: string }>({
      messageKey: 'audit.event.registration.email_confirmation_requested',
    }),
    'blacklist.entry_added': auditEvent<{ entryId: string; [field: string]: unknown }>({
      messageKey: 'audit.event.blacklist.entry_added',
      link: () => '/daftar-hitam',
    }),
    'user.deactivated': auditEvent<{ changeId: string; reason: string; [field: string]: unknown }>({
      messageKey: 'audit.event.user.deactivated',
      link: (id) => (id ? `/verifikasi/pengguna/${id}` : null),
    }),
    'user.reactivated': auditEvent<{ changeId: string; reason: string; [field: string]: unknown }>({
      messageKey: 'audit.event.user.reactivated',
      link: (id) => (id ? `/verifikasi/pengguna/${id}` : null),
    }),
  },
  demo: loadRegistrationDemoModule,
  dashboard: registrationTasks,
});

export { DEMO_BIDDERS, demoVendor, loadDemoBidders } from './demo-bidders.ts';
// The public surface of the registration module: what other modules (tenders) may use.
export { type Eligibility, isEligibleToBid, witaDay } from './eligibility.ts';
export { companyName, formatNpwp, maskNpwp, nikField, npwpField } from './identifiers.ts';
export type { VendorRow } from './registration.repository.ts';
export {
  applyVerifiedIdentityChange,
  findVerifiedVendor,
  type IdentityChange,
  verifiedVendorOfUser,
} from './vendor-data.ts';
