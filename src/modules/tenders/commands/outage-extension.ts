import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import { findIncident, incidentsOverlapping } from '../lifecycle.repository.ts';
import { overlapMs, uploadRow } from '../lifecycle.rules.ts';
import { mailParticipants } from '../notify.ts';
import { loadSchedule } from '../tenders.repository.ts';
import { tenderOutageExtensions } from '../tenders.schema.ts';
import { extendUploadStage } from './extend-upload.ts';
import { assertAnnouncedRunning, bundleOfTender, tenderOfPokja } from './support.ts';

export const OUTAGE_BASIS = 'Perka LKPP 1/2015 tentang E-Tendering (gangguan teknis)';

/**
 * Issue 9 item 9: the Pokja extends the upload stage by the incident's overlap with it, in one action. The schedule
 * change's reason cites the incident (so the public history shows it), the extension is kept once per tender and
 * incident, participants are mailed; audited.
 */
export async function extendForOutage(ctx: Ctx, tenderId: string, incidentId: string): Promise<number> {
  assertCan(ctx.actor, 'tenders:schedule');
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const t = await tenderOfPokja(tx, actor, tenderId);
    assertAnnouncedRunning(t);
    const incident = await findIncident(tx, incidentId);
    if (!incident) throw notFound('tenders.outage.notFound');
    const upload = uploadRow(bundleOfTender(t), await loadSchedule(tx, tenderId));
    if (!upload) throw conflict('TENDER_NO_UPLOAD_STAGE', 'tenders.refused.noUploadStage');
    const [row] = (await incidentsOverlapping(tx, tenderId, upload.start, upload.end)).filter(
      (r) => r.incident.id === incidentId,
    );
    if (!row) throw conflict('OUTAGE_NO_OVERLAP', 'tenders.outage.noOverlap');
    if (row.extendedAt) throw conflict('OUTAGE_ALREADY_APPLIED', 'tenders.outage.alreadyApplied');
    const delta = overlapMs(incident.startsAt, incident.endsAt, upload.start, upload.end);
    const minutes = Math.ceil(delta / 60_000);
    const at = (d: Date) => formatDateTime(d, 'id');
    const reason =
      `Gangguan teknis LPSE ${at(incident.startsAt)} – ${at(incident.endsAt)} (${incident.what}); ` +
      `perpanjangan ${minutes} menit (insiden ${incident.id.slice(0, 8)}; ${OUTAGE_BASIS})`;
    const tctx: Ctx = { ...ctx, db: tx };
    await extendUploadStage(tctx, tenderId, new Date(upload.end.getTime() + minutes * 60_000), reason);
    const now = ctx.clock.now();
    await tx
      .insert(tenderOutageExtensions)
      .values({ tenderId, incidentId, minutes, extendedBy: actor.userId, extendedAt: now });
    actor.actingRole = 'POKJA';
    await recordAudit(tx, auditContext(ctx), {
      action: 'tender.outage_extended',
      objectType: 'tender',
      objectId: tenderId,
      summary: { kode: t.kode!, incident: incidentId, minutes },
    });
    const newEnd = new Date(upload.end.getTime() + minutes * 60_000);
    await mailParticipants(
      tx,
      ctx,
      tenderId,
      { subject: 'tenders.mail.outage.subject', body: 'tenders.mail.outage.body' },
      {
        kode: t.kode!,
        nama: t.nama,
        minutes,
        what: incident.what,
        end: formatDateTime(newEnd, 'id'),
        link: `${ctx.config.baseUrl}/tender/${t.kode}#jadwal`,
      },
    );
    return minutes;
  });
}
