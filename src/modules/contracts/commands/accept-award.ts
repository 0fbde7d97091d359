import { and, eq } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import { isUuid } from '../../../platform/errors.ts';
import { users } from '../../accounts/accounts.schema.ts';
import { vendors } from '../../registration/registration.schema.ts';
import { sulapDraftTenders, sulapPackages } from '../../sulap/sulap.schema.ts';
import { tenders } from '../../tenders/tenders.schema.ts';
import { contractAwards } from '../contracts.schema.ts';
import { refusal } from './common.ts';

/** What the evaluation module hands over when the winner stands (after the masa sanggah). Money in integer rupiah. */
export interface AwardInput {
  tenderId: string;
  vendorId: string;
  nilaiPenawaran: bigint;
  nilaiTerkoreksi: bigint;
  nilaiNegosiasi: bigint | null;
  /** When the Pokja (or the PA/KPA) decided the winner. */
  decidedAt: Date;
  /** Who decided (a Pokja member or the PA/KPA). */
  decidedBy: string;
}

/**
 * The seam between selection and the contract (R12): the evaluation module calls this in its own transaction once the
 * masa sanggah is over and the winner stands; the PPK of the package then issues the SPPBJ. Checks the money rules of
 * DOMAIN §2.5 (the corrected bid within the HPS, the negotiated price not above the corrected one), keeps one active
 * award per tender, copies pagu, HPS and jenis kontrak, and names the package's PPK (from SULAP). Audited in the
 * caller's transaction: with `audit` when the caller has its own context, else as the decider at `decidedAt`.
 * Returns the award id (the key of the PPK's contract page `/kelola/kontrak/:id`).
 */
export async function acceptAward(tx: Db, input: AwardInput, audit?: AuditContext): Promise<string> {
  if (!isUuid(input.tenderId)) throw refusal('AWARD_TENDER_NOT_FOUND', { status: 404 });
  if (!isUuid(input.vendorId)) throw refusal('AWARD_VENDOR_NOT_FOUND', { status: 404 });
  const [t] = await tx
    .select({
      id: tenders.id,
      kode: tenders.kode,
      nama: tenders.nama,
      status: tenders.status,
      agencyId: tenders.agencyId,
      announcedAt: tenders.announcedAt,
      pagu: tenders.pagu,
      hps: tenders.hps,
      jenis: tenders.jenis,
      jenisKontrak: tenders.jenisKontrak,
      ppkUserId: sulapPackages.ppkUserId,
    })
    .from(tenders)
    .leftJoin(sulapDraftTenders, eq(sulapDraftTenders.id, tenders.sulapDraftTenderId))
    .leftJoin(sulapPackages, eq(sulapPackages.id, sulapDraftTenders.packageId))
    .where(eq(tenders.id, input.tenderId))
    .for('update', { of: tenders });
  if (!t?.announcedAt) throw refusal('AWARD_TENDER_NOT_FOUND', { status: 404 });
  if (t.status === 'gagal' || t.status === 'batal') throw refusal('AWARD_TENDER_CLOSED');
  if (t.hps === null || t.pagu === null) throw refusal('AWARD_TENDER_NO_HPS');
  const [v] = await tx.select({ name: vendors.name }).from(vendors).where(eq(vendors.id, input.vendorId));
  if (!v) throw refusal('AWARD_VENDOR_NOT_FOUND', { status: 404 });
  const { nilaiPenawaran, nilaiTerkoreksi, nilaiNegosiasi } = input;
  if (nilaiPenawaran <= 0n || nilaiTerkoreksi <= 0n || (nilaiNegosiasi !== null && nilaiNegosiasi <= 0n))
    throw refusal('AWARD_INVALID_PRICE', { status: 400 });
  // DOMAIN §2.5: a bid above the HPS loses; negotiation only lowers the price.
  if (nilaiTerkoreksi > t.hps) throw refusal('AWARD_ABOVE_HPS');
  if (nilaiNegosiasi !== null && nilaiNegosiasi > nilaiTerkoreksi) throw refusal('AWARD_NEGOTIATION_ABOVE_CORRECTED');
  const [active] = await tx
    .select({ id: contractAwards.id })
    .from(contractAwards)
    .where(and(eq(contractAwards.tenderId, t.id), eq(contractAwards.status, 'aktif')));
  if (active) throw refusal('AWARD_ACTIVE_EXISTS');
  const [row] = await tx
    .insert(contractAwards)
    .values({
      tenderId: t.id,
      agencyId: t.agencyId,
      ppkUserId: t.ppkUserId,
      vendorId: input.vendorId,
      nilaiPenawaran,
      nilaiTerkoreksi,
      nilaiNegosiasi,
      pagu: t.pagu,
      hps: t.hps,
      jenis: t.jenis,
      jenisKontrak: t.jenisKontrak,
      decidedAt: input.decidedAt,
      decidedBy: input.decidedBy,
      createdAt: audit?.clock.now() ?? input.decidedAt,
    })
    .returning({ id: contractAwards.id });
  const ctx = audit ?? (await deciderContext(tx, input));
  await recordAudit(tx, ctx, {
    action: 'contract.award_received',
    objectType: 'contract_award',
    objectId: row!.id,
    summary: {
      kode: t.kode ?? '',
      nama: t.nama,
      vendor: v.name ?? '',
      nilai: (nilaiNegosiasi ?? nilaiTerkoreksi).toString(),
    },
  });
  return row!.id;
}

async function deciderContext(tx: Db, input: AwardInput): Promise<AuditContext> {
  const [u] = await tx.select({ name: users.name }).from(users).where(eq(users.id, input.decidedBy));
  return {
    clock: { now: () => input.decidedAt },
    requestId: null,
    actor: { userId: input.decidedBy, name: u?.name ?? null, role: null },
  };
}
