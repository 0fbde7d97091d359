import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PUBLIC } from '../../../platform/http/access.ts';
import { requiredText } from '../../../platform/http/fields.ts';
import { handleForm, withFlash } from '../../../platform/http/handle-form.ts';
import { pageCtx, redirectSeeOther, sendHtml } from '../../../platform/ui/page.ts';
import { resumeRegistration } from '../commands/resume-registration.ts';
import { endRegistrantSession, setRegistrantCookie } from '../registrant.ts';
import { ResumeView } from '../views/registrant.views.tsx';

const ResumeSchema = z.object({ username: requiredText(100), password: z.string().min(1, 'validation.required') });

/** An applicant whose User ID is still pending comes back with it and the password, and signs out on leaving. */
export async function resumePages(app: FastifyInstance) {
  app.get('/daftar/lanjut', { config: PUBLIC }, async (req, reply) =>
    sendHtml(reply, ResumeView({ p: pageCtx(req, reply) })),
  );
  app.post(
    '/daftar/lanjut',
    { config: { ...PUBLIC, rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (req, reply) =>
      handleForm(req, reply, {
        schema: ResumeSchema,
        render: (p, state) => ResumeView({ p, state }),
        run: async (data) => {
          setRegistrantCookie(req, reply, await resumeRegistration(req.ctx, { ...data, ip: req.ip }));
          return '/daftar/formulir';
        },
      }),
  );

  app.post('/daftar/keluar', { config: PUBLIC }, async (req, reply) => {
    await endRegistrantSession(req, reply);
    return redirectSeeOther(reply, withFlash('/daftar/lanjut', req.ctx.t('reg.signedOut')));
  });
}
