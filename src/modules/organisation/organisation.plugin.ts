import type { FastifyInstance } from 'fastify';
import { organisationApi } from './api/organisation.api.ts';
import { organisationPages } from './pages/organisation.pages.ts';

/** Agencies (R13) and the Tim LPSE with its decree and org chart (R20). */
export async function organisationPlugin(app: FastifyInstance) {
  await app.register(organisationPages);
  await app.register(organisationApi);
}
