import { and, asc, count, countDistinct, eq, inArray, isNotNull, isNull, min } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { documents } from '../../../platform/files/files.schema.ts';
import { bidOpenings, bidSubmissions } from '../../bids/bids.schema.ts';
import { evalBids } from '../../evaluation/evaluation.schema.ts';
import { rupPlans } from '../../rup/rup.schema.ts';
import { bundleOf, loadSchedule, stageOfRole } from '../../tenders/index.ts';
import { tenderDocuments, tenderParticipants, tenderQuestions, tenders } from '../../tenders/tenders.schema.ts';
import { categoryFields, METHOD } from '../codelists.ts';
import { idr, ocidOf, type Publication } from '../ocds.ts';
import { awardPublished, latestReleaseOf } from '../publish.ts';
import { evaluationSections, mergeParties } from './evaluation.ts';
import type { Mapper } from './mapper.ts';
import { agencyParties } from './parties.ts';

const TENDER_STATUS = {
  draft: 'planning',
  berlangsung: 'active',
  selesai: 'complete',
  gagal: 'unsuccessful',
  batal: 'cancelled',
} as const;

/**
 * The whole public state of an announced tender as OCDS sections (R02): buyer (the OPD) and procuringEntity (the
 * UKPBJ whose Pokja runs it), HPS as value, the method's Indonesian name, tenderPeriod = the bid upload stage,
 * enquiryPeriod = Pemberian Penjelasan, the Dokumen Pemilihan with its public URL, the RUP plans as planning processes.
 * Every tender release repeats it, so the newest release alone is the current state. Null for a draft.
 *
 * Extensions (declared in the packages): `tender.enquiries` (enquiry extension) — the answered aanwijzing questions,
 * once the Pemberian Penjelasan stage has ended at `at` (the event's time; during the stage the Q&A is for the
 * participants only), never naming the asker; `bids.statistics` (bid extension) — registered participants
 * (`requests`) always, the number of bids (`bids`, and core `numberOfTenderers`) only after the opening, never a bid's
 * content or its bidder.
 */
