import type { FastifyInstance } from 'fastify';
import { sikapPublicPages } from './pages/public.pages.ts';
import { sikapPages } from './pages/sikap.pages.ts';
import { sikapVerifyPages } from './pages/verify.pages.ts';

/** SIKaP: the vendor's own profile pages, the Verifikator's queue of changes, the public vendor page. */
export async function sikapPlugin(app: FastifyInstance) {
  await app.register(sikapPages);
  await app.register(sikapVerifyPages);
  await app.register(sikapPublicPages);
}
