import type { dashboardId } from './id.ts';

export const dashboardEn: Record<keyof typeof dashboardId, string> = {
  'dashboard.waiting': 'Waiting for you',
  'dashboard.nothingWaiting': 'Nothing is waiting for you right now.',
  'dashboard.age.lessThanHour': 'less than an hour',
  'dashboard.age.hour': '{n} hour',
  'dashboard.age.hours': '{n} hours',
  'dashboard.age.day': '{n} day',
  'dashboard.age.days': '{n} days',
  'dashboard.empty.PA':
    "Your agency's procurement plans waiting for approval will appear here once the RUP module is live.",
  'dashboard.empty.KPA': 'Procurement plans waiting for your approval will appear here once the RUP module is live.',
  'dashboard.empty.PPK':
    'Nothing is waiting for you. SULAP documents the Pokja sends back for revision will appear here.',
  'dashboard.empty.KEPALA_ULP': 'No package is waiting for a Pokja. SULAP packages submitted by PPKs will appear here.',
  'dashboard.empty.POKJA':
    'No document is waiting for your review. SULAP packages assigned to you will appear here; tenders follow once the tender module is live.',
  'dashboard.empty.PEJABAT_PENGADAAN':
    'Direct procurements you need to process will appear here once the non-tender module is live.',
  'dashboard.empty.AUDITOR': 'Packages flagged for review will appear here once the tender module is live.',
  'dashboard.empty.PENYEDIA':
    'Tenders you take part in and their bid deadlines will appear here once the tender module is live.',
  'dashboard.empty.BUPATI': "The regency's procurement overview will appear here once the reporting module is live.",
  'dashboard.empty.KEPALA_LPSE': 'Registrations waiting for the Registration and Verification Unit will appear here.',
  'dashboard.empty.SEKRETARIAT':
    'Letters and service requests to the LPSE will appear here once the service module is live.',
  'dashboard.empty.VERIFIKATOR': 'Submitted registrations waiting for verification will appear here.',
  'dashboard.empty.ADMIN_SISTEM': 'Mail that failed after every retry will appear here.',
  'dashboard.empty.HELPDESK': 'Questions and complaints from users will appear here once the helpdesk module is live.',
};