export async function tenderSections(tx: Db, tenderId: string, pub: Publication, at?: Date) {
  const [t] = await tx.select().from(tenders).where(eq(tenders.id, tenderId));
  if (!t?.kode || !t.announcedAt) return null;
  const bundle = bundleOf(t.bundleId, t.bundleVersion);
  const schedule = await loadSchedule(tx, tenderId);
  const window = (role: Parameters<typeof stageOfRole>[1]) => {
    const stage = bundle && stageOfRole(bundle, role);
    const row = stage && schedule.find((r) => r.stage === stage.code);
    return row ? { startDate: row.start.toISOString(), endDate: row.end.toISOString() } : undefined;
  };
  const docs = await tx
    .select({ id: documents.id, name: documents.originalName, mime: documents.mime, at: tenderDocuments.uploadedAt })
    .from(tenderDocuments)
    .innerJoin(documents, eq(documents.id, tenderDocuments.documentId))
    .where(eq(tenderDocuments.tenderId, tenderId))
    .orderBy(asc(tenderDocuments.uploadedAt));
  const kodes = t.rupKodes ?? [];
  const plans = kodes.length
    ? await tx
        .select({ kode: rupPlans.kode, nama: rupPlans.namaPaket })
        .from(rupPlans)
        .where(inArray(rupPlans.kode, kodes))
    : [];
  const { parties, ref } = await agencyParties(tx, [
    { agencyId: t.agencyId, role: 'buyer' },
    { agencyId: t.ukpbjAgencyId ?? t.agencyId, role: 'procuringEntity' },
  ]);
  const method = t.metode ? METHOD[t.metode] : undefined;
  const enquiry = window('clarification');
  const enquiriesPublic = !!enquiry && !!at && at.getTime() >= new Date(enquiry.endDate).getTime();
  const enquiries = enquiriesPublic
    ? await tx
        .select({
          id: tenderQuestions.id,
          question: tenderQuestions.question,
          askedAt: tenderQuestions.askedAt,
          answer: tenderQuestions.answer,
          answeredAt: tenderQuestions.answeredAt,
        })
        .from(tenderQuestions)
        .where(and(eq(tenderQuestions.tenderId, tenderId), isNotNull(tenderQuestions.answeredAt)))
        .orderBy(asc(tenderQuestions.askedAt))
    : [];
  const [participants] = await tx
    .select({ n: countDistinct(tenderParticipants.vendorId) })
    .from(tenderParticipants)
    .where(eq(tenderParticipants.tenderId, tenderId));
  // The bids counted once opened: the evaluation's opened bids (written at the opening), else the receipted bids of
  // an opening whose evaluation has not started.
  const [evaluated] = await tx
    .select({ n: count(), at: min(evalBids.openedAt) })
    .from(evalBids)
    .where(eq(evalBids.tenderId, tenderId));
  const [opened] = await tx
    .select({ at: bidOpenings.openedAt })
    .from(bidOpenings)
    .where(eq(bidOpenings.tenderId, tenderId))
    .orderBy(asc(bidOpenings.openedAt))
    .limit(1);
  const [received] = opened
    ? await tx
        .select({ n: countDistinct(bidSubmissions.vendorId) })
        .from(bidSubmissions)
        .where(and(eq(bidSubmissions.tenderId, tenderId), isNull(bidSubmissions.supersededAt)))
    : [];
  const bidders =
    evaluated?.n && evaluated.at
      ? { n: evaluated.n, at: evaluated.at }
      : opened && received
        ? { n: received.n, at: opened.at }
        : undefined;
  const statistics = [
    participants?.n
      ? { id: 'peserta', measure: 'requests', value: participants.n, notes: 'Peserta yang mendaftar' }
      : undefined,
    bidders
      ? {
          id: 'penawaran',
          measure: 'bids',
          value: bidders.n,
          date: bidders.at.toISOString(),
          notes: 'Penyedia yang memasukkan penawaran (dihitung saat pembukaan)',
        }
      : undefined,
  ].filter((x) => x !== undefined);
  const evaluation = await evaluationSections(tx, tenderId, at, window('award_announcement')?.startDate);
  return {
    ocid: ocidOf(pub, 'tender', t.kode),
    kode: t.kode,
    body: {
      parties: mergeParties([
        ...parties,
        ...evaluation.suppliers.map((s) => ({ ...s, roles: ['supplier', 'tenderer'] })),
      ]),
      buyer: ref(t.agencyId),
      planning: t.pagu
        ? { budget: { id: kodes.join('+') || t.kode, amount: idr(t.pagu), description: 'Pagu paket' } }
        : undefined,
      tender: {
        id: t.kode,
        title: t.nama,
        status: TENDER_STATUS[t.status],
        procuringEntity: ref(t.ukpbjAgencyId ?? t.agencyId),
        value: idr(t.hps),
        procurementMethod: method?.code,
        procurementMethodDetails: bundle?.name ?? method?.name,
        ...categoryFields(t.jenis),
        submissionMethod: ['electronicSubmission'],
        submissionMethodDetails: 'SPSE (dokumen penawaran terenkripsi)',
        tenderPeriod: window('bid_upload'),
        enquiryPeriod: enquiry,
        hasEnquiries: enquiry ? true : undefined,
        enquiries: enquiries.map((q) => ({
          id: q.id,
          date: q.askedAt.toISOString(),
          title: q.question.length > 80 ? `${q.question.slice(0, 79)}…` : q.question,
          description: q.question,
          answer: q.answer,
          dateAnswered: q.answeredAt?.toISOString(),
        })),
        numberOfTenderers: bidders?.n,
        complaints: evaluation.complaints,
        eligibilityCriteria: t.syaratKualifikasi
          ? [
              `Kualifikasi usaha: ${t.kualifikasiUsaha === 'kecil' ? 'kecil' : 'non-kecil'}`,
              `Izin usaha: ${t.syaratKualifikasi.izinUsaha}`,
              t.syaratKualifikasi.kbli.length ? `KBLI: ${t.syaratKualifikasi.kbli.join(', ')}` : '',
              t.syaratKualifikasi.pengalaman ? `Pengalaman: ${t.syaratKualifikasi.pengalaman}` : '',
            ]
              .filter(Boolean)
              .join('\n')
          : undefined,
        documents: docs.map((d) => ({
          id: d.id,
          documentType: 'biddingDocuments',
          title: d.name,
          url: `${pub.baseUrl}/berkas/${d.id}`,
          format: d.mime,
          language: 'id',
          datePublished: new Date(Math.max(d.at.getTime(), t.announcedAt!.getTime())).toISOString(),
        })),
      },
      bids: statistics.length ? { statistics } : undefined,
      awards: evaluation.awards,
      relatedProcesses: plans.map((p) => ({
        id: `rup-${p.kode}`,
        relationship: ['planning'],
        title: p.nama,
        scheme: 'ocid',
        identifier: ocidOf(pub, 'rup', p.kode),
        uri: `${pub.baseUrl}/api/v1/ocds/records/${ocidOf(pub, 'rup', p.kode)}`,
      })),
    },
  };
}

