import { auditEvent } from '../../platform/module.ts';

/**
 * The declarations of the tender's life after the announcement (issue 9 items 3, 7, 8, 9): Dokumen Pemilihan
 * versions, addenda, gagal / ulang / batal and outage extensions. Spread into the module in index.ts.
 */
const tenderLink = (id: string | null) => (id ? `/kelola/tender/${id}` : null);

export const lifecyclePermissions = {
  'tenders:declare_failure': {
    roles: ['PA', 'KPA'],
    scope: 'agency',
    description:
      "Declare a tender of one's own agency gagal for KKN involving the Pokja or the PPK (Perpres 16/2018 Pasal 51 ayat 2 huruf i), or cancel it (batal)",
  },
  'tenders:replace_member': {
    roles: ['KEPALA_ULP'],
    scope: 'agency',
    description:
      "Replace a member of a running tender's Pokja (or its Pejabat Pengadaan) by SK, in one's own UKPBJ: the successor holds the same role there, is not on the tender already and is not its PPK",
  },
  'outages:record': {
    roles: ['ADMIN_SISTEM', 'HELPDESK'],
    scope: 'global',
    description:
      'Record a technical disruption of the LPSE (start, end, what failed) that Pokja cite to extend an upload stage (Perka LKPP 1/2015)',
  },
} as const;

export const lifecycleAuditEvents = {
  'tender.document_uploaded': auditEvent<{ nama: string; version: number; file: string; sha256: string }>({
    messageKey: 'audit.event.tender.document_uploaded',
    link: tenderLink,
  }),
  'tender.addendum_published': auditEvent<{ kode: string; number: number; reason: string; files: string[] }>({
    messageKey: 'audit.event.tender.addendum_published',
    link: tenderLink,
  }),
  'tender.failed': auditEvent<{ kode: string; reason: string; basis: string; note: string; by: string }>({
    messageKey: 'audit.event.tender.failed',
    link: (_id, p: { kode: string }) => `/tender/${p.kode}`,
  }),
  'tender.cancelled': auditEvent<{ kode: string; note: string; by: string }>({
    messageKey: 'audit.event.tender.cancelled',
    link: (_id, p: { kode: string }) => `/tender/${p.kode}`,
  }),
  'tender.repeated': auditEvent<{ nama: string; from: string; versi: number; reason: string; documents?: number }>({
    messageKey: 'audit.event.tender.repeated',
    link: tenderLink,
  }),
  'tender.outage_extended': auditEvent<{ kode: string; incident: string; minutes: number }>({
    messageKey: 'audit.event.tender.outage_extended',
    link: (_id, p: { kode: string }) => `/tender/${p.kode}#jadwal`,
  }),
  'tender.member_replaced': auditEvent<{
    kode: string;
    outgoing: string;
    incoming: string;
    sk: string;
    skDate: string;
    reason: string;
  }>({
    messageKey: 'audit.event.tender.member_replaced',
    link: (_id, p: { kode: string }) => `/tender/${p.kode}/ukpbj`,
  }),
  'outage.recorded': auditEvent<{ start: string; end: string; what: string }>({
    messageKey: 'audit.event.outage.recorded',
    link: () => '/admin/gangguan',
  }),
};
