import type { FastifyInstance } from 'fastify';
import { draftPages } from './pages/draft.pages.ts';
import { publicPages } from './pages/public.pages.ts';
import { resumePages } from './pages/resume.pages.ts';
import { roleRequestPages } from './pages/role-request.pages.ts';
import { startPages } from './pages/start.pages.ts';
import { statusPages } from './pages/status.pages.ts';
import { verificationPages } from './pages/verification.pages.ts';

/** Registration and verification of SPSE users, deactivation and the blacklist (R16, R30–R36; Pasal 10, 23). */
export async function registrationPlugin(app: FastifyInstance) {
  // The applicant's journey, one file each: start → resume/sign-out → draft and submit → status and receipt.
  await app.register(startPages);
  await app.register(resumePages);
  await app.register(draftPages);
  await app.register(statusPages);
  await app.register(roleRequestPages);
  await app.register(publicPages);
  await app.register(verificationPages);
}