/** Tender announced by the whole Pokja (issue 9): a `tender` release. */
export const tenderAnnounced: Mapper<'tender.announced'> = async (tx, event, pub) => {
  const s = event.objectId ? await tenderSections(tx, event.objectId, pub, event.at) : null;
  return s && { ocid: s.ocid, tag: ['tender'], date: event.at, body: s.body };
};

/** A schedule change of an announced tender: a `tenderAmendment` with the new periods and the change's reason. */
export const tenderScheduleChanged: Mapper<'tender.schedule_changed'> = async (tx, event, pub) => {
  const s = event.objectId ? await tenderSections(tx, event.objectId, pub, event.at) : null;
  if (!s) return null;
  const previous = await latestReleaseOf(tx, s.ocid);
  const stages = event.summary.changes.map((c) => `${c.stage}: ${c.from[0]}–${c.from[1]} → ${c.to[0]}–${c.to[1]}`);
  const amendment = {
    id: `jadwal-${event.seq}`,
    date: event.at.toISOString(),
    rationale: event.summary.reason,
    description: `Perubahan jadwal: ${stages.join('; ')}`,
    amendsReleaseID: previous?.releaseId,
  };
  return {
    ocid: s.ocid,
    tag: ['tenderAmendment'],
    date: event.at,
    body: { ...s.body, tender: { ...s.body.tender, amendments: [amendment] } },
  };
};

/** An addendum to the Dokumen Pemilihan: a `tenderAmendment` naming it, with its files among the documents. */
export const tenderAddendumPublished: Mapper<'tender.addendum_published'> = async (tx, event, pub) => {
  const s = event.objectId ? await tenderSections(tx, event.objectId, pub, event.at) : null;
  if (!s) return null;
  const previous = await latestReleaseOf(tx, s.ocid);
  const amendment = {
    id: `adendum-${event.summary.number}`,
    date: event.at.toISOString(),
    rationale: event.summary.reason,
    description: `Adendum ${event.summary.number} Dokumen Pemilihan`,
    amendsReleaseID: previous?.releaseId,
  };
  return {
    ocid: s.ocid,
    tag: ['tenderAmendment'],
    date: event.at,
    body: { ...s.body, tender: { ...s.body.tender, amendments: [amendment] } },
  };
};

/** Tender gagal (Pasal 51) and batal: the tender's status (unsuccessful / cancelled) as it now stands. */
const statusChange =
  <A extends 'tender.failed' | 'tender.cancelled'>(tag: 'tenderUpdate' | 'tenderCancellation'): Mapper<A> =>
  async (tx, event, pub) => {
    const s = event.objectId ? await tenderSections(tx, event.objectId, pub, event.at) : null;
    return s && { ocid: s.ocid, tag: [tag], date: event.at, body: s.body };
  };
