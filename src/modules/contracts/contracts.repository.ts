import { and, asc, count, countDistinct, desc, eq, inArray, isNotNull, ne, or, sql, sum } from 'drizzle-orm';
import { type Actor, agenciesWhere } from '../../platform/auth/permissions.ts';
import type { Db } from '../../platform/db/database.ts';
import { isUuid } from '../../platform/errors.ts';
import { users } from '../accounts/accounts.schema.ts';
import { agencies } from '../organisation/organisation.schema.ts';
import { companyName } from '../registration/index.ts';
import { vendors } from '../registration/registration.schema.ts';
import { tenders } from '../tenders/tenders.schema.ts';
import {
  contractAddenda,
  contractAwards,
  contractBast,
  contractPayments,
  contractRatings,
  contractSpmk,
  contractSppbj,
  contracts,
} from './contracts.schema.ts';

const caseColumns = {
  award: contractAwards,
  tenderNama: tenders.nama,
  tenderKode: tenders.kode,
  lokasi: tenders.lokasi,
  agencyName: agencies.name,
  vendorName: vendors.name,
  vendorForm: vendors.businessForm,
  vendorUserId: vendors.userId,
  picName: vendors.picName,
  picPosition: vendors.picPosition,
};

/**
 * One award with everything that followed it: SPPBJ, contract, addenda, SPMK, BAPs, BAST and rating. The pages of the
 * PPK and of the vendor both read it; each checks who may see it.
 */
export async function loadCase(db: Db, awardId: string) {
  if (!isUuid(awardId)) return undefined;
  const [head] = await db
    .select(caseColumns)
    .from(contractAwards)
    .innerJoin(tenders, eq(tenders.id, contractAwards.tenderId))
    .innerJoin(agencies, eq(agencies.id, contractAwards.agencyId))
    .innerJoin(vendors, eq(vendors.id, contractAwards.vendorId))
    .where(eq(contractAwards.id, awardId));
  if (!head) return undefined;
  const [sppbj] = await db.select().from(contractSppbj).where(eq(contractSppbj.awardId, awardId));
  const [contract] = await db.select().from(contracts).where(eq(contracts.awardId, awardId));
  const cid = contract?.id;
  const [addenda, spmk, payments, bast, rating, ppk] = await Promise.all([
    cid
      ? db.select().from(contractAddenda).where(eq(contractAddenda.contractId, cid)).orderBy(asc(contractAddenda.versi))
      : [],
    cid ? db.select().from(contractSpmk).where(eq(contractSpmk.contractId, cid)) : [],
    cid
      ? db
          .select()
          .from(contractPayments)
          .where(eq(contractPayments.contractId, cid))
          .orderBy(asc(contractPayments.termin))
      : [],
    cid ? db.select().from(contractBast).where(eq(contractBast.contractId, cid)) : [],
    cid ? db.select().from(contractRatings).where(eq(contractRatings.contractId, cid)) : [],
    head.award.ppkUserId
      ? db.select({ name: users.name, nip: users.nip }).from(users).where(eq(users.id, head.award.ppkUserId))
      : [],
  ]);
  return {
    ...head,
    vendorName: companyName(head.vendorForm, head.vendorName) || head.vendorName || '',
    ppk: ppk[0] ?? null,
    sppbj: sppbj ?? null,
    contract: contract ?? null,
    addenda,
    spmk: spmk[0] ?? null,
    payments,
    bast: bast[0] ?? null,
    rating: rating[0] ?? null,
  };
}
export type ContractCase = NonNullable<Awaited<ReturnType<typeof loadCase>>>;

const listColumns = {
  awardId: contractAwards.id,
  awardStatus: contractAwards.status,
  tenderNama: tenders.nama,
  tenderKode: tenders.kode,
  agencyName: agencies.name,
  vendorName: vendors.name,
  vendorForm: vendors.businessForm,
  decidedAt: contractAwards.decidedAt,
  price: sql<bigint>`coalesce(${contractAwards.nilaiNegosiasi}, ${contractAwards.nilaiTerkoreksi})`.mapWith(BigInt),
  sppbjStatus: contractSppbj.status,
  contractNomor: contracts.nomor,
  contractStatus: contracts.status,
  nilai: contracts.nilai,
};

