import type { FastifyInstance } from 'fastify';
import { registerNav } from '../../platform/ui/page.ts';
import { organisationApi } from './api/organisation.api.ts';
import { organisationPages } from './pages/organisation.pages.ts';

/** Agencies (R13) and the Tim LPSE with its decree and org chart (R20). */
export async function organisationPlugin(app: FastifyInstance) {
  registerNav(
    { href: '/admin/instansi', labelKey: 'nav.agencies', permission: 'agencies:manage' },
    { href: '/tim-lpse', labelKey: 'nav.team' },
  );
  await app.register(organisationPages);
  await app.register(organisationApi);
}
