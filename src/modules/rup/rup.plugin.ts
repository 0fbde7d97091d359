import type { FastifyInstance } from 'fastify';
import { rupApi } from './api/rup.api.ts';
import { rupImportPages } from './pages/import.pages.ts';
import { rupManagePages } from './pages/manage.pages.ts';
import { rupPublicPages } from './pages/public.pages.ts';

/** Procurement plans: the public portal pages, the PA/KPA's pages, the import and the API. */
export async function rupPlugin(app: FastifyInstance) {
  await app.register(rupPublicPages);
  await app.register(rupManagePages);
  await app.register(rupImportPages);
  await app.register(rupApi);
}
