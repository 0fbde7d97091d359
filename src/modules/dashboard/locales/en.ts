import type { dashboardId } from './id.ts';

export const dashboardEn: Record<keyof typeof dashboardId, string> = {
  'dashboard.waiting': 'Waiting for you',
  'dashboard.nothingWaiting': 'Nothing is waiting for you right now.',
  'dashboard.age.lessThanHour': 'less than an hour',
  'dashboard.age.hour': '{n} hour',
  'dashboard.age.hours': '{n} hours',
  'dashboard.age.day': '{n} day',
  'dashboard.age.days': '{n} days',
  'dashboard.empty.PA': "Your agency's procurement plans still in draft and not yet announced will appear here.",
  'dashboard.empty.KPA': 'Procurement plans still in draft and not yet announced will appear here.',
  'dashboard.empty.PPK':
    'Nothing is waiting for you. SULAP documents the Pokja sends back for revision will appear here.',
  'dashboard.empty.KEPALA_ULP': 'No package is waiting for a Pokja. SULAP packages submitted by PPKs will appear here.',
  'dashboard.empty.POKJA':
    'Nothing is waiting for you. SULAP documents to review, unanswered clarification questions and sanggah will appear here.',
  'dashboard.empty.PEJABAT_PENGADAAN':
    'Nothing is waiting for you. Direct-procurement SULAP packages assigned to you will appear here; the packages you run are under Tender announcements.',
  'dashboard.empty.AUDITOR': 'Packages flagged for review will appear here once the tender module is live.',
  'dashboard.empty.PENYEDIA':
    'Nothing is waiting for you. Direct-procurement invitations, SPPBJ to answer and unread notifications will appear here; the tenders you take part in are on the Tender page.',
  'dashboard.empty.BUPATI': "The regency's procurement overview will appear here once the reporting module is live.",
  'dashboard.empty.KEPALA_LPSE': 'Registrations waiting for the Registration and Verification Unit will appear here.',
  'dashboard.empty.SEKRETARIAT':
    'Letters and service requests to the LPSE will appear here once the service module is live.',
  'dashboard.empty.VERIFIKATOR': 'Submitted registrations waiting for verification will appear here.',
  'dashboard.empty.ADMIN_SISTEM': 'Mail that failed after every retry will appear here.',
  'dashboard.empty.HELPDESK': 'Questions and complaints from users will appear here once the helpdesk module is live.',
};
