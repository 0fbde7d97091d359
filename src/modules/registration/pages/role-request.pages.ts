import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { unauthenticated } from '../../../platform/errors.ts';
import { SIGNED_IN } from '../../../platform/http/access.ts';
import { dateField, nipField, requiredText, uuidField } from '../../../platform/http/fields.ts';
import { handleForm, withFlash } from '../../../platform/http/handle-form.ts';
import { pageCtx, sendHtml } from '../../../platform/ui/page.ts';
import { listAgencies } from '../../organisation/index.ts';
import { requestRole } from '../commands/request-role.ts';
import { documentMeta } from '../registration.forms.ts';
import { OFFICIAL_ROLES } from '../requirements.ts';
import { RoleRequestView } from '../views/registrant.views.tsx';

const RoleRequestSchema = z.object({
  agencyId: uuidField('validation.agency'),
  requestedRole: z.enum(OFFICIAL_ROLES, { error: 'validation.role' }),
  nip: nipField(),
  position: requiredText(100),
  surat_tugas_number: requiredText(100),
  surat_tugas_date: dateField(),
});

/** An official with a User ID asks for a role, with the assignment letter (R32). */
export async function roleRequestPages(app: FastifyInstance) {
  app.get('/akun/permohonan-peran', { config: SIGNED_IN }, async (req, reply) => {
    if (!req.ctx.actor) throw unauthenticated();
    return sendHtml(reply, RoleRequestView({ p: pageCtx(req, reply), agencies: await listAgencies(req.ctx.db) }));
  });

  app.post('/akun/permohonan-peran', { config: SIGNED_IN }, async (req, reply) => {
    if (!req.ctx.actor) throw unauthenticated();
    return handleForm(req, reply, {
      schema: RoleRequestSchema,
      files: { doc_surat_tugas: 'surat_tugas' },
      requiredFiles: ['doc_surat_tugas'],
      render: async (p, state) => RoleRequestView({ p, state, agencies: await listAgencies(req.ctx.db) }),
      run: async (data, files) => {
        const reg = await requestRole(req.ctx, {
          agencyId: data.agencyId,
          role: data.requestedRole,
          nip: data.nip,
          position: data.position,
          // Present: handleForm refuses the form without it (requiredFiles).
          letter: files.doc_surat_tugas!,
          letterMeta: documentMeta(data, 'surat_tugas'),
        });
        return withFlash('/dasbor', req.ctx.t('reg.roleRequest.sent', { number: reg.number }));
      },
    });
  });
}