function listQuery(db: Db) {
  return db
    .select(listColumns)
    .from(contractAwards)
    .innerJoin(tenders, eq(tenders.id, contractAwards.tenderId))
    .innerJoin(agencies, eq(agencies.id, contractAwards.agencyId))
    .innerJoin(vendors, eq(vendors.id, contractAwards.vendorId))
    .leftJoin(contractSppbj, eq(contractSppbj.awardId, contractAwards.id))
    .leftJoin(contracts, eq(contracts.awardId, contractAwards.id));
}
export type CaseRow = Awaited<ReturnType<ReturnType<typeof listQuery>['execute']>>[number];

/** The PPK's list: awards of the agencies where the actor is PPK, of the packages the actor is PPK of. */
export async function listCasesForPpk(db: Db, actor: Actor) {
  const where = agenciesWhere(actor, 'contracts:manage');
  if (where !== 'all' && where.length === 0) return [];
  const scope = where === 'all' ? undefined : inArray(contractAwards.agencyId, where);
  const mine = or(sql`${contractAwards.ppkUserId} is null`, eq(contractAwards.ppkUserId, actor.userId));
  return listQuery(db).where(and(scope, mine)).orderBy(desc(contractAwards.decidedAt));
}

/** The vendor's list: its awards (refused ones too) and contracts. */
export function listCasesOfVendor(db: Db, vendorId: string) {
  return listQuery(db).where(eq(contractAwards.vendorId, vendorId)).orderBy(desc(contractAwards.decidedAt));
}

/** Cumulative fisik of a contract: the last BAP's (0 without one). */
const lastFisik = sql<number>`coalesce((select ${contractPayments.fisikBasisPoin} from ${contractPayments} where ${contractPayments.contractId} = ${contracts.id} order by ${contractPayments.termin} desc limit 1), 0)`;

/**
 * SIKaP "cek paket berjalan" (the vendor's workload): contracts signed and not yet handed over (BAST), with the
 * package, the agency, the value, the period and the realisasi fisik in hundredths of a percent. One vendor or a
 * list (the Pokja's participant list reads all of them in one query).
 */
export async function runningContractsOf(db: Db, vendor: string | readonly string[]) {
  const vendorIds = (typeof vendor === 'string' ? [vendor] : vendor).filter(isUuid);
  if (vendorIds.length === 0) return [];
  return db
    .select({
      vendorId: contracts.vendorId,
      contractId: contracts.id,
      awardId: contracts.awardId,
      nomor: contracts.nomor,
      namaPaket: tenders.nama,
      kodeTender: tenders.kode,
      agencyName: agencies.name,
      nilai: contracts.nilai,
      mulai: contracts.mulai,
      selesai: contracts.selesai,
      fisikBasisPoin: lastFisik.mapWith(Number),
    })
    .from(contracts)
    .innerJoin(tenders, eq(tenders.id, contracts.tenderId))
    .innerJoin(agencies, eq(agencies.id, contracts.agencyId))
    .where(and(inArray(contracts.vendorId, vendorIds), eq(contracts.status, 'berjalan')))
    .orderBy(asc(contracts.mulai));
}

/**
 * Completed contracts (BAST signed) in the shape of a SIKaP pengalaman entry (`pgl_kegiatan`, `pgl_lokasi`,
 * `pgl_pembtgs`, `pgl_almtpembtgs`, `pgl_nokontrak`, `pgl_nilai`, `pgl_tglkontrak`, `pgl_slskontrak`,
 * `pgl_persenprogress`): SIKaP shows them as experience that the vendor did not have to type (R06). Read-only: the
 * SIKaP module decides how to show them; this module never writes SIKaP's tables.
 */
