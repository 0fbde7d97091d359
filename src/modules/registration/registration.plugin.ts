import type { FastifyInstance } from 'fastify';
import { registrantPages } from './pages/registrant.pages.ts';
import { verificationPages } from './pages/verification.pages.ts';

/** Registration and verification of SPSE users, deactivation and the blacklist (R16, R30–R36; Pasal 10, 23). */
export async function registrationPlugin(app: FastifyInstance) {
  await app.register(registrantPages);
  await app.register(verificationPages);
}
