import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { z } from 'zod';
import { assertCan, can } from '../../../platform/auth/permissions.ts';
import { enforce, PolicyRefusal } from '../../../platform/auth/policy.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { allow } from '../../../platform/http/access.ts';
import { requiredText } from '../../../platform/http/fields.ts';
import { type FormState, formValues, parseForm } from '../../../platform/http/forms.ts';
import { withFlash } from '../../../platform/http/handle-form.ts';
import { type PageCtx, pageCtx, redirectSeeOther, sendHtml } from '../../../platform/ui/page.ts';
import { announcePlan } from '../commands/announce-plan.ts';
import { createPlan } from '../commands/create-plan.ts';
import { revisePlans } from '../commands/revise-plans.ts';
import { updateDraft } from '../commands/update-draft.ts';
import { withdrawPlan } from '../commands/withdraw-plan.ts';
import { checkPlan } from '../commands/write-plan.ts';
import { formValuesOf, PlanFormSchema } from '../plan-form.ts';
import type { PlanInput } from '../plan-input.ts';
import { canReadPlan } from '../rup.policy.ts';
import {
  agenciesForManager,
  findPlanByKode,
  listPlansForActor,
  ppkCandidates,
  revisionsOf,
} from '../rup.repository.ts';
import {
  ManageDetailView,
  ManageListView,
  type PlanFormOptions,
  PlanFormView,
  ReviseView,
} from '../views/manage.views.tsx';
import { parseKode } from './public.pages.ts';

async function formOptions(req: FastifyRequest): Promise<PlanFormOptions> {
  const agencies = await agenciesForManager(req.ctx.db, req.ctx.actor);
  const ppks = await ppkCandidates(
    req.ctx.db,
    agencies.map((a) => a.id),
  );
  return { agencies, ppks };
}

/**
 * The plan form's POST: shape (zod) → every rule of the plan at once (planProblems, PPK of the agency), each shown at
 * its field with the threshold and source → the command → 303. A refusal of the agency policy is the error page.
 */
async function submitPlan(
  req: FastifyRequest,
  reply: FastifyReply,
  render: (p: PageCtx, state: FormState) => VNode | Promise<VNode>,
  run: (agencyId: string, input: PlanInput) => Promise<string>,
  extra: z.ZodObject = z.object({}),
) {
  const show = async (state: FormState, status: number) =>
    sendHtml(reply, await render(pageCtx(req, reply), state), status);
  const parsed = parseForm(PlanFormSchema, req.body, req.ctx.t);
  const more = parseForm(extra, req.body, req.ctx.t);
  if (!parsed.ok || !more.ok) {
    const errors = { ...(more.ok ? {} : more.state.errors), ...(parsed.ok ? {} : parsed.state.errors) };
    return show({ values: formValues(req.body), errors }, 400);
  }
  const { agencyId, input } = parsed.data;
  const problems = await checkPlan(req.ctx.db, agencyId, input);
  if (problems.length > 0) {
    const errors: Record<string, string> = {};
    for (const pr of problems) errors[pr.field] ??= req.ctx.t(pr.key, pr.params);
    return show({ values: formValues(req.body), errors }, 422);
  }
  try {
    return redirectSeeOther(reply, await run(agencyId, input));
  } catch (err) {
    if (!(err instanceof AppError) || err instanceof PolicyRefusal || err.status >= 500 || err.status === 401)
      throw err;
    if (err.code === 'FORBIDDEN') throw err;
    return show({ values: formValues(req.body), errors: { _form: req.ctx.t(err.messageKey, err.params) } }, err.status);
  }
}

async function readablePlan(req: FastifyRequest, kodeParam: string) {
  const plan = await findPlanByKode(req.ctx.db, parseKode(kodeParam));
  if (!plan) throw notFound();
  enforce(canReadPlan(req.ctx.actor, plan, req.ctx.clock.now()));
  return plan;
}

type KodeParams = { Params: { kode: string } };