export async function completedContractsOf(db: Db, vendorId: string) {
  if (!isUuid(vendorId)) return [];
  const rows = await db
    .select({
      contractId: contracts.id,
      kegiatan: tenders.nama,
      kodeTender: tenders.kode,
      lokasi: tenders.lokasi,
      pemberiTugas: agencies.name,
      alamatPemberiTugas: agencies.address,
      nomorKontrak: contracts.nomor,
      nilai: contracts.nilai,
      tanggalKontrak: contracts.tanggal,
      tanggalSelesai: contractBast.phoDate,
      nomorBast: contractBast.nomor,
      fhoDate: contractBast.fhoDate,
    })
    .from(contracts)
    .innerJoin(contractBast, eq(contractBast.contractId, contracts.id))
    .innerJoin(tenders, eq(tenders.id, contracts.tenderId))
    .innerJoin(agencies, eq(agencies.id, contracts.agencyId))
    .where(and(eq(contracts.vendorId, vendorId), ne(contracts.status, 'berjalan')))
    .orderBy(desc(contractBast.phoDate));
  return rows.map((r) => ({ ...r, lokasi: (r.lokasi ?? []).join('; '), persenProgress: 100 }));
}

/**
 * SIKaP's performance summary (DOMAIN §4: "average score, number of PPK raters and packages"): the average of the
 * weighted totals in hundredths of a point (rounded half up; null without any rating), the number of distinct PPK who
 * rated, and the number of rated packages.
 */
export async function vendorPerformance(db: Db, vendorId: string) {
  if (!isUuid(vendorId)) return { averageHundredths: null, raters: 0, packages: 0 };
  const [row] = await db
    .select({
      total: sum(contractRatings.nilaiRatusan).mapWith(Number),
      packages: count(),
      raters: countDistinct(contractRatings.ratedBy),
    })
    .from(contractRatings)
    .where(eq(contractRatings.vendorId, vendorId));
  const packages = row?.packages ?? 0;
  return {
    averageHundredths: packages > 0 ? Math.round((row!.total ?? 0) / packages) : null,
    raters: row?.raters ?? 0,
    packages,
  };
}

/**
 * Every refused SPPBJ with its reason, newest first (optionally of one vendor): the registration module's blacklist
 * (Perpres 16/2018 jo. 12/2021 Pasal 78 ayat 3 huruf b, a winner who withdraws) reads its candidates here.
 */
export async function sppbjRefusals(db: Db, opts: { vendorId?: string } = {}) {
  if (opts.vendorId !== undefined && !isUuid(opts.vendorId)) return [];
  return db
    .select({
      awardId: contractAwards.id,
      tenderId: contractAwards.tenderId,
      kodeTender: tenders.kode,
      namaTender: tenders.nama,
      agencyId: contractAwards.agencyId,
      vendorId: contractAwards.vendorId,
      vendorName: vendors.name,
      npwp: vendors.npwp,
      sppbjNomor: contractSppbj.nomor,
      sppbjTanggal: contractSppbj.tanggal,
      nilai: contractSppbj.nilai,
      reason: contractSppbj.refusalReason,
      refusedAt: contractSppbj.respondedAt,
    })
    .from(contractSppbj)
    .innerJoin(contractAwards, eq(contractAwards.id, contractSppbj.awardId))
    .innerJoin(tenders, eq(tenders.id, contractAwards.tenderId))
    .innerJoin(vendors, eq(vendors.id, contractAwards.vendorId))
    .where(
      and(eq(contractSppbj.status, 'ditolak'), opts.vendorId ? eq(contractAwards.vendorId, opts.vendorId) : undefined),
    )
    .orderBy(desc(contractSppbj.respondedAt));
}

/**
 * For the tender's public page (SPSE `/evaluasi/{id}/pemenangberkontrak`): the signed contract of a tender, if any —
 * vendor, number, value (current and original), dates, addenda, realisasi fisik, BAST. Nothing confidential: no
 * NPWP, no jaminan, no payments per termin.
 */
export async function publicContractOfTender(db: Db, tenderId: string) {
  if (!isUuid(tenderId)) return undefined;
  const [row] = await db
    .select({
      vendorId: contracts.vendorId,
      vendorName: vendors.name,
      vendorForm: vendors.businessForm,
      nomor: contracts.nomor,
      jenisKontrak: contracts.jenisKontrak,
      nilaiAwal: contracts.nilaiAwal,
      nilai: contracts.nilai,
      tanggal: contracts.tanggal,
      mulai: contracts.mulai,
      selesai: contracts.selesai,
      status: contracts.status,
      addenda:
        sql<number>`(select count(*) from ${contractAddenda} where ${contractAddenda.contractId} = ${contracts.id})`.mapWith(
          Number,
        ),
      fisikBasisPoin: lastFisik.mapWith(Number),
      phoDate: contractBast.phoDate,
      fhoDate: contractBast.fhoDate,
    })
    .from(contracts)
    .innerJoin(vendors, eq(vendors.id, contracts.vendorId))
    .leftJoin(contractBast, eq(contractBast.contractId, contracts.id))
    .where(eq(contracts.tenderId, tenderId));
  if (!row) return undefined;
  return { ...row, vendorName: companyName(row.vendorForm, row.vendorName) || row.vendorName || '' };
}

