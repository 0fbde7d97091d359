import type { FastifyInstance } from 'fastify';
import { can } from '../../platform/auth/permissions.ts';
import { registerDocumentPolicy } from '../../platform/files/files.plugin.ts';
import { registerNav } from '../../platform/ui/page.ts';
import { registrantPages } from './pages/registrant.pages.ts';
import { verificationPages } from './pages/verification.pages.ts';
import { documentOwnedBy } from './registration.repository.ts';
import { IDENTITY_CLASSES } from './requirements.ts';

/** Registration and verification of SPSE users, deactivation and the blacklist (R16, R30–R36; Pasal 10, 23). */
export async function registrationPlugin(app: FastifyInstance) {
  registerNav(
    { href: '/daftar', labelKey: 'nav.registration' },
    { href: '/daftar-hitam', labelKey: 'nav.blacklist' },
    { href: '/verifikasi', labelKey: 'nav.verification', permission: 'registration:read' },
    { href: '/penyedia/profil', labelKey: 'nav.vendorProfile', permission: 'vendor-profile:read' },
  );
  // Identity documents (KTP, NPWP): only their owner, the Verifikator and the Kepala LPSE; the files plugin audits
  // every read and every refusal.
  registerDocumentPolicy(IDENTITY_CLASSES, async (db, actor, doc) => {
    if (!actor) return false;
    if (can(actor, 'identity-documents:read')) return true;
    return doc.uploadedBy === actor.userId || (await documentOwnedBy(db, doc.id, actor.userId));
  });
  await app.register(registrantPages);
  await app.register(verificationPages);
}
