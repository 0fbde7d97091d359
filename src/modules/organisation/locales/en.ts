import type { organisationId } from './id.ts';

export const organisationEn: Record<keyof typeof organisationId, string> = {
  'audit.event.agency.created': 'Added the agency {name}',
  'audit.event.lpse_team.decree_recorded': 'Recorded the LPSE team decree number {number}',
};
