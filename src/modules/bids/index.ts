import { and, eq } from 'drizzle-orm';
import { auditEvent, type DocumentReadPolicy, defineModule } from '../../platform/module.ts';
import { tenderMembers } from '../tenders/tenders.schema.ts';
import { bidsPlugin } from './bids.plugin.ts';
import * as tables from './bids.schema.ts';
import { onMemberReplaced } from './commands/member-replaced.ts';
import { sweepUploadsJob } from './commands/sweep.ts';
import { loadBidsDemo } from './demo.ts';
import { bidsEn } from './locales/en.ts';
import { bidsId } from './locales/id.ts';

/** An opened bid is readable by the members of its tender only (its Pokja, or a PL's Pejabat Pengadaan). */
const openedBidReader: DocumentReadPolicy = async (db, actor, doc) => {
  if (!actor) return false;
  const [row] = await db
    .select({ id: tables.bidSubmissions.id })
    .from(tables.bidSubmissions)
    .innerJoin(
      tenderMembers,
      and(eq(tenderMembers.tenderId, tables.bidSubmissions.tenderId), eq(tenderMembers.userId, actor.userId)),
    )
    .where(eq(tables.bidSubmissions.openedDocumentId, doc.id));
  return !!row;
};
const tenderOpening = (id: string | null) => (id ? `/kelola/tender/${id}/pembukaan` : null);

/**
 * Sealed bids (issue 11, R12): sealed in the vendor's browser to k-of-n of the tender's Pokja (or, for a Pengadaan
 * Langsung, to its single Pejabat Pengadaan, k = 1), uploaded over tus, receipted with an Ed25519 signature, opened
 * only after the upload stage with k members' shares.
 */
export const bidsModule = defineModule({
  name: 'bids',
  plugin: bidsPlugin,
  demo: loadBidsDemo,
  jobs: [sweepUploadsJob],
  tables,
  auditSubscribers: {
    // A member replaced mid-tender (tenders' replaceTenderMember): vendors told to re-issue, or the replacement refused
    // when it would leave a bid unopenable (commands/member-replaced.ts).
    'tender.member_replaced': onMemberReplaced,
  },
  locales: { id: bidsId, en: bidsEn },
  permissions: {
    'bids:key': {
      roles: ['POKJA', 'PEJABAT_PENGADAAN', 'PENYEDIA'],
      scope: 'own',
      description:
        'Create or re-create one’s own bid key in the browser (the private key is wrapped under one’s passphrase before it reaches the server); a Pejabat Pengadaan needs one to open a Pengadaan Langsung',
    },
    'bids:submit': {
      roles: ['PENYEDIA'],
      scope: 'own',
      description:
        'A participating vendor seals a bid in the browser and uploads it during the upload stage, downloads its receipt and self-checks it',
    },
    'bids:open': {
      roles: ['POKJA', 'PEJABAT_PENGADAAN'],
      scope: 'agency',
      description:
        "Set k for a tender and open its bids after the upload deadline with one's own key share (only the tender's Pokja members; for a Pengadaan Langsung its single Pejabat Pengadaan, acting for the tender, opens alone with k = 1); after the LPSE's berita acara kesaksian, decide on a bid that failed to open (disqualify, or postpone for a forensic test)",
    },
    'bids:witness': {
      roles: ['ADMIN_SISTEM', 'KEPALA_LPSE'],
      scope: 'global',
      description:
        'The LPSE re-checks a bid that failed to open, under audit, and issues the berita acara kesaksian (R48); it reads no bid',
    },
  },
  nav: [
    { href: '/kunci-penawaran', labelKey: 'nav.bidKey', permission: 'bids:key' },
    { href: '/admin/kesaksian-penawaran', labelKey: 'nav.bidWitness', permission: 'bids:witness' },
  ],
  documentClasses: {
    penawaran_terbuka: {
      maxBytes: 200 * 1024 * 1024,
      mimes: [
        'application/pdf',
        'application/zip',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ],
      confidential: true,
      read: openedBidReader,
    },
  },
  auditEvents: {
    'bids.key_enrolled': auditEvent<{ fingerprint: string; previous: string | null }>({
      messageKey: 'audit.event.bids.key_enrolled',
    }),
    'bids.key_reenrolled': auditEvent<{ fingerprint: string; previous: string | null }>({
      messageKey: 'audit.event.bids.key_reenrolled',
    }),
    'bids.threshold_set': auditEvent<{ kode: string; k: number; n: number }>({
      messageKey: 'audit.event.bids.threshold_set',
      link: tenderOpening,
    }),
    'bids.upload_started': auditEvent<{ kode: string; vendor: string; kind: string; sha256: string; size: number }>({
      messageKey: 'audit.event.bids.upload_started',
    }),
    'bids.upload_refused': auditEvent<{ upload: string; code: string; sha256: string }>({
      messageKey: 'audit.event.bids.upload_refused',
    }),
    'bids.received': auditEvent<{
      kode: string;
      vendor: string;
      kind: string;
      sha256: string;
      size: number;
      replaces: string | null;
    }>({ messageKey: 'audit.event.bids.received' }),
    'bids.share_submitted': auditEvent<{ kode: string; kind: string; shares: number; members: number }>({
      messageKey: 'audit.event.bids.share_submitted',
      link: tenderOpening,
    }),
    'bids.opened': auditEvent<{
      kode: string;
      kind: string;
      opened: number;
      failed: number;
      bids: { vendor: string; sha256: string; result: string }[];
    }>({ messageKey: 'audit.event.bids.opened', link: tenderOpening }),
    'bids.price_transcribed': auditEvent<{
      kode: string;
      vendor: string;
      harga: string;
      hargaTerkoreksi: string;
      lines: number;
    }>({ messageKey: 'audit.event.bids.price_transcribed', link: tenderOpening }),
    'bids.witness_recorded': auditEvent<{ submission: string; findings: string; reportSha256: string }>({
      messageKey: 'audit.event.bids.witness_recorded',
      link: () => '/admin/kesaksian-penawaran',
    }),
    'bids.failure_decided': auditEvent<{
      kode: string;
      submission: string;
      decision: string;
      postponeDays: number | null;
      reportSha256: string;
    }>({ messageKey: 'audit.event.bids.failure_decided', link: tenderOpening }),
  },
});
