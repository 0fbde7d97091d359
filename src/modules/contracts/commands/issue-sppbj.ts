import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { contractSppbj } from '../contracts.schema.ts';
import { notifyUser } from '../mails.ts';
import { awardPrice, requiredJaminan } from '../rules.ts';
import { caseForPpk, refusal, rp, witaDay } from './common.ts';

export interface SppbjInput {
  nomor: string;
  /** YYYY-MM-DD (WITA). */
  tanggal: string;
  nilai: bigint;
  jaminanNilai: bigint | null;
  jaminanPenerbit: string | null;
  jaminanBerlakuSampai: string | null;
}

/**
 * The PPK appoints the winner (SPPBJ, DOMAIN §1.2 stage 11): at the awarded price, not before the award, with the
 * jaminan pelaksanaan the rules ask for (Perpres 16/2018 jo. 12/2021 Pasal 33: above Rp 200 juta, 5 % of the value or
 * of the HPS when the bid is below 80 % of it), valid at least until the SPPBJ's date. Audited; the vendor is mailed.
 */
export async function issueSppbj(ctx: Ctx, awardId: string, input: SppbjInput): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const c = await caseForPpk(tx, ctx, awardId);
    if (c.award.status !== 'aktif') throw refusal('AWARD_NOT_ACTIVE');
    if (c.sppbj) throw refusal('SPPBJ_EXISTS');
    const [taken] = await tx
      .select({ id: contractSppbj.id })
      .from(contractSppbj)
      .where(eq(contractSppbj.nomor, input.nomor));
    if (taken) throw refusal('SPPBJ_NUMBER_TAKEN', { field: 'nomor' });
    const decided = witaDay(c.award.decidedAt);
    if (input.tanggal < decided)
      throw refusal('SPPBJ_DATE_BEFORE_AWARD', { field: 'tanggal', params: { date: decided } });
    const price = awardPrice(c.award);
    if (input.nilai !== price) throw refusal('SPPBJ_VALUE_MISMATCH', { field: 'nilai', params: { price: rp(price) } });
    const required = requiredJaminan({
      jenis: c.award.jenis,
      nilai: input.nilai,
      terkoreksi: c.award.nilaiTerkoreksi,
      hps: c.award.hps,
    });
    if (required !== null && input.jaminanNilai === null)
      throw refusal('SPPBJ_JAMINAN_REQUIRED', { field: 'jaminanNilai', params: { min: rp(required) } });
    if (required !== null && input.jaminanNilai !== null && input.jaminanNilai < required)
      throw refusal('SPPBJ_JAMINAN_TOO_LOW', { field: 'jaminanNilai', params: { min: rp(required) } });
    if (input.jaminanNilai !== null) {
      if (!input.jaminanPenerbit) throw refusal('SPPBJ_JAMINAN_INCOMPLETE', { field: 'jaminanPenerbit' });
      if (!input.jaminanBerlakuSampai) throw refusal('SPPBJ_JAMINAN_INCOMPLETE', { field: 'jaminanBerlakuSampai' });
      if (input.jaminanBerlakuSampai < input.tanggal)
        throw refusal('SPPBJ_JAMINAN_EXPIRES_EARLY', { field: 'jaminanBerlakuSampai' });
    }
    const withJaminan = input.jaminanNilai !== null;
    await tx.insert(contractSppbj).values({
      awardId,
      nomor: input.nomor,
      tanggal: input.tanggal,
      nilai: input.nilai,
      jaminanNilai: input.jaminanNilai,
      jaminanPenerbit: withJaminan ? input.jaminanPenerbit : null,
      jaminanBerlakuSampai: withJaminan ? input.jaminanBerlakuSampai : null,
      issuedBy: ctx.actor!.userId,
      issuedAt: ctx.clock.now(),
    });
    await recordAudit(tx, auditContext(ctx), {
      action: 'contract.sppbj_issued',
      objectType: 'contract_award',
      objectId: awardId,
      summary: { nomor: input.nomor, nama: c.tenderNama, vendor: c.vendorName, nilai: input.nilai.toString() },
    });
    await notifyUser(
      tx,
      ctx.clock,
      ctx.config,
      c.vendorUserId,
      { subject: 'contracts.mail.sppbj.subject', body: 'contracts.mail.sppbj.body' },
      { nama: c.tenderNama, nomor: input.nomor, path: `/kontrak-saya/${awardId}` },
    );
  });
}