export const tenderFailed = statusChange<'tender.failed'>('tenderUpdate');
export const tenderCancelled = statusChange<'tender.cancelled'>('tenderCancellation');

/** The bids were opened (issue 10): a `tenderUpdate` with the number of bids (bid extension statistics). */
export const bidsOpened: Mapper<'bids.opened'> = async (tx, event, pub) => {
  const s = event.objectId ? await tenderSections(tx, event.objectId, pub, event.at) : null;
  return s && { ocid: s.ocid, tag: ['tenderUpdate'], date: event.at, body: s.body };
};

/**
 * The winner decided (evaluation, issue 12): a `tenderUpdate` carrying the bid statistics, and the award (`pending`
 * in the masa sanggah) when the decision is already public — a re-decision after an upheld sanggah, made after the
 * Pengumuman Pemenang stage has started; a first decision is public from that stage on, in the next release.
 */
export const awardDecided: Mapper<'evaluation.award_decided'> = async (tx, event, pub) => {
  const s = event.objectId ? await tenderSections(tx, event.objectId, pub, event.at) : null;
  if (!s) return null;
  // The only award not yet handed over nor withdrawn is the one just decided.
  const announced = s.body.awards.some((a) => a.status === 'pending');
  return { ocid: s.ocid, tag: announced ? ['tenderUpdate', 'award'] : ['tenderUpdate'], date: event.at, body: s.body };
};

/** A sanggah or sanggah banding filed: a `tenderUpdate` with it in `tender.complaints` (local sanggah extension). */
const complaintFiled =
  <A extends 'evaluation.sanggah_filed' | 'evaluation.banding_filed'>(): Mapper<A> =>
  async (tx, event, pub) => {
    const s = event.objectId ? await tenderSections(tx, event.objectId, pub, event.at) : null;
    return s && { ocid: s.ocid, tag: ['tenderUpdate'], date: event.at, body: s.body };
  };
export const sanggahFiled = complaintFiled<'evaluation.sanggah_filed'>();
export const bandingFiled = complaintFiled<'evaluation.banding_filed'>();

/**
 * A sanggah or sanggah banding answered: a `tenderUpdate` with its outcome; upheld (diterima), the evaluation withdrew
 * the award in the same transaction, so the release also carries that award `cancelled` (same id) and is tagged
 * `awardCancellation`. The Pokja's new decision is a new award (`awardDecided`).
 */
const complaintAnswered =
  <A extends 'evaluation.sanggah_answered' | 'evaluation.banding_answered'>(): Mapper<A> =>
  async (tx, event, pub) => {
    const s = event.objectId ? await tenderSections(tx, event.objectId, pub, event.at) : null;
    if (!s) return null;
    const cancelled = event.summary.outcome === 'diterima' && s.body.awards.some((a) => a.status === 'cancelled');
    return {
      ocid: s.ocid,
      tag: cancelled ? ['tenderUpdate', 'awardCancellation'] : ['tenderUpdate'],
      date: event.at,
      body: s.body,
    };
  };
export const sanggahAnswered = complaintAnswered<'evaluation.sanggah_answered'>();
export const bandingAnswered = complaintAnswered<'evaluation.banding_answered'>();

/**
 * The winner announced (the Pengumuman Pemenang stage has started; `award-announcement.ts` records the event): an
 * `award` release with the award `pending` in the masa sanggah. Nothing if a release carries it already (checked
 * again here, under the audit trail's lock).
 */
export const awardAnnounced: Mapper<'opendata.award_announced'> = async (tx, event, pub) => {
  const s = event.objectId ? await tenderSections(tx, event.objectId, pub, event.at) : null;
  if (!s?.body.awards.some((a) => a.id === event.summary.award)) return null;
  return (await awardPublished(tx, s.ocid, event.summary.award))
    ? null
    : { ocid: s.ocid, tag: ['award'], date: event.at, body: s.body };
};