/** Tasks: SPPBJ to issue, contracts to sign, ratings owed (BAST done, no rating) for this PPK. */
export async function ppkBacklog(db: Db, actor: Actor) {
  const where = agenciesWhere(actor, 'contracts:manage');
  if (where !== 'all' && where.length === 0) return { sppbj: 0, ratings: 0, oldest: null as Date | null };
  const scope = where === 'all' ? undefined : inArray(contractAwards.agencyId, where);
  const mine = or(sql`${contractAwards.ppkUserId} is null`, eq(contractAwards.ppkUserId, actor.userId));
  const [a] = await db
    .select({ n: count(), oldest: sql<Date | null>`min(${contractAwards.decidedAt})` })
    .from(contractAwards)
    .leftJoin(contractSppbj, eq(contractSppbj.awardId, contractAwards.id))
    .where(and(scope, mine, eq(contractAwards.status, 'aktif'), sql`${contractSppbj.id} is null`));
  const [r] = await db
    .select({ n: count() })
    .from(contracts)
    .innerJoin(contractAwards, eq(contractAwards.id, contracts.awardId))
    .innerJoin(contractBast, eq(contractBast.contractId, contracts.id))
    .leftJoin(contractRatings, eq(contractRatings.contractId, contracts.id))
    .where(and(scope, mine, isNotNull(contractBast.phoDate), sql`${contractRatings.contractId} is null`));
  const oldest = a?.oldest ? new Date(a.oldest) : null;
  return { sppbj: a?.n ?? 0, ratings: r?.n ?? 0, oldest };
}

/** SPPBJ issued to this vendor and not answered yet: how many, since when. */
export async function sppbjAwaitingAnswer(db: Db, vendorId: string) {
  const [row] = await db
    .select({ n: count(), oldest: sql<Date | null>`min(${contractSppbj.issuedAt})` })
    .from(contractSppbj)
    .innerJoin(contractAwards, eq(contractAwards.id, contractSppbj.awardId))
    .where(and(eq(contractAwards.vendorId, vendorId), eq(contractSppbj.status, 'terbit')));
  return { n: row?.n ?? 0, oldest: row?.oldest ? new Date(row.oldest) : null };
}

/**
 * Terminated contracts (pemutusan kontrak) with their reason, for the blacklist (Perlem LKPP 17/2018: termination for
 * the vendor's fault is a ground): vendor, NPWP, tender, contract, date, reason, whether the vendor was at fault.
 */
export async function contractTerminations(db: Db, opts: { vendorId?: string; vendorFaultOnly?: boolean } = {}) {
  const conds = [eq(contracts.status, 'diputus')];
  if (opts.vendorId) conds.push(eq(contracts.vendorId, opts.vendorId));
  if (opts.vendorFaultOnly) conds.push(eq(contracts.putusKesalahanPenyedia, true));
  return db
    .select({
      awardId: contracts.awardId,
      vendorId: contracts.vendorId,
      vendorName: vendors.name,
      npwp: vendors.npwp,
      tenderKode: tenders.kode,
      tenderNama: tenders.nama,
      agencyId: contracts.agencyId,
      nomorKontrak: contracts.nomor,
      tanggal: contracts.putusTanggal,
      alasan: contracts.putusAlasan,
      kesalahanPenyedia: contracts.putusKesalahanPenyedia,
      putusAt: contracts.putusAt,
    })
    .from(contracts)
    .innerJoin(vendors, eq(vendors.id, contracts.vendorId))
    .innerJoin(tenders, eq(tenders.id, contracts.tenderId))
    .where(and(...conds))
    .orderBy(desc(contracts.putusAt));
}
