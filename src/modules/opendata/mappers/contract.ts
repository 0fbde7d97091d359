import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import type { AuditAction } from '../../../registry.ts';
import {
  contractAddenda,
  contractAwards,
  contractBast,
  contractPayments,
  contracts,
} from '../../contracts/contracts.schema.ts';
import { evalAwards } from '../../evaluation/evaluation.schema.ts';
import type { ReleaseTag } from '../ocds.ts';
import { idr, type Publication } from '../ocds.ts';
import { awardIdOf, mergeParties, supplierRefs } from './evaluation.ts';
import type { Mapper } from './mapper.ts';
import { agencyParties } from './parties.ts';
import { tenderSections } from './tender.ts';

/** A WITA calendar date as an OCDS date-time (the day's start in Makassar time). */
const witaDay = (d: string) => `${d}T00:00:00+08:00`;

// OCDS has no separate status for an early end: a terminated (diputus) contract is 'terminated' too.
const CONTRACT_STATUS = {
  berjalan: 'active',
  serah_terima: 'active',
  selesai: 'terminated',
  diputus: 'terminated',
} as const;

/**
 * The award and, once signed, the contract of a tender (issue 12) on top of its tender sections, so that the newest
 * release alone is the current state. The supplier is named by the vendor's company name; its NPWP is never
 * published (DOMAIN §2.6: only masked, and a masked number identifies nothing).
 */
async function awardSections(tx: Db, awardId: string, pub: Publication, at: Date) {
  const [a] = await tx.select().from(contractAwards).where(eq(contractAwards.id, awardId));
  if (!a) return null;
  const base = await tenderSections(tx, a.tenderId, pub, at);
  if (!base) return null;
  const supplier = (await supplierRefs(tx, [a.vendorId]))(a.vendorId);
  const [c] = await tx.select().from(contracts).where(eq(contracts.awardId, a.id));
  const { ref } = await agencyParties(tx, [{ agencyId: a.agencyId, role: 'buyer' }]);
  // The penetapan pemenang it came from (handed over by the evaluation with its decision time): the same award id as
  // the evaluation's releases (pending in the masa sanggah). An award received without one keeps its own id.
  const [decided] = await tx
    .select({ id: evalAwards.id })
    .from(evalAwards)
    .where(
      and(
        eq(evalAwards.tenderId, a.tenderId),
        eq(evalAwards.vendorId, a.vendorId),
        eq(evalAwards.decidedAt, a.decidedAt),
      ),
    )
    .limit(1);
  const id = decided ? awardIdOf(decided.id) : `award-${a.id}`;
  const earlier = base.body.awards.find((x) => x.id === id);
  const award = {
    ...earlier,
    id,
    title: `Pemenang ${base.body.tender.title}`,
    status: a.status === 'aktif' ? 'active' : 'cancelled',
    date: a.decidedAt.toISOString(),
    value: idr(a.nilaiNegosiasi ?? a.nilaiTerkoreksi),
    suppliers: [supplier],
  };
  let contract: Record<string, unknown> | undefined;
  if (c) {
    const addenda = await tx
      .select()
      .from(contractAddenda)
      .where(eq(contractAddenda.contractId, c.id))
      .orderBy(asc(contractAddenda.versi));
    const payments = await tx
      .select()
      .from(contractPayments)
      .where(eq(contractPayments.contractId, c.id))
      .orderBy(asc(contractPayments.termin));
    const [bast] = await tx.select().from(contractBast).where(eq(contractBast.contractId, c.id));
    const milestones = bast
      ? [
          {
            id: 'pho',
            title: `Serah terima pekerjaan (PHO) ${bast.nomor}`,
            type: 'delivery',
            status: 'met',
            dateMet: witaDay(bast.phoDate),
          },
          ...(bast.fhoDate
            ? [
                {
                  id: 'fho',
                  title: `Serah terima akhir (FHO) ${bast.fhoNomor ?? ''}`.trim(),
                  type: 'delivery',
                  status: 'met',
                  dateMet: witaDay(bast.fhoDate),
                },
              ]
            : []),
        ]
      : undefined;
    contract = {
      id: `kontrak-${c.id}`,
      awardID: award.id,
      title: `Kontrak ${c.nomor}`,
      status: CONTRACT_STATUS[c.status],
      // The date only: the PPK's reason and whether the vendor was at fault stay with the contracts module and the
      // blacklist procedure (a policy decision to publish them is still open).
      description:
        c.status === 'diputus' && c.putusTanggal
          ? `Kontrak diputus (pemutusan kontrak oleh PPK) tanggal ${c.putusTanggal}.`
          : undefined,
      value: idr(c.nilai),
      period: { startDate: witaDay(c.mulai), endDate: witaDay(c.selesai) },
      dateSigned: witaDay(c.tanggal),
      amendments: addenda.length
        ? addenda.map((x) => ({
            id: `adendum-${x.versi}`,
            date: witaDay(x.tanggal),
            rationale: x.alasanSepuluhPersen ? `${x.alasan} (perubahan > 10 %: ${x.alasanSepuluhPersen})` : x.alasan,
            description: `Adendum ${x.nomor}: nilai Rp ${x.nilaiLama} → Rp ${x.nilaiBaru}, selesai ${x.selesaiLama} → ${x.selesaiBaru}`,
          }))
        : undefined,
      implementation:
        payments.length || milestones
          ? {
              transactions: payments.length
                ? payments.map((p) => ({
                    id: `termin-${p.termin}`,
                    date: witaDay(p.tanggal),
                    value: idr(p.pembayaran),
                    payer: ref(a.agencyId),
                    payee: supplier,
                  }))
                : undefined,
              milestones,
            }
          : undefined,
    };
  }
  const parties = mergeParties([...base.body.parties, { ...supplier, roles: ['supplier', 'tenderer'] }]);
  const awards = [...base.body.awards.filter((x) => x.id !== id), award];
  return {
    ocid: base.ocid,
    body: { ...base.body, parties, awards, contracts: contract ? [contract] : undefined },
  };
}

/** One mapper per contract event: the same state, tagged by what happened. */
const awardMapper =
  <A extends AuditAction>(tag: ReleaseTag): Mapper<A> =>
  async (tx, event, pub) => {
    const s = event.objectId ? await awardSections(tx, event.objectId, pub, event.at) : null;
    return s && { ocid: s.ocid, tag: [tag], date: event.at, body: s.body };
  };

export const awardReceived = awardMapper<'contract.award_received'>('award');
/** The winner refused the SPPBJ: its award is cancelled (the next one, if any, is a new award). */
export const awardRefused = awardMapper<'contract.sppbj_refused'>('awardCancellation');
export const contractSigned = awardMapper<'contract.signed'>('contract');
export const spmkIssued = awardMapper<'contract.spmk_issued'>('contractUpdate');
export const contractAmended = awardMapper<'contract.addendum_added'>('contractAmendment');
export const paymentRecorded = awardMapper<'contract.payment_recorded'>('implementation');
export const bastRecorded = awardMapper<'contract.bast_recorded'>('implementation');
export const fhoRecorded = awardMapper<'contract.fho_recorded'>('implementation');
/** Pemutusan kontrak: the contract `terminated`, with the termination date. */
export const contractTerminated = awardMapper<'contract.terminated'>('contractTermination');
