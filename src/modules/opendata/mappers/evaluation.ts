import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { contractAwards } from '../../contracts/contracts.schema.ts';
import { evalAwards, evalSanggah, evalSanggahBanding } from '../../evaluation/evaluation.schema.ts';
import { companyName } from '../../registration/index.ts';
import { vendors } from '../../registration/registration.schema.ts';
import { idr } from '../ocds.ts';

/** The OCDS award id of a penetapan pemenang (evaluation); the contracts module's award of it keeps the same id. */
export const awardIdOf = (evalAwardId: string) => `award-${evalAwardId}`;
export const supplierIdOf = (vendorId: string) => `ID-PENYEDIA-${vendorId}`;

/** A vendor as an OCDS organization reference: its company name only (the NPWP is never published, DOMAIN §2.6). */
export async function supplierRefs(tx: Db, vendorIds: string[]) {
  const ids = [...new Set(vendorIds)];
  const rows = ids.length
    ? await tx
        .select({ id: vendors.id, name: vendors.name, form: vendors.businessForm })
        .from(vendors)
        .where(inArray(vendors.id, ids))
    : [];
  return (vendorId: string) => {
    const v = rows.find((r) => r.id === vendorId);
    return { id: supplierIdOf(vendorId), name: companyName(v?.form, v?.name) || 'Penyedia' };
  };
}

const OUTCOME = { diterima: 'upheld', ditolak: 'rejected' } as const;

/**
 * The evaluation's public part of a tender at `at` (issue 12 → R02):
 * - `awards`: each penetapan pemenang once the Pengumuman Pemenang stage has started (`announcedFrom`; before, the
 *   winner is not public). `pending` during the masa sanggah (OCDS: "not yet in force… a cooling off period"),
 *   `cancelled` once withdrawn by an upheld sanggah or sanggah banding, and the contracts module's status
 *   (`contract.ts`) once handed over. A re-decided winner is a new penetapan, so a new award id.
 * - `complaints` (local sanggah extension, `extensions/sanggah/`): every sanggah and sanggah banding with dates,
 *   status and outcome; never who filed it, nor the texts (those stay with the tender's participants).
 */
export async function evaluationSections(tx: Db, tenderId: string, at: Date | undefined, announcedFrom?: string) {
  const sanggah = await tx
    .select({
      id: evalSanggah.id,
      filedAt: evalSanggah.filedAt,
      outcome: evalSanggah.outcome,
      answeredAt: evalSanggah.answeredAt,
    })
    .from(evalSanggah)
    .where(eq(evalSanggah.tenderId, tenderId))
    .orderBy(asc(evalSanggah.filedAt));
  const banding = await tx
    .select({
      id: evalSanggahBanding.id,
      sanggahId: evalSanggahBanding.sanggahId,
      filedAt: evalSanggahBanding.filedAt,
      outcome: evalSanggahBanding.outcome,
      answeredAt: evalSanggahBanding.answeredAt,
    })
    .from(evalSanggahBanding)
    .where(eq(evalSanggahBanding.tenderId, tenderId))
    .orderBy(asc(evalSanggahBanding.filedAt));
  const complaint = (
    id: string,
    type: 'sanggah' | 'sanggahBanding',
    c: { filedAt: Date; outcome: 'diterima' | 'ditolak' | null; answeredAt: Date | null },
    relatedComplaint?: string,
  ) => ({
    id,
    type,
    dateSubmitted: c.filedAt.toISOString(),
    status: c.answeredAt ? 'answered' : 'pending',
    dateAnswered: c.answeredAt?.toISOString(),
    outcome: c.outcome ? OUTCOME[c.outcome] : undefined,
    relatedComplaint,
  });
  const complaints = [
    ...sanggah.map((s) => complaint(`sanggah-${s.id}`, 'sanggah', s)),
    ...banding.map((b) => complaint(`banding-${b.id}`, 'sanggahBanding', b, `sanggah-${b.sanggahId}`)),
  ];

  const publicFrom = announcedFrom ? new Date(announcedFrom).getTime() : Number.POSITIVE_INFINITY;
  const rows = at
    ? (
        await tx.select().from(evalAwards).where(eq(evalAwards.tenderId, tenderId)).orderBy(asc(evalAwards.decidedAt))
      ).filter((a) => at.getTime() >= publicFrom || (a.withdrawnAt && a.withdrawnAt.getTime() >= publicFrom))
    : [];
  const handed = rows.length
    ? await tx
        .select({
          vendorId: contractAwards.vendorId,
          decidedAt: contractAwards.decidedAt,
          status: contractAwards.status,
        })
        .from(contractAwards)
        .where(eq(contractAwards.tenderId, tenderId))
    : [];
  const supplier = await supplierRefs(
    tx,
    rows.map((a) => a.vendorId),
  );
  const upheldAt = (d: Date) =>
    banding.some((b) => b.outcome === 'diterima' && b.answeredAt?.getTime() === d.getTime())
      ? 'sanggah banding'
      : 'sanggah';
  // Once handed over, the contracts module's status: aktif, or ditolak (the winner refused the SPPBJ).
  const handedOf = (a: (typeof rows)[number]) =>
    handed.find((h) => h.vendorId === a.vendorId && h.decidedAt.getTime() === a.decidedAt.getTime());
  const awards = rows.map((a) => {
    const h = handedOf(a);
    return {
      id: awardIdOf(a.id),
      status: a.withdrawnAt || h?.status === 'ditolak' ? 'cancelled' : h ? 'active' : 'pending',
      date: a.decidedAt.toISOString(),
      value: idr(a.nilaiNegosiasi ?? a.nilaiTerkoreksi),
      suppliers: [supplier(a.vendorId)],
      description: a.withdrawnAt
        ? `Penetapan pemenang dibatalkan karena ${upheldAt(a.withdrawnAt)} diterima (${a.withdrawnAt.toISOString()}); Pokja mengevaluasi ulang.`
        : h?.status === 'ditolak'
          ? 'Pemenang menolak SPPBJ; penetapan dibatalkan.'
          : h
            ? 'Pemenang ditetapkan, masa sanggah selesai; diserahkan kepada PPK.'
            : 'Pemenang diumumkan; menunggu masa sanggah dan jawaban sanggah.',
    };
  });
  return {
    awards,
    suppliers: [...new Set(rows.map((a) => a.vendorId))].map((v) => supplier(v)),
    complaints,
  };
}

/** Parties by id, once each, roles merged (a vendor can be the supplier of a cancelled and of a later award). */
export function mergeParties<P extends { id: string; roles?: string[] }>(parties: P[]): P[] {
  const out: P[] = [];
  for (const p of parties) {
    const same = out.find((x) => x.id === p.id);
    if (same) same.roles = [...new Set([...(same.roles ?? []), ...(p.roles ?? [])])];
    else out.push({ ...p, roles: p.roles ? [...p.roles] : undefined });
  }
  return out;
}
