import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { AppError } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { notify } from '../mails.ts';
import { canAssign } from '../sulap.policy.ts';
import { holdersOf } from '../sulap.repository.ts';
import { sulapDocuments, sulapMembers, sulapPackages } from '../sulap.schema.ts';
import { loadFor } from './load.ts';

export interface Assignment {
  kind: 'pokja' | 'pejabat_pengadaan';
  memberIds: string[];
  skNumber: string;
  skDate: string;
}

/** The basis of the Pokja's size and of the Pejabat Pengadaan for Pengadaan Langsung. */
export const POKJA_BASIS = 'Perpres 16/2018 Pasal 1 angka 12 dan 13, Pasal 13 jo. Perpres 12/2021';

const refuse = (code: string, key: Parameters<Ctx['t']>[0], field = 'anggota1') =>
  new AppError(code, 422, key, { basis: POKJA_BASIS }, { field });

/**
 * P4: the Kepala UKPBJ assigns a Pokja (3 or 5 members holding POKJA in the UKPBJ — an odd number for kolektif
 * kolegial) or, for Pengadaan Langsung, one Pejabat Pengadaan, by SK number and date. The review (P5) starts.
 */
export async function assignPokja(ctx: Ctx, packageId: string, input: Assignment) {
  assertCan(ctx.actor, 'sulap:assign');
  const actor = ctx.actor;
  const ids = [...new Set(input.memberIds)];
  if (ids.length !== input.memberIds.length) throw refuse('SULAP_MEMBER_TWICE', 'sulap.problem.memberTwice');
  return ctx.db.transaction(async (tx) => {
    const pkg = await loadFor(tx, ctx, packageId, canAssign);
    let role: 'POKJA' | 'PEJABAT_PENGADAAN';
    if (input.kind === 'pejabat_pengadaan') {
      if (pkg.metode !== 'pengadaan_langsung') throw refuse('SULAP_PP_ONLY_PL', 'sulap.problem.ppOnlyPl', 'kind');
      if (ids.length !== 1) throw refuse('SULAP_PP_ONE', 'sulap.problem.ppOne');
      const holders = await holdersOf(tx, 'PEJABAT_PENGADAAN', [pkg.ukpbjAgencyId!, pkg.agencyId]);
      if (!holders.some((h) => h.id === ids[0])) throw refuse('SULAP_NOT_PP', 'sulap.problem.notPp');
      role = 'PEJABAT_PENGADAAN';
    } else {
      if (ids.length !== 3 && ids.length !== 5) throw refuse('SULAP_POKJA_SIZE', 'sulap.problem.pokjaSize');
      const holders = await holdersOf(tx, 'POKJA', [pkg.ukpbjAgencyId!]);
      if (!ids.every((id) => holders.some((h) => h.id === id))) {
        throw refuse('SULAP_NOT_POKJA', 'sulap.problem.notPokja');
      }
      if (ids.includes(pkg.ppkUserId)) throw refuse('SULAP_PPK_IN_POKJA', 'sulap.problem.ppkInPokja');
      role = 'POKJA';
    }
    const now = ctx.clock.now();
    await tx.insert(sulapMembers).values(ids.map((userId) => ({ packageId, userId, role })));
    await tx
      .update(sulapPackages)
      .set({
        status: 'reviu',
        assigneeKind: input.kind,
        skNumber: input.skNumber,
        skDate: input.skDate,
        assignedBy: actor.userId,
        assignedAt: now,
        updatedAt: now,
      })
      .where(eq(sulapPackages.id, packageId));
    await tx.update(sulapDocuments).set({ updatedAt: now }).where(eq(sulapDocuments.packageId, packageId));
    await recordAudit(tx, auditContext(ctx), {
      action: 'sulap.assigned',
      objectType: 'sulap_package',
      objectId: packageId,
      summary: { nama: pkg.namaPaket, kind: input.kind, sk: input.skNumber, members: ids },
    });
    const members = (await holdersOf(tx, role, [pkg.ukpbjAgencyId!, pkg.agencyId])).filter((h) => ids.includes(h.id));
    await notify(
      tx,
      ctx.clock,
      ctx.config,
      members,
      { subject: 'sulap.mail.assigned.subject', body: 'sulap.mail.assigned.body' },
      { paket: pkg.namaPaket, id: packageId, sk: input.skNumber },
    );
  });
}
