import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { assertCan } from '../../../platform/auth/permissions.ts';
import type { Db } from '../../../platform/db/database.ts';
import { allow, PUBLIC } from '../../../platform/http/access.ts';
import { dateField, optionalText, requiredText } from '../../../platform/http/fields.ts';
import type { FormState } from '../../../platform/http/forms.ts';
import { handleForm, withFlash } from '../../../platform/http/handle-form.ts';
import { type PageCtx, pageCtx, sendHtml } from '../../../platform/ui/page.ts';
import { createAgency } from '../commands/create-agency.ts';
import { recordDecree } from '../commands/record-decree.ts';
import { currentDecree, listAgencies, lpseTeamMembers } from '../organisation.repository.ts';
import { AGENCY_KINDS, AgenciesView, NewAgencyView, OrgChartView } from '../views/organisation.views.tsx';

export const NewAgencySchema = z.object({
  code: z
    .string({ error: 'validation.required' })
    .trim()
    .toUpperCase()
    .min(1, 'validation.required')
    .regex(/^[A-Z0-9.-]{2,20}$/, 'validation.agencyCode'),
  name: requiredText(),
  kind: z.enum(AGENCY_KINDS, { error: 'validation.agencyKind' }),
  address: optionalText(500),
});

const DecreeSchema = z.object({ number: requiredText(100), decreeDate: dateField() });

async function orgChart(db: Db, p: PageCtx, state?: FormState) {
  return OrgChartView({ p, decree: await currentDecree(db), members: await lpseTeamMembers(db), state });
}

export async function organisationPages(app: FastifyInstance) {
  app.get('/admin/instansi', { config: allow('agencies:manage') }, async (req, reply) => {
    assertCan(req.ctx.actor, 'agencies:manage');
    return sendHtml(reply, AgenciesView({ p: pageCtx(req, reply), agencies: await listAgencies(req.ctx.db) }));
  });
  app.get('/admin/instansi/baru', { config: allow('agencies:manage') }, async (req, reply) => {
    assertCan(req.ctx.actor, 'agencies:manage');
    return sendHtml(reply, NewAgencyView({ p: pageCtx(req, reply) }));
  });
  app.post('/admin/instansi/baru', { config: allow('agencies:manage') }, async (req, reply) => {
    assertCan(req.ctx.actor, 'agencies:manage');
    return handleForm(req, reply, {
      schema: NewAgencySchema,
      render: (p, state) => NewAgencyView({ p, state }),
      run: async (data) => {
        const agency = await createAgency(req.ctx, data);
        return withFlash('/admin/instansi', req.ctx.t('agencies.created', { name: agency.name }));
      },
    });
  });

  // The org chart is public (R20): anyone can see who runs the LPSE and under which decree.
  app.get('/tim-lpse', { config: PUBLIC }, async (req, reply) =>
    sendHtml(reply, await orgChart(req.ctx.db, pageCtx(req, reply))),
  );

  app.post('/tim-lpse/sk', { config: allow('lpse-team:manage') }, async (req, reply) => {
    assertCan(req.ctx.actor, 'lpse-team:manage');
    return handleForm(req, reply, {
      schema: DecreeSchema,
      files: { file: 'sk_tim_lpse' },
      requiredFiles: ['file'],
      render: (p, state) => orgChart(req.ctx.db, p, state),
      run: async (data, files) => {
        await recordDecree(req.ctx, { ...data, file: files.file ?? null });
        return withFlash('/tim-lpse', req.ctx.t('team.decree.saved', { number: data.number }));
      },
    });
  });
}
