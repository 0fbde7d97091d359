/** Bahasa Indonesia messages of the organisation module that are declared through the module contract. */
export const organisationId = {
  'audit.event.agency.created': 'Menambah instansi {name}',
  'audit.event.lpse_team.decree_recorded': 'Mencatat SK Tim LPSE nomor {number}',
} as const;