export async function rupManagePages(app: FastifyInstance) {
  app.get('/kelola/rup', { config: allow('rup:read') }, async (req, reply) => {
    assertCan(req.ctx.actor, 'rup:read');
    const plans = await listPlansForActor(req.ctx.db, req.ctx.actor);
    return sendHtml(
      reply,
      ManageListView({ p: pageCtx(req, reply), plans, canManage: can(req.ctx.actor, 'rup:manage') }),
    );
  });

  const newTitle = (p: PageCtx) => p.t('rup.new.title');
  app.get('/kelola/rup/baru', { config: allow('rup:manage') }, async (req, reply) => {
    assertCan(req.ctx.actor, 'rup:manage');
    const opts = await formOptions(req);
    const year = Number(req.ctx.clock.now().toISOString().slice(0, 4));
    const values: Record<string, string> = {
      tahunAnggaran: String(year),
      tipe: 'penyedia',
      sumberDana: 'APBD',
      statusPdn: '1',
      statusUkm: '1',
    };
    if (opts.agencies.length === 1) values.agencyId = opts.agencies[0]!.id;
    const p = pageCtx(req, reply);
    return sendHtml(
      reply,
      PlanFormView({
        p,
        opts,
        state: { values, errors: {} },
        title: newTitle(p),
        action: '/kelola/rup/baru',
        cancel: '/kelola/rup',
      }),
    );
  });
  app.post('/kelola/rup/baru', { config: allow('rup:manage') }, async (req, reply) => {
    assertCan(req.ctx.actor, 'rup:manage');
    const opts = await formOptions(req);
    return submitPlan(
      req,
      reply,
      (p, state) =>
        PlanFormView({ p, opts, state, title: newTitle(p), action: '/kelola/rup/baru', cancel: '/kelola/rup' }),
      async (agencyId, input) => {
        const row = await createPlan(req.ctx, agencyId, input);
        return withFlash(`/kelola/rup/${row.kode}`, req.ctx.t('rup.saved', { kode: row.kode }));
      },
    );
  });

  app.get<KodeParams>('/kelola/rup/:kode', { config: allow('rup:read') }, async (req, reply) => {
    assertCan(req.ctx.actor, 'rup:read');
    const plan = await readablePlan(req, req.params.kode);
    const revisions = await revisionsOf(req.ctx.db, plan.kode);
    return sendHtml(reply, ManageDetailView({ p: pageCtx(req, reply), plan, revisions }));
  });

  app.get<KodeParams>('/kelola/rup/:kode/ubah', { config: allow('rup:manage') }, async (req, reply) => {
    assertCan(req.ctx.actor, 'rup:manage');
    const plan = await readablePlan(req, req.params.kode);
    const p = pageCtx(req, reply);
    return sendHtml(
      reply,
      PlanFormView({
        p,
        opts: await formOptions(req),
        state: { values: formValuesOf(plan), errors: {} },
        title: p.t('rup.edit.title', { kode: plan.kode }),
        action: `/kelola/rup/${plan.kode}/ubah`,
        cancel: `/kelola/rup/${plan.kode}`,
      }),
    );
  });
  app.post<KodeParams>('/kelola/rup/:kode/ubah', { config: allow('rup:manage') }, async (req, reply) => {
    assertCan(req.ctx.actor, 'rup:manage');
    const plan = await readablePlan(req, req.params.kode);
    const opts = await formOptions(req);
    return submitPlan(
      req,
      reply,
      (p, state) =>
        PlanFormView({
          p,
          opts,
          state,
          title: p.t('rup.edit.title', { kode: plan.kode }),
          action: `/kelola/rup/${plan.kode}/ubah`,
          cancel: `/kelola/rup/${plan.kode}`,
        }),
      async (_agencyId, input) => {
        await updateDraft(req.ctx, plan.kode, input);
        return withFlash(`/kelola/rup/${plan.kode}`, req.ctx.t('rup.saved', { kode: plan.kode }));
      },
    );
  });

  // Announce and withdraw: a refusal by the rules (thresholds changed since the draft) is shown on the plan's page.
  const onPlanPage = async (
    req: FastifyRequest<KodeParams>,
    reply: FastifyReply,
    schema: z.ZodObject,
    run: (kode: number, data: Record<string, string>) => Promise<string>,
  ) => {
    assertCan(req.ctx.actor, 'rup:manage');
    const plan = await readablePlan(req, req.params.kode);
    const show = async (state: FormState, status: number) =>
      sendHtml(
        reply,
        ManageDetailView({ p: pageCtx(req, reply), plan, revisions: await revisionsOf(req.ctx.db, plan.kode), state }),
        status,
      );
    const parsed = parseForm(schema, req.body, req.ctx.t);
    if (!parsed.ok) return show(parsed.state, 400);
    try {
      return redirectSeeOther(reply, await run(plan.kode, parsed.data as Record<string, string>));
    } catch (err) {
      if (!(err instanceof AppError) || err instanceof PolicyRefusal || err.status >= 500 || err.status === 401)
        throw err;
      if (err.code === 'FORBIDDEN') throw err;
      return show(
        { values: formValues(req.body), errors: { _form: req.ctx.t(err.messageKey, err.params) } },
        err.status,
      );
    }
  };

  app.post<KodeParams>('/kelola/rup/:kode/umumkan', { config: allow('rup:manage') }, (req, reply) =>
    onPlanPage(req, reply, z.object({}), async (kode) => {
      await announcePlan(req.ctx, kode);
      return withFlash(`/kelola/rup/${kode}`, req.ctx.t('rup.announced', { kode }));
    }),
  );
  app.post<KodeParams>('/kelola/rup/:kode/tarik', { config: allow('rup:manage') }, (req, reply) =>
    onPlanPage(req, reply, z.object({ alasan: requiredText(500) }), async (kode, data) => {
      await withdrawPlan(req.ctx, kode, data.alasan!);
      return withFlash(`/kelola/rup/${kode}`, req.ctx.t('rup.withdrawn', { kode }));
    }),
  );

  app.get<KodeParams>('/kelola/rup/:kode/kaji-ulang', { config: allow('rup:manage') }, async (req, reply) => {
    assertCan(req.ctx.actor, 'rup:manage');
    const plan = await readablePlan(req, req.params.kode);
    return sendHtml(
      reply,
      ReviseView({
        p: pageCtx(req, reply),
        plan,
        opts: await formOptions(req),
        state: { values: formValuesOf(plan), errors: {} },
      }),
    );
  });
  app.post<KodeParams>('/kelola/rup/:kode/kaji-ulang', { config: allow('rup:manage') }, async (req, reply) => {
    assertCan(req.ctx.actor, 'rup:manage');
    const plan = await readablePlan(req, req.params.kode);
    const opts = await formOptions(req);
    return submitPlan(
      req,
      reply,
      (p, state) => ReviseView({ p, plan, opts, state }),
      async (_agencyId, input) => {
        const alasan = String((req.body as Record<string, unknown>).alasan ?? '').trim();
        const { newKodes } = await revisePlans(req.ctx, {
          jenis: 'satu_ke_satu',
          alasan,
          oldKodes: [plan.kode],
          newPlans: [input],
        });
        return withFlash(`/kelola/rup/${newKodes[0]}`, req.ctx.t('rup.revise.done', { kode: newKodes.join(', ') }));
      },
      z.object({ alasan: requiredText(1000) }),
    );
  });
  app.post<KodeParams>('/kelola/rup/:kode/batalkan', { config: allow('rup:manage') }, async (req, reply) => {
    assertCan(req.ctx.actor, 'rup:manage');
    const plan = await readablePlan(req, req.params.kode);
    const opts = await formOptions(req);
    const show = (state: FormState, status: number) =>
      sendHtml(reply, ReviseView({ p: pageCtx(req, reply), plan, opts, state }), status);
    const parsed = parseForm(z.object({ alasanBatal: requiredText(1000) }), req.body, req.ctx.t);
    if (!parsed.ok)
      return show({ values: { ...formValuesOf(plan), ...parsed.state.values }, errors: parsed.state.errors }, 400);
    try {
      await revisePlans(req.ctx, {
        jenis: 'pembatalan',
        alasan: parsed.data.alasanBatal,
        oldKodes: [plan.kode],
        newPlans: [],
      });
    } catch (err) {
      if (!(err instanceof AppError) || err instanceof PolicyRefusal || err.status >= 500 || err.status === 401)
        throw err;
      return show({ values: formValuesOf(plan), errors: { _form: req.ctx.t(err.messageKey, err.params) } }, err.status);
    }
    return redirectSeeOther(
      reply,
      withFlash(`/kelola/rup/${plan.kode}`, req.ctx.t('rup.revise.cancelled', { kode: plan.kode })),
    );
  });
}
