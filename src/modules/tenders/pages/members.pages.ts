import { and, asc, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { auditEvents } from '../../../platform/audit/audit.schema.ts';
import { assertCan, canForAgency } from '../../../platform/auth/permissions.ts';
import { notFound } from '../../../platform/errors.ts';
import { allow } from '../../../platform/http/access.ts';
import { dateField, requiredText, uuidField } from '../../../platform/http/fields.ts';
import type { FormState } from '../../../platform/http/forms.ts';
import { handleForm, withFlash } from '../../../platform/http/handle-form.ts';
import { type PageCtx, pageCtx, sendHtml } from '../../../platform/ui/page.ts';
import { users } from '../../accounts/accounts.schema.ts';
import { holdersOf } from '../../sulap/index.ts';
import { replaceTenderMember } from '../commands/replace-member.ts';
import { bundleOfTender } from '../commands/support.ts';
import { officialOf } from '../methods/bundle.ts';
import type { TenderRow } from '../tenders.repository.ts';
import { tenderMembers, tenders } from '../tenders.schema.ts';
import { type ReplacementRow, TenderMembersView } from '../views/members.views.tsx';

const ReplaceSchema = z.object({
  outgoingId: uuidField(),
  incomingId: uuidField(),
  skNumber: requiredText(100),
  skDate: dateField(),
  reason: requiredText(2000),
});

/** Issue 11 item 1: the Kepala UKPBJ of the tender's UKPBJ replaces a Pokja member by SK (`replaceTenderMember`). */
export async function membersPages(app: FastifyInstance) {
  const UKPBJ = { config: allow('tenders:replace_member') };
  type KodeParams = { Params: { kode: string } };

  /** An announced tender of this Kepala UKPBJ's own UKPBJ; any other: not found. */
  const ukpbjTender = async (req: FastifyRequest<KodeParams>): Promise<TenderRow> => {
    assertCan(req.ctx.actor, 'tenders:replace_member');
    const kode = req.params.kode;
    if (!/^\d{1,20}$/.test(kode)) throw notFound('tenders.error.notFound');
    const [t] = await req.ctx.db.select().from(tenders).where(eq(tenders.kode, kode));
    if (!t?.announcedAt || !t.ukpbjAgencyId || !canForAgency(req.ctx.actor, 'tenders:replace_member', t.ukpbjAgencyId))
      throw notFound('tenders.error.notFound');
    return t;
  };

  const view = async (req: FastifyRequest<KodeParams>, p: PageCtx, t: TenderRow, state?: FormState) => {
    const members = await req.ctx.db
      .select({ id: users.id, name: users.name })
      .from(tenderMembers)
      .innerJoin(users, eq(users.id, tenderMembers.userId))
      .where(eq(tenderMembers.tenderId, t.id))
      .orderBy(asc(users.name));
    const holders = await holdersOf(req.ctx.db, officialOf(bundleOfTender(t)), [t.ukpbjAgencyId!]);
    const candidates = holders.filter((h) => !members.some((m) => m.id === h.id));
    return TenderMembersView({
      p,
      t: { kode: t.kode!, nama: t.nama, status: t.status },
      members,
      candidates,
      history: await replacements(req, t.id),
      state,
    });
  };

  /** The tender's replacements, oldest first, from their audit events (the record the SK is kept in). */
  const replacements = async (req: FastifyRequest, tenderId: string): Promise<ReplacementRow[]> => {
    const events = await req.ctx.db
      .select({ seq: auditEvents.seq, at: auditEvents.at, summary: auditEvents.summary })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'tender.member_replaced'), eq(auditEvents.objectId, tenderId)))
      .orderBy(asc(auditEvents.seq));
    if (events.length === 0) return [];
    const s = (e: (typeof events)[number]) => e.summary as Record<string, string>;
    const ids = [...new Set(events.flatMap((e) => [s(e).outgoing!, s(e).incoming!]))];
    const names = new Map(
      (await req.ctx.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids))).map(
        (u) => [u.id, u.name],
      ),
    );
    return events.map((e) => ({
      seq: Number(e.seq),
      at: e.at,
      outgoing: names.get(s(e).outgoing!) ?? '—',
      incoming: names.get(s(e).incoming!) ?? '—',
      sk: s(e).sk ?? '',
      skDate: s(e).skDate ?? '',
      reason: s(e).reason ?? '',
    }));
  };

  app.get<KodeParams>('/tender/:kode/ukpbj', UKPBJ, async (req, reply) => {
    const t = await ukpbjTender(req);
    return sendHtml(reply, await view(req, pageCtx(req, reply), t));
  });

  app.post<KodeParams>('/tender/:kode/ukpbj/ganti', UKPBJ, async (req, reply) => {
    const t = await ukpbjTender(req);
    return handleForm(req, reply, {
      schema: ReplaceSchema,
      render: (p, state) => view(req, p, t, state),
      run: async (data) => {
        await replaceTenderMember(req.ctx, t.id, data);
        return withFlash(`/tender/${t.kode}/ukpbj`, req.ctx.t('tenders.replace.done'));
      },
    });
  });
}
